import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Demo district")
struct DemoDistrictTests {
    func build(units: Int, seed: UInt64) throws -> (Rectify, DemoSummary) {
        let app = Rectify(database: try AppDatabase.inMemory(clock: { Date() }))
        return (app, try app.buildDemo(units: units, seed: seed))
    }

    @Test("the same seed gives the same database, whatever today's date; another seed another one")
    func deterministic() throws {
        let (first, summary) = try build(units: 120, seed: 7)
        let (second, again) = try build(units: 120, seed: 7)
        #expect(summary.chainHead == again.chainHead)
        #expect(try snapshot(first) == snapshot(second))
        let (_, other) = try build(units: 120, seed: 8)
        #expect(other.chainHead != summary.chainHead)
    }

    @Test("the default district follows the seed: 393 规上, 461 规下, the three streets, five campaigns")
    func composition() throws {
        let counts = Dictionary(uniqueKeysWithValues: DemoDistrict.composition(total: nil).map { ($0.0, $0.1) })
        #expect(counts[.aboveScale] == 393 && counts[.belowScale] == 461)
        #expect(DemoDistrict.streets.map(\.name) == ["竹行街道", "小海街道", "老洪港"])
        #expect(DemoDistrict.composition(total: 100_000).reduce(0) { $0 + $1.1 } == 100_000)
        let specs = DemoDistrict.campaignSpecs()
        #expect(Set(specs.map(\.kind)) == [.gas, .eBike, .pumpTruck, .specialEquipment, .fire])
        let special = try #require(specs.first { $0.kind == .specialEquipment })
        #expect(special.targets.contains { $0.scope == "规上企业" && $0.amount == .percent(100) && $0.dueOn == date("2026-06-30") })
        #expect(special.targets.contains { $0.scope == "规下企业" && $0.amount == .percent(30) })
    }

    @Test("cases in every state, valid codes, overdue hazards, dates in 2026, an intact chain")
    func content() throws {
        let (app, summary) = try build(units: 400, seed: DemoDistrict.defaultSeed)
        let states = try app.database.readDatabase { try Set(String.fetchAll($0, sql: "SELECT DISTINCT state FROM \"case\"")) }
        #expect(states == Set(CaseState.allCases.map(\.rawValue)))
        #expect(summary.campaigns.reduce(0) { $0 + $1.overdue } > 0)
        let codes = try app.database.readDatabase { try String.fetchAll($0, sql: "SELECT uscc FROM unit") }
        #expect(codes.count == 400)
        #expect(codes.allSatisfy { USCC.problem(in: $0) == nil })
        let years = try app.database.readDatabase {
            try Set(String.fetchAll($0, sql: "SELECT substr(at, 1, 4) FROM event UNION SELECT substr(openedOn, 1, 4) FROM \"case\""))
        }
        #expect(years == ["2026"])
        let stages = try app.database.readDatabase { try Set(String.fetchAll($0, sql: "SELECT DISTINCT stage FROM penalty")) }
        #expect(stages.isSuperset(of: ["closed", "served"]))
        #expect(summary.campaigns.reduce(0) { $0 + $1.penalties } > 0)
        let failedRechecks = try app.database.readDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM recheckRecord WHERE outcome = 'failed'") }
        #expect((failedRechecks ?? 0) > 0)
        #expect(try app.verify().isIntact)
        // Pinned: every build spells rows and events the same bytes, so the same district has the same head (taken
        // from the build before the write path's JSON was hand-tuned, re-taken when migration v14 gave penalties
        // their discovery date and when the demo's proportions were made plausible).
        #expect(summary.chainHead == "db3293e942447c5debae7a406c84e4f02e0a830a9210bb0aea69dbe9ff8b52e4")
        // The progress ledger, kept by every write, agrees with a rebuild and with the records' own counts.
        try expectLedgerMatchesRebuild(app)
        for line in summary.campaigns {
            let total = try app.campaignProgress(code: line.code, asOf: summary.asOf).total
            #expect(total.casesOpened == line.cases.values.reduce(0, +), "\(line.code)")
            #expect(total.unitsInScope == line.unitsInScope, "\(line.code)")
            #expect(total.foundGeneral + total.foundMajor == line.hazards && total.foundMajor == line.majorHazards, "\(line.code)")
            #expect(total.verifiedGeneral + total.verifiedMajor == line.verified, "\(line.code)")
            #expect(total.overdueGeneral + total.overdueMajor == line.overdue, "\(line.code)")
            #expect(total.transfersJudicial + total.transfersOther == line.transferred, "\(line.code)")
        }
    }

