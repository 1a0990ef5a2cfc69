/// 告知 and 陈述申辩 (行政处罚法 arts. 44, 45, 63): the proposed penalty with its basis and the party's rights; a fine
/// at or above the hearing threshold, or a stop order, gives the party a hearing right. The party then states its
/// defence, or waives it explicitly.
public enum PenaltyNotice {
    public static func notify(_ penalty: Penalty, on noticeOn: LocalDate, fineYuan: Int, measures: String?, stopOrder: Bool,
                              violation: Violation, rules: RuleSet) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.filed], act: "告知", actEnglish: "notify")
        try PenaltyProcedure.requireOnOrAfter(noticeOn, penalty.filedOn, "立案日期", "filing date")
        try violation.checkFine(fineYuan)
        let threshold = try rules.rule(penalty.party == .organisation ? .hearingThresholdOrganisation : .hearingThresholdIndividual,
                                       on: noticeOn)
        var notified = penalty
        notified.noticeOn = noticeOn
        notified.proposedFineYuan = fineYuan
        notified.proposedMeasures = measures
        notified.stopOrder = stopOrder
        notified.hearingRight = fineYuan >= threshold.value || stopOrder
        notified.stage = .notified
        return notified
    }

    /// `statement`: as entered, blank already turned into nil.
    public static func recordDefence(_ penalty: Penalty, on date: LocalDate, statement: String?, waived: Bool) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.notified], act: "登记陈述申辩", actEnglish: "record a defence")
        try PenaltyProcedure.requireOnOrAfter(date, penalty.noticeOn, "告知日期", "notice date")
        guard waived || statement != nil else {
            throw ValidationError(field: "陈述申辩", fieldEnglish: "statement", chinese: "须填写陈述申辩内容，或注明当事人放弃",
                                  english: "give the statement, or record that the party waives it")
        }
        var recorded = penalty
        recorded.defenceOn = date
        recorded.defence = statement
        recorded.defenceWaived = waived
        return recorded
    }
}
