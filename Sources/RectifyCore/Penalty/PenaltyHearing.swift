/// 听证 (行政处罚法 art. 64): asked for within 5 working days of the notice, notified 7 working days ahead, held once
/// the party has not waived it. The decision's side of the hearing is `HearingWindow`.
public enum PenaltyHearing {
    public static func record(_ penalty: Penalty, requestedOn: LocalDate, notifiedOn: LocalDate, heldOn: LocalDate,
                              waiver: HearingWaiver?, engine: DeadlineEngine) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.notified], act: "登记听证", actEnglish: "record a hearing")
        guard penalty.hearingRight, let noticeOn = penalty.noticeOn else {
            throw RuleViolation(rule: .hearingRight, chinese: "告知的处罚不属于听证范围（较大数额罚款、责令停产停业等）",
                                english: "the proposed penalty gives no hearing right (large fine, stop order …)")
        }
        guard waiver == nil else {
            throw RuleViolation(rule: .hearingWaiverOnce, chinese: "当事人已书面放弃听证", english: "the party has waived the hearing")
        }
        let window = try engine.deadline("听证申请期限", rule: .hearingRequestWindow, from: noticeOn, startLabel: "告知日")
        func outsideWindow() -> RuleViolation {
            RuleViolation(rule: .hearingRequestWindow, chinese: "听证申请日\(requestedOn.chinese)不在期限内：\(window.explanation)",
                          english: "the hearing request of \(requestedOn) is outside the window ending \(window.due)")
        }
        guard requestedOn >= noticeOn else { throw outsideWindow() }
        try window.require(requestedOn, .onOrBefore, refusal: outsideWindow)
        try PenaltyProcedure.requireOnOrAfter(notifiedOn, requestedOn, "听证申请日", "hearing request")
        let earliest = try engine.deadline("最早听证日", rule: .hearingNotice, from: notifiedOn, startLabel: "听证通知日")
        try earliest.require(heldOn, .onOrAfter) {
            RuleViolation(rule: .hearingNotice, chinese: "听证日\(heldOn.chinese)距通知不足7个工作日：\(earliest.explanation)",
                          english: "the hearing on \(heldOn) is less than 7 working days after its notice (earliest \(earliest.due))")
        }
        var recorded = penalty
        recorded.hearingRequestedOn = requestedOn
        recorded.hearingNotifiedOn = notifiedOn
        recorded.hearingHeldOn = heldOn
        return recorded
    }
}
