import GRDB
import RectifyCore
import RectifyStore

extension ProgressQuery {
    /// Each target with the count it asks for, the count reached and its status.
    func targets(asOf: LocalDate) throws -> [CampaignProgress.TargetProgress] {
        let targets = try CampaignTarget.filter(CampaignTarget.Columns.campaignId == campaign.id!).order(Column("id")).fetchAll(db)
        let streets = try names(.street)
        return try targets.map { target in
            let (dimension, key, scopeName): (ProgressDimension, String, String) =
                if let category = target.category { (.category, category.rawValue, category.chinese) }
                else if let street = target.streetId { (.street, String(street.rawValue), streets[String(street.rawValue)]?.name ?? "?") }
                else { (.all, "", "全部范围") }
            // After the due date the target is judged on the due date's figures.
            let judgedOn = min(asOf, target.dueOn)
            func reached(on day: LocalDate) throws -> Int {
                let sums = try tally(dimension, key: key, asOf: day)[key] ?? [:]
                return target.metric.measures.reduce(0) { $0 + (sums[$1] ?? 0) }
            }
            let base: Int
            switch target.metric {
            case .hazardsRectified:
                let sums = try tally(dimension, key: key, asOf: judgedOn)[key] ?? [:]
                base = (sums[.foundGeneral] ?? 0) + (sums[.foundMajor] ?? 0)
            default:
                let entered = try tally(dimension, key: key, asOf: judgedOn)[key]?[.unitsBeforeEntry] ?? 0
                base = (try unitsInScope(dimension, asOf: judgedOn)[key] ?? 0) + entered
            }
            let required = TargetJudgement.required(target.amount, of: base)
            let reachedNow = try reached(on: asOf)
            let status = TargetJudgement.status(required: required, reached: reachedNow,
                                                reachedByDue: try reached(on: judgedOn), asOf: asOf,
                                                startsOn: campaign.startsOn, dueOn: target.dueOn)
            return .init(scope: scopeName, metric: target.metric.chinese, amount: target.amount.description,
                         dueOn: target.dueOn, required: required, reached: reachedNow,
                         attainment: TargetJudgement.attainment(reached: reachedNow, required: required),
                         status: status, statusChinese: status.chinese)
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
