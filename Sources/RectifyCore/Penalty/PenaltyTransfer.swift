/// 移送 (《安全生产法》第69条, 行政处罚法 art. 27): a case beyond the authority's own powers goes to another
/// department or the judicial organs, at any step before payment.
public enum PenaltyTransfer {
    /// `receiver`: as entered, checked not blank by the caller.
    public static func transfer(_ penalty: Penalty, on date: LocalDate, to receiver: String) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.filed, .notified, .decided, .served], act: "移送", actEnglish: "transfer the case")
        try PenaltyProcedure.requireOnOrAfter(date, penalty.filedOn ?? penalty.decidedOn, "立案日期", "filing date")
        var transferred = penalty
        transferred.transferredOn = date
        transferred.transferTo = receiver
        transferred.stage = .transferred
        return transferred
    }
}
