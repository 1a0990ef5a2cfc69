import Foundation
import GRDB
import RectifyCore
import RectifyStore

extension DemoDistrict {
    /// Builds the district in one transaction: all of it or, on any error, nothing.
    static func build(_ context: WriteContext, units: Int?, seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let officers = try buildOrganisation(context, units: units, random: &random)
        let specs = campaignSpecs()
        context.actor = "demo-lead"
        context.now = LocalDate(year: 2026, month: 3, day: 25)!.timestamp()
        for spec in specs { _ = try context.createCampaign(spec) }

        var stories: [Story] = []
        var acts: [ScheduledAct] = []
        for spec in specs {
            let rows = try Row.fetchAll(context.db, sql: """
                SELECT unit.uscc, street.name AS street FROM unit JOIN street ON street.id = unit.streetId
                WHERE unit.category IN (\(spec.scopeCategories.map { "'\($0.rawValue)'" }.joined(separator: ",")))
                ORDER BY unit.id
                """)
            for row in rows where random.chance(spec.kind == .pumpTruck ? 1.0 : 0.75) {
                let department = leadOfficers(for: spec, street: row["street"])
                let story = Story(campaign: spec, uscc: row["uscc"], officers: officers.pair(department, &random))
                acts += script(story: stories.count, campaign: spec, random: &random)
                stories.append(story)
            }
        }
        acts.sort { ($0.date, $0.minute, $0.story, $0.step) < ($1.date, $1.minute, $1.story, $1.step) }
        var caseNumbers: [Int: String] = [:]
        for act in acts {
            try play(act, story: stories[act.story], caseNumbers: &caseNumbers, context: context)
        }
    }
}

/// What `rectify demo` reports.
public struct DemoSummary: Codable, Sendable {
    public struct CampaignLine: Codable, Sendable {
        public var code: String
        public var title: String
        public var unitsInScope: Int
        public var cases: [String: Int]
        public var hazards: Int
        public var majorHazards: Int
        public var verified: Int
        public var overdue: Int
    }

    public var agency: String
    public var seed: UInt64
    public var asOf: LocalDate
    public var streets: [String: Int]
    public var categories: [String: Int]
    public var officers: Int
    public var campaigns: [CampaignLine]
    public var documents: Int
    public var events: Int
    public var chainHead: String
}

extension Rectify {
    /// Loads the demo district into an empty database (or, with `replace`, a fresh one at the same path).
    public func buildDemo(units: Int?, seed: UInt64) throws -> DemoSummary {
        guard try database.isEmpty() else {
            throw RuleViolation(rule: "DEMO-EMPTY-DATABASE", chinese: "数据库已有数据，演示数据只能装入空数据库（可加 --replace 重建）",
                                english: "the database already holds data; the demo loads only into an empty one (use --replace)")
        }
        if let units, units < 7 {
            throw ValidationError(field: "单位数", fieldEnglish: "units", value: String(units),
                                  chinese: "至少7家（每个类别一家）", english: "at least 7 (one per category)")
        }
        try database.write(actor: "demo-admin") { try DemoDistrict.build($0, units: units, seed: seed) }
        return try demoSummary(seed: seed)
    }

    func demoSummary(seed: UInt64) throws -> DemoSummary {
        let asOf = DemoDistrict.referenceDate
        let campaigns = try self.campaigns()
        return try database.read { db in
            var streets: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT street.name, count(unit.id) AS n FROM street LEFT JOIN unit ON unit.streetId = street.id GROUP BY street.id
                """) { streets[row["name"]] = row["n"] }
            var categories: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT category, count(*) AS n FROM unit GROUP BY category") {
                categories[UnitCategory(rawValue: row["category"])!.chinese] = row["n"]
            }
            let lines = try campaigns.map { listing in
                let campaign = try Lookup.campaign(db, code: listing.code)
                var states: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM \"case\" WHERE campaignId = ? GROUP BY state",
                                            arguments: [campaign.id!]) {
                    states[CaseState(rawValue: row["state"])!.chinese] = row["n"]
                }
                let hazards = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS n, sum(level = 'major') AS major, sum(status = 'verified') AS verified,
                           sum(status = 'open' AND deadline < ?) AS overdue
                    FROM hazard JOIN "case" c ON c.id = hazard.caseId WHERE c.campaignId = ?
                    """, arguments: [asOf, campaign.id!])!
                return DemoSummary.CampaignLine(
                    code: listing.code, title: listing.title,
                    unitsInScope: try CampaignScopeQuery.unitCount(db, campaignId: campaign.id!), cases: states,
                    hazards: hazards["n"], majorHazards: hazards["major"] ?? 0, verified: hazards["verified"] ?? 0,
                    overdue: hazards["overdue"] ?? 0)
            }
            let head = try String.fetchOne(db, sql: "SELECT hash FROM event ORDER BY seq DESC LIMIT 1") ?? ""
            return DemoSummary(
                agency: try Lookup.agency(db).name, seed: seed, asOf: asOf, streets: streets, categories: categories,
                officers: try Officer.fetchCount(db), campaigns: lines, documents: try Document.fetchCount(db),
                events: try Int.fetchOne(db, sql: "SELECT count(*) FROM event")!, chainHead: head)
        }
    }
}
