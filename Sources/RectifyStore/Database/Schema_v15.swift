import GRDB

/// Issue 17: an approved extension of the decision period (行政处罚法 art. 60) with its document, 延长办案期限审批表.
/// The document table's CHECK on `kind` gains the new kind; SQLite cannot change a CHECK in place, so the table is
/// rebuilt the documented way (GRDB runs migrations with foreign keys off and checks them before committing), its
/// indexes and every trigger recreated word for word.
enum SchemaV15 {
    static func migrate(_ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)")
        }
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'document' AND sql IS NOT NULL ORDER BY name
            """)
        let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'document'") ?? ""
        let lastKind = "kind = 'closing-approval'"
        guard definition.contains(lastKind), let name = definition.range(of: #"CREATE TABLE "document""#)
                ?? definition.range(of: "CREATE TABLE document") else {
            throw StoreError.database("migration v15: the document table is not as v10 left it")
        }
        let rebuilt = definition.replacingCharacters(in: name, with: #"CREATE TABLE "document_v15""#)
            .replacingOccurrences(of: lastKind, with: lastKind + " OR kind = 'decision-extension'")
        try db.execute(sql: rebuilt)
        try db.execute(sql: """
            INSERT INTO "document_v15" SELECT * FROM "document";
            DROP TABLE "document";
            ALTER TABLE "document_v15" RENAME TO "document";
            """)
        for index in indexes { try db.execute(sql: index) }
        for trigger in triggers { try db.execute(sql: trigger["sql"]) }
        try db.execute(sql: """
            CREATE TABLE decisionExtension (
                id INTEGER PRIMARY KEY,
                penaltyId INTEGER NOT NULL UNIQUE REFERENCES penalty(id),
                approvedOn TEXT NOT NULL CHECK (approvedOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                                AND date(approvedOn, '+0 days') = approvedOn),
                newDeadline TEXT NOT NULL CHECK (newDeadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                                 AND date(newDeadline, '+0 days') = newDeadline),
                approver TEXT NOT NULL CHECK (length(trim(approver)) > 0),
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                documentId INTEGER NOT NULL REFERENCES document(id),
                CHECK (newDeadline > approvedOn)
            ) STRICT;
            CREATE INDEX decisionExtension_document ON decisionExtension(documentId);
            """)
    }
}
