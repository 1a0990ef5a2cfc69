import Foundation
import RectifyCore
import RectifyStore

/// The penalty steps as the command line and the server call them; each is one write transaction.
extension Rectify {
    public struct PenaltyFiling: Sendable {
        public var officers: [String]
        public var violationCode: String
        public var facts: String
        public var violationOn: LocalDate
        /// When the violation was discovered (default: the case's opening date, or the violation's own date if later);
        /// the limitation runs to it.
        public var discoveredOn: LocalDate?
        public var party: PartyKind
        public var harm: Bool
        public var hazardSeqs: [Int]

        public init(officers: [String], violationCode: String, facts: String, violationOn: LocalDate,
                    discoveredOn: LocalDate? = nil, party: PartyKind, harm: Bool, hazardSeqs: [Int]) {
            self.discoveredOn = discoveredOn
            self.officers = officers
            self.violationCode = violationCode
            self.facts = facts
            self.violationOn = violationOn
            self.party = party
            self.harm = harm
            self.hazardSeqs = hazardSeqs
        }
    }

    public func filePenalty(caseNumber: String, on date: LocalDate?, _ filing: PenaltyFiling, actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.filePenalty(caseNumber: caseNumber, on: date, officers: filing.officers, violationCode: filing.violationCode,
                               facts: filing.facts, violationOn: filing.violationOn, discoveredOn: filing.discoveredOn,
                               party: filing.party, harm: filing.harm,
                               hazardSeqs: filing.hazardSeqs)
        }
    }

    public func summaryPenalty(caseNumber: String, on date: LocalDate?, officers: [String], violationCode: String,
                               facts: String, party: PartyKind, fineYuan: Int, measures: String?, actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.summaryPenalty(caseNumber: caseNumber, on: date, officers: officers, violationCode: violationCode,
                                  facts: facts, party: party, fineYuan: fineYuan, measures: measures)
        }
    }

    public func notifyPenalty(caseNumber: String, on date: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool,
                              officers: [String] = [], actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.notifyPenalty(caseNumber: caseNumber, on: date, fineYuan: fineYuan, measures: measures, stopOrder: stopOrder,
                                 officers: officers)
        }
    }

    public func recordDefence(caseNumber: String, on date: LocalDate?, statement: String?, waived: Bool, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.recordDefence(caseNumber: caseNumber, on: date, statement: statement, waived: waived) }
    }

    public func extendDecisionPeriod(caseNumber: String, on date: LocalDate?, until newDeadline: LocalDate, approver: String,
                                     reason: String, actor: String) throws -> DecisionExtension {
        try database.write(actor: actor) {
            try $0.extendDecisionPeriod(caseNumber: caseNumber, on: date, until: newDeadline, approver: approver, reason: reason)
        }
    }

    public func waiveHearing(caseNumber: String, on date: LocalDate?, statement: String, actor: String) throws -> HearingWaiver {
        try database.write(actor: actor) { try $0.waiveHearing(caseNumber: caseNumber, on: date, statement: statement) }
    }

    public func recordHearing(caseNumber: String, requestedOn: LocalDate, notifiedOn: LocalDate, heldOn: LocalDate,
                              actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.recordHearing(caseNumber: caseNumber, requestedOn: requestedOn, notifiedOn: notifiedOn, heldOn: heldOn)
        }
    }

    public func recordReview(caseNumber: String, on date: LocalDate?, reviewer: String?, discussion: Bool, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.recordReview(caseNumber: caseNumber, on: date, reviewer: reviewer, discussion: discussion) }
    }

    public func decidePenalty(caseNumber: String, on date: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool,
                              officers: [String] = [], actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.decidePenalty(caseNumber: caseNumber, on: date, fineYuan: fineYuan, measures: measures, stopOrder: stopOrder,
                                 officers: officers)
        }
    }

    public func servePenalty(caseNumber: String, on date: LocalDate?, method: String, officers: [String] = [],
                             actor: String) throws -> Penalty {
        try database.write(actor: actor) {
            try $0.servePenalty(caseNumber: caseNumber, on: date, method: method, officers: officers)
        }
    }

    public func approvePaymentDelay(caseNumber: String, on date: LocalDate?, until: LocalDate, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.approvePaymentDelay(caseNumber: caseNumber, on: date, until: until) }
    }

    public func pauseSurcharge(caseNumber: String, from: LocalDate, to: LocalDate, reason: String, actor: String) throws -> PenaltyPause {
        try database.write(actor: actor) { try $0.pauseSurcharge(caseNumber: caseNumber, from: from, to: to, reason: reason) }
    }

    public func payPenalty(caseNumber: String, on date: LocalDate?, amountFen: Int, actor: String) throws -> (Penalty, Surcharge) {
        try database.write(actor: actor) { try $0.payPenalty(caseNumber: caseNumber, on: date, amountFen: amountFen) }
    }

    public func demandPayment(caseNumber: String, on date: LocalDate?, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.demandPayment(caseNumber: caseNumber, on: date) }
    }

    public func transferPenalty(caseNumber: String, on date: LocalDate?, to receiver: String, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.transferPenalty(caseNumber: caseNumber, on: date, to: receiver) }
    }

    public func closePenalty(caseNumber: String, on date: LocalDate?, actor: String) throws -> Penalty {
        try database.write(actor: actor) { try $0.closePenalty(caseNumber: caseNumber, on: date) }
    }

    /// The penalty of a case with its deadlines, each explained, and the surcharge as of `asOf`.
    public struct PenaltyView: Codable, Sendable {
        public var penalty: Penalty
        public var violation: Violation?
        /// The party's written waiver of the hearing, and an approved longer decision period, when there are.
        public var hearingWaiver: HearingWaiver?
        public var decisionExtension: DecisionExtension?
        public var deadlines: [Deadline]
        public var surcharge: Surcharge?
        public var problems: [String]
    }

    public func violations() throws -> [Violation] {
        try database.read { try ViolationCatalogue.all($0) }
    }

    public func addViolation(_ violation: Violation, actor: String) throws -> Violation {
        try database.write(actor: actor) { context in
            if try ViolationCatalogue.all(context.store).contains(where: { $0.code == violation.code.trimmed }) {
                throw RuleViolation(rule: .violationCodeUnique, chinese: "违法行为代码\(violation.code)已存在",
                                    english: "violation code \(violation.code) exists already")
            }
            guard violation.maxFineYuan >= violation.minFineYuan, violation.minFineYuan >= 0 else {
                throw ValidationError(field: "罚款幅度", fieldEnglish: "fine range", value: "\(violation.minFineYuan)–\(violation.maxFineYuan)",
                                      chinese: "下限不能为负且不能高于上限", english: "the minimum is ≥ 0 and not above the maximum")
            }
            var stored = violation
            stored.code = try require(violation.code, field: "代码", english: "code")
            try context.insert(&stored, action: "violation.add")
            return stored
        }
    }
}
