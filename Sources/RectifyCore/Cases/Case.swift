/// One unit in one campaign (案件/整治档案), opened by two officers.
public struct Case: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Case>
    public var id: ID?
    /// `<campaign code>-<serial>`, e.g. `gas-2026-0007`.
    public var number: String
    public var serial: Int
    public var campaignId: Campaign.ID
    public var unitId: BusinessUnit.ID
    public var state: CaseState
    public var openedOn: LocalDate
    public var officer1Id: Officer.ID
    public var officer2Id: Officer.ID
    public var closedOn: LocalDate?

    public init(id: ID? = nil, number: String, serial: Int, campaignId: Campaign.ID, unitId: BusinessUnit.ID,
                state: CaseState = .opened, openedOn: LocalDate, officer1Id: Officer.ID, officer2Id: Officer.ID,
                closedOn: LocalDate? = nil) {
        self.id = id
        self.number = number
        self.serial = serial
        self.campaignId = campaignId
        self.unitId = unitId
        self.state = state
        self.openedOn = openedOn
        self.officer1Id = officer1Id
        self.officer2Id = officer2Id
        self.closedOn = closedOn
    }

    public static func number(campaignCode: String, serial: Int) -> String {
        campaignCode + "-" + String(repeating: "0", count: max(0, 4 - String(serial).count)) + String(serial)
    }
}

/// An accident hazard (事故隐患) with its deadline; the original deadline stays when extensions move it.
public struct Hazard: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Hazard>
    public var id: ID?
    public var caseId: Case.ID
    public var seq: Int
    public var checklistCode: String?
    public var description: String
    public var level: HazardLevel
    /// 判定依据: the rule or standard by which this is a hazard.
    public var criterion: String
    public var foundOn: LocalDate
    public var originalDeadline: LocalDate
    public var deadline: LocalDate
    public var status: HazardStatus
    /// 挂牌督办: listed for supervision by a superior body.
    public var listedSupervision: Bool
    public var supervisingBody: String?
    public var orderDocumentId: Document.ID
    public var claimedOn: LocalDate?
    public var claimMeasures: String?
    public var verifiedOn: LocalDate?
    public var failedRechecks: Int

    public init(id: ID? = nil, caseId: Case.ID, seq: Int, checklistCode: String?, description: String,
                level: HazardLevel, criterion: String, foundOn: LocalDate, deadline: LocalDate,
                listedSupervision: Bool, supervisingBody: String?, orderDocumentId: Document.ID) {
        self.id = id
        self.caseId = caseId
        self.seq = seq
        self.checklistCode = checklistCode
        self.description = description
        self.level = level
        self.criterion = criterion
        self.foundOn = foundOn
        self.originalDeadline = deadline
        self.deadline = deadline
        self.status = .open
        self.listedSupervision = listedSupervision
        self.supervisingBody = supervisingBody
        self.orderDocumentId = orderDocumentId
        self.failedRechecks = 0
    }

    public func isOverdue(asOf date: LocalDate) -> Bool {
        HazardOverdue.rectificationDays(self, asOf: date) != nil
    }
}

public struct HazardExtension: Codable, Equatable, Sendable {
    public typealias ID = Identifier<HazardExtension>
    public var id: ID?
    public var hazardId: Hazard.ID
    public var fromDeadline: LocalDate
    public var toDeadline: LocalDate
    public var reason: String
    public var approvedBy: Officer.ID
    public var grantedOn: LocalDate

    public init(id: ID? = nil, hazardId: Hazard.ID, fromDeadline: LocalDate, toDeadline: LocalDate, reason: String,
                approvedBy: Officer.ID, grantedOn: LocalDate) {
        self.id = id
        self.hazardId = hazardId
        self.fromDeadline = fromDeadline
        self.toDeadline = toDeadline
        self.reason = reason
        self.approvedBy = approvedBy
        self.grantedOn = grantedOn
    }
}
