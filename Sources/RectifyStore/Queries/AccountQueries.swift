import Foundation
import GRDB
import RectifyCore

extension Store {
    public func account(login: String) throws -> Account? {
        try one("SELECT * FROM account WHERE login = ?", login.trimmed)
    }

    public func account(id: Account.ID) throws -> Account? {
        try one("SELECT * FROM account WHERE id = ?", id)
    }

    public func accounts() throws -> [Account] {
        try all("SELECT * FROM account ORDER BY id")
    }

    /// The bcrypt hash of an account's password.
    public func passwordHash(accountId: Account.ID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM accountPassword WHERE accountId = ?"), arguments: [accountId])
    }
}

extension Store {
    public func apiToken(name: String) throws -> APIToken? {
        try one("SELECT * FROM apiToken WHERE name = ?", name.trimmed)
    }

    public func apiTokens() throws -> [APIToken] {
        try all("SELECT * FROM apiToken ORDER BY id")
    }

    /// The live token whose secret hashes to `sha256`, if any.
    public func apiToken(sha256: String) throws -> APIToken? {
        try one("""
            SELECT apiToken.* FROM apiToken JOIN apiTokenSecret ON apiTokenSecret.tokenId = apiToken.id
            WHERE apiTokenSecret.sha256 = ? AND apiToken.revokedAt IS NULL
            """, sha256)
    }
}

extension WriteContext {
    /// Keeps the hash of a new token's secret, out of the audit chain, in the transaction that records the token.
    public func setTokenSecret(sha256: String, tokenId: APIToken.ID) throws {
        try db.execute(sql: "INSERT INTO apiTokenSecret (tokenId, sha256) VALUES (?, ?)", arguments: [tokenId, sha256])
    }

    /// Sets an account's password hash, kept out of the audit chain; the audited `account` row records when
    /// (`passwordSetAt`), in the same transaction.
    public func setPasswordHash(_ hash: String, accountId: Account.ID) throws {
        try db.execute(sql: """
            INSERT INTO accountPassword (accountId, hash) VALUES (?, ?)
            ON CONFLICT (accountId) DO UPDATE SET hash = excluded.hash
            """, arguments: [accountId, hash])
    }
}
