import Foundation
import RectifyCore
import RectifyStore

/// Every act on an existing case, as a value: what the web forms and the JSON API build and hand to `perform`, so both
/// front ends reach the same use cases through one door that also checks the version the act was based on.
public enum CaseAct: Sendable {
    case addHazard(checklistCode: String?, description: String, level: HazardLevel?, criterion: String?,
                   foundOn: LocalDate?, deadline: LocalDate, listedSupervision: Bool, supervisingBody: String?)
    case extendHazard(seq: Int, deadline: LocalDate, reason: String, on: LocalDate?)
    case reportRectified(seq: Int, on: LocalDate?, measures: String)
    case addPlan(kind: PlanKind, hazardSeq: Int?, measures: String, responsible: String?, fundsYuan: Int?,
                 deadline: LocalDate?, contingency: String?, on: LocalDate?)
    case addSelfCheck(on: LocalDate?, checkedBy: String, findings: String, selfFixed: String?, pledge: String,
                      items: [SelfCheckAnswer])
    case addRecheck(on: LocalDate?, officers: [String], opinion: String, verdicts: [RecheckAnswer])
    case close(on: LocalDate?)
    /// A photo, scan or video uploaded to the case (to one of its hazards with `hazardSeq`).
    case attach(fileName: String, content: Data, hazardSeq: Int?)
    case filePenalty(on: LocalDate?, Rectify.PenaltyFiling)
    case notifyPenalty(on: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool)
    case recordDefence(on: LocalDate?, statement: String?, waived: Bool)
    case waiveHearing(on: LocalDate?, statement: String)
    case recordReview(on: LocalDate?, reviewer: String?, discussion: Bool)
    case decidePenalty(on: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool)
    case servePenalty(on: LocalDate?, method: String)
    case payPenalty(on: LocalDate?, amountFen: Int)
    case closePenalty(on: LocalDate?)
    case summaryPenalty(on: LocalDate?, officers: [String], violationCode: String, facts: String, party: PartyKind,
                        fineYuan: Int, measures: String?)
    case recordHearing(requestedOn: LocalDate, notifiedOn: LocalDate, heldOn: LocalDate)
    case extendDecisionPeriod(on: LocalDate?, until: LocalDate, approver: String, reason: String)
    case approvePaymentDelay(on: LocalDate?, until: LocalDate)
    case pauseSurcharge(from: LocalDate, to: LocalDate, reason: String)
    case demandPayment(on: LocalDate?)
    case transferPenalty(on: LocalDate?, to: String)

    public struct SelfCheckAnswer: Sendable, Equatable {
        public var code: String
        public var result: CheckResult
        public init(code: String, result: CheckResult) { self.code = code; self.result = result }
    }

    public struct RecheckAnswer: Sendable, Equatable {
        public var seq: Int
        public var verdict: RecheckVerdict
        public init(seq: Int, verdict: RecheckVerdict) { self.seq = seq; self.verdict = verdict }
    }
}

/// The case changed since the version an act was based on: nothing was written.
public struct StaleCaseVersion: UserFacingError, Equatable {
    public var caseNumber: String
    public var expected: Int
    public var current: Int

    public var chinese: String {
        "案件\(caseNumber)在您打开后已有他人办理（版本\(expected) → \(current)），本次提交未保存；请查看最新内容后重新填写"
    }
    public var english: String {
        "case \(caseNumber) changed since you opened it (version \(expected) → \(current)); nothing was saved — review it and submit again"
    }
}

extension Rectify {
    /// Does `act` on the case as `actor`, in one audited transaction. With `expectedVersion` (the case's `events` as
    /// read), a case changed meanwhile is refused with `StaleCaseVersion` before anything is written.
    @discardableResult
    public func perform(_ act: CaseAct, caseNumber: String, expectedVersion: Int?, actor: String) throws -> Int {
        try database.write(actor: actor) { context in
            try context.perform(act, record: try Lookup.case(context.store, number: caseNumber), expectedVersion: expectedVersion)
        }
    }
}

extension WriteContext {
    /// The act after the version check; returns the case's new version.
    fileprivate func perform(_ act: CaseAct, record: Case, expectedVersion: Int?) throws -> Int {
        if let expectedVersion {
            let current = try store.caseEventCount(caseId: record.id!)
            guard current == expectedVersion else {
                throw StaleCaseVersion(caseNumber: record.number, expected: expectedVersion, current: current)
            }
        }
        try perform(act, caseNumber: record.number)
        return try store.caseEventCount(caseId: record.id!)
    }

