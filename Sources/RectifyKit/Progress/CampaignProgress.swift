import GRDB
import RectifyCore
import RectifyStore

/// Where a campaign stands on a date: totals, one breakdown, each target with its status, and how reliable units'
/// own "fixed" reports were, by street and by unit category. Computed from the progress ledger, so the figures for a
/// past date are the ones that date had, whatever happened since.
public struct CampaignProgress: Codable, Sendable {
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
        return try database.read { db in try ProgressQuery(db: db, campaign: Lookup.campaign(db, code: code)).progress(by: dimension, asOf: asOf) }
    }

    /// Totals at the end of every week from the campaign's start up to `asOf` (the last week ends on `asOf`); each
    /// row is named by its date.
    public func campaignSeries(code: String, asOf: LocalDate? = nil) throws -> [ProgressFigures] {
        let asOf = asOf ?? LocalDate(database.clock())
        return try database.read { db in try ProgressQuery(db: db, campaign: Lookup.campaign(db, code: code)).weekly(upTo: asOf) }
    }
}

struct ProgressQuery {
    let db: Database
    let campaign: Campaign

    var campaignId: Int64 { campaign.id!.rawValue }

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
    func figures(_ dimension: ProgressDimension, asOf: LocalDate) throws -> [ProgressFigures] {
        let sums = try tally(dimension, asOf: asOf)
        let units = try unitsInScope(dimension, asOf: asOf)
        let names = try self.names(dimension)
        let keys = Set(sums.keys).union(units.keys)
        return keys.sorted { (names[$0]?.order ?? .max, $0) < (names[$1]?.order ?? .max, $1) }.map { key in
            let inScope = (units[key] ?? 0) + (sums[key]?[.unitsBeforeEntry] ?? 0)
            return ProgressFigures(name: names[key]?.name ?? key, unitsInScope: dimension == .officer ? nil : inScope,
                                   sums: sums[key] ?? [:])
        }
    }

    /// Sums of the ledger for one dimension up to and including `asOf`, by key and measure: the kept totals when no
    /// day of the dimension lies after `asOf` (the usual "as of today"), else the days up to `asOf` summed.
    func tally(_ dimension: ProgressDimension, key: String? = nil, asOf: LocalDate) throws -> [String: [ProgressMeasure: Int]] {
        var sums: [String: [ProgressMeasure: Int]] = [:]
        let laterDays = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM progressTally WHERE campaignId = ? AND dimension = ? AND day > ?)
            """), arguments: [campaignId, dimension.rawValue, asOf.description])!
        // A key of its own narrows the primary key's range (an `? IS NULL OR` test would keep SQLite from using it).
        let keyFilter = key == nil ? "" : "AND key = ?"
        var arguments: StatementArguments = [campaignId, dimension.rawValue]
        if let key { arguments += [key] }
        let rows = laterDays
            ? try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT key, measure, sum(n) AS n FROM progressTally
                WHERE campaignId = ? AND dimension = ? \(keyFilter) AND day <= ?
                GROUP BY key, measure
                """), arguments: arguments + [asOf.description])
            : try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT key, measure, n FROM progressTotal WHERE campaignId = ? AND dimension = ? \(keyFilter)
                """), arguments: arguments)
        while let row = try rows.next() {
            guard let measure = ProgressMeasure(rawValue: row["measure"]) else { continue }
            sums[row["key"], default: [:]][measure] = row["n"]
        }
        return sums
    }

    /// Units of the register in the campaign's scope on `asOf`, by the dimension's key: those whose entry was written
    /// by then. (Units entered later but with a case opened by then are added from the ledger's `unitsBeforeEntry`.)
    func unitsInScope(_ dimension: ProgressDimension, asOf: LocalDate) throws -> [String: Int] {
        let column = switch dimension {
        case .all: "''"
        case .street: "streetId"
        case .grid: "gridId"
        case .department: "departmentId"
        case .category: "category"
        case .officer: "NULL"
        }
        guard dimension != .officer else { return [:] }
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT CAST(\(column) AS TEXT) AS key, sum(n) AS n FROM unitTally
            WHERE day <= :asOf AND \(CampaignScopeQuery.filter(table: "unitTally")) GROUP BY 1 HAVING sum(n) <> 0
            """), arguments: ["asOf": asOf.description, "campaign": campaignId]) {
            counts[row["key"]] = row["n"]
        }
        return counts
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
            let sql = switch dimension {
            case .street: "SELECT id, name FROM street"
            case .grid: "SELECT grid.id, street.name || '/' || grid.name AS name FROM grid JOIN street ON street.id = grid.streetId"
            case .department: "SELECT id, name FROM department"
            default: "SELECT id, name || '（' || credential || '）' AS name FROM officer"
            }
            for row in try Row.fetchAll(db, sql: sql + " ORDER BY 1") {
                let id: Int64 = row["id"]
                names[String(id)] = (row["name"], Int(id))
            }
        }
        return names
    }

    func weekly(upTo asOf: LocalDate) throws -> [ProgressFigures] {
        guard asOf >= campaign.startsOn else { return [] }
        var ends: [LocalDate] = []
        var end = asOf
        while end >= campaign.startsOn {
            ends.append(end)
            end = end.adding(days: -7)
        }
        return try ends.reversed().map { day in
            let sums = try tally(.all, asOf: day)[""] ?? [:]
            let units = (try unitsInScope(.all, asOf: day)[""] ?? 0) + (sums[.unitsBeforeEntry] ?? 0)
            return ProgressFigures(name: day.description, unitsInScope: units, sums: sums)
        }
    }
}
