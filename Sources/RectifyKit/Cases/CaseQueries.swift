import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    public typealias CaseListing = RectifyStore.CaseListing

    /// The cases, filtered by campaign, state, unit and officer (credential); an officer's list has the case with the
    /// soonest deadline first.
    public func cases(campaign: String?, state: CaseState?, uscc: String? = nil, officer: String? = nil,
                      asOf: LocalDate? = nil) throws -> [CaseListing] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in
            try store.caseListings(campaignId: try campaign.map { try Lookup.campaign(store, code: $0).id! }, state: state,
                                   uscc: uscc, officerId: try officer.map { try Lookup.officer(store, credential: $0).id! },
                                   asOf: asOf)
        }
    }

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
        return try database.read { store in
            try CaseDetailReader(store: store, engine: try LegalContext.engine(store)).detail(number: number, asOf: asOf)
        }
    }
}
