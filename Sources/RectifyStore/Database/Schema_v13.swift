import GRDB

/// Issue 17: the party's waiver of a hearing (行政处罚法 art. 64), recorded in a table of its own so that no
/// audited row changes shape. One per penalty procedure.
enum SchemaV13 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hearingWaiver (
                id INTEGER PRIMARY KEY,
                penaltyId INTEGER NOT NULL UNIQUE REFERENCES penalty(id),
                waivedOn TEXT NOT NULL CHECK (waivedOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                              AND date(waivedOn, '+0 days') = waivedOn),
                statement TEXT NOT NULL CHECK (length(trim(statement)) > 0)
            ) STRICT;
            """)
    }
}
