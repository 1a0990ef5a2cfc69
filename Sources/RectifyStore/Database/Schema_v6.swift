import GRDB

/// Issue 5: the progress ledger. Derived from the audited tables (so not itself audited) and kept current inside every
/// write transaction, so that progress as of any date is a sum over a small tally instead of a scan of every case.
enum SchemaV6 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE progressCase (
                caseId INTEGER PRIMARY KEY REFERENCES "case"(id),
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                keys TEXT NOT NULL,
                contributions TEXT NOT NULL
            ) STRICT;

            CREATE TABLE progressTally (
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                dimension TEXT NOT NULL CHECK (dimension IN ('all','street','grid','department','officer','category')),
                key TEXT NOT NULL,
                measure TEXT NOT NULL,
                day TEXT NOT NULL CHECK \(SchemaV1.dateCheck("day")),
                n INTEGER NOT NULL CHECK (n <> 0),
                PRIMARY KEY (campaignId, dimension, key, measure, day)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE unitTally (
                streetId INTEGER NOT NULL,
                category TEXT NOT NULL,
                gridId INTEGER NOT NULL,
                departmentId INTEGER NOT NULL,
                day TEXT NOT NULL CHECK \(SchemaV1.dateCheck("day")),
                n INTEGER NOT NULL CHECK (n <> 0),
                PRIMARY KEY (streetId, category, gridId, departmentId, day)
            ) STRICT, WITHOUT ROWID;
            """)
        try ProgressLedger.rebuild(db)
    }
}
