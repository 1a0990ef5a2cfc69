/// 行政处罚法 art. 60: a decision within 90 days of 立案, unless a rule provides a longer period and it was approved
/// (`DecisionExtension`); the decision is then judged against the extended limit.
public enum DecisionPeriod {
    /// 90 days from 立案, hearing time excluded.
    public static func statutory(_ penalty: Penalty, engine: DeadlineEngine) throws -> Deadline {
        try engine.deadline("作出决定期限", rule: .decisionDeadline, from: penalty.filedOn!, startLabel: "立案日",
                            excludedDays: penalty.hearingDays, excludedLabel: "听证时间")
    }

    /// The limit a decision is judged against: the statutory one, or the approved extension of it.
    public static func deadline(statutory: Deadline, extension approved: DecisionExtension?, documentNumber: String?) -> Deadline {
        guard let approved else { return statutory }
        var extended = statutory
        extended.due = approved.newDeadline
        extended.latestDue = nil
        extended.missingYears = []
        extended.explanation = "\(statutory.name)\(approved.newDeadline.chinese)：经\(approved.approver)于\(approved.approvedOn.chinese)批准延长"
            + "（\(approved.reason)\(documentNumber.map { "，\($0)" } ?? "")）；法定期限为\(statutory.due.chinese)（\(statutory.source)）"
        return extended
    }

    /// An extension is approved while the statutory period runs, once, to a later day.
    public static func checkExtension(approvedOn: LocalDate, newDeadline: LocalDate, statutory: Deadline,
                                      existing: DecisionExtension?) throws {
        guard existing == nil else {
            throw RuleViolation(rule: .decisionExtensionOnce, chinese: "办案期限已经批准延长",
                                english: "the decision period has already been extended")
        }
        try statutory.require(approvedOn, .onOrBefore) {
            RuleViolation(rule: .decisionExtensionInTime,
                          chinese: "办案期限已于\(statutory.due.chinese)届满，不能再批准延长（《行政处罚法》第60条）：\(statutory.explanation)",
                          english: "the decision period ended on \(statutory.due): it can no longer be extended (art. 60)")
        }
        guard newDeadline > (statutory.latestDue ?? statutory.due) else {
            throw RuleViolation(rule: .decisionExtensionLater,
                                chinese: "延长后的期限\(newDeadline.chinese)须晚于法定期限\(statutory.due.chinese)",
                                english: "the extended limit \(newDeadline) must be after the statutory one, \(statutory.due)")
        }
    }
}
