import Foundation
import GRDB
import RectifyCore

/// The audited tables accept a write only from the audit chain's own statements. TEMP triggers on the writing
/// connection refuse every other INSERT, UPDATE or DELETE (`AUDIT-BYPASS`), so code that holds the connection inside
/// a write — `WriteContext.db` — cannot store a row the chain does not record. `WriteContext` opens the gate, a
/// connection-local SQL function, around each of its own writes only. The gate belongs to the connection, whatever
/// `AppDatabase` values share it.
enum AuditGate {
    static let function = "rectify_audit_gate_open"
    static let refusal = "AUDIT-BYPASS: audited tables are written only through the audit chain"
    private static let lock = NSLock()
    /// Open gates by connection; an entry goes when its gate closes.
    nonisolated(unsafe) private static var openings: [ObjectIdentifier: Int] = [:]

    static func install(_ db: Database) throws {
        let connection = ObjectIdentifier(db)
        db.add(function: DatabaseFunction(function, argumentCount: 0, pure: false) { _ in isOpen(connection) })
        for table in AuditedTables.names where try db.tableExists(table) {
            for operation in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TEMP TRIGGER IF NOT EXISTS "audit_gate_\(table)_\(operation.lowercased())"
                    BEFORE \(operation) ON main.\(table.quotedDatabaseIdentifier) WHEN NOT \(function)()
                    BEGIN SELECT RAISE(ABORT, '\(refusal)'); END
                    """)
            }
        }
    }

    /// Runs one of the chain's own writes with the connection's gate open.
    static func passing<T>(_ db: Database, _ write: () throws -> T) rethrows -> T {
        let connection = ObjectIdentifier(db)
        lock.withLock { openings[connection, default: 0] += 1 }
        defer {
            lock.withLock {
                let left = openings[connection, default: 1] - 1
                openings[connection] = left > 0 ? left : nil
            }
        }
        return try write()
    }

    private static func isOpen(_ connection: ObjectIdentifier) -> Bool {
        lock.withLock { openings[connection] != nil }
    }
}
