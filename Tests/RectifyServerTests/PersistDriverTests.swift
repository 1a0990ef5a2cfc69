import Foundation
import Hummingbird
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Synchronization
import Testing

@Suite("Sessions' PersistDriver over the database")
struct PersistDriverTests {
    @Test("create refuses a live key; values round-trip as JSON; an entry past its expiry reads as absent and the next write removes it")
    func driver() async throws {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let database = try AppDatabase.inMemory(clock: { now.withLock { $0 } })
        let driver = DatabasePersistDriver(store: KeyValueStore(database), clock: { now.withLock { $0 } })
        try await driver.create(key: "session:a", value: ["csrf": "x"], expires: .seconds(60))
        await #expect(throws: PersistError.duplicate) { try await driver.create(key: "session:a", value: ["csrf": "y"], expires: nil) }
        #expect(try await driver.get(key: "session:a", as: [String: String].self) == ["csrf": "x"])
        try await driver.set(key: "throttle:login:a", value: 3, expires: .seconds(10))
        #expect(try await driver.get(key: "throttle:login:a", as: Int.self) == 3)
        now.withLock { $0 = $0.addingTimeInterval(61) }
        #expect(try await driver.get(key: "session:a", as: [String: String].self) == nil)
        // The next write removes what expired, and the key is free again.
        try await driver.create(key: "session:a", value: ["csrf": "z"], expires: nil)
        let left = try database.readDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM persist") }
        #expect(left == 1)
        try await driver.remove(key: "session:a")
        #expect(try await driver.get(key: "session:a", as: [String: String].self) == nil)
    }
}
