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

extension Rectify {
    /// How a target was reached week by week: the count reached at each week's end up to `asOf` (or the due date,
    /// whichever comes first), for a burn-up chart beside the line the target needs.
    public struct TargetBurnUp: Sendable {
        public var scope: String
        public var metric: TargetMetric
        public var required: Int
        public var dueOn: LocalDate
        public var weeks: [(day: LocalDate, reached: Int)]
    }

    public func targetBurnUps(code: String, asOf: LocalDate? = nil) throws -> [TargetBurnUp] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in
            let query = ProgressQuery(store: store, campaign: try Lookup.campaign(store, code: code))
            let judged = try query.targets(asOf: asOf)
            return try zip(try store.targets(campaignId: query.campaign.id!), judged).map { target, progress in
                let key: String? = target.category?.rawValue ?? target.streetId.map { String($0.rawValue) }
                let dimension: ProgressDimension = target.category != nil ? .category : target.streetId != nil ? .street : .all
                let last = min(asOf, target.dueOn)
                let days = query.weekEnds(upTo: last)
                let weeks = try days.map { day in
                    let sums = try query.tally(dimension, key: key, asOf: day)[key ?? ""] ?? [:]
                    return (day, target.metric.measures.reduce(0) { $0 + (sums[$1] ?? 0) })
                }
                return TargetBurnUp(scope: progress.scope, metric: target.metric, required: progress.required,
                                    dueOn: target.dueOn, weeks: weeks)
            }
        }
    }
}
