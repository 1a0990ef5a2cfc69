import GRDB

/// Issue 3: the penalty procedure and the administrator's additions to the violation catalogue.
enum SchemaV3 {
    static func migrate(_ db: Database) throws {
        let date = SchemaV1.dateCheck
        func optionalDate(_ column: String) -> String { "CHECK (\(column) IS NULL OR \(date(column)))" }
        try db.execute(sql: """
            CREATE TABLE violation (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
                kind TEXT CHECK (kind IS NULL OR kind IN ('gas','e-bike','pump-truck','special-equipment','fire','other')),
                title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                basis TEXT NOT NULL CHECK (length(trim(basis)) > 0),
                party TEXT NOT NULL CHECK (party IN ('organisation', 'individual')),
                minFineYuan INTEGER NOT NULL CHECK (minFineYuan >= 0),
                maxFineYuan INTEGER NOT NULL,
                CHECK (maxFineYuan >= minFineYuan)
            ) STRICT;

            CREATE TABLE penalty (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL UNIQUE REFERENCES "case"(id),
                procedure TEXT NOT NULL CHECK (procedure IN ('general', 'summary')),
                stage TEXT NOT NULL CHECK (stage IN ('filed','notified','decided','served','paid','transferred','closed')),
                party TEXT NOT NULL CHECK (party IN ('organisation', 'individual')),
                violationCode TEXT NOT NULL,
                basis TEXT NOT NULL CHECK (length(trim(basis)) > 0),
                facts TEXT NOT NULL CHECK (length(trim(facts)) > 0),
                violationOn TEXT NOT NULL CHECK \(date("violationOn")),
                harm INTEGER NOT NULL CHECK (harm IN (0, 1)),
                officer1Id INTEGER NOT NULL REFERENCES officer(id),
                officer2Id INTEGER NOT NULL REFERENCES officer(id),
                filedOn TEXT \(optionalDate("filedOn")),
                filingDocumentId INTEGER REFERENCES document(id),
                noticeOn TEXT \(optionalDate("noticeOn")),
                noticeDocumentId INTEGER REFERENCES document(id),
                proposedFineYuan INTEGER CHECK (proposedFineYuan IS NULL OR proposedFineYuan >= 0),
                proposedMeasures TEXT,
                hearingRight INTEGER NOT NULL CHECK (hearingRight IN (0, 1)),
                defenceOn TEXT \(optionalDate("defenceOn")),
                defence TEXT,
                defenceWaived INTEGER NOT NULL CHECK (defenceWaived IN (0, 1)),
                hearingRequestedOn TEXT \(optionalDate("hearingRequestedOn")),
                hearingNotifiedOn TEXT \(optionalDate("hearingNotifiedOn")),
                hearingHeldOn TEXT \(optionalDate("hearingHeldOn")),
                reviewOn TEXT \(optionalDate("reviewOn")),
                reviewer TEXT,
                discussionOn TEXT \(optionalDate("discussionOn")),
                decidedOn TEXT \(optionalDate("decidedOn")),
                decisionDocumentId INTEGER REFERENCES document(id),
                fineYuan INTEGER CHECK (fineYuan IS NULL OR fineYuan >= 0),
                measures TEXT,
                stopOrder INTEGER NOT NULL CHECK (stopOrder IN (0, 1)),
                servedOn TEXT \(optionalDate("servedOn")),
                serviceMethod TEXT,
                paymentDueOverride TEXT \(optionalDate("paymentDueOverride")),
                paidOn TEXT \(optionalDate("paidOn")),
                paidFen INTEGER CHECK (paidFen IS NULL OR paidFen >= 0),
                surchargeFen INTEGER CHECK (surchargeFen IS NULL OR surchargeFen >= 0),
                demandOn TEXT \(optionalDate("demandOn")),
                transferredOn TEXT \(optionalDate("transferredOn")),
                transferTo TEXT,
                closedOn TEXT \(optionalDate("closedOn")),
                CHECK (officer1Id <> officer2Id),
                CHECK (procedure = 'summary' OR filedOn IS NOT NULL),
                CHECK (decidedOn IS NULL OR procedure = 'summary' OR noticeOn IS NOT NULL),
                CHECK (noticeOn IS NULL OR noticeOn >= filedOn),
                CHECK (decidedOn IS NULL OR noticeOn IS NULL OR decidedOn > noticeOn),
                CHECK (servedOn IS NULL OR (decidedOn IS NOT NULL AND servedOn >= decidedOn)),
                CHECK (paidOn IS NULL OR servedOn IS NOT NULL),
                CHECK ((stage = 'closed') = (closedOn IS NOT NULL))
            ) STRICT;
            CREATE TRIGGER penalty_closed_frozen BEFORE UPDATE ON penalty WHEN OLD.stage = 'closed'
                BEGIN SELECT RAISE(ABORT, 'PENALTY-CLOSED-FROZEN: a closed penalty case never changes'); END;

            CREATE TABLE penaltyPause (
                id INTEGER PRIMARY KEY,
                penaltyId INTEGER NOT NULL REFERENCES penalty(id),
                "from" TEXT NOT NULL CHECK \(date("\"from\"")),
                "to" TEXT NOT NULL CHECK \(date("\"to\"")),
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                CHECK ("to" >= "from")
            ) STRICT;
            """)
    }
}
