import Foundation
import RectifyCore
import RectifyStore

/// Bearer tokens of the JSON API: made by an administrator for an account, shown once, kept only as a hash, revocable;
/// every change audited.
extension Rectify {
    public struct APITokenListing: Codable, Sendable {
        public var name: String
        public var login: String
        public var role: AccountRole
        public var createdAt: String
        public var revokedAt: String?
    }

    /// Makes a token that acts as `login` in its current role; returns the token, which is not stored anywhere.
    public func addAPIToken(name: String, login: String, actor: String) throws -> (token: APIToken, secret: String) {
        let name = try require(name, field: "令牌名称", english: "token name")
        var generator = SystemRandomNumberGenerator()
        let secret = "rectify_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let token = try database.write(actor: actor) { context in
            if try context.store.apiToken(name: name) != nil {
                throw RuleViolation(rule: .apiTokenNameUnique, chinese: "已有名为“\(name)”的接口令牌",
                                    english: "an API token named '\(name)' exists already")
            }
            guard let account = try context.store.account(login: login), !account.disabled else {
                throw NotFoundError("可用账户", "enabled account", key: login)
            }
            var token = APIToken(accountId: account.id!, name: name, role: account.role, createdAt: Timestamp.string(context.now))
            let id = try context.insert(&token, action: "api-token.add")
            try context.setTokenSecret(sha256: SHA256.hex(Data(secret.utf8)), tokenId: id)
            return token
        }
        return (token, secret)
    }

    public func revokeAPIToken(name: String, actor: String) throws -> APIToken {
        try database.write(actor: actor) { context in
            guard var token = try context.store.apiToken(name: name) else { throw NotFoundError("接口令牌", "API token", key: name) }
            guard token.revokedAt == nil else { return token }
            token.revokedAt = Timestamp.string(context.now)
            try context.update(token, action: "api-token.revoke")
            return token
        }
    }

    public func apiTokens() throws -> [APITokenListing] {
        try database.read { store in
            try store.apiTokens().map { token in
                APITokenListing(name: token.name, login: try store.account(id: token.accountId)?.login ?? "",
                                role: token.role, createdAt: token.createdAt, revokedAt: token.revokedAt)
            }
        }
    }

    /// Who a bearer token acts as: nil for an unknown or revoked token, a disabled account, or an account whose role
    /// is no longer the token's.
    public func signIn(bearer secret: String) throws -> SignedIn? {
        guard secret.hasPrefix("rectify_"), secret.count < 200 else { return nil }
        let token = try database.read { try $0.apiToken(sha256: SHA256.hex(Data(secret.utf8))) }
        guard let token, let person = try currentSignIn(accountId: token.accountId.rawValue), person.role == token.role else {
            return nil
        }
        return person
    }
}
