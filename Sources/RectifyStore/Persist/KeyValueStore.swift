import Foundation
import GRDB

/// The web server's expiring key-value entries (sessions, sign-in throttling) in the `persist` table of the same
/// database, so that a restart keeps people signed in. Values are JSON; an expired entry reads as absent and is
/// removed by the next write. Not audited: nothing here belongs to a case or to the register.
public struct KeyValueStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public enum Failure: Error { case duplicate }

    /// Stores `value` under `key`; with `onlyIfNew`, an existing live entry is a `duplicate`.
    public func put(_ key: String, _ value: Data, expiresAt: Date?, onlyIfNew: Bool = false) throws {
        let now = database.clock().timeIntervalSince1970
        try database.writeUnaudited { db in
            try db.execute(sql: "DELETE FROM persist WHERE expiresAt IS NOT NULL AND expiresAt <= ?", arguments: [now])
            if onlyIfNew, try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM persist WHERE key = ?)", arguments: [key]) == true {
                throw Failure.duplicate
            }
            try db.execute(sql: """
                INSERT INTO persist (key, value, expiresAt) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, expiresAt = coalesce(excluded.expiresAt, persist.expiresAt)
                """, arguments: [key, value, expiresAt?.timeIntervalSince1970])
        }
    }

    /// The live value under `key`, with when it expires.
    public func get(_ key: String) throws -> (value: Data, expiresAt: Date?)? {
        let now = database.clock().timeIntervalSince1970
        return try database.readDatabase { db in
            try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM persist WHERE key = ? AND (expiresAt IS NULL OR expiresAt > ?)",
                             arguments: [key, now]).map { row in
                (row["value"] as Data, (row["expiresAt"] as Double?).map { Date(timeIntervalSince1970: $0) })
            }
        }
    }

    public func remove(_ key: String) throws {
        try database.writeUnaudited { try $0.execute(sql: "DELETE FROM persist WHERE key = ?", arguments: [key]) }
    }
}
