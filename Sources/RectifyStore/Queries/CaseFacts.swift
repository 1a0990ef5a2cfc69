import GRDB
import RectifyCore

/// Everything stored about one case, as rows: what a case page, a lint and a case file are made from.
public struct CaseFacts {
    public var record: Case
    public var campaign: Campaign
    public var unit: BusinessUnit
    /// The case's officers and those of its re-checks, by id.
    public var officers: [Officer.ID: Officer]
    public var documents: [Document]
    public var hazards: [Hazard]
    public var extensions: [Hazard.ID: [HazardExtension]]
    public var plans: [PlanRecord]
    public var selfChecks: [(record: SelfCheckRecord, items: [SelfCheckItem])]
    public var rechecks: [(record: RecheckRecord, findings: [RecheckFinding])]
    public var attachments: [Attachment]
    public var penalty: Penalty?
    /// How many audit events concern the case, when counted.
    public var eventCount: Int?
}

/// What a bulk reader of case facts (a campaign export) would otherwise look up and decode for every case: the
/// officers and the campaigns. One per worker, kept across the cases it reads.
public final class CaseFactsCache {
    var officers: [Officer.ID: Officer] = [:]
    var campaigns: [Campaign.ID: Campaign] = [:]

    public init() {}
}

extension Store {
    /// The records a case page is made of; every statement is cached, since an export runs the same dozen for
    /// every case.
    public func caseFacts(_ record: Case, countEvents: Bool = true, cache: CaseFactsCache? = nil) throws -> CaseFacts {
        let id = record.id!.rawValue
        let campaign: Campaign
        if let known = cache?.campaigns[record.campaignId] {
            campaign = known
        } else {
            campaign = try one("SELECT * FROM campaign WHERE id = ?", record.campaignId)!
            cache?.campaigns[record.campaignId] = campaign
        }
        var officers: [Officer.ID: Officer] = [:]
        func note(_ officerId: Officer.ID) throws {
            if let known = cache?.officers[officerId] {
                officers[officerId] = known
            } else if officers[officerId] == nil {
                let officer: Officer = try one("SELECT * FROM officer WHERE id = ?", officerId)!
                officers[officerId] = officer
                cache?.officers[officerId] = officer
            }
        }
        try note(record.officer1Id)
        try note(record.officer2Id)
        let hazards: [Hazard] = try inOrder("SELECT * FROM hazard WHERE caseId = ? ORDER BY seq", id)
        var extensions: [Hazard.ID: [HazardExtension]] = [:]
        for hazard in hazards {
            extensions[hazard.id!] = try inOrder("SELECT * FROM hazardExtension WHERE hazardId = ? ORDER BY id", hazard.id!.rawValue)
        }
        let selfChecks = try (inOrder("SELECT * FROM selfCheckRecord WHERE caseId = ? ORDER BY id", id) as [SelfCheckRecord])
            .map { ($0, try inOrder("SELECT * FROM selfCheckItem WHERE selfCheckId = ?", $0.id!.rawValue) as [SelfCheckItem]) }
        let rechecks = try (inOrder("SELECT * FROM recheckRecord WHERE caseId = ? ORDER BY id", id) as [RecheckRecord])
            .map { recheck in
                try note(recheck.officer1Id)
                try note(recheck.officer2Id)
                return (recheck, try inOrder("SELECT * FROM recheckFinding WHERE recheckId = ?", recheck.id!.rawValue) as [RecheckFinding])
            }
        // Most cases have no penalty procedure; a row of Penalty's thirty columns costs GRDB more to set up than to find.
        let hasPenalty = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM penalty WHERE caseId = ?)"),
                                           arguments: [id])!
        return CaseFacts(
            record: record, campaign: campaign,
            unit: try inOrder("SELECT * FROM unit WHERE id = ?", record.unitId.rawValue)[0],
            officers: officers,
            documents: try inOrder("SELECT * FROM document WHERE caseId = ? ORDER BY id", id),
            hazards: hazards, extensions: extensions,
            plans: try inOrder("SELECT * FROM planRecord WHERE caseId = ? ORDER BY id", id),
            selfChecks: selfChecks, rechecks: rechecks,
            attachments: try inOrder("SELECT * FROM attachment WHERE caseId = ? ORDER BY id", id),
            penalty: hasPenalty ? try one("SELECT * FROM penalty WHERE caseId = ?", id) : nil,
            eventCount: countEvents ? try caseEventCount(caseId: record.id!) : nil)
    }

    private func inOrder<Record: DecodedInTableOrder>(_ sql: String, _ id: Int64) throws -> [Record] {
        try db.inTableOrder(sql: sql, arguments: [id])
    }

    /// How many audit events concern the case: its row and everything that belongs to it.
    public func caseEventCount(caseId: Case.ID) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM event WHERE \(Self.caseEventFilter)"),
                         arguments: ["id": caseId]) ?? 0
    }

    /// One audit event of a case as a case file lists it.
    public struct CaseEvent: Sendable {
        public var seq: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var entity: String
        public var entityId: Int64
        public var hash: String
    }

    /// The audit events of a case in chain order, each handed to `body` as it is read.
    public func forEachCaseEvent(caseId: Case.ID, _ body: (CaseEvent) throws -> Void) throws {
        let events = try Row.fetchCursor(db.cachedStatement(sql: Self.caseEventListingSQL), arguments: ["id": caseId])
        while let row = try events.next() {
            try body(CaseEvent(seq: row[0], at: row[1], actor: row[2], action: row[3], entity: row[4], entityId: row[5],
                               hash: row[6]))
        }
    }

    static let caseEventListingSQL = """
        SELECT seq, at, actor, action, entity, entityId, hash FROM event WHERE \(caseEventFilter) ORDER BY seq
        """

    /// The audit events of one case (`:id`): the case row and everything that belongs to it.
    static let caseEventFilter = """
        (entity = 'case' AND entityId = :id)
        OR (entity = 'hazard' AND entityId IN (SELECT id FROM hazard WHERE caseId = :id))
        OR (entity = 'hazardExtension' AND entityId IN (SELECT e.id FROM hazardExtension e JOIN hazard h ON h.id = e.hazardId
                                                       WHERE h.caseId = :id))
        OR (entity = 'document' AND entityId IN (SELECT id FROM document WHERE caseId = :id))
        OR (entity = 'penalty' AND entityId IN (SELECT id FROM penalty WHERE caseId = :id))
        OR (entity = 'planRecord' AND entityId IN (SELECT id FROM planRecord WHERE caseId = :id))
        OR (entity = 'selfCheckRecord' AND entityId IN (SELECT id FROM selfCheckRecord WHERE caseId = :id))
        OR (entity = 'recheckRecord' AND entityId IN (SELECT id FROM recheckRecord WHERE caseId = :id))
        OR (entity = 'attachment' AND entityId IN (SELECT id FROM attachment WHERE caseId = :id))
        """
}
