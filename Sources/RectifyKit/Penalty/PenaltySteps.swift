import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    /// 告知 (`PenaltyNotice`), with its 告知书 and, where the party may ask for a hearing, the 听证告知书.
    func notifyPenalty(caseNumber: String, on date: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool,
                       officers: [String] = []) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let penalty = try penalty(of: record)
        let noticeOn = try ActDate.decide(date, today: today)
        var notified = try PenaltyNotice.notify(penalty, on: noticeOn, fineYuan: fineYuan, measures: measures?.nonBlank,
                                                stopOrder: stopOrder,
                                                violation: try ViolationCatalogue.find(store, code: penalty.violationCode),
                                                rules: try LegalContext.rules(store))
        try stepOfficers(penalty, named: officers)
        notified.noticeDocumentId = try issueDocument(.penaltyNotice, caseId: record.id!, on: noticeOn).id
        if notified.hearingRight { _ = try issueDocument(.hearingNotice, caseId: record.id!, on: noticeOn) }
        try update(notified, action: "penalty.notify")
        return notified
    }

    /// 陈述申辩, or the party's explicit waiver of it (`PenaltyNotice`).
    func recordDefence(caseNumber: String, on date: LocalDate?, statement: String?, waived: Bool) throws -> Penalty {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        let recorded = try PenaltyNotice.recordDefence(penalty, on: try ActDate.decide(date, today: today),
                                                       statement: statement?.nonBlank, waived: waived)
        try update(recorded, action: waived ? "penalty.defence-waived" : "penalty.defence")
        return recorded
    }

    /// The party's written waiver of its hearing (art. 64): without it, no decision before the request window ends.
    func waiveHearing(caseNumber: String, on date: LocalDate?, statement: String) throws -> HearingWaiver {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        try PenaltyProcedure.requireStage(penalty, [.notified], act: "登记放弃听证", actEnglish: "record a hearing waiver")
        let on = try ActDate.decide(date, today: today)
        try HearingWindow.checkWaiver(on: on, penalty: penalty, existing: try hearingWaiver(of: penalty))
        var waiver = HearingWaiver(penaltyId: penalty.id!, waivedOn: on,
                                   statement: try require(statement, field: "放弃听证声明", english: "waiver statement"))
        try insert(&waiver, action: "penalty.hearing-waived")
        return waiver
    }

    func hearingWaiver(of penalty: Penalty) throws -> HearingWaiver? {
        try PenaltyDeadlines.hearingWaiver(penalty, store: store)
    }

    /// 听证 (`PenaltyHearing`): recorded once it was held, so never with a date after today.
    func recordHearing(caseNumber: String, requestedOn: LocalDate, notifiedOn: LocalDate, heldOn: LocalDate) throws -> Penalty {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(store, number: caseNumber))
        _ = try ActDate.decide(heldOn, today: today)
        let recorded = try PenaltyHearing.record(penalty, requestedOn: requestedOn, notifiedOn: notifiedOn, heldOn: heldOn,
                                                 waiver: try hearingWaiver(of: penalty), engine: try LegalContext.engine(store))
        try update(recorded, action: "penalty.hearing")
        return recorded
    }

    /// 法制审核 (who reviewed) and 集体讨论 (with its record number).
    func recordReview(caseNumber: String, on date: LocalDate?, reviewer: String?, discussion: Bool) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        var penalty = try penalty(of: record)
        try PenaltyProcedure.requireStage(penalty, [.notified], act: discussion ? "登记集体讨论" : "登记法制审核",
                         actEnglish: discussion ? "record the collective discussion" : "record the legal review")
        let on = try ActDate.decide(date, today: today)
        try PenaltyProcedure.requireOnOrAfter(on, penalty.noticeOn, "告知日期", "notice date")
        if discussion {
            penalty.discussionOn = on
            _ = try issueDocument(.discussionRecord, caseId: record.id!, on: on)
        } else {
            penalty.reviewOn = on
            penalty.reviewer = try require(reviewer ?? "", field: "审核人", english: "reviewer")
        }
        try update(penalty, action: discussion ? "penalty.discussion" : "penalty.review")
        return penalty
    }
}
