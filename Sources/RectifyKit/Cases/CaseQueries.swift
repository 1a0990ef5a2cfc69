import Foundation
import GRDB
import RectifyCore
import RectifyStore

extension Rectify {
    public struct CaseListing: Codable, Sendable {
        public var number: String
        public var campaign: String
        public var uscc: String
        public var unit: String
        public var street: String
        public var state: CaseState
        public var openedOn: LocalDate
        public var hazards: Int
        public var openHazards: Int
        public var overdueHazards: Int
    }

    public func cases(campaign: String?, state: CaseState?, uscc: String? = nil, asOf: LocalDate? = nil) throws -> [CaseListing] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = ["asOf": asOf]
            if let campaign {
                arguments += ["campaign": try Lookup.campaign(db, code: campaign).id!]
                conditions.append("c.campaignId = :campaign")
            }
            if let state {
                arguments += ["state": state]
                conditions.append("c.state = :state")
            }
            if let uscc {
                arguments += ["uscc": uscc]
                conditions.append("unit.uscc = :uscc")
            }
            return try Row.fetchAll(db, sql: Self.caseListingSQL(conditions: conditions), arguments: arguments).map { row in
                CaseListing(number: row["number"], campaign: row["code"], uscc: row["uscc"], unit: row["name"],
                            street: row["street"], state: CaseState(rawValue: row["state"])!,
                            openedOn: row["openedOn"], hazards: row["hazards"], openHazards: row["openHazards"],
                            overdueHazards: row["overdue"])
            }
        }
    }

    /// One row per case with its hazard counts. The hazards are joined by case and counted in one pass: as three
    /// subqueries, SQLite answered the overdue count from the index on (status, deadline), which walked every overdue
    /// hazard of the district for each case listed, which made a list quadratic (docs/performance.md).
    static func caseListingSQL(conditions: [String]) -> String {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return """
            SELECT c.number, campaign.code, unit.uscc, unit.name, street.name AS street, c.state, c.openedOn,
                   count(h.id) AS hazards,
                   coalesce(sum(h.status = 'open' OR h.status = 'claimed'), 0) AS openHazards,
                   coalesce(sum(h.status = 'open' AND h.deadline < :asOf), 0) AS overdue
            FROM "case" c JOIN campaign ON campaign.id = c.campaignId JOIN unit ON unit.id = c.unitId
            JOIN street ON street.id = unit.streetId LEFT JOIN hazard h ON h.caseId = c.id
            \(filter) GROUP BY c.id ORDER BY c.id
            """
    }

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

    /// An officer as a read model names one: a front end spells it, nothing parses it back.
    public struct OfficerRef: Codable, Sendable, Hashable {
        public var name: String
        public var credential: String

        /// "张三（32067100001）", as tables and documents show an officer.
        public var label: String { "\(name)（\(credential)）" }
    }

    public struct CaseDetail: Codable, Sendable {
        public struct HazardView: Codable, Sendable {
            public var hazard: Hazard
            public var reference: String
            public var orderNumber: String
            public var extensions: [HazardExtension]
            /// Days past the rectification deadline and past the re-check deadline (`HazardOverdue`), nil when not late.
            public var daysOverdue: Int?
            public var recheckDaysOverdue: Int?
            /// The rectification deadline and, when one is due, the re-check deadline, each with its explanation.
            public var deadlines: [Deadline]

            public var rectificationDeadline: Deadline { deadlines[0] }
            public var recheckDeadline: Deadline? { deadlines.count > 1 ? deadlines[1] : nil }
            /// A deadline that could not be computed (a year without a holiday schedule, a rule not in force).
            public var deadlineProblems: [String]
        }

        public struct RecheckView: Codable, Sendable {
            public var record: RecheckRecord
            public var officers: [OfficerRef]
            public var documentNumber: String
            /// The verdict on each hazard judged, by the hazard's sequence number in the case.
            public var findings: [Finding]

            public struct Finding: Codable, Sendable {
                public var hazard: Int
                public var verdict: RecheckVerdict
            }
        }

        public struct SelfCheckView: Codable, Sendable {
            public var record: SelfCheckRecord
            /// Each checklist item the unit checked, by its code.
            public var items: [Item]

            public struct Item: Codable, Sendable {
                public var code: String
                public var result: CheckResult
            }
        }

        public var number: String
        public var state: CaseState
        public var campaign: String
        public var campaignTitle: String
        public var unit: BusinessUnit
        public var officers: [OfficerRef]
        public var openedOn: LocalDate
        public var closedOn: LocalDate?
        public var asOf: LocalDate
        public var hazards: [HazardView]
        public var plans: [PlanRecord]
        public var selfChecks: [SelfCheckView]
        public var rechecks: [RecheckView]
        public var documents: [Document]
        public var attachments: [Attachment]
        public var penalty: PenaltyView?
        /// How many audit events concern the case; not counted for a case file, which lists the events themselves.
        public var events: Int?
    }

    public func caseDetail(number: String, asOf: LocalDate? = nil) throws -> CaseDetail {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { db in
            try CaseDetailReader(db: db, engine: try LegalContext.engine(db)).detail(number: number, asOf: asOf)
        }
    }
}

/// Reads one case page. Bulk readers (a campaign export) make one and reuse its deadline engine; every statement
/// is cached, since the same dozen queries run for every case.
/// What a bulk reader of case pages (a campaign export) would otherwise look up and decode for every case: the
/// officers' labels and the campaign. One per worker, kept across the cases it reads.
final class CaseReadingCache {
    var officerRefs: [Officer.ID: Rectify.OfficerRef] = [:]
    var campaigns: [Campaign.ID: Campaign] = [:]
    var agency: Agency?
    var campaignHeaders: [String: CampaignHeader] = [:]
}

