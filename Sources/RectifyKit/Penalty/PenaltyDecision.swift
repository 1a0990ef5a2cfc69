import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    /// 决定: load the procedure and what it depends on, let `PenaltyDecision` decide, save it with its document.
    func decidePenalty(caseNumber: String, on date: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool,
                       officers: [String] = []) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let penalty = try penalty(of: record)
        let decidedOn = try ActDate.decide(date, today: today)
        let (approved, number) = try PenaltyDeadlines.approvedExtension(penalty, store: store)
        var decided = try PenaltyDecision.decide(penalty, on: decidedOn, fineYuan: fineYuan, measures: measures?.nonBlank,
                                                 stopOrder: stopOrder, context: .init(
            violation: try ViolationCatalogue.find(store, code: penalty.violationCode), hearingWaiver: try hearingWaiver(of: penalty),
            approvedExtension: approved, extensionDocument: number, engine: try LegalContext.engine(store)))
        try stepOfficers(penalty, named: officers)
        decided.decisionDocumentId = try issueDocument(.penaltyDecision, caseId: record.id!, on: decidedOn).id
        try update(decided, action: "penalty.decide")
        return decided
    }

    /// A longer decision period, approved while the statutory one runs (art. 60), with its 延长办案期限审批表.
    func extendDecisionPeriod(caseNumber: String, on date: LocalDate?, until newDeadline: LocalDate, approver: String,
                              reason: String) throws -> DecisionExtension {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let penalty = try penalty(of: record)
        try PenaltyProcedure.requireStage(penalty, [.filed, .notified], act: "批准延长办案期限", actEnglish: "extend the decision period")
        let approvedOn = try ActDate.decide(date, today: today)
        try PenaltyProcedure.requireOnOrAfter(approvedOn, penalty.filedOn, "立案日期", "filing date")
        let existing = try PenaltyDeadlines.approvedExtension(penalty, store: store).0
        try DecisionPeriod.checkExtension(approvedOn: approvedOn, newDeadline: newDeadline,
                                          statutory: try DecisionPeriod.statutory(penalty, engine: try LegalContext.engine(store)),
                                          existing: existing)
        let document = try issueDocument(.decisionExtension, caseId: record.id!, on: approvedOn)
        var approved = DecisionExtension(penaltyId: penalty.id!, approvedOn: approvedOn, newDeadline: newDeadline,
                                         approver: try require(approver, field: "批准人", english: "approver"),
                                         reason: try require(reason, field: "延长理由", english: "reason"), documentId: document.id!)
        try insert(&approved, action: "penalty.decision-extended")
        return approved
    }

    /// 送达 (`PenaltyService`), by two officers.
    func servePenalty(caseNumber: String, on date: LocalDate?, method: String, officers: [String] = []) throws -> Penalty {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        let served = try PenaltyService.serve(penalty, on: try ActDate.decide(date, today: today),
                                              method: try require(method, field: "送达方式", english: "service method"))
        try stepOfficers(penalty, named: officers)
        try update(served, action: "penalty.serve")
        return served
    }

    /// 延期或分期缴纳 approved: payment is due on the approved date.
    func approvePaymentDelay(caseNumber: String, on date: LocalDate?, until: LocalDate) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let approvedOn = try ActDate.decide(date, today: today)
        let delayed = try PenaltyPayment.delay(try penalty(of: record), approvedOn: approvedOn, until: until,
                                               engine: try LegalContext.engine(store))
        _ = try issueDocument(.paymentApproval, caseId: record.id!, on: approvedOn)
        try update(delayed, action: "penalty.payment-delay")
        return delayed
    }

    /// A period in which review or a lawsuit is pending: the surcharge does not run.
    func pauseSurcharge(caseNumber: String, from: LocalDate, to: LocalDate, reason: String) throws -> PenaltyPause {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        try PenaltyProcedure.requireStage(penalty, [.served], act: "登记复议诉讼期间", actEnglish: "record a review or suit period")
        try PenaltyProcedure.requireOnOrAfter(from, penalty.servedOn, "送达日期", "service date")
        try PenaltyProcedure.requireOnOrAfter(to, from, "开始日期", "start")
        var pause = PenaltyPause(penaltyId: penalty.id!, from: from, to: to,
                                 reason: try require(reason, field: "事由", english: "reason"))
        try insert(&pause, action: "penalty.pause")
        return pause
    }

    /// 缴款: the fine plus the surcharge due on the day of payment, exactly.
    func payPenalty(caseNumber: String, on date: LocalDate?, amountFen: Int) throws -> (Penalty, Surcharge) {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        let (paid, surcharge) = try PenaltyPayment.pay(penalty, on: try ActDate.decide(date, today: today),
                                                       amount: Money(fen: amountFen),
                                                       pauses: try PenaltyDeadlines.pauses(penalty, store: store),
                                                       engine: try LegalContext.engine(store))
        try update(paid, action: "penalty.pay")
        return (paid, surcharge)
    }

    /// 催告: after the payment deadline has passed unpaid.
    func demandPayment(caseNumber: String, on date: LocalDate?) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let on = try ActDate.decide(date, today: today)
        let demanded = try PenaltyPayment.demand(try penalty(of: record), on: on, engine: try LegalContext.engine(store))
        _ = try issueDocument(.demandNotice, caseId: record.id!, on: on)
        try update(demanded, action: "penalty.demand")
        return demanded
    }

    /// 移送 (`PenaltyTransfer`), with its letter.
    func transferPenalty(caseNumber: String, on date: LocalDate?, to receiver: String) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let on = try ActDate.decide(date, today: today)
        let transferred = try PenaltyTransfer.transfer(try penalty(of: record), on: on,
                                                       to: try require(receiver, field: "移送机关", english: "receiving body"))
        _ = try issueDocument(.transferLetter, caseId: record.id!, on: on)
        try update(transferred, action: "penalty.transfer")
        return transferred
    }

    /// 结案 (`PenaltyClosing`), with its approval.
    func closePenalty(caseNumber: String, on date: LocalDate?) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let on = try ActDate.decide(date, today: today)
        let closed = try PenaltyClosing.close(try penalty(of: record), on: on)
        _ = try issueDocument(.closingApproval, caseId: record.id!, on: on)
        try update(closed, action: "penalty.close")
        return closed
    }
}
