/// The late-payment surcharge (加处罚款) due on a date: a share of the fine per day late, never above the fine,
/// not running while administrative review or a lawsuit is pending (《行政处罚法》第72条、第73条).
public struct Surcharge: Codable, Equatable, Sendable {
    public var fineYuan: Int
    public var paymentDue: LocalDate
    public var asOf: LocalDate
    public var daysLate: Int
    public var pausedDays: Int
    public var ratePercent: Int
    public var capPercent: Int
    /// In fen (分), so that 3 % of an odd fine stays exact.
    public var amountFen: Int
    public var capped: Bool
    public var source: String
    public var explanation: String

    public var amountText: String { Surcharge.yuan(amountFen) }

    public static func yuan(_ fen: Int) -> String { Money(fen: fen).yuanText }
}

/// A period in which the surcharge does not run (review or suit pending), both ends included.
public struct SurchargePause: Codable, Equatable, Sendable {
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String

    public init(from: LocalDate, to: LocalDate, reason: String) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

extension DeadlineEngine {
    public func surcharge(fineYuan: Int, paymentDue: LocalDate, asOf: LocalDate, pauses: [SurchargePause] = [],
                          judgedOn ruleDate: LocalDate? = nil) throws -> Surcharge {
        let rate = try rules.rule(.surchargeRate, on: ruleDate ?? paymentDue)
        let cap = try rules.rule(.surchargeCap, on: ruleDate ?? paymentDue)
        var daysLate = 0
        var paused = 0
        if asOf > paymentDue {
            for offset in 1...paymentDue.days(until: asOf) {
                let day = paymentDue.adding(days: offset)
                if pauses.contains(where: { $0.from <= day && day <= $0.to }) { paused += 1 } else { daysLate += 1 }
            }
        }
        let uncapped = fineYuan * rate.value * daysLate // fen: yuan × 100 × rate% = yuan × rate
        let capFen = fineYuan * cap.value
        let amount = min(uncapped, capFen)
        var explanation = "加处罚款 \(Surcharge.yuan(amount))：罚款\(Money(yuan: fineYuan).yuanText)，缴款期限\(paymentDue.chinese)，至\(asOf.chinese)逾期\(daysLate)日"
        if paused > 0 { explanation += "（复议或诉讼期间\(paused)日不计）" }
        explanation += "，每日\(rate.value)%"
        if uncapped > capFen { explanation += "，按日计\(Surcharge.yuan(uncapped))超过罚款数额，以罚款数额为限" }
        explanation += "，依据\(rate.source)"
        return Surcharge(fineYuan: fineYuan, paymentDue: paymentDue, asOf: asOf, daysLate: daysLate, pausedDays: paused,
                         ratePercent: rate.value, capPercent: cap.value, amountFen: amount, capped: uncapped > capFen,
                         source: rate.source, explanation: explanation)
    }
}