struct CaseDetailReader {
    let db: Database
    let engine: DeadlineEngine
    var countEvents = true
    var cache: CaseReadingCache?

    private func all<Record: DecodedInTableOrder>(_ sql: String, _ id: Int64) throws -> [Record] {
        try db.inTableOrder(sql: sql, arguments: [id])
    }

    private func one<Record: FetchableRecord>(_ sql: String, _ id: Int64) throws -> Record? {
        try Record.fetchOne(db.cachedStatement(sql: sql), arguments: [id])
    }

    func detail(number: String, asOf: LocalDate) throws -> Rectify.CaseDetail {
        try detail(of: try Lookup.case(db, number: number), asOf: asOf)
    }

    func detail(of record: Case, asOf: LocalDate) throws -> Rectify.CaseDetail {
        typealias CaseDetail = Rectify.CaseDetail
        let id = record.id!.rawValue
        let campaign: Campaign
        if let known = cache?.campaigns[record.campaignId] {
            campaign = known
        } else {
            campaign = try one("SELECT * FROM campaign WHERE id = ?", record.campaignId.rawValue)!
            cache?.campaigns[record.campaignId] = campaign
        }
        func officerRef(_ officerId: Officer.ID) throws -> Rectify.OfficerRef {
            if let known = cache?.officerRefs[officerId] { return known }
            let officer: Officer = try one("SELECT * FROM officer WHERE id = ?", officerId.rawValue)!
            let ref = Rectify.OfficerRef(name: officer.name, credential: officer.credential)
            cache?.officerRefs[officerId] = ref
            return ref
        }
        let documents: [Document] = try all("SELECT * FROM document WHERE caseId = ? ORDER BY id", id)
        let numbers = Dictionary(uniqueKeysWithValues: documents.map { ($0.id!, $0.number) })
        let hazards: [Hazard] = try all("SELECT * FROM hazard WHERE caseId = ? ORDER BY seq", id)
        let seqByHazard = Dictionary(uniqueKeysWithValues: hazards.map { ($0.id!, $0.seq) })
        let hazardViews = try hazards.map { hazard in
            let extensions: [HazardExtension] = try all("SELECT * FROM hazardExtension WHERE hazardId = ? ORDER BY id",
                                                        hazard.id!.rawValue)
            let order = numbers[hazard.orderDocumentId] ?? ""
            var deadlines = [engine.rectification(hazard, order: order, extensions: extensions)]
            var problems: [String] = []
            do {
                if let recheck = try engine.recheck(hazard, kind: campaign.kind) { deadlines.append(recheck) }
            } catch let error as any UserFacingError {
                problems.append(error.errorDescription ?? "")
            }
            return CaseDetail.HazardView(
                hazard: hazard, reference: "\(record.number)/\(hazard.seq)", orderNumber: order, extensions: extensions,
                daysOverdue: HazardOverdue.rectificationDays(hazard, asOf: asOf),
                recheckDaysOverdue: HazardOverdue.recheckDays(hazard, recheck: deadlines.count > 1 ? deadlines[1] : nil, asOf: asOf),
                deadlines: deadlines, deadlineProblems: problems)
        }
        let selfChecks = try (all("SELECT * FROM selfCheckRecord WHERE caseId = ? ORDER BY id", id) as [SelfCheckRecord])
            .map { selfCheck in
                let items: [SelfCheckItem] = try all("SELECT * FROM selfCheckItem WHERE selfCheckId = ?", selfCheck.id!.rawValue)
                return CaseDetail.SelfCheckView(record: selfCheck, items: items.map { .init(code: $0.itemCode, result: $0.result) }
                    .sorted { $0.code < $1.code })
            }
        let rechecks = try (all("SELECT * FROM recheckRecord WHERE caseId = ? ORDER BY id", id) as [RecheckRecord])
            .map { recheck in
                let findings: [RecheckFinding] = try all("SELECT * FROM recheckFinding WHERE recheckId = ?", recheck.id!.rawValue)
                return CaseDetail.RecheckView(
                    record: recheck, officers: [try officerRef(recheck.officer1Id), try officerRef(recheck.officer2Id)],
                    documentNumber: numbers[recheck.documentId] ?? "",
                    findings: findings.map { .init(hazard: seqByHazard[$0.hazardId] ?? 0, verdict: $0.verdict) }
                        .sorted { $0.hazard < $1.hazard })
            }
        let events = try countEvents
            ? Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM event WHERE \(Rectify.caseEventFilter)"),
                           arguments: ["id": id])
            : nil
        // Most cases have no penalty procedure; a row of Penalty's thirty columns costs GRDB more to set up than to find.
        let hasPenalty = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM penalty WHERE caseId = ?)"),
                                           arguments: [id])!
        let penalty: Penalty? = hasPenalty ? try one("SELECT * FROM penalty WHERE caseId = ?", id) : nil
        return CaseDetail(
            number: record.number, state: record.state, campaign: campaign.code,
            campaignTitle: campaign.title, unit: try all("SELECT * FROM unit WHERE id = ?", record.unitId.rawValue)[0],
            officers: [try officerRef(record.officer1Id), try officerRef(record.officer2Id)],
            openedOn: record.openedOn, closedOn: record.closedOn, asOf: asOf, hazards: hazardViews,
            plans: try all("SELECT * FROM planRecord WHERE caseId = ? ORDER BY id", id),
            selfChecks: selfChecks, rechecks: rechecks, documents: documents,
            attachments: try all("SELECT * FROM attachment WHERE caseId = ? ORDER BY id", id),
            penalty: try penalty.map { try PenaltyDeadlines.view($0, db: db, engine: engine, asOf: asOf) },
            events: events)
    }
}
