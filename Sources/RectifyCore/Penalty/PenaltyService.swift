/// 送达 (行政处罚法 art. 61): the decision is served on the party, by a stated method, after it was made.
public enum PenaltyService {
    /// `method`: as entered, checked not blank by the caller.
    public static func serve(_ penalty: Penalty, on servedOn: LocalDate, method: String) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.decided], act: "送达", actEnglish: "serve the decision")
        try PenaltyProcedure.requireOnOrAfter(servedOn, penalty.decidedOn, "决定日期", "decision date")
        var served = penalty
        served.servedOn = servedOn
        served.serviceMethod = method
        served.stage = .served
        return served
    }
}
