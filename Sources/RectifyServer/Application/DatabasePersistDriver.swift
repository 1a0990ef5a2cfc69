import Foundation
import Hummingbird
import RectifyStore

/// Hummingbird's `PersistDriver` over the database's `persist` table (`KeyValueStore`, GRDB underneath): sessions and
/// sign-in throttling survive a restart and are shared by every process serving the same file. Values are JSON; an
/// entry past its expiry reads as absent, and every write removes the expired ones, so the driver has no work of its
/// own to run and is not added to the application's services (a service that ignored graceful shutdown kept the
/// server from stopping on SIGTERM).
struct DatabasePersistDriver: PersistDriver {
    let store: KeyValueStore
    let clock: @Sendable () -> Date

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        do {
            try store.put(key, try JSONEncoder().encode(value), expiresAt: expiry(expires), onlyIfNew: true)
        } catch KeyValueStore.Failure.duplicate {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try store.put(key, try JSONEncoder().encode(value), expiresAt: expiry(expires))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try store.get(key).flatMap { try? JSONDecoder().decode(Object.self, from: $0.value) }
    }

    func remove(key: String) async throws {
        try store.remove(key)
    }

    /// `Service`'s requirement; nothing to run (see above).
    func run() async throws {}

    private func expiry(_ expires: Duration?) -> Date? {
        expires.map { clock().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}
