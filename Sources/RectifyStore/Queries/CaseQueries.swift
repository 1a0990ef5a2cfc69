import GRDB
import RectifyCore

/// What the acts on a case read before they decide: the rows around one case.
extension Store {
    /// Lookups run for every act of a bulk job: cached statements avoid compiling the same SQL again.
    func one<Record: FetchableRecord>(_ sql: String, _ values: any DatabaseValueConvertible...) throws -> Record? {
        try Record.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
    }

    func all<Record: FetchableRecord>(_ sql: String, _ values: any DatabaseValueConvertible...) throws -> [Record] {
        try Record.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
    }

    func values<Value: DatabaseValueConvertible>(_ sql: String, _ values: any DatabaseValueConvertible...) throws -> [Value] {
        try Value.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(values))
    }

    public func campaign(id: Campaign.ID) throws -> Campaign? {
        try one("SELECT * FROM campaign WHERE id = ?", id)
    }

    public func `case`(id: Case.ID) throws -> Case? {
        try one("SELECT * FROM \"case\" WHERE id = ?", id)
    }

    public func officer(id: Officer.ID) throws -> Officer? {
        try one("SELECT * FROM officer WHERE id = ?", id)
    }

    public func department(id: Department.ID) throws -> Department? {
        try one("SELECT * FROM department WHERE id = ?", id)
    }

    public func caseCount(campaignId: Campaign.ID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM \"case\" WHERE campaignId = ?"), arguments: [campaignId]) ?? 0
    }

    /// The numbers of a campaign's cases, in serial order.
    public func caseNumbers(campaignId: Campaign.ID) throws -> [String] {
        try values("SELECT number FROM \"case\" WHERE campaignId = ? ORDER BY serial", campaignId)
    }

    public func document(id: Document.ID) throws -> Document? {
        try one("SELECT * FROM document WHERE id = ?", id)
    }

    /// The departments that work a campaign beside its lead.
    public func partnerDepartments(of campaignId: Campaign.ID) throws -> [Department.ID] {
        try values("SELECT departmentId FROM campaignPartner WHERE campaignId = ? ORDER BY departmentId", campaignId)
    }

    /// The case a unit already has in a campaign, if any.
    public func `case`(campaignId: Campaign.ID, unitId: BusinessUnit.ID) throws -> Case? {
        try one("SELECT * FROM \"case\" WHERE campaignId = ? AND unitId = ?", campaignId, unitId)
    }

    /// The serial the next case of a campaign takes.
    public func nextCaseSerial(campaignId: Campaign.ID) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(serial) FROM \"case\" WHERE campaignId = ?"),
                          arguments: [campaignId]) ?? 0) + 1
    }

    /// The sequence number the next hazard of a case takes.
    public func nextHazardSeq(caseId: Case.ID) throws -> Int {
        (try Int.fetchOne(db.cachedStatement(sql: "SELECT max(seq) FROM hazard WHERE caseId = ?"), arguments: [caseId]) ?? 0) + 1
    }

    /// The hazards of a case not yet verified fixed nor passed to the penalty procedure.
    public func unresolvedHazardCount(caseId: Case.ID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM hazard WHERE caseId = ? AND status NOT IN ('verified', 'penalty')
            """), arguments: [caseId]) ?? 0
    }

    public func hazards(caseId: Case.ID) throws -> [Hazard] {
        try all("SELECT * FROM hazard WHERE caseId = ? ORDER BY seq", caseId)
    }

    public func checklistItem(campaignId: Campaign.ID, code: String) throws -> CampaignChecklistItem? {
        try one("SELECT * FROM campaignChecklistItem WHERE campaignId = ? AND code = ?", campaignId, code)
    }

    public func checklistCodes(campaignId: Campaign.ID) throws -> [String] {
        try values("SELECT code FROM campaignChecklistItem WHERE campaignId = ? ORDER BY code", campaignId)
    }

    public func phases(campaignId: Campaign.ID) throws -> [CampaignPhase] {
        try all("SELECT * FROM campaignPhase WHERE campaignId = ? ORDER BY seq", campaignId)
    }

    /// Whether a plan, self-check or re-check record `id` belongs to the case.
    public func caseHasRecord(_ kind: CaseRecordKind, id: Int64, caseId: Case.ID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(kind.table) WHERE id = ? AND caseId = ?)",
                          arguments: [id, caseId]) ?? false
    }

    /// A file already stored under this digest: attachments share one copy of the same bytes.
    public func storedFile(sha256: String) throws -> StoredFile? {
        try one("SELECT * FROM storedFile WHERE sha256 = ?", sha256)
    }

    public func storedFile(id: StoredFile.ID) throws -> StoredFile? {
        try one("SELECT * FROM storedFile WHERE id = ?", id)
    }
}

/// The records of a case an attachment can be linked to, as the command line names them.
public enum CaseRecordKind: String, CaseIterable, Sendable {
    case plan
    case selfCheck = "self-check"
    case recheck

    var table: String {
        switch self {
        case .plan: "planRecord"
        case .selfCheck: "selfCheckRecord"
        case .recheck: "recheckRecord"
        }
    }
}

extension WriteContext {
    /// The unit a register row names, if it is registered already. The one lookup a register import makes for every
    /// row: a cached raw statement finds the id, and only an existing unit is read whole.
    public func registeredUnit(uscc: USCC) throws -> BusinessUnit? {
        guard let id = try rowID(in: BusinessUnit.databaseTableName, where: "uscc", is: uscc) else { return nil }
        return try BusinessUnit.fetchOne(db, key: id)
    }

    /// The number of the next document of `code` in `year` (`DocumentSerials`).
    public func nextDocumentNumber(agency: String, code: String, year: Int) throws -> DocumentNumber {
        try DocumentSerials.next(db, agency: agency, code: code, year: year)
    }
}
