import RectifyCore
import RectifyStore

extension ProgressQuery {
    /// Each target with the count it asks for, the count reached and its status.
    func targets(asOf: LocalDate) throws -> [CampaignProgress.TargetProgress] {
        let targets = try store.targets(campaignId: campaign.id!)
        let streets = try names(.street)
        return try targets.map { target in
            let (dimension, key, scopeName): (ProgressDimension, String, String) =
                if let category = target.category { (.category, category.rawValue, category.chinese) }
                else if let street = target.streetId { (.street, String(street.rawValue), streets[String(street.rawValue)]?.name ?? "?") }
                else { (.all, "", "全部范围") }
            // After the due date the target is judged on the due date's figures.
            let judgedOn = min(asOf, target.dueOn)
            let atDue = try tally(dimension, key: key, asOf: judgedOn)[key] ?? [:]
            let now = judgedOn == asOf ? atDue : try tally(dimension, key: key, asOf: asOf)[key] ?? [:]
            func reached(_ sums: [ProgressMeasure: Int]) -> Int {
                target.metric.measures.reduce(0) { $0 + (sums[$1] ?? 0) }
            }
            let base: Int
            switch target.metric {
            case .hazardsRectified:
                base = (atDue[.foundGeneral] ?? 0) + (atDue[.foundMajor] ?? 0)
            default:
                base = (try unitsInScope(dimension, asOf: judgedOn)[key] ?? 0) + (atDue[.unitsBeforeEntry] ?? 0)
            }
            let required = TargetJudgement.required(target.amount, of: base)
            let reachedNow = reached(now)
            let status = TargetJudgement.status(required: required, reached: reachedNow, reachedByDue: reached(atDue),
                                                asOf: asOf, startsOn: campaign.startsOn, dueOn: target.dueOn)
            return .init(scope: scopeName, metric: target.metric, amount: target.amount.description,
                         dueOn: target.dueOn, required: required, reached: reachedNow,
                         attainment: TargetJudgement.attainment(reached: reachedNow, required: required),
                         status: status)
        }
    }
}

extension TargetMetric {
    /// The ledger measures a target counts.
    var measures: [ProgressMeasure] {
        switch self {
        case .casesOpened: [.casesOpened]
        case .selfChecked: [.selfChecked]
        case .rechecked: [.rechecked]
        case .accepted: [.passed]
        case .hazardsRectified: [.rectifiedGeneral, .rectifiedMajor]
        case .transferred: [.transfersJudicial, .transfersOther]
        }
    }
}
