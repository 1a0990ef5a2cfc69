import GRDB

/// The first schema. Landed migrations are never edited: later changes add migrations.
enum SchemaV1 {
    static let categoryCheck = "('above-scale','below-scale','restaurant','crowded-place','individual','construction-site','other')"
    /// A `yyyy-MM-dd` date that exists (SQLite's date() alone lets 02-30 through; "+0 days" normalises it).
    static func dateCheck(_ column: String) -> String {
        "(\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(\(column), '+0 days') = \(column))"
    }

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agency (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                abbreviation TEXT NOT NULL CHECK (length(trim(abbreviation)) > 0 AND abbreviation NOT GLOB '*[()（）]*'),
                divisionCode TEXT NOT NULL CHECK (
                    divisionCode GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'
                    OR divisionCode GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
            ) STRICT;

            CREATE TABLE department (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0)
            ) STRICT;

            CREATE TABLE street (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                divisionCode TEXT CHECK (divisionCode IS NULL OR divisionCode GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')
            ) STRICT;

            CREATE TABLE grid (
                id INTEGER PRIMARY KEY,
                streetId INTEGER NOT NULL REFERENCES street(id),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                community TEXT NOT NULL CHECK (length(trim(community)) > 0),
                safetyOfficer TEXT,
                UNIQUE (streetId, name),
                UNIQUE (id, streetId)
            ) STRICT;

            CREATE TABLE officer (
                id INTEGER PRIMARY KEY,
                credential TEXT NOT NULL UNIQUE CHECK (length(credential) BETWEEN 4 AND 32 AND credential NOT GLOB '*[^0-9A-Z-]*'),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                departmentId INTEGER NOT NULL REFERENCES department(id),
                active INTEGER NOT NULL CHECK (active IN (0, 1))
            ) STRICT;

            CREATE TABLE unit (
                id INTEGER PRIMARY KEY,
                uscc TEXT NOT NULL UNIQUE CHECK (length(uscc) = 18 AND uscc NOT GLOB '*[^0-9ABCDEFGHJKLMNPQRTUWXY]*'),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                address TEXT NOT NULL,
                streetId INTEGER NOT NULL REFERENCES street(id),
                gridId INTEGER NOT NULL,
                category TEXT NOT NULL CHECK (category IN \(categoryCheck)),
                departmentId INTEGER NOT NULL REFERENCES department(id),
                contactPerson TEXT,
                phone TEXT,
                legalRepresentative TEXT,
                supervisors TEXT,
                FOREIGN KEY (gridId, streetId) REFERENCES grid(id, streetId)
            ) STRICT;
            CREATE INDEX unit_street ON unit(streetId, category);

            CREATE TABLE campaign (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32 AND code NOT GLOB '*[^a-z0-9-]*'),
                kind TEXT NOT NULL CHECK (kind IN ('gas','e-bike','pump-truck','special-equipment','fire','other')),
                title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                planNumber TEXT NOT NULL CHECK (length(trim(planNumber)) > 0),
                leadDepartmentId INTEGER NOT NULL REFERENCES department(id),
                startsOn TEXT NOT NULL CHECK \(dateCheck("startsOn")),
                endsOn TEXT NOT NULL CHECK \(dateCheck("endsOn")),
                CHECK (endsOn >= startsOn)
            ) STRICT;

            CREATE TABLE campaignPartner (
                id INTEGER PRIMARY KEY,
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                departmentId INTEGER NOT NULL REFERENCES department(id),
                UNIQUE (campaignId, departmentId)
            ) STRICT;

            CREATE TABLE campaignPhase (
                id INTEGER PRIMARY KEY,
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                seq INTEGER NOT NULL CHECK (seq > 0),
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                startsOn TEXT NOT NULL CHECK \(dateCheck("startsOn")),
                endsOn TEXT NOT NULL CHECK \(dateCheck("endsOn")),
                CHECK (endsOn >= startsOn),
                UNIQUE (campaignId, seq)
            ) STRICT;

            CREATE TABLE campaignScope (
                id INTEGER PRIMARY KEY,
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                streetId INTEGER REFERENCES street(id),
                category TEXT CHECK (category IS NULL OR category IN \(categoryCheck)),
                CHECK ((streetId IS NULL) <> (category IS NULL))
            ) STRICT;
            CREATE UNIQUE INDEX campaignScope_unique ON campaignScope(campaignId, ifnull(streetId, 0), ifnull(category, ''));

            CREATE TABLE campaignTarget (
                id INTEGER PRIMARY KEY,
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                metric TEXT NOT NULL CHECK (metric IN ('opened','self-checked','rechecked','accepted','hazards-rectified','transferred')),
                category TEXT CHECK (category IS NULL OR category IN \(categoryCheck)),
                streetId INTEGER REFERENCES street(id),
                percent INTEGER CHECK (percent IS NULL OR percent BETWEEN 1 AND 100),
                count INTEGER CHECK (count IS NULL OR count > 0),
                dueOn TEXT NOT NULL CHECK \(dateCheck("dueOn")),
                CHECK ((percent IS NULL) <> (count IS NULL))
            ) STRICT;

