/// Rules every step of the penalty procedure shares: its order, and dates that follow one another.
public enum PenaltyProcedure {
    public static func requireStage(_ penalty: Penalty, _ allowed: [PenaltyStage], act: String, actEnglish: String) throws {
        guard allowed.contains(penalty.stage) else {
            throw RuleViolation(rule: .penaltyStepOrder,
                                chinese: "处罚程序处于“\(penalty.stage.chinese)”，不能\(act)（应在\(allowed.map(\.chinese).joined(separator: "或"))之后）",
                                english: "the penalty procedure is '\(penalty.stage.rawValue)': cannot \(actEnglish) now")
        }
    }

    public static func requireOnOrAfter(_ date: LocalDate, _ earlier: LocalDate?, _ what: String, _ whatEnglish: String) throws {
        if let earlier, date < earlier {
            throw RuleViolation(rule: .datesInOrder, chinese: "日期\(date.chinese)早于\(what)\(earlier.chinese)",
                                english: "date \(date) is before the \(whatEnglish) \(earlier)")
        }
    }
}
