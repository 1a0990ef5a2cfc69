/// 结案: after payment, a transfer, or a served warning with no fine; never before the step that ended it.
public enum PenaltyClosing {
    public static func close(_ penalty: Penalty, on date: LocalDate) throws -> Penalty {
        let warningOnly = penalty.stage == .served && (penalty.fineYuan ?? 0) == 0
        guard penalty.stage == .paid || penalty.stage == .transferred || warningOnly else {
            throw RuleViolation(rule: .penaltyClose,
                                chinese: "处罚程序处于“\(penalty.stage.chinese)”，须缴款、移送或警告送达后方可结案",
                                english: "the procedure is '\(penalty.stage.rawValue)': it closes after payment, transfer or a served warning")
        }
        try PenaltyProcedure.requireOnOrAfter(date, penalty.paidOn ?? penalty.transferredOn ?? penalty.servedOn,
                                              "前一步骤日期", "previous step")
        var closed = penalty
        closed.closedOn = date
        closed.stage = .closed
        return closed
    }
}
