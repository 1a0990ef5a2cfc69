import Foundation
import RectifyCore
import RectifyStore

extension DemoDistrict {
    /// Acts per write transaction: large enough to amortise the commit, small enough that SQLite never spills a
    /// huge transaction into the WAL (a 100,000-unit district is about a million acts).
    static let actsPerTransaction = 5_000

    /// Plays the district into `database`: the register first, then every case's story in date order, committed in
    /// batches. Callers that need all-or-nothing build into a side file (`Rectify.buildDemo(atPath:…)`).
    static func build(into database: AppDatabase, units: Int?, seed: UInt64,
                      progress: (Int, Int) -> Void = { _, _ in }) throws {
        var random = SeededRandom(seed: seed)
        let specs = campaignSpecs()
        let officers = try database.write(actor: "demo-admin") { context in
            let officers = try buildOrganisation(context, units: units, random: &random)
            context.actor = "demo-lead"
            context.now = LocalDate(year: 2026, month: 3, day: 25)!.timestamp()
            for spec in specs { _ = try context.createCampaign(spec) }
            return officers
        }
        var stories: [Story] = []
        var acts: [ScheduledAct] = []
        for (index, spec) in specs.enumerated() {
            let rows = try database.read { try $0.units(in: spec.scopeCategories) }
            for row in rows where random.chance(spec.kind == .pumpTruck ? 1.0 : 0.75) {
                let department = leadOfficers(for: spec, street: row.street)
                let story = Story(campaign: index, uscc: row.uscc, officers: officers.pair(department, &random))
                acts += script(story: stories.count, campaign: spec, random: &random)
                stories.append(story)
            }
        }
        acts.sort { ($0.date, $0.minute, $0.story, $0.step) < ($1.date, $1.minute, $1.story, $1.step) }
        var caseNumbers: [Int: String] = [:]
        var done = 0
        while done < acts.count {
            let batch = acts[done..<min(done + actsPerTransaction, acts.count)]
            try database.write(actor: "demo-admin") { context in
                for act in batch {
                    let story = stories[act.story]
                    try play(act, story: story, campaign: specs[story.campaign], caseNumbers: &caseNumbers, context: context)
                }
            }
            done += batch.count
            progress(done, acts.count)
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
        public var penalties: Int
        public var transferred: Int
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
    /// Loads the demo district into this database, which must be empty.
    public func buildDemo(units: Int?, seed: UInt64, progress: (Int, Int) -> Void = { _, _ in }) throws -> DemoSummary {
        try Rectify.checkDemoArguments(units: units)
        guard try database.isEmpty() else { throw Rectify.demoNeedsEmptyDatabase }
        try DemoDistrict.build(into: database, units: units, seed: seed, progress: progress)
        return try demoSummary(seed: seed)
    }

    /// Builds the demo district as a new database file at `path`, all or nothing: it is built beside the target
    /// and renamed into place only when complete, so an interrupted or failed run leaves no half district — and,
    /// with `replace`, the database it replaces stays whole until that rename.
    public static func buildDemo(atPath path: String, units: Int?, seed: UInt64, replace: Bool = false,
                                 progress: (Int, Int) -> Void = { _, _ in }) throws -> DemoSummary {
        try checkDemoArguments(units: units)
        let existing = try existingDatabase(at: path)
        if let existing, !replace, try !existing.database.isEmpty() { throw demoNeedsEmptyDatabase }
        let building = path + ".building"
        let files = { (base: String) in ["", "-wal", "-shm"].map { base + $0 } }
        for file in files(building) { try? FileManager.default.removeItem(atPath: file) }
        do {
            // The connection closes when `build` returns, before the file is moved.
            func build() throws -> DemoSummary {
                let app = try Rectify.open(path: building, create: true)
                let summary = try app.buildDemo(units: units, seed: seed, progress: progress)
                try app.database.checkpoint()
                return summary
            }
            let summary = try build()
            // The old database's WAL is folded into it before its -wal goes, so that until the rename it is whole.
            try existing?.database.checkpoint()
            for file in files(path).dropFirst() { try? FileManager.default.removeItem(atPath: file) }
            guard rename(building, path) == 0 else {
                throw RuleViolation(rule: .demoRename, chinese: "无法将新建的演示数据库移到“\(path)”：\(String(cString: strerror(errno)))",
                                    english: "cannot move the new demo database to '\(path)': \(String(cString: strerror(errno)))")
            }
            for file in files(building) { try? FileManager.default.removeItem(atPath: file) }
            return summary
        } catch {
            for file in files(building) { try? FileManager.default.removeItem(atPath: file) }
            throw error
        }
    }

    /// The database already at `path`, opened for writing, or nil when there is none or an empty file. A file that
    /// is not a Rectify database is never replaced.
    private static func existingDatabase(at path: String) throws -> Rectify? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0 else { return nil }
        return try Rectify.open(path: path)
    }

    static func checkDemoArguments(units: Int?) throws {
        if let units, units < 7 {
            throw ValidationError(field: "单位数", fieldEnglish: "units", value: String(units),
                                  chinese: "至少7家（每个类别一家）", english: "at least 7 (one per category)")
        }
    }

    static let demoNeedsEmptyDatabase = RuleViolation(
        rule: .demoEmptyDatabase, chinese: "数据库已有数据，演示数据只能装入空数据库（可加 --replace 重建）",
        english: "the database already holds data; the demo loads only into an empty one (use --replace)")

    func demoSummary(seed: UInt64) throws -> DemoSummary {
        let asOf = DemoDistrict.referenceDate
        return try database.read { store in
            let campaigns = try store.campaignListings()
            let streets = try store.unitCountsByStreet()
            let categories = Dictionary(uniqueKeysWithValues: try store.unitCountsByCategory().map { ($0.key.chinese, $0.value) })
            let lines = try campaigns.map { listing in
                let campaign = try Lookup.campaign(store, code: listing.code)
                let states = Dictionary(uniqueKeysWithValues: try store.caseCountsByState(campaignId: campaign.id!)
                    .map { ($0.key.chinese, $0.value) })
                let hazards = try store.hazardCounts(campaignId: campaign.id!, asOf: asOf)
                let penalties = try store.penaltyCounts(campaignId: campaign.id!)
                return DemoSummary.CampaignLine(
                    code: listing.code, title: listing.title,
                    unitsInScope: try store.unitsInScope(campaignId: campaign.id!), cases: states,
                    hazards: hazards.total, majorHazards: hazards.major, verified: hazards.verified,
                    overdue: hazards.overdue, penalties: penalties.total, transferred: penalties.transferred)
            }
            let counts = try store.recordCounts()
            return DemoSummary(
                agency: try Lookup.agency(store).name, seed: seed, asOf: asOf, streets: streets, categories: categories,
                officers: counts.officers, campaigns: lines, documents: counts.documents, events: counts.events,
                chainHead: try ChainHead.current(store).hash)
        }
    }
}