    private func perform(_ act: CaseAct, caseNumber number: String) throws {
        switch act {
        case let .addHazard(code, description, level, criterion, foundOn, deadline, listed, body):
            _ = try addHazard(caseNumber: number, checklistCode: code, description: description, level: level,
                              criterion: criterion, foundOn: foundOn, deadline: deadline, listedSupervision: listed,
                              supervisingBody: body)
        case let .extendHazard(seq, deadline, reason, date):
            _ = try extendHazard(reference: "\(number)/\(seq)", to: deadline, reason: reason, on: date)
        case let .reportRectified(seq, date, measures):
            _ = try claimRectification(reference: "\(number)/\(seq)", on: date, measures: measures)
        case let .addPlan(kind, seq, measures, responsible, funds, deadline, contingency, date):
            _ = try addPlan(caseNumber: number, kind: kind, hazardSeq: seq, measures: measures, responsible: responsible,
                            fundsYuan: funds, deadline: deadline, contingency: contingency, on: date)
        case let .addSelfCheck(date, checkedBy, findings, selfFixed, pledge, items):
            _ = try addSelfCheck(caseNumber: number, on: date, checkedBy: checkedBy, findings: findings, selfFixed: selfFixed,
                                 pledge: pledge, items: items.map { ($0.code, $0.result) })
        case let .addRecheck(date, officers, opinion, verdicts):
            _ = try addRecheck(caseNumber: number, on: date, officers: officers, opinion: opinion,
                               verdicts: verdicts.map { ($0.seq, $0.verdict) })
        case let .close(date):
            _ = try closeCase(number: number, on: date)
        case let .attach(fileName, content, seq):
            _ = try attachUpload(caseNumber: number, fileName: fileName, content: content,
                                 target: seq.map { .hazard(seq: $0) } ?? .caseFile)
        case let .filePenalty(date, filing):
            _ = try filePenalty(caseNumber: number, on: date, officers: filing.officers, violationCode: filing.violationCode,
                                facts: filing.facts, violationOn: filing.violationOn, discoveredOn: filing.discoveredOn,
                                party: filing.party, harm: filing.harm, hazardSeqs: filing.hazardSeqs)
        case let .notifyPenalty(date, fine, measures, stopOrder):
            _ = try notifyPenalty(caseNumber: number, on: date, fineYuan: fine, measures: measures, stopOrder: stopOrder)
        case let .recordDefence(date, statement, waived):
            _ = try recordDefence(caseNumber: number, on: date, statement: statement, waived: waived)
        case let .waiveHearing(date, statement):
            _ = try waiveHearing(caseNumber: number, on: date, statement: statement)
        case let .recordReview(date, reviewer, discussion):
            _ = try recordReview(caseNumber: number, on: date, reviewer: reviewer, discussion: discussion)
        case let .decidePenalty(date, fine, measures, stopOrder):
            _ = try decidePenalty(caseNumber: number, on: date, fineYuan: fine, measures: measures, stopOrder: stopOrder)
        case let .servePenalty(date, method):
            _ = try servePenalty(caseNumber: number, on: date, method: method)
        case let .payPenalty(date, amountFen):
            _ = try payPenalty(caseNumber: number, on: date, amountFen: amountFen)
        case let .closePenalty(date):
            _ = try closePenalty(caseNumber: number, on: date)
        case let .summaryPenalty(date, officers, code, facts, party, fine, measures):
            _ = try summaryPenalty(caseNumber: number, on: date, officers: officers, violationCode: code, facts: facts, party: party,
                                   fineYuan: fine, measures: measures)
        case let .recordHearing(requested, notified, held):
            _ = try recordHearing(caseNumber: number, requestedOn: requested, notifiedOn: notified, heldOn: held)
        case let .extendDecisionPeriod(date, until, approver, reason):
            _ = try extendDecisionPeriod(caseNumber: number, on: date, until: until, approver: approver, reason: reason)
        case let .approvePaymentDelay(date, until):
            _ = try approvePaymentDelay(caseNumber: number, on: date, until: until)
        case let .pauseSurcharge(from, to, reason):
            _ = try pauseSurcharge(caseNumber: number, from: from, to: to, reason: reason)
        case let .demandPayment(date):
            _ = try demandPayment(caseNumber: number, on: date)
        case let .transferPenalty(date, receiver):
            _ = try transferPenalty(caseNumber: number, on: date, to: receiver)
        }
    }
}

extension Rectify {
    /// `perform` for a signed-in person: refused (CASE-ACCESS) unless they are one of the case's two officers, decided
    /// in the same transaction as the act, with their credential as the audit actor.
    @discardableResult
    public func perform(_ act: CaseAct, caseNumber: String, expectedVersion: Int?, by person: SignedIn) throws -> Int {
        let refusal = RuleViolation(rule: .caseAccess,
                                    chinese: "只有本案的两名执法人员（或牵头部门的专项整治负责人）可以办理案件\(caseNumber)",
                                    english: "only the two officers of case \(caseNumber) (or a lead of the leading department) may act on it")
        guard let credential = person.officer?.credential else { throw refusal }
        return try database.write(actor: credential) { context in
            let record = try Lookup.case(context.store, number: caseNumber)
            _ = try context.actingOfficer()
            guard try Self.mayAct(on: record, by: person, store: context.store) else { throw refusal }
            return try context.perform(act, record: record, expectedVersion: expectedVersion)
        }
    }

    /// Whether the person may act on the case now (`CaseAccess.mayAct`): what the case page asks before offering forms.
    public func mayAct(onCase number: String, by person: SignedIn) throws -> Bool {
        try database.read { store in try Self.mayAct(on: try Lookup.case(store, number: number), by: person, store: store) }
    }

    private static func mayAct(on record: Case, by person: SignedIn, store: Store) throws -> Bool {
        guard let credential = person.officer?.credential, let officer = try? Lookup.officer(store, credential: credential) else {
            return false
        }
        let named = record.officer1Id == officer.id || record.officer2Id == officer.id
        let leads = try Lookup.campaign(store, id: record.campaignId).leadDepartmentId == officer.departmentId
        return CaseAccess.mayAct(person.role, isNamedOnCase: named, leadsCampaign: leads)
    }
}
