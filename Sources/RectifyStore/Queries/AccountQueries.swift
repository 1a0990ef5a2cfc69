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

extension WriteContext {
    /// Sets an account's password hash, kept out of the audit chain; the audited `account` row records when
    /// (`passwordSetAt`), in the same transaction.
    public func setPasswordHash(_ hash: String, accountId: Account.ID) throws {
        try db.execute(sql: """
            INSERT INTO accountPassword (accountId, hash) VALUES (?, ?)
            ON CONFLICT (accountId) DO UPDATE SET hash = excluded.hash
            """, arguments: [accountId, hash])
    }
}