            CREATE TABLE campaignChecklistItem (
                id INTEGER PRIMARY KEY,
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                seq INTEGER NOT NULL,
                code TEXT NOT NULL,
                text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                basis TEXT NOT NULL CHECK (length(trim(basis)) > 0),
                defaultLevel TEXT NOT NULL CHECK (defaultLevel IN ('general','major')),
                UNIQUE (campaignId, code),
                UNIQUE (campaignId, seq)
            ) STRICT;

            CREATE TABLE document (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('inspection-record','rectification-order','recheck-opinion',
                    'penalty-filing','penalty-notice','hearing-notice','discussion-record','penalty-decision',
                    'payment-approval','demand-notice','transfer-letter','closing-approval')),
                agency TEXT NOT NULL,
                code TEXT NOT NULL,
                year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2999),
                serial INTEGER NOT NULL CHECK (serial > 0),
                number TEXT NOT NULL UNIQUE,
                caseId INTEGER REFERENCES "case"(id),
                issuedOn TEXT NOT NULL CHECK \(dateCheck("issuedOn")),
                CHECK (CAST(substr(issuedOn, 1, 4) AS INTEGER) = year),
                UNIQUE (agency, code, year, serial)
            ) STRICT;
            CREATE TRIGGER document_frozen_update BEFORE UPDATE ON document
                BEGIN SELECT RAISE(ABORT, 'DOCUMENT-FROZEN: an issued document never changes'); END;
            CREATE TRIGGER document_frozen_delete BEFORE DELETE ON document
                BEGIN SELECT RAISE(ABORT, 'DOCUMENT-FROZEN: an issued document is never deleted'); END;

            CREATE TABLE "case" (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                serial INTEGER NOT NULL CHECK (serial > 0),
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                unitId INTEGER NOT NULL REFERENCES unit(id),
                state TEXT NOT NULL CHECK (state IN ('opened','self-checked','rechecked','rectified','closed')),
                openedOn TEXT NOT NULL CHECK \(dateCheck("openedOn")),
                officer1Id INTEGER NOT NULL REFERENCES officer(id),
                officer2Id INTEGER NOT NULL REFERENCES officer(id),
                closedOn TEXT CHECK (closedOn IS NULL OR \(dateCheck("closedOn"))),
                CHECK (officer1Id <> officer2Id),
                CHECK ((state = 'closed') = (closedOn IS NOT NULL)),
                CHECK (closedOn IS NULL OR closedOn >= openedOn),
                UNIQUE (campaignId, unitId),
                UNIQUE (campaignId, serial)
            ) STRICT;
            CREATE INDEX case_unit ON "case"(unitId);
            CREATE TRIGGER case_closed_frozen BEFORE UPDATE ON "case" WHEN OLD.state = 'closed'
                BEGIN SELECT RAISE(ABORT, 'CASE-CLOSED-FROZEN: a closed case never changes'); END;

            CREATE TABLE hazard (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES "case"(id),
                seq INTEGER NOT NULL CHECK (seq > 0),
                checklistCode TEXT,
                description TEXT NOT NULL CHECK (length(trim(description)) > 0),
                level TEXT NOT NULL CHECK (level IN ('general','major')),
                criterion TEXT NOT NULL CHECK (length(trim(criterion)) > 0),
                foundOn TEXT NOT NULL CHECK \(dateCheck("foundOn")),
                originalDeadline TEXT NOT NULL CHECK \(dateCheck("originalDeadline")),
                deadline TEXT NOT NULL CHECK \(dateCheck("deadline")),
                status TEXT NOT NULL CHECK (status IN ('open','claimed','verified','penalty')),
                listedSupervision INTEGER NOT NULL CHECK (listedSupervision IN (0, 1)),
                supervisingBody TEXT,
                orderDocumentId INTEGER NOT NULL REFERENCES document(id),
                claimedOn TEXT CHECK (claimedOn IS NULL OR \(dateCheck("claimedOn"))),
                claimMeasures TEXT,
                verifiedOn TEXT CHECK (verifiedOn IS NULL OR \(dateCheck("verifiedOn"))),
                failedRechecks INTEGER NOT NULL CHECK (failedRechecks >= 0),
                CHECK (originalDeadline >= foundOn),
                CHECK (deadline >= originalDeadline),
                CHECK ((status = 'claimed') <= (claimedOn IS NOT NULL)),
                CHECK ((status = 'verified') = (verifiedOn IS NOT NULL)),
                CHECK (claimedOn IS NULL OR claimedOn >= foundOn),
                CHECK (listedSupervision = 1 OR supervisingBody IS NULL),
                UNIQUE (caseId, seq)
            ) STRICT;
            CREATE INDEX hazard_status ON hazard(status, deadline);
            CREATE TRIGGER hazard_original_deadline_kept BEFORE UPDATE OF originalDeadline ON hazard
                WHEN NEW.originalDeadline <> OLD.originalDeadline
                BEGIN SELECT RAISE(ABORT, 'HAZARD-ORIGINAL-DEADLINE: the original deadline is kept'); END;

            CREATE TABLE hazardExtension (
                id INTEGER PRIMARY KEY,
                hazardId INTEGER NOT NULL REFERENCES hazard(id),
                fromDeadline TEXT NOT NULL CHECK \(dateCheck("fromDeadline")),
                toDeadline TEXT NOT NULL CHECK \(dateCheck("toDeadline")),
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                approvedBy INTEGER NOT NULL REFERENCES officer(id),
                grantedOn TEXT NOT NULL CHECK \(dateCheck("grantedOn")),
                CHECK (toDeadline > fromDeadline)
            ) STRICT;

            CREATE TABLE planRecord (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES "case"(id),
                kind TEXT NOT NULL CHECK (kind IN ('inspection','rectification')),
                hazardId INTEGER REFERENCES hazard(id),
                measures TEXT NOT NULL CHECK (length(trim(measures)) > 0),
                responsible TEXT,
                fundsYuan INTEGER CHECK (fundsYuan IS NULL OR fundsYuan >= 0),
                deadline TEXT CHECK (deadline IS NULL OR \(dateCheck("deadline"))),
                contingency TEXT,
                recordedOn TEXT NOT NULL CHECK \(dateCheck("recordedOn"))
            ) STRICT;

            CREATE TABLE selfCheckRecord (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES "case"(id),
                checkedOn TEXT NOT NULL CHECK \(dateCheck("checkedOn")),
                checkedBy TEXT NOT NULL CHECK (length(trim(checkedBy)) > 0),
                findings TEXT NOT NULL CHECK (length(trim(findings)) > 0),
                selfFixed TEXT,
                pledge TEXT NOT NULL CHECK (length(trim(pledge)) > 0)
            ) STRICT;

            CREATE TABLE selfCheckItem (
                id INTEGER PRIMARY KEY,
                selfCheckId INTEGER NOT NULL REFERENCES selfCheckRecord(id),
                itemCode TEXT NOT NULL,
                result TEXT NOT NULL CHECK (result IN ('pass','fail','n/a')),
                UNIQUE (selfCheckId, itemCode)
            ) STRICT;

            CREATE TABLE recheckRecord (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES "case"(id),
                checkedOn TEXT NOT NULL CHECK \(dateCheck("checkedOn")),
                officer1Id INTEGER NOT NULL REFERENCES officer(id),
                officer2Id INTEGER NOT NULL REFERENCES officer(id),
                opinion TEXT NOT NULL CHECK (length(trim(opinion)) > 0),
                outcome TEXT NOT NULL CHECK (outcome IN ('failed','partial','passed')),
                documentId INTEGER NOT NULL UNIQUE REFERENCES document(id),
                CHECK (officer1Id <> officer2Id)
            ) STRICT;

            CREATE TABLE recheckFinding (
                id INTEGER PRIMARY KEY,
                recheckId INTEGER NOT NULL REFERENCES recheckRecord(id),
                hazardId INTEGER NOT NULL REFERENCES hazard(id),
                verdict TEXT NOT NULL CHECK (verdict IN ('fixed','not-fixed')),
                UNIQUE (recheckId, hazardId)
            ) STRICT;

            CREATE TABLE storedFile (
                id INTEGER PRIMARY KEY,
                sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
                size INTEGER NOT NULL CHECK (size >= 0),
                content BLOB NOT NULL,
                CHECK (length(content) = size)
            ) STRICT;

            CREATE TABLE attachment (
                id INTEGER PRIMARY KEY,
                fileId INTEGER NOT NULL REFERENCES storedFile(id),
                caseId INTEGER NOT NULL REFERENCES "case"(id),
                hazardId INTEGER REFERENCES hazard(id),
                recordKind TEXT CHECK (recordKind IS NULL OR recordKind IN ('plan','self-check','recheck')),
                recordId INTEGER,
                fileName TEXT NOT NULL CHECK (length(trim(fileName)) > 0),
                mediaType TEXT NOT NULL,
                capturedAt TEXT NOT NULL,
                attachedOn TEXT NOT NULL CHECK \(dateCheck("attachedOn")),
                CHECK ((recordKind IS NULL) = (recordId IS NULL))
            ) STRICT;

            CREATE TABLE event (
                seq INTEGER PRIMARY KEY CHECK (seq > 0),
                at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (length(trim(actor)) > 0),
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entityId INTEGER NOT NULL,
                before TEXT,
                after TEXT,
                prevHash TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
            ) STRICT;
            CREATE INDEX event_entity ON event(entity, entityId);
            CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'AUDIT-APPEND-ONLY: audit events never change'); END;
            CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'AUDIT-APPEND-ONLY: audit events are never deleted'); END;
            """)
    }
}
