import Foundation
import GRDB
import RectifyCore
import RectifyStore

extension WriteContext {
    /// 告知: the proposed penalty, its basis and the party's rights; a large fine or a stop order gives a hearing right.
    func notifyPenalty(caseNumber: String, on date: LocalDate?, fineYuan: Int, measures: String?, stopOrder: Bool,
                       officers: [String] = []) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(db, number: caseNumber)
        var penalty = try penalty(of: record)
        try requireStage(penalty, [.filed], act: "告知", actEnglish: "notify")
        try stepOfficers(penalty, named: officers)
        let noticeOn = try ActDate.decide(date, today: today)
        try requireOnOrAfter(noticeOn, penalty.filedOn, "立案日期", "filing date")
        try ViolationCatalogue.find(db, code: penalty.violationCode).checkFine(fineYuan)
        let rules = try LegalContext.rules(db)
        let threshold = try rules.rule(penalty.party == .organisation ? .hearingThresholdOrganisation : .hearingThresholdIndividual,
                                       on: noticeOn)
        penalty.noticeOn = noticeOn
        penalty.proposedFineYuan = fineYuan
        penalty.proposedMeasures = measures?.nonBlank
        penalty.stopOrder = stopOrder
        penalty.hearingRight = fineYuan >= threshold.value || stopOrder
        penalty.noticeDocumentId = try issueDocument(.penaltyNotice, caseId: record.id!, on: noticeOn).id
        if penalty.hearingRight { _ = try issueDocument(.hearingNotice, caseId: record.id!, on: noticeOn) }
        penalty.stage = .notified
        try update(penalty, action: "penalty.notify")
        return penalty
    }

    /// 陈述申辩, or the party's explicit waiver of it.
    func recordDefence(caseNumber: String, on date: LocalDate?, statement: String?, waived: Bool) throws -> Penalty {
        _ = try actingOfficer()
        var penalty = try penalty(of: try Lookup.case(db, number: caseNumber))
        try requireStage(penalty, [.notified], act: "登记陈述申辩", actEnglish: "record a defence")
        let on = try ActDate.decide(date, today: today)
        try requireOnOrAfter(on, penalty.noticeOn, "告知日期", "notice date")
        guard waived || statement?.nonBlank != nil else {
            throw ValidationError(field: "陈述申辩", fieldEnglish: "statement", chinese: "须填写陈述申辩内容，或注明当事人放弃",
                                  english: "give the statement, or record that the party waives it")
        }
        penalty.defenceOn = on
        penalty.defence = statement?.nonBlank
        penalty.defenceWaived = waived
        try update(penalty, action: waived ? "penalty.defence-waived" : "penalty.defence")
        return penalty
    }

    /// The party's written waiver of its hearing (art. 64): without it, no decision before the request window ends.
    func waiveHearing(caseNumber: String, on date: LocalDate?, statement: String) throws -> HearingWaiver {
        _ = try actingOfficer()
        let penalty = try penalty(of: try Lookup.case(db, number: caseNumber))
        try requireStage(penalty, [.notified], act: "登记放弃听证", actEnglish: "record a hearing waiver")
        let on = try ActDate.decide(date, today: today)
        try HearingWindow.checkWaiver(on: on, penalty: penalty, existing: try hearingWaiver(of: penalty))
        var waiver = HearingWaiver(penaltyId: penalty.id!, waivedOn: on,
                                   statement: try require(statement, field: "放弃听证声明", english: "waiver statement"))
        try insert(&waiver, action: "penalty.hearing-waived")
        return waiver
    }

    func hearingWaiver(of penalty: Penalty) throws -> HearingWaiver? {
        try HearingWaiver.filter(HearingWaiver.Columns.penaltyId == penalty.id!).fetchOne(db)
    }

    /// 听证: asked within 5 working days of the notice, notified 7 working days ahead.
    func recordHearing(caseNumber: String, requestedOn: LocalDate, notifiedOn: LocalDate, heldOn: LocalDate) throws -> Penalty {
        _ = try actingOfficer()
        var penalty = try penalty(of: try Lookup.case(db, number: caseNumber))
        try requireStage(penalty, [.notified], act: "登记听证", actEnglish: "record a hearing")
        guard penalty.hearingRight, let noticeOn = penalty.noticeOn else {
            throw RuleViolation(rule: .hearingRight, chinese: "告知的处罚不属于听证范围（较大数额罚款、责令停产停业等）",
                                english: "the proposed penalty gives no hearing right (large fine, stop order …)")
        }
        _ = try ActDate.decide(heldOn, today: today)
        guard try hearingWaiver(of: penalty) == nil else {
            throw RuleViolation(rule: .hearingWaiverOnce, chinese: "当事人已书面放弃听证", english: "the party has waived the hearing")
        }
        let engine = try LegalContext.engine(db)
        let window = try engine.deadline("听证申请期限", rule: .hearingRequestWindow, from: noticeOn, startLabel: "告知日")
        func outsideWindow() -> RuleViolation {
            RuleViolation(rule: .hearingRequestWindow, chinese: "听证申请日\(requestedOn)不在期限内：\(window.explanation)",
                          english: "the hearing request of \(requestedOn) is outside the window ending \(window.due)")
        }
        guard requestedOn >= noticeOn else { throw outsideWindow() }
        try window.require(requestedOn, .onOrBefore, refusal: outsideWindow)
        try requireOnOrAfter(notifiedOn, requestedOn, "听证申请日", "hearing request")
        let earliest = try engine.deadline("最早听证日", rule: .hearingNotice, from: notifiedOn, startLabel: "听证通知日")
        try earliest.require(heldOn, .onOrAfter) {
            RuleViolation(rule: .hearingNotice, chinese: "听证日\(heldOn)距通知不足7个工作日：\(earliest.explanation)",
                          english: "the hearing on \(heldOn) is less than 7 working days after its notice (earliest \(earliest.due))")
        }
        penalty.hearingRequestedOn = requestedOn
        penalty.hearingNotifiedOn = notifiedOn
        penalty.hearingHeldOn = heldOn
        try update(penalty, action: "penalty.hearing")
        return penalty
    }

    /// 法制审核 (who reviewed) and 集体讨论 (with its record number).
    func recordReview(caseNumber: String, on date: LocalDate?, reviewer: String?, discussion: Bool) throws -> Penalty {
        _ = try actingOfficer()
        let record = try Lookup.case(db, number: caseNumber)
        var penalty = try penalty(of: record)
        try requireStage(penalty, [.notified], act: discussion ? "登记集体讨论" : "登记法制审核",
                         actEnglish: discussion ? "record the collective discussion" : "record the legal review")
        let on = try ActDate.decide(date, today: today)
        try requireOnOrAfter(on, penalty.noticeOn, "告知日期", "notice date")
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
