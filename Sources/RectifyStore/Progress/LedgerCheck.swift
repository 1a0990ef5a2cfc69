import GRDB
import RectifyCore

/// Recomputes the progress ledger — the derived tables the figures of a signed statistics report come from — and
/// compares it with what is stored, so that a tally changed behind Rectify's back is found by `verify` and stops
/// `export report`. The recomputation runs in TEMP copies of the tables, which shadow the stored ones for the ledger's
/// own unqualified SQL; a read-only connection may write its TEMP schema, so this works on one
/// (`AppDatabase.readWithScratchTables`).
public enum LedgerCheck {
    public struct Difference: Sendable, Equatable {
        public var table: String
        /// The row's key columns, as `column=value` joined by spaces.
        public var key: String
        public var stored: String?
        public var recomputed: String?
    }

    public static let tables = ["progressCase", "progressTally", "progressTotal", "unitTally"]

    /// Every difference, or those of one campaign (`campaignId`: its cases, tallies and totals, and the register).
    public static func differences(_ store: Store, campaignId: Campaign.ID? = nil) throws -> [Difference] {
        try differences(store.db, campaignId: campaignId?.rawValue)
    }

    static func differences(_ db: Database, campaignId: Int64? = nil) throws -> [Difference] {
        try makeShadows(db)
        defer { try? dropShadows(db) }
        if let campaignId {
            try db.execute(sql: "DELETE FROM temp.unitTally")
            try ProgressLedger.rebuildRegister(db)
            // The working copies start empty.
            try ProgressLedger.refresh(db, caseIds: try Int64.fetchAll(db, sql: "SELECT id FROM main.\"case\" WHERE campaignId = ? ORDER BY id",
                                                                         arguments: [campaignId]), fresh: true)
        } else {
            try ProgressLedger.rebuild(db)
        }
        var found: [Difference] = []
        for table in tables {
            found += try compare(db, table: table, campaignId: table == "unitTally" ? nil : campaignId)
        }
        return found
    }

    private static func makeShadows(_ db: Database) throws {
        try dropShadows(db)
        for table in tables {
            guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?",
                                                arguments: [table]) else { continue }
            // Foreign keys cannot reach from TEMP into the main schema; the copy keeps keys and checks.
            let shadow = sql.replacingOccurrences(of: #"REFERENCES\s+"?\w+"?\s*\(\w+\)"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"^CREATE TABLE\s+"?\w+"?"#, with: "CREATE TEMP TABLE \(table)", options: .regularExpression)
            try db.execute(sql: shadow)
        }
        // The recomputation's unqualified SQL must reach the copies, never the stored tables.
        let shadows = try String.fetchAll(db, sql: "SELECT name FROM temp.sqlite_master WHERE type = 'table'")
        guard Set(tables).isSubset(of: shadows) else {
            throw StoreError.database("the ledger check could not make its working copies")
        }
    }

    private static func dropShadows(_ db: Database) throws {
        for table in tables { try db.execute(sql: "DROP TABLE IF EXISTS temp.\(table)") }
    }

    /// The rows on one side only, found by SQLite (`EXCEPT`), then paired by key: a whole ledger is compared without
    /// bringing it into Swift.
    private static func compare(_ db: Database, table: String, campaignId: Int64?) throws -> [Difference] {
        let columns = try db.columns(in: table, in: "main").map(\.name)
        let keyColumns = try db.primaryKey(table).columns
        let valueColumns = columns.filter { !keyColumns.contains($0) }
        let filter = campaignId.map { "WHERE campaignId = \($0)" } ?? ""
        func only(_ schema: String, _ other: String) throws -> [String: String] {
            var rows: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(schema).\(table) \(filter) EXCEPT SELECT * FROM \(other).\(table) \(filter)") {
                let key = keyColumns.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
                rows[key] = valueColumns.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: " ")
            }
            return rows
        }
        let stored = try only("main", "temp"), recomputed = try only("temp", "main")
        return Set(stored.keys).union(recomputed.keys).sorted().map { key in
            Difference(table: table, key: key, stored: stored[key], recomputed: recomputed[key])
        }
    }
}
