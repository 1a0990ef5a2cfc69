import Foundation
import Hummingbird
import RectifyKit

/// Sessions and sign-in throttling, kept by a `PersistDriver` (the database's, `DatabasePersistDriver`): a restart
/// keeps people signed in.
struct SessionStore: Sendable {
    let driver: any PersistDriver
    static let lifetime: TimeInterval = 8 * 3600

    func create(accountId: Int64) async throws -> (token: String, session: WebSession) {
        let token = Tokens.new()
        let session = WebSession(accountId: accountId, csrf: Tokens.new())
        try await driver.create(key: Tokens.key(token), value: session, expires: .seconds(Self.lifetime))
        return (token, session)
    }

    func session(token: String) async throws -> WebSession? {
        try await driver.get(key: Tokens.key(token), as: WebSession.self)
    }

    func end(token: String) async throws { try await driver.remove(key: Tokens.key(token)) }

    /// Failed sign-ins per login and per address in the last quarter of an hour; five of either stop the next try.
    static let window: TimeInterval = 15 * 60
    static let allowedFailures = 5

    func isThrottled(login: String, address: String) async throws -> Bool {
        let byLogin = try await failures("login:" + login)
        let byAddress = try await failures("address:" + address)
        return byLogin >= Self.allowedFailures || byAddress >= Self.allowedFailures
    }

    func recordFailure(login: String, address: String) async throws {
        for key in ["login:" + login, "address:" + address] {
            let count = try await failures(key) + 1
            try await driver.set(key: "throttle:" + key, value: count, expires: .seconds(Self.window))
        }
    }

    func clearFailures(login: String) async throws { try await driver.remove(key: "throttle:login:" + login) }

    private func failures(_ key: String) async throws -> Int {
        try await driver.get(key: "throttle:" + key, as: Int.self) ?? 0
    }
}