    @Test("plausible proportions: few major hazards, fines in the lower part of their ranges, most hazards on time")
    func proportions() throws {
        let (app, summary) = try build(units: 1_000, seed: DemoDistrict.defaultSeed)
        let hazards = summary.campaigns.reduce(0) { $0 + $1.hazards }
        let major = summary.campaigns.reduce(0) { $0 + $1.majorHazards }
        let overdue = summary.campaigns.reduce(0) { $0 + $1.overdue }
        #expect(hazards > 500)
        #expect(major > 0 && Double(major) / Double(hazards) < 0.06, "\(major) of \(hazards) major")
        #expect(Double(overdue) / Double(hazards) < 0.25, "\(overdue) of \(hazards) overdue")
        let fines = try app.database.readDatabase {
            try Int.fetchAll($0, sql: "SELECT fineYuan FROM penalty WHERE fineYuan IS NOT NULL AND fineYuan > 0")
        }
        #expect(fines.count > 10 && Set(fines).count >= 3, "\(fines)")
        #expect(fines.allSatisfy { (2_000...10_000).contains($0) }, "\(fines)")
    }

    @Test("the tour's acts work on any day: a case opened today in the open campaign, a hazard, its fix, the re-check",
          arguments: ["2026-12-07", "2027-06-15", "2027-12-30"])
    func actsToday(today: String) throws {
        let day = try #require(LocalDate(today))
        let app = Rectify(database: try AppDatabase.inMemory(clock: { day.timestamp(hour: 10) }))
        _ = try app.buildDemo(units: 200, seed: DemoDistrict.defaultSeed)
        let open = try #require(try app.campaigns().first { $0.endsOn >= day })
        let withCase = Set(try app.cases(campaign: open.code, state: nil).map(\.uscc))
        let campaign = try app.campaign(code: open.code)
        let categories = Set(campaign.scopeCategories)
        let unit = try #require(try app.units(street: nil, category: nil, limit: nil)
            .first { categories.contains($0.category.chinese) && !withCase.contains($0.uscc) })
        let officers = try app.officers().filter(\.active).prefix(2).map(\.credential)
        let opened = try app.openCase(campaign: open.code, uscc: unit.uscc, officers: officers, on: nil, actor: officers[0])
        #expect(opened.openedOn == day)
        let hazard = try app.addHazard(caseNumber: opened.number, checklistCode: campaign.checklist[0].code, description: "灭火器压力不足",
                                       level: nil, criterion: nil, foundOn: nil, deadline: day.adding(days: 15),
                                       listedSupervision: false, supervisingBody: nil, actor: officers[0])
        _ = try app.claimRectification(reference: "\(opened.number)/\(hazard.seq)", on: nil, measures: "已更换灭火器", actor: officers[0])
        _ = try app.addSelfCheck(caseNumber: opened.number, on: nil, checkedBy: "安全员", findings: "灭火器压力不足", selfFixed: "已更换",
                                 pledge: "如实自查", items: [], actor: officers[0])
        let recheck = try app.addRecheck(caseNumber: opened.number, on: nil, officers: officers, opinion: "整改到位",
                                         verdicts: [(seq: hazard.seq, verdict: .fixed)], actor: officers[0])
        #expect(recheck.checkedOn == day)
        #expect(try app.caseDetail(number: opened.number).state == .rectified)
    }

    @Test("built as a file, the district appears whole: committed in batches beside the target, then moved in place")
    func buildsFileAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("demo.sqlite").path
        var reported: [(Int, Int)] = []
        let summary = try Rectify.buildDemo(atPath: path, units: 150, seed: 3) { reported.append(($0, $1)) }
        #expect(reported.last.map { $0.0 == $0.1 } == true)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("building") }
        #expect(leftovers.isEmpty)
        let app = try Rectify.open(path: path)
        #expect(try app.verify().headHash == summary.chainHead)
        #expect(throws: RuleViolation.self) { try Rectify.buildDemo(atPath: path, units: 150, seed: 3) }
        #expect(throws: ValidationError.self) { try Rectify.buildDemo(atPath: path + "2", units: 3, seed: 3) }
        #expect(!FileManager.default.fileExists(atPath: path + "2"))
    }

    @Test("the demo loads only into an empty database")
    func refusesNonEmpty() throws {
        let (app, _) = try build(units: 50, seed: 1)
        #expect(throws: RuleViolation.self) { try app.buildDemo(units: 50, seed: 1) }
    }
}
