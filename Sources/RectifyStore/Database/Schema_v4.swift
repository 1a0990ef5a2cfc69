import GRDB

/// Issue 4: the superior's side — what districts filed (provenance) and the current version of each filed case.
enum SchemaV4 {
    static func migrate(_ db: Database) throws {
        let date = SchemaV1.dateCheck
        try db.execute(sql: """
            CREATE TABLE filing (
                id INTEGER PRIMARY KEY,
                agencyName TEXT NOT NULL CHECK (length(trim(agencyName)) > 0),
                divisionCode TEXT NOT NULL,
                caseNumber TEXT NOT NULL CHECK (length(trim(caseNumber)) > 0),
                formedAt TEXT NOT NULL,
                nature TEXT NOT NULL CHECK (nature IN ('interim', 'final')),
                sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                size INTEGER NOT NULL CHECK (size > 0),
                fileName TEXT NOT NULL,
                receivedAt TEXT NOT NULL,
                current INTEGER NOT NULL CHECK (current IN (0, 1))
            ) STRICT;
            CREATE UNIQUE INDEX filing_current ON filing(divisionCode, caseNumber) WHERE current = 1;

            CREATE TABLE filedCase (
                id INTEGER PRIMARY KEY,
                filingId INTEGER NOT NULL UNIQUE REFERENCES filing(id),
                divisionCode TEXT NOT NULL,
                caseNumber TEXT NOT NULL,
                campaignCode TEXT NOT NULL,
                campaignTitle TEXT NOT NULL,
                campaignKind TEXT NOT NULL,
                uscc TEXT NOT NULL CHECK (length(uscc) = 18),
                unitName TEXT NOT NULL,
                street TEXT NOT NULL,
                category TEXT NOT NULL,
                state TEXT NOT NULL,
                openedOn TEXT NOT NULL CHECK \(date("openedOn")),
                closedOn TEXT CHECK (closedOn IS NULL OR \(date("closedOn"))),
                UNIQUE (divisionCode, caseNumber)
            ) STRICT;

            CREATE TABLE filedHazard (
                id INTEGER PRIMARY KEY,
                filedCaseId INTEGER NOT NULL REFERENCES filedCase(id),
                reference TEXT NOT NULL,
                description TEXT NOT NULL,
                level TEXT NOT NULL,
                criterion TEXT NOT NULL,
                foundOn TEXT NOT NULL CHECK \(date("foundOn")),
                originalDeadline TEXT NOT NULL CHECK \(date("originalDeadline")),
                deadline TEXT NOT NULL CHECK \(date("deadline")),
                status TEXT NOT NULL,
                listed INTEGER NOT NULL CHECK (listed IN (0, 1)),
                orderNumber TEXT NOT NULL,
                UNIQUE (filedCaseId, reference)
            ) STRICT;

            CREATE TABLE filedDocument (
                id INTEGER PRIMARY KEY,
                filedCaseId INTEGER NOT NULL REFERENCES filedCase(id),
                number TEXT NOT NULL,
                kind TEXT NOT NULL,
                issuedOn TEXT NOT NULL CHECK \(date("issuedOn")),
                UNIQUE (filedCaseId, number)
            ) STRICT;

            CREATE TABLE filedRecord (
                id INTEGER PRIMARY KEY,
                filedCaseId INTEGER NOT NULL REFERENCES filedCase(id),
                kind TEXT NOT NULL CHECK (kind IN ('plan', 'self-check', 'recheck', 'penalty')),
                date TEXT NOT NULL CHECK \(date("date")),
                summary TEXT NOT NULL
            ) STRICT;
            """)
    }
}
