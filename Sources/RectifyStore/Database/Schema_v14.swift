import GRDB

/// Issue 17: the limitation of 行政处罚法 art. 36 is judged on the day the violation was discovered, recorded with
/// the penalty. Adding a column re-spells every existing row, which the chain records (`ReshapedRows`); so does it
/// for the filings stored before v11 and v12 added theirs, which went unrecorded then.
enum SchemaV14 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE penalty ADD COLUMN discoveredOn TEXT
                CHECK (discoveredOn IS NULL OR (discoveredOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                                AND date(discoveredOn, '+0 days') = discoveredOn));
            """)
        try ReshapedRows.record(db, table: "penalty", addedColumns: [["discoveredOn"]], migration: "v14")
        try ReshapedRows.record(db, table: "filing", addedColumns: [["signerFingerprint", "signerSubject"],
                                                                    ["chainSeq", "chainHash"]], migration: "v14")
    }
}
