import GRDB

/// Issue 3: administrator-added holiday schedules and rule versions (the shipped ones live in RectifyCore).
enum SchemaV2 {
    static func migrate(_ db: Database) throws {
        let dateCheck = SchemaV1.dateCheck
        let keys = "'decision-deadline','service-window','payment-window','surcharge-rate','surcharge-cap',"
            + "'summary-fine-individual','summary-fine-organisation','summary-cash-limit','hearing-threshold-individual',"
            + "'hearing-threshold-organisation','hearing-request-window','hearing-notice','defence-window','recheck-window',"
            + "'limitation','limitation-harm'"
        try db.execute(sql: """
            CREATE TABLE calendarYear (
                id INTEGER PRIMARY KEY,
                year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1990 AND 2999),
                source TEXT NOT NULL CHECK (length(trim(source)) > 0)
            ) STRICT;

            CREATE TABLE calendarDay (
                id INTEGER PRIMARY KEY,
                calendarYearId INTEGER NOT NULL REFERENCES calendarYear(id),
                date TEXT NOT NULL UNIQUE CHECK \(dateCheck("date")),
                kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday'))
            ) STRICT;

            CREATE TABLE ruleVersion (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL CHECK (key IN (\(keys))),
                kind TEXT CHECK (kind IS NULL OR kind IN ('gas','e-bike','pump-truck','special-equipment','fire','other')),
                value INTEGER NOT NULL CHECK (value >= 0),
                unit TEXT NOT NULL CHECK (unit IN ('days','working-days','percent','yuan','years')),
                effectiveFrom TEXT NOT NULL CHECK \(dateCheck("effectiveFrom")),
                source TEXT NOT NULL CHECK (length(trim(source)) > 0)
            ) STRICT;
            CREATE UNIQUE INDEX ruleVersion_unique ON ruleVersion(key, ifnull(kind, ''), effectiveFrom);
            """)
    }
}
