import Foundation
import RectifyKit
import RectifyStore

/// Sessions and sign-in throttling in the server's key-value store (the `persist` table of the same database): a
/// restart keeps people signed in.
struct SessionStore: Sendable {
    let store: KeyValueStore
    let clock: @Sendable () -> Date
    static let lifetime: TimeInterval = 8 * 3600

    func create(accountId: Int64) throws -> (token: String, session: WebSession) {
        let token = Tokens.new()
        let session = WebSession(accountId: accountId, csrf: Tokens.new())
        try store.put(Tokens.key(token), try JSONEncoder().encode(session), expiresAt: clock().addingTimeInterval(Self.lifetime),
                      onlyIfNew: true)
        return (token, session)
    }

    func session(token: String) throws -> WebSession? {
        guard let entry = try store.get(Tokens.key(token)) else { return nil }
        return try? JSONDecoder().decode(WebSession.self, from: entry.value)
    }

    func end(token: String) throws { try store.remove(Tokens.key(token)) }

    /// Failed sign-ins per login and per address in the last quarter of an hour; five of either stop the next try.
    static let window: TimeInterval = 15 * 60
    static let allowedFailures = 5

    func isThrottled(login: String, address: String) throws -> Bool {
        try failures("login:" + login) >= Self.allowedFailures || failures("address:" + address) >= Self.allowedFailures
    }

    func recordFailure(login: String, address: String) throws {
        for key in ["login:" + login, "address:" + address] {
            let count = try failures(key) + 1
            try store.put("throttle:" + key, Data(String(count).utf8), expiresAt: clock().addingTimeInterval(Self.window))
        }
    }

    func clearFailures(login: String) throws { try store.remove("throttle:login:" + login) }

    private func failures(_ key: String) throws -> Int {
        try store.get("throttle:" + key).flatMap { Int(String(decoding: $0.value, as: UTF8.self)) } ?? 0
    }
}
