import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    /// One gap in a case file, with the rule it breaks.
    public struct LintFinding: Codable, Sendable, Equatable {
        public var rule: String
        public var reference: String
        public var chinese: String
        public var english: String
    }

    public struct LintReport: Codable, Sendable {
        public var number: String
        public var asOf: LocalDate
        public var findings: [LintFinding]
        public var isClean: Bool { findings.isEmpty }
    }

    /// Every gap before filing: deadlines passed, records or documents missing, bases not cited, dates out of order.
    public func lint(number: String, asOf: LocalDate? = nil) throws -> LintReport {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in
            try lint(try CaseDetailReader(store: store, engine: try LegalContext.engine(store)).detail(number: number, asOf: asOf), store: store)
        }
    }

    /// The same, for a case page already read (the web case page shows both): the case is not read again.
    public func lint(_ detail: CaseDetail) throws -> LintReport {
        try database.read { try lint(detail, store: $0) }
    }

    /// The same, for a case page already read in `store`'s transaction (an export reads each case once).
    func lint(_ detail: CaseDetail, store: Store) throws -> LintReport {
        let asOf = detail.asOf
        var findings: [LintFinding] = []
        func add(_ rule: RuleCode, _ reference: String, _ chinese: String, _ english: String) {
            findings.append(LintFinding(rule: rule.rawValue, reference: reference, chinese: chinese, english: english))
        }
        for view in detail.hazards {
            let hazard = view.hazard
            if let late = view.daysOverdue {
                let deadline = view.rectificationDeadline
                add(.hazardOverdue, view.reference, "隐患逾期\(late)天未整改：\(deadline.explanation)",
                    "hazard \(late) days past its rectification deadline \(deadline.due)")
            }
            if let late = view.recheckDaysOverdue, let deadline = view.recheckDeadline {
                add(.recheckOverdue, view.reference, "逾期\(late)天未复查：\(deadline.explanation)",
                    "re-check \(late) days past its deadline \(deadline.due)")
            }
            for problem in view.deadlineProblems { add(.deadlineUnknown, view.reference, problem, "a deadline cannot be computed") }
            if !(hazard.criterion.contains("《") || hazard.criterion.contains("GB") || hazard.criterion.contains("JGJ")) {
                add(.basisCited, view.reference, "判定依据“\(hazard.criterion)”未引用法律、法规或标准条款",
                    "the criterion cites no law, regulation or standard")
            }
            if hazard.level == .major {
                let plans = detail.plans.filter { $0.kind == .rectification && $0.hazardId == hazard.id }
                if !plans.contains(where: { $0.missingFiveInPlace.isEmpty }) {
                    add(.majorHazardPlan, view.reference, "重大隐患缺少“五到位”的整改方案（措施、责任、资金、时限、预案）",
                        "a major hazard has no rectification plan with all five in place")
                }
                if !hazard.listedSupervision && !hazard.status.isResolved {
                    add(.majorHazardSupervision, view.reference, "重大隐患未挂牌督办（《安全生产法》第41条）",
                        "a major hazard is not listed for supervision (art. 41)")
                }
            }
        }
        if detail.selfChecks.isEmpty, let phase = try selfCheckPhaseEnd(campaign: detail.campaign, store: store), phase < asOf {
            add(.selfcheckMissing, detail.number, "自查自改阶段已于\(phase.chinese)结束，单位尚无自查自改记录",
                "the self-check phase ended on \(phase) and the unit has no self-check record")
        }
        for document in detail.documents where document.issuedOn < detail.openedOn {
            add(.datesInOrder, document.number, "文书日期\(document.issuedOn)早于立档日期\(detail.openedOn)",
                "document dated before the case was opened")
        }
        if detail.state == .rectified {
            add(.closePending, detail.number, "整改已验收，案件尚未结档", "rectification accepted; the case is not closed yet")
        }
        if let view = detail.penalty { lintPenalty(view, asOf: asOf, number: detail.number, add: add) }
        return LintReport(number: detail.number, asOf: asOf, findings: findings)
    }

    private func lintPenalty(_ view: PenaltyView, asOf: LocalDate, number: String,
                             add: (RuleCode, String, String, String) -> Void) {
        let penalty = view.penalty
        for deadline in view.deadlines where deadline.due < asOf {
            let late = deadline.due.days(until: asOf)
            switch deadline.name {
            case "作出决定期限" where penalty.decidedOn == nil && [.filed, .notified].contains(penalty.stage):
                add(.decisionOverdue, number, "逾期\(late)天未作出处罚决定：\(deadline.explanation)", "decision \(late) days overdue")
            case "送达期限" where penalty.servedOn.map { $0 > deadline.due } ?? true && penalty.stage != .transferred:
                add(.serviceLate, number, "决定书未在期限内送达：\(deadline.explanation)", "the decision was not served in time")
            case "缴款期限" where penalty.paidOn.map { $0 > deadline.due } ?? (penalty.stage == .served):
                add(.paymentOverdue, number, "罚款逾期\(late)天未缴：\(view.surcharge?.explanation ?? deadline.explanation)",
                    "fine \(late) days overdue")
                if penalty.paidOn == nil && late > 30 && penalty.demandOn == nil {
                    add(.demandMissing, number, "逾期超过30日未缴，尚未催告（《行政强制法》第54条）",
                        "unpaid for over 30 days and no demand notice (Administrative Coercion Law art. 54)")
                }
            default: break
            }
        }
        if penalty.stage == .paid {
            add(.penaltyClosePending, number, "罚款已缴，处罚案件尚未结案", "the fine is paid; the penalty case is not closed")
        }
        for problem in view.problems { add(.deadlineUnknown, number, problem, "a penalty deadline cannot be computed") }
    }

    private func selfCheckPhaseEnd(campaign code: String, store: Store) throws -> LocalDate? {
        let campaign = try Lookup.campaign(store, code: code)
        return try store.phases(campaignId: campaign.id!)
            .first { $0.name.contains("自查") }?.endsOn
    }
}
