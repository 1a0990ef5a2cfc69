/// Where a dated target stands: 已完成 (reached), 按期 (on track: the pace so far reaches it by the due date),
/// 有风险 (at risk: it does not), 未完成 (missed: the due date passed before it was reached).
public enum TargetStatus: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case achieved
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case missed

    public var chinese: String {
        switch self {
        case .achieved: "已完成"
        case .onTrack: "按期"
        case .atRisk: "有风险"
        case .missed: "未完成"
        }
    }

    public static let fieldChinese = "目标状态"
    public static let fieldEnglish = "target status"
}

public enum TargetJudgement {
    /// The count a percentage target asks for, rounded half up: the seed's "461家规下企业30%（138家）".
    public static func required(_ amount: TargetAmount, of base: Int) -> Int {
        switch amount {
        case .count(let n): n
        case .percent(let p): (p * base + 50) / 100
        }
    }

    /// `reached` is the count on the as-of date, `reachedByDue` the count on the due date (used once it has passed).
    /// The pace is linear from the campaign's start: the count so far, per day elapsed, over the whole span.
    public static func status(required: Int, reached: Int, reachedByDue: Int, asOf: LocalDate, startsOn: LocalDate,
                              dueOn: LocalDate) -> TargetStatus {
        if asOf > dueOn { return reachedByDue >= required ? .achieved : .missed }
        if reached >= required { return .achieved }
        guard asOf >= startsOn else { return .onTrack }
        let elapsed = startsOn.days(until: asOf) + 1
        let span = startsOn.days(until: dueOn) + 1
        return reached * span >= required * elapsed ? .onTrack : .atRisk
    }

    /// 完成率 in percent with two decimals, capped at 100.
    public static func attainment(reached: Int, required: Int) -> Double {
        guard required > 0 else { return 100 }
        return min(100, (Double(reached) * 10_000 / Double(required)).rounded() / 100)
    }
}
