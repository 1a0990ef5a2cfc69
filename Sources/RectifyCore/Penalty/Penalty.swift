/// The two procedures: the general one (立案 → … → 结案) and the summary one (当场处罚).
public enum PenaltyProcedureKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case general
    case summary

    public var chinese: String { self == .general ? "普通程序" : "简易程序" }
    public static let fieldChinese = "处罚程序"
    public static let fieldEnglish = "procedure"
}

/// Where a penalty case stands.
public enum PenaltyStage: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case filed
    case notified
    case decided
    case served
    case paid
    case transferred
    case closed

    public var chinese: String {
        switch self {
        case .filed: "已立案"
        case .notified: "已告知"
        case .decided: "已决定"
        case .served: "已送达"
        case .paid: "已缴款"
        case .transferred: "已移送"
        case .closed: "已结案"
        }
    }

    public static let fieldChinese = "处罚阶段"
    public static let fieldEnglish = "penalty stage"
}

/// The penalty procedure (执法处罚) of one case: one row that each step fills in, every change audited.
public struct Penalty: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Penalty>
    public var id: ID?
    public var caseId: Case.ID
    public var procedure: PenaltyProcedureKind
    public var stage: PenaltyStage
    public var party: PartyKind
    public var violationCode: String
    public var basis: String
    public var facts: String
    public var violationOn: LocalDate
    /// The act harmed life or health: the limitation period is 5 years instead of 2 (《行政处罚法》第36条).
    public var harm: Bool
    /// The day the violation was discovered: the limitation of art. 36 runs to it (nil in penalties filed before it
    /// was recorded, which were judged on their filing date).
    public var discoveredOn: LocalDate?
    public var officer1Id: Officer.ID
    public var officer2Id: Officer.ID
    public var filedOn: LocalDate?
    public var filingDocumentId: Document.ID?
    public var noticeOn: LocalDate?
    public var noticeDocumentId: Document.ID?
    public var proposedFineYuan: Int?
    public var proposedMeasures: String?
    public var hearingRight: Bool
    public var defenceOn: LocalDate?
    public var defence: String?
    public var defenceWaived: Bool
    public var hearingRequestedOn: LocalDate?
    public var hearingNotifiedOn: LocalDate?
    public var hearingHeldOn: LocalDate?
    public var reviewOn: LocalDate?
    public var reviewer: String?
    public var discussionOn: LocalDate?
    public var decidedOn: LocalDate?
    public var decisionDocumentId: Document.ID?
    public var fineYuan: Int?
    public var measures: String?
    public var stopOrder: Bool
    public var servedOn: LocalDate?
    public var serviceMethod: String?
    public var paymentDueOverride: LocalDate?
    public var paidOn: LocalDate?
    public var paidFen: Int?
    public var surchargeFen: Int?
    public var demandOn: LocalDate?
    public var transferredOn: LocalDate?
    public var transferTo: String?
    public var closedOn: LocalDate?

    public init(caseId: Case.ID, procedure: PenaltyProcedureKind, party: PartyKind, violation: Violation, facts: String,
                violationOn: LocalDate, harm: Bool, officers: (Officer.ID, Officer.ID)) {
        self.caseId = caseId
        self.procedure = procedure
        stage = .filed
        self.party = party
        violationCode = violation.code
        basis = violation.basis
        self.facts = facts
        self.violationOn = violationOn
        self.harm = harm
        officer1Id = officers.0
        officer2Id = officers.1
        hearingRight = false
        defenceWaived = false
        stopOrder = false
    }

    /// Hearing days do not count toward the decision deadline (《行政处罚法》第60条、第64条).
    public var hearingDays: Int {
        guard let requested = hearingRequestedOn, let held = hearingHeldOn else { return 0 }
        return requested.days(until: held)
    }
}

/// A period in which the surcharge is paused, stored with its penalty.
public struct PenaltyPause: Codable, Equatable, Sendable {
    public typealias ID = Identifier<PenaltyPause>
    public var id: ID?
    public var penaltyId: Penalty.ID
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String

    public init(id: ID? = nil, penaltyId: Penalty.ID, from: LocalDate, to: LocalDate, reason: String) {
        self.id = id
        self.penaltyId = penaltyId
        self.from = from
        self.to = to
        self.reason = reason
    }
}
