/// 决定: the rules a penalty decision is judged by, given the loaded procedure and the date. Only after a notice
/// (arts. 44, 62) and once the defence window has run or was waived (art. 45); not while the party may still ask
/// for a hearing (art. 64), and after a hearing it asked for; with legal review and collective discussion where the
/// penalty is serious (arts. 57, 58); within the cited range, no heavier than notified (art. 45); within the decision
/// period, or its approved extension (art. 60).
public enum PenaltyDecision {
    /// The notice a decision needs, or the refusal.
    public static func requireNotice(_ penalty: Penalty) throws -> LocalDate {
        guard let noticeOn = penalty.noticeOn, penalty.stage == .notified else {
            throw RuleViolation(rule: .decisionAfterNotice,
                                chinese: "未经告知不得作出处罚决定（《行政处罚法》第44条、第62条），当前为“\(penalty.stage.chinese)”",
                                english: "no decision without a prior notice (arts. 44, 62); the procedure is '\(penalty.stage.rawValue)'")
        }
        return noticeOn
    }

    /// The facts besides the procedure itself that the decision depends on.
    public struct Context {
        public var violation: Violation
        public var hearingWaiver: HearingWaiver?
        public var approvedExtension: DecisionExtension?
        public var extensionDocument: String?
        public var engine: DeadlineEngine

        public init(violation: Violation, hearingWaiver: HearingWaiver?, approvedExtension: DecisionExtension?,
                    extensionDocument: String?, engine: DeadlineEngine) {
            self.violation = violation
            self.hearingWaiver = hearingWaiver
            self.approvedExtension = approvedExtension
            self.extensionDocument = extensionDocument
            self.engine = engine
        }
    }

    /// The procedure as decided on `decidedOn`, or the first rule the decision breaks. `measures`: as entered,
    /// blank already turned into nil.
    public static func decide(_ penalty: Penalty, on decidedOn: LocalDate, fineYuan: Int, measures: String?,
                              stopOrder: Bool, context: Context) throws -> Penalty {
        let noticeOn = try requireNotice(penalty)
        guard decidedOn > noticeOn else {
            throw RuleViolation(rule: .decisionAfterNotice, chinese: "决定日期须晚于告知日期\(noticeOn.chinese)",
                                english: "the decision must come after the notice of \(noticeOn)")
        }
        let engine = context.engine
        if penalty.defenceOn == nil && !penalty.defenceWaived {
            let window = try engine.deadline("陈述申辩期限", rule: .defenceWindow, from: noticeOn, startLabel: "告知日")
            try window.require(decidedOn, .after) {
                RuleViolation(rule: .defenceWindow, chinese: "陈述申辩期限未届满且当事人未放弃：\(window.explanation)",
                              english: "the defence window runs until \(window.due) and the party has not waived it")
            }
        }
        try HearingWindow.checkDecision(on: decidedOn, penalty: penalty, waiver: context.hearingWaiver) {
            try engine.deadline("听证申请期限", rule: .hearingRequestWindow, from: noticeOn, startLabel: "告知日")
        }
        if penalty.hearingRequestedOn != nil {
            guard let held = penalty.hearingHeldOn, decidedOn >= held else {
                throw RuleViolation(rule: .hearingBeforeDecision, chinese: "当事人申请了听证，须听证后再作决定",
                                    english: "the party asked for a hearing: decide after it is held")
            }
        }
        let threshold = try engine.rules.rule(
            penalty.party == .organisation ? .hearingThresholdOrganisation : .hearingThresholdIndividual, on: decidedOn)
        if fineYuan >= threshold.value || stopOrder {
            guard penalty.reviewOn != nil, penalty.discussionOn != nil else {
                throw RuleViolation(rule: .reviewAndDiscussion,
                                    chinese: "较大数额罚款或责令停产停业须先经法制审核和集体讨论（《行政处罚法》第57条、第58条）",
                                    english: "a large fine or a stop order needs legal review and collective discussion first (arts. 57, 58)")
            }
        }
        try context.violation.checkFine(fineYuan)
        if fineYuan > (penalty.proposedFineYuan ?? 0) || (stopOrder && !penalty.stopOrder) {
            throw RuleViolation(rule: .noHeavierThanNotified,
                                chinese: "决定不得重于告知的处罚（《行政处罚法》第45条），告知罚款\(Money(yuan: penalty.proposedFineYuan ?? 0).yuanText)",
                                english: "the decision may not be heavier than notified (art. 45): \(penalty.proposedFineYuan ?? 0) yuan was notified")
        }
        let deadline = DecisionPeriod.deadline(statutory: try DecisionPeriod.statutory(penalty, engine: engine),
                                               extension: context.approvedExtension, documentNumber: context.extensionDocument)
        try deadline.require(decidedOn, .onOrBefore) {
            RuleViolation(rule: .decisionDeadline, chinese: "已超过作出决定的期限：\(deadline.explanation)",
                          english: "the decision deadline \(deadline.due) has passed")
        }
        var decided = penalty
        decided.decidedOn = decidedOn
        decided.fineYuan = fineYuan
        decided.measures = measures
        decided.stopOrder = stopOrder
        decided.stage = .decided
        return decided
    }
}
