/// 行政处罚法 art. 64: a party given a hearing right may ask for a hearing within 5 working days of the notice. No
/// decision is made while it still may, unless it waived the hearing or a hearing was held. Waiving the defence
/// (陈述申辩) is not waiving the hearing.
public enum HearingWindow {
    /// Refuses a decision on `decidedOn` that would cut the party's time to ask for a hearing short. `window` is the
    /// request window from the notice (`RuleKind.hearingRequestWindow`), needed only when the penalty gives the right.
    public static func checkDecision(on decidedOn: LocalDate, penalty: Penalty, waiver: HearingWaiver?,
                                     window: () throws -> Deadline) throws {
        guard penalty.hearingRight, penalty.hearingHeldOn == nil, penalty.hearingRequestedOn == nil else { return }
        if let waiver, waiver.waivedOn <= decidedOn { return }
        let window = try window()
        try window.require(decidedOn, .after) {
            RuleViolation(rule: .hearingWindow,
                          chinese: "当事人仍可申请听证（《行政处罚法》第64条），且未书面放弃听证：\(window.explanation)；放弃陈述申辩不等于放弃听证",
                          english: "the party may still ask for a hearing until \(window.due) (art. 64) and has not waived it; waiving the defence is not waiving the hearing")
        }
    }

    /// A waiver is recorded only where there is a hearing to waive, once, and not before the notice.
    public static func checkWaiver(on waivedOn: LocalDate, penalty: Penalty, existing: HearingWaiver?) throws {
        guard penalty.hearingRight, let noticeOn = penalty.noticeOn else {
            throw RuleViolation(rule: .hearingRight, chinese: "告知的处罚不属于听证范围，没有可放弃的听证",
                                english: "the notified penalty gives no hearing right: there is no hearing to waive")
        }
        guard existing == nil, penalty.hearingRequestedOn == nil else {
            throw RuleViolation(rule: .hearingWaiverOnce, chinese: "当事人已放弃听证或已申请听证",
                                english: "the party has already waived or asked for a hearing")
        }
        guard waivedOn >= noticeOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "放弃听证日期\(waivedOn.chinese)早于告知日期\(noticeOn.chinese)",
                                english: "the waiver of \(waivedOn) is before the notice of \(noticeOn)")
        }
    }
}
