import GRDB

/// Issue 16: every signed file carries its agency's audit-chain head; the superior keeps the head each case file
/// arrived with, so that a district's history can be checked against it.
enum SchemaV12 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE filing ADD COLUMN chainSeq INTEGER CHECK (chainSeq IS NULL OR chainSeq >= 0);
            ALTER TABLE filing ADD COLUMN chainHash TEXT CHECK (chainHash IS NULL OR length(chainHash) = 64);
            """)
    }
}
