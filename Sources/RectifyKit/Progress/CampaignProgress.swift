import RectifyCore
import RectifyStore

/// Where a campaign stands on a date: totals, one breakdown, each target with its status, and how reliable units'
/// own "fixed" reports were, by street and by unit category. Computed from the progress ledger, so the figures for a
/// past date are the ones that date had, whatever happened since.
public struct CampaignProgress: Codable, Sendable {
    /// One key of a breakdown at the end of one week (`campaign progress --by … --series weekly`).
    public struct WeekRow: Codable, Sendable {
        public var weekEnding: LocalDate
        public var figures: ProgressFigures
    }

    public struct TargetProgress: Codable, Sendable {
        public var scope: String
        public var metric: TargetMetric
        public var amount: String
        public var dueOn: LocalDate
        /// The count the target asks for (a percentage turned into units or hazards).
        public var required: Int
        public var reached: Int
        public var attainment: Double
        public var status: TargetStatus
    }

    public struct Reliability: Codable, Sendable {
        public var name: String
        public var claimsJudged: Int
        public var claimsFailed: Int
        public var reliability: Double?
    }

    public var code: String
    public var title: String
    public var kind: CampaignKind
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var asOf: LocalDate
    public var dimension: ProgressDimension
    public var total: ProgressFigures
    public var rows: [ProgressFigures]
    public var targets: [TargetProgress]
    public var reliabilityByStreet: [Reliability]
    public var reliabilityByCategory: [Reliability]
}

extension Rectify {
    public func campaignProgress(code: String, by dimension: ProgressDimension = .all,
                                 asOf: LocalDate? = nil) throws -> CampaignProgress {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in try ProgressQuery(store: store, campaign: Lookup.campaign(store, code: code)).progress(by: dimension, asOf: asOf) }
    }

    /// Totals at the end of every week from the campaign's start up to `asOf` (the last week ends on `asOf`); each
    /// row is named by its date.
    public func campaignSeries(code: String, asOf: LocalDate? = nil) throws -> [ProgressFigures] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in try ProgressQuery(store: store, campaign: Lookup.campaign(store, code: code)).weekly(upTo: asOf) }
    }

    /// Every key of a breakdown at the end of every week up to `asOf`.
    public func campaignSeries(code: String, by dimension: ProgressDimension, asOf: LocalDate? = nil) throws -> [CampaignProgress.WeekRow] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { store in
            try ProgressQuery(store: store, campaign: Lookup.campaign(store, code: code)).weekly(upTo: asOf, by: dimension)
        }
    }
}

struct ProgressQuery {
    let store: Store
    let campaign: Campaign

    func progress(by dimension: ProgressDimension, asOf: LocalDate) throws -> CampaignProgress {
        let total = try figures(.all, asOf: asOf).first ?? ProgressFigures(name: "合计", unitsInScope: 0, sums: [:])
        let streets = try figures(.street, asOf: asOf)
        let categories = try figures(.category, asOf: asOf)
        let rows: [ProgressFigures] = switch dimension {
        case .all: []
        case .street: streets
        case .category: categories
        default: try figures(dimension, asOf: asOf)
        }
        func reliability(_ rows: [ProgressFigures]) -> [CampaignProgress.Reliability] {
            rows.map { .init(name: $0.name, claimsJudged: $0.claimsJudged, claimsFailed: $0.claimsFailed,
                             reliability: $0.selfReportReliability) }
        }
        return CampaignProgress(code: campaign.code, title: campaign.title, kind: campaign.kind, startsOn: campaign.startsOn,
                                endsOn: campaign.endsOn, asOf: asOf, dimension: dimension, total: total, rows: rows,
                                targets: try targets(asOf: asOf), reliabilityByStreet: reliability(streets),
                                reliabilityByCategory: reliability(categories))
    }

    /// The figures of every key of one dimension, as of a date, named and in a stable order.
    /// `everyKey`: also the keys with nothing yet (a series lists every street in every week).
    func figures(_ dimension: ProgressDimension, asOf: LocalDate, everyKey: Bool = false) throws -> [ProgressFigures] {
        let sums = try tally(dimension, asOf: asOf)
        let units = try unitsInScope(dimension, asOf: asOf)
        let names = try self.names(dimension)
        let keys = Set(sums.keys).union(units.keys).union(everyKey ? Set(names.keys) : [])
        return keys.sorted { (names[$0]?.order ?? .max, $0) < (names[$1]?.order ?? .max, $1) }.map { key in
            let inScope = (units[key] ?? 0) + (sums[key]?[.unitsBeforeEntry] ?? 0)
            return ProgressFigures(name: names[key]?.name ?? key, unitsInScope: dimension == .officer ? nil : inScope,
                                   sums: sums[key] ?? [:])
        }
    }

    /// Sums of the ledger for one dimension up to and including `asOf`, by key and measure.
    func tally(_ dimension: ProgressDimension, key: String? = nil, asOf: LocalDate) throws -> [String: [ProgressMeasure: Int]] {
        try store.ledgerSums(campaignId: campaign.id!, dimension, key: key, asOf: asOf)
    }

    /// Units of the register in the campaign's scope on `asOf`, by the dimension's key.
    func unitsInScope(_ dimension: ProgressDimension, asOf: LocalDate) throws -> [String: Int] {
        try store.registerInScope(campaignId: campaign.id!, dimension, asOf: asOf)
    }

    /// Display names and order of a dimension's keys.
    func names(_ dimension: ProgressDimension) throws -> [String: (name: String, order: Int)] {
        var names: [String: (name: String, order: Int)] = [:]
        switch dimension {
        case .all:
            names[""] = ("合计", 0)
        case .category:
            for (index, category) in UnitCategory.allCases.enumerated() { names[category.rawValue] = (category.chinese, index) }
        case .street, .grid, .department, .officer:
            names = try store.dimensionKeyNames(dimension)
        }
        return names
    }

    func weekly(upTo asOf: LocalDate) throws -> [ProgressFigures] {
        try weekEnds(upTo: asOf).map { day in try totals(asOf: day, named: day.description) }
    }

    /// The campaign's totals on `day`, whatever was recorded by then.
    private func totals(asOf day: LocalDate, named name: String) throws -> ProgressFigures {
        let sums = try tally(.all, asOf: day)[""] ?? [:]
        let units = (try unitsInScope(.all, asOf: day)[""] ?? 0) + (sums[.unitsBeforeEntry] ?? 0)
        return ProgressFigures(name: name, unitsInScope: units, sums: sums)
    }

    /// The figures of every key of a breakdown at the end of every week, as `weekly` gives the totals.
    func weekly(upTo asOf: LocalDate, by dimension: ProgressDimension) throws -> [CampaignProgress.WeekRow] {
        guard dimension != .all else {
            return try weekEnds(upTo: asOf).map { day in
                CampaignProgress.WeekRow(weekEnding: day, figures: try totals(asOf: day, named: "合计"))
            }
        }
        return try weekEnds(upTo: asOf).flatMap { day in
            try figures(dimension, asOf: day, everyKey: true).map { CampaignProgress.WeekRow(weekEnding: day, figures: $0) }
        }
    }

    /// The last day of every week from the campaign's start up to `asOf` (the last week ends on `asOf`).
    func weekEnds(upTo asOf: LocalDate) -> [LocalDate] {
        guard asOf >= campaign.startsOn else { return [] }
        var ends: [LocalDate] = []
        var end = asOf
        while end >= campaign.startsOn {
            ends.append(end)
            end = end.adding(days: -7)
        }
        return ends.reversed()
    }
}
