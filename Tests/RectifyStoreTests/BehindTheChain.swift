import GRDB
@testable import RectifyStore

extension DatabaseWriter {
    /// A write made behind Rectify's back, as the sqlite3 tool makes one: Rectify's own connection refuses writes to
    /// audited tables that do not come from the audit chain (`AuditGate`), so the gate is opened for the test's.
    func writeBehindTheChain<T>(_ body: (Database) throws -> T) throws -> T {
        try write { db in try AuditGate.passing(db) { try body(db) } }
    }

    func behindTheChain<T>(_ body: (Database) throws -> T) throws -> T {
        try writeWithoutTransaction { db in try AuditGate.passing(db) { try body(db) } }
    }
}
