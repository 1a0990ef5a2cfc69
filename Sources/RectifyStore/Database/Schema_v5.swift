import GRDB

/// Indexes on the foreign keys that case pages, lint and export follow for every case: without them each case of a
/// 100,000-unit district scanned the document and record tables.
enum SchemaV5 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX document_case ON document(caseId);
            CREATE INDEX planRecord_case ON planRecord(caseId);
            CREATE INDEX selfCheckRecord_case ON selfCheckRecord(caseId);
            CREATE INDEX selfCheckItem_record ON selfCheckItem(selfCheckId);
            CREATE INDEX recheckRecord_case ON recheckRecord(caseId);
            CREATE INDEX recheckFinding_record ON recheckFinding(recheckId);
            CREATE INDEX attachment_case ON attachment(caseId);
            CREATE INDEX hazardExtension_hazard ON hazardExtension(hazardId);
            CREATE INDEX penaltyPause_penalty ON penaltyPause(penaltyId);
            CREATE INDEX filedHazard_case ON filedHazard(filedCaseId);
            CREATE INDEX filedDocument_case ON filedDocument(filedCaseId);
            CREATE INDEX filedRecord_case ON filedRecord(filedCaseId);
            """)
    }
}
