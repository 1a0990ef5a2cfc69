/// 缴款 (行政处罚法 arts. 66, 67, 72): the fine is due 15 days after service unless a delay or instalments were
/// approved; paid late, the surcharge runs; a demand (行政强制法 art. 35) comes only once the payment is overdue.
public enum PenaltyPayment {
    /// 15 days from service, unless a delay or instalments were approved.
    public static func due(_ penalty: Penalty, engine: DeadlineEngine) throws -> Deadline {
        var due = try engine.deadline("缴款期限", rule: .paymentWindow, from: penalty.servedOn!, startLabel: "送达日")
        if let override = penalty.paymentDueOverride {
            due.explanation = "缴款期限\(override.chinese)：经批准延期（分期）缴纳；原期限为\(due.due.chinese)（\(due.source)）"
            due.due = override
        }
        return due
    }

    /// What paying on `date` takes: the fine plus the surcharge run up by then.
    public static func owed(_ penalty: Penalty, on date: LocalDate, pauses: [SurchargePause],
                            engine: DeadlineEngine) throws -> (amount: Money, surcharge: Surcharge) {
        let surcharge = try engine.surcharge(fineYuan: penalty.fineYuan ?? 0, paymentDue: try due(penalty, engine: engine).due,
                                             asOf: date, pauses: pauses)
        return (Money(fen: (penalty.fineYuan ?? 0) * 100 + surcharge.amountFen), surcharge)
    }

    /// The procedure paid on `paidOn` with `amount`, which must be the fine plus the surcharge due that day exactly.
    public static func pay(_ penalty: Penalty, on paidOn: LocalDate, amount: Money, pauses: [SurchargePause],
                           engine: DeadlineEngine) throws -> (Penalty, Surcharge) {
        try PenaltyProcedure.requireStage(penalty, [.served], act: "登记缴款", actEnglish: "record a payment")
        try PenaltyProcedure.requireOnOrAfter(paidOn, penalty.servedOn, "送达日期", "service date")
        let (owed, surcharge) = try owed(penalty, on: paidOn, pauses: pauses, engine: engine)
        guard amount == owed else {
            throw RuleViolation(rule: .paymentAmount,
                                chinese: "\(paidOn.chinese)应缴\(owed.yuanText)（罚款\(Money(yuan: penalty.fineYuan ?? 0).yuanText)，\(surcharge.explanation)），登记的是\(amount.yuanText)",
                                english: "on \(paidOn) \(owed.yuanText) is due (fine plus surcharge), not \(amount.yuanText)")
        }
        var paid = penalty
        paid.paidOn = paidOn
        paid.paidFen = amount.fen
        paid.surchargeFen = surcharge.amountFen
        paid.stage = .paid
        return (paid, surcharge)
    }

    /// An approved later payment date (延期/分期缴纳, art. 66).
    public static func delay(_ penalty: Penalty, approvedOn: LocalDate, until: LocalDate, engine: DeadlineEngine) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.served], act: "批准延期（分期）缴纳", actEnglish: "approve a payment delay")
        let current = try due(penalty, engine: engine)
        try PenaltyProcedure.requireOnOrAfter(approvedOn, penalty.servedOn, "送达日期", "service date")
        try current.require(until, .after) {
            RuleViolation(rule: .delayLater, chinese: "批准的缴款日\(until.chinese)须晚于原缴款期限\(current.due.chinese)",
                          english: "the approved date \(until) must be after the current due date \(current.due)")
        }
        var delayed = penalty
        delayed.paymentDueOverride = until
        return delayed
    }

    /// 催告: only once the payment deadline has passed unpaid.
    public static func demand(_ penalty: Penalty, on date: LocalDate, engine: DeadlineEngine) throws -> Penalty {
        try PenaltyProcedure.requireStage(penalty, [.served], act: "催告", actEnglish: "issue a demand notice")
        let current = try due(penalty, engine: engine)
        try current.require(date, .after) {
            RuleViolation(rule: .demandAfterDue, chinese: "缴款期限\(current.due.chinese)尚未届满，不能催告",
                          english: "payment is due only on \(current.due): no demand notice before then")
        }
        var demanded = penalty
        demanded.demandOn = date
        return demanded
    }
}
