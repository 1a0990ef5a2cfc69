import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
import Testing
@testable import RectifyKit

/// A clock the test moves along the campaign, as real data entry does: each act is recorded on its own day.
final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var day = date("2026-03-01")

    func set(_ text: String) { lock.withLock { day = date(text) } }
    var now: Date { lock.withLock { day.timestamp(hour: 18) } }
}

/// A district small enough to count by hand (the comments give the counts; see `handWorkedFigures`).
///
/// Register (recorded 2026-03-01, U7 on 2026-05-10); the campaign covers 规上企业 and 规下企业 only:
///   U1 竹行 规上 安监局 · U2 竹行 规下 安监局 · U3 竹行 规下 安监局 · U4 小海 规上 市场监管局
///   U5 小海 规下 市场监管局 · U6 小海 餐饮场所 (out of scope) · U7 小海 规下 市场监管局 (registered 05-10)
/// Cases:
///   1 U1: opened 04-10; h1 major found 04-10, deadline 04-30; self-check 04-15; claimed 04-20; re-check 04-25 fails;
///         claimed again 05-05; re-check 05-08 passes; closed 05-10.
///   2 U2: opened 04-12; h2 general deadline 04-22, h3 general deadline 05-12; self-check 04-20; h2 claimed 04-21;
///         re-check 04-24 verifies h2 (partial); h3 extended on 05-10 to 05-31, never fixed.
///   3 U4: opened 04-15; h4 major deadline 04-25; penalty filed 04-28 (h4 referred), notified 04-29 (50,000 yuan and
///         a stop order), legal review 05-15, collective discussion 05-18, decided 05-20, transferred 05-25 to the
///         public security bureau.
///   4 U5: opened 05-20 by officer C, nothing else.
struct HandWorkedDistrict {
    let app: Rectify
    let clock: MovableClock

    static let officerC = "32067100003"

    init() throws {
        let clock = MovableClock()
        self.clock = clock
        app = Rectify(database: try AppDatabase.inMemory(clock: { clock.now }))
        _ = try app.setAgency(name: "南通经济技术开发区安全生产监督管理局", abbreviation: "通开", divisionCode: "320671", actor: admin)
        for name in ["安监局", "市场监管局"] { _ = try app.addDepartment(name: name, actor: admin) }
        _ = try app.addStreet(name: "竹行街道", divisionCode: nil, actor: admin)
        _ = try app.addStreet(name: "小海街道", divisionCode: nil, actor: admin)
        _ = try app.addGrid(street: "竹行街道", name: "竹行社区网格", community: "竹行社区", safetyOfficer: nil, actor: admin)
        _ = try app.addGrid(street: "小海街道", name: "朝阳小区网格", community: "朝阳社区", safetyOfficer: nil, actor: admin)
        _ = try app.addOfficer(credential: officerA, name: "张三", department: "安监局", actor: admin)
        _ = try app.addOfficer(credential: officerB, name: "李四", department: "安监局", actor: admin)
        _ = try app.addOfficer(credential: Self.officerC, name: "王五", department: "市场监管局", actor: admin)
        try register([1, 2, 3, 4, 5, 6])
        clock.set("2026-03-20")
        _ = try app.createCampaign(CampaignSpec(
            code: "gas-2026", kind: .gas, title: "工贸企业燃气安全专项整治", planNumber: "通开安委办〔2026〕11号",
            leadDepartment: "安监局", startsOn: date("2026-04-01"), endsOn: date("2026-06-30"),
            scopeCategories: [.aboveScale, .belowScale],
            targets: [.init(scope: "规上企业", metric: .accepted, amount: .percent(100), dueOn: date("2026-06-30")),
                      .init(scope: "规下企业", metric: .accepted, amount: .percent(30), dueOn: date("2026-06-30")),
                      .init(scope: nil, metric: .transferred, amount: .count(1), dueOn: date("2026-06-30")),
                      .init(scope: nil, metric: .selfChecked, amount: .percent(100), dueOn: date("2026-05-15"))]),
            actor: admin)
    }

    static func uscc(_ n: Int) -> String {
        let body = "91320691" + String(format: "%09d", n)
        return body + String(USCC.checkCharacter(for: body)!)
    }

    static let units: [Int: (street: String, grid: String, category: String, department: String)] = [
        1: ("竹行街道", "竹行社区网格", "规上企业", "安监局"), 2: ("竹行街道", "竹行社区网格", "规下企业", "安监局"),
        3: ("竹行街道", "竹行社区网格", "规下企业", "安监局"), 4: ("小海街道", "朝阳小区网格", "规上企业", "市场监管局"),
        5: ("小海街道", "朝阳小区网格", "规下企业", "市场监管局"), 6: ("小海街道", "朝阳小区网格", "餐饮场所", "市场监管局"),
        7: ("小海街道", "朝阳小区网格", "规下企业", "市场监管局"),
    ]

    func register(_ numbers: [Int]) throws {
        var csv = "统一社会信用代码,单位名称,地址,街道,网格,类别,行业主管部门\n"
        for n in numbers {
            let unit = Self.units[n]!
            csv += "\(Self.uscc(n)),单位\(n),地址\(n),\(unit.street),\(unit.grid),\(unit.category),\(unit.department)\n"
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hand-worked-\(UUID()).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try app.importUnits(from: url, actor: admin)
    }

    func on(_ day: String, _ act: () throws -> Void) rethrows {
        clock.set(day)
        try act()
    }

    func open(_ unit: Int, _ day: String, officers: [String] = [officerA, officerB]) throws -> String {
        clock.set(day)
        return try app.openCase(campaign: "gas-2026", uscc: Self.uscc(unit), officers: officers, on: date(day),
                                actor: officers[0]).number
    }

    func hazard(_ number: String, _ level: HazardLevel, found: String, deadline: String) throws {
        clock.set(found)
        _ = try app.addHazard(caseNumber: number, checklistCode: nil, description: "隐患", level: level,
                              criterion: "《安全生产法》第41条", foundOn: date(found), deadline: date(deadline),
                              listedSupervision: false, supervisingBody: nil, actor: officerA)
    }

    func selfCheck(_ number: String, _ day: String) throws {
        clock.set(day)
        _ = try app.addSelfCheck(caseNumber: number, on: date(day), checkedBy: "负责人", findings: "见隐患清单", selfFixed: nil,
                                 pledge: "按期整改", items: [], actor: officerA)
    }

    func claim(_ reference: String, _ day: String) throws {
        clock.set(day)
        _ = try app.claimRectification(reference: reference, on: date(day), measures: "已整改", actor: officerA)
    }

    func recheck(_ number: String, _ day: String, _ verdicts: [(Int, RecheckVerdict)]) throws {
        clock.set(day)
        _ = try app.addRecheck(caseNumber: number, on: date(day), officers: [officerA, officerB], opinion: "复查意见",
                               verdicts: verdicts, actor: officerA)
    }

    /// Everything up to and including 04-22: before the re-check of 04-25 that fails.
    func playUntilApril22() throws -> (String, String, String) {
        let case1 = try open(1, "2026-04-10")
        try hazard(case1, .major, found: "2026-04-10", deadline: "2026-04-30")
        let case2 = try open(2, "2026-04-12")
        try hazard(case2, .general, found: "2026-04-12", deadline: "2026-04-22")
        try hazard(case2, .general, found: "2026-04-12", deadline: "2026-05-12")
        try selfCheck(case1, "2026-04-15")
        let case3 = try open(4, "2026-04-15")
        try hazard(case3, .major, found: "2026-04-15", deadline: "2026-04-25")
        try selfCheck(case2, "2026-04-20")
        try claim("\(case1)/1", "2026-04-20")
        try claim("\(case2)/1", "2026-04-21")
        return (case1, case2, case3)
    }

    func playTheRest(_ case1: String, _ case2: String, _ case3: String) throws {
        try recheck(case2, "2026-04-24", [(1, .fixed)])
        try recheck(case1, "2026-04-25", [(1, .notFixed)])
        clock.set("2026-04-28")
        _ = try app.filePenalty(caseNumber: case3, on: date("2026-04-28"), Rectify.PenaltyFiling(
            officers: [officerA, officerB], violationCode: "AQ99-8R", facts: "逾期未整改重大事故隐患",
            violationOn: date("2026-04-26"), party: .organisation, harm: false, hazardSeqs: [1]), actor: officerA)
        clock.set("2026-04-29")
        _ = try app.notifyPenalty(caseNumber: case3, on: date("2026-04-29"), fineYuan: 50_000, measures: "责令停产停业整顿",
                                  stopOrder: true, actor: officerA)
        try claim("\(case1)/1", "2026-05-05")
        try recheck(case1, "2026-05-08", [(1, .fixed)])
        clock.set("2026-05-10")
        _ = try app.closeCase(number: case1, on: date("2026-05-10"), actor: officerA)
        _ = try app.extendHazard(reference: "\(case2)/2", to: date("2026-05-31"), reason: "设备到货延迟", on: date("2026-05-10"),
                                 actor: officerA)
        try register([7])
        clock.set("2026-05-15")
        _ = try app.recordReview(caseNumber: case3, on: date("2026-05-15"), reviewer: "法制科 王审核", discussion: false,
                                 actor: officerA)
        clock.set("2026-05-18")
        _ = try app.recordReview(caseNumber: case3, on: date("2026-05-18"), reviewer: nil, discussion: true, actor: officerA)
        clock.set("2026-05-20")
        _ = try app.decidePenalty(caseNumber: case3, on: date("2026-05-20"), fineYuan: 50_000, measures: "责令停产停业整顿",
                                  stopOrder: true, actor: officerA)
        _ = try open(5, "2026-05-20", officers: [Self.officerC, officerA])
        clock.set("2026-05-25")
        _ = try app.transferPenalty(caseNumber: case3, on: date("2026-05-25"), to: "南通市公安局开发区分局", actor: officerA)
        clock.set("2026-06-05")
    }

    static func played() throws -> HandWorkedDistrict {
        let district = try HandWorkedDistrict()
        let (case1, case2, case3) = try district.playUntilApril22()
        try district.playTheRest(case1, case2, case3)
        return district
    }
}

@Suite("Campaign progress, worked out by hand")
struct ProgressTests {
    @Test("every column of the totals on 2026-06-05")
    func handWorkedFigures() throws {
        let district = try HandWorkedDistrict.played()
        let progress = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-06-05"))
        let t = progress.total
        #expect(t.unitsInScope == 6)  // U1–U5 and U7; U6 is a restaurant
        #expect(t.casesOpened == 4)
        #expect(t.selfChecked == 2)
        #expect(t.rechecked == 2)
        #expect(t.passed == 1)
        #expect(t.closed == 1)
        #expect(t.inspections == 7)  // four openings, re-checks 04-24, 04-25, 05-08
        // 责改 ×4 (one per hazard), 复查 ×3, and case 3's 立, 罚告 with 听告 (50,000 yuan carries a hearing right),
        // 罚集 (discussion), 罚 (decision) and 移 (transfer letter).
        #expect(t.documents == 13)
        #expect(t.foundGeneral == 2 && t.foundMajor == 2)
        #expect(t.rectifiedGeneral == 1 && t.rectifiedMajor == 1)
        #expect(t.verifiedGeneral == 1 && t.verifiedMajor == 1)
        #expect(t.rectificationRateGeneral == 50 && t.rectificationRateMajor == 50 && t.rectificationRate == 50)
        #expect(t.overdueGeneral == 1 && t.overdueMajor == 0)  // h3, past its extended deadline 05-31
        #expect(t.claimsJudged == 3 && t.claimsFailed == 1)
        #expect(t.selfReportReliability == 66.67)
        #expect(t.penaltiesFiled == 1 && t.decisions == 1 && t.fineYuan == 50_000 && t.stopOrders == 1)
        #expect(t.transfersJudicial == 1 && t.transfersOther == 0)
    }

    @Test("as of 04-22 (before the re-check that failed) and 04-26 (after it)")
    func asOfBeforeAndAfterAFailedRecheck() throws {
        let district = try HandWorkedDistrict.played()
        let before = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-04-22")).total
        #expect(before.unitsInScope == 5)  // U7 came on 05-10
        #expect(before.casesOpened == 3 && before.selfChecked == 2 && before.rechecked == 0 && before.inspections == 3)
        #expect(before.rectifiedMajor == 1 && before.rectifiedGeneral == 1)  // h1 and h2 reported fixed
        #expect(before.rectificationRateMajor == 50 && before.rectificationRateGeneral == 50)
        #expect(before.claimsJudged == 0 && before.claimsFailed == 0 && before.selfReportReliability == nil)
        #expect(before.overdueGeneral == 0 && before.overdueMajor == 0)

        let after = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-04-26")).total
        #expect(after.rectifiedMajor == 0 && after.rectificationRateMajor == 0)  // h1 failed on 04-25
        #expect(after.claimsJudged == 2 && after.claimsFailed == 1 && after.selfReportReliability == 50)
        #expect(after.overdueMajor == 1)  // h4, deadline 04-25, not yet referred (04-28)
        let may3 = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-05-03")).total
        #expect(may3.overdueMajor == 1)  // h1 open again after 04-30; h4 referred to the penalty procedure
        #expect(may3.penaltiesFiled == 1 && may3.decisions == 0 && may3.fineYuan == 0)
    }

    @Test("a past date's figures do not change when later acts are recorded")
    func pastFiguresAreReproducible() throws {
        let district = try HandWorkedDistrict()
        let (case1, case2, case3) = try district.playUntilApril22()
        let then = try district.app.campaignProgress(code: "gas-2026", by: .street, asOf: date("2026-04-22"))
        try district.playTheRest(case1, case2, case3)
        let later = try district.app.campaignProgress(code: "gas-2026", by: .street, asOf: date("2026-04-22"))
        #expect(later.total == then.total)
        #expect(later.rows == then.rows)
        #expect(later.targets.map(\.reached) == then.targets.map(\.reached))
    }

    @Test("each target's status: on track and at risk on 05-15, achieved and missed on 06-05")
    func targetStatuses() throws {
        let district = try HandWorkedDistrict.played()
        let mid = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-05-15")).targets
        // 规上 100%: 2 units, 1 accepted (case 1 on 05-08); 45 of 91 days gone, 1 × 91 ≥ 2 × 45: on track.
        #expect(mid[0].required == 2 && mid[0].reached == 1 && mid[0].status == .onTrack && mid[0].attainment == 50)
        // 规下 30%: U2, U3, U5, U7 → 1.2 → 1 required; none accepted: at risk.
        #expect(mid[1].required == 1 && mid[1].reached == 0 && mid[1].status == .atRisk)
        // 移送 1: none yet.
        #expect(mid[2].required == 1 && mid[2].reached == 0 && mid[2].status == .atRisk)
        // 自查 100% due today: 2 of 6.
        #expect(mid[3].required == 6 && mid[3].reached == 2 && mid[3].status == .atRisk && mid[3].attainment == 33.33)

        let june = try district.app.campaignProgress(code: "gas-2026", asOf: date("2026-06-05")).targets
        // 规上: still 1 of 2, and 66 of 91 days gone (1 × 91 < 2 × 66): now at risk. 移送: reached on 05-25.
        // 自查: judged on its due date 05-15, when 2 of 6 had self-checked.
        #expect(june.map(\.status) == [.atRisk, .atRisk, .achieved, .missed])
        #expect(june.map(\.status.chinese) == ["有风险", "有风险", "已完成", "未完成"])
    }

    @Test("breakdowns by street, category, officer and grid split the totals")
    func breakdowns() throws {
        let district = try HandWorkedDistrict.played()
        let asOf = date("2026-06-05")
        let streets = try district.app.campaignProgress(code: "gas-2026", by: .street, asOf: asOf)
        #expect(streets.rows.map(\.name) == ["竹行街道", "小海街道"])
        #expect(streets.rows.map(\.unitsInScope) == [3, 3])
        #expect(streets.rows.map(\.casesOpened) == [2, 2])
        #expect(streets.rows.map(\.foundGeneral) == [2, 0] && streets.rows.map(\.foundMajor) == [1, 1])
        #expect(streets.rows.map(\.fineYuan) == [0, 50_000])
        #expect(streets.reliabilityByStreet.map(\.claimsFailed) == [1, 0])
        #expect(streets.reliabilityByStreet.map(\.reliability) == [66.67, nil])
        #expect(streets.reliabilityByCategory.map(\.name) == ["规上企业", "规下企业"])
        #expect(streets.reliabilityByCategory.map(\.claimsJudged) == [2, 1])

        let officers = try district.app.campaignProgress(code: "gas-2026", by: .officer, asOf: asOf)
        #expect(officers.rows.map(\.name) == ["张三（\(officerA)）", "王五（\(HandWorkedDistrict.officerC)）"])
        #expect(officers.rows.map(\.casesOpened) == [3, 1])
        #expect(officers.rows.allSatisfy { $0.unitsInScope == nil })

        for dimension in ProgressDimension.allCases where dimension != .all {
            let rows = try district.app.campaignProgress(code: "gas-2026", by: dimension, asOf: asOf).rows
            #expect(rows.reduce(0) { $0 + $1.casesOpened } == 4, "\(dimension)")
            #expect(rows.reduce(0) { $0 + $1.rectifiedGeneral + $1.rectifiedMajor } == 2, "\(dimension)")
        }
    }

    @Test("the weekly series ends on the as-of date and grows with the campaign")
    func weeklySeries() throws {
        let district = try HandWorkedDistrict.played()
        let series = try district.app.campaignSeries(code: "gas-2026", asOf: date("2026-05-06"))
        #expect(series.map(\.name) == ["2026-04-01", "2026-04-08", "2026-04-15", "2026-04-22", "2026-04-29", "2026-05-06"])
        #expect(series.map(\.casesOpened) == [0, 0, 3, 3, 3, 3])
        #expect(series.map(\.rectifiedMajor) == [0, 0, 0, 1, 0, 1])  // h1: claimed 04-20, failed 04-25, claimed 05-05
    }

    @Test("the ledger kept by every write equals one rebuilt from the records")
    func keptLedgerMatchesRebuild() throws {
        let district = try HandWorkedDistrict.played()
        try expectLedgerMatchesRebuild(district.app)
    }

    @Test("after the last tallied day the kept totals answer, with the figures summing the days gives")
    func totalsAnswerAfterTheLastDay() throws {
        let district = try HandWorkedDistrict.played()
        try district.app.database.writer.writeWithoutTransaction { db in
            let campaign = try Lookup.campaign(Store(db), code: "gas-2026")
            let query = ProgressQuery(store: Store(db), campaign: campaign)
            let lastDay = try String.fetchOne(db, sql: "SELECT max(day) FROM progressTally")!
            #expect(lastDay == "2026-06-01")
            for dimension in ProgressDimension.allCases {
                for asOf in [date("2026-06-01"), date("2026-12-31")] {
                    var summed: [String: [ProgressMeasure: Int]] = [:]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT key, measure, sum(n) AS n FROM progressTally
                        WHERE campaignId = ? AND dimension = ? AND day <= ? GROUP BY 1, 2
                        """, arguments: [campaign.id, dimension.rawValue, asOf.description]) {
                        summed[row["key"], default: [:]][ProgressMeasure(rawValue: row["measure"])!] = row["n"]
                    }
                    #expect(try query.tally(dimension, asOf: asOf) == summed, "\(dimension) \(asOf)")
                    for key in summed.keys {
                        #expect(try query.tally(dimension, key: key, asOf: asOf) == [key: summed[key]!], "\(dimension) \(key)")
                    }
                }
            }
            // The totals are what answered: a changed total shows after the last day, not before it.
            try db.execute(sql: "UPDATE progressTotal SET n = n + 100 WHERE dimension = 'all' AND measure = 'opened'")
            #expect(try query.tally(.all, asOf: date("2026-12-31"))[""]?[.casesOpened] == 104)
            #expect(try query.tally(.all, asOf: date("2026-05-31"))[""]?[.casesOpened] == 4)
        }
    }

    @Test("a unit moved to another street takes its case's figures along; groups left without days lose their totals")
    func movedUnitEmptiesGroups() throws {
        let district = try HandWorkedDistrict.played()
        func penaltiesFiled(_ street: String) throws -> Int? {
            try district.app.database.readDatabase { db in
                try Int.fetchOne(db, sql: """
                    SELECT t.n FROM progressTotal t JOIN street s ON t.key = CAST(s.id AS TEXT)
                    WHERE t.dimension = 'street' AND t.measure = 'penalties-filed' AND s.name = ?
                    """, arguments: [street])
            }
        }
        #expect(try penaltiesFiled("小海街道") == 1 && penaltiesFiled("竹行街道") == nil)
        // U4, whose case 3 holds the district's only penalty, moves from 小海 to 竹行.
        let csv = "统一社会信用代码,单位名称,地址,街道,网格,类别,行业主管部门\n"
            + "\(HandWorkedDistrict.uscc(4)),单位4,地址4,竹行街道,竹行社区网格,规上企业,市场监管局\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("moved-\(UUID()).csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try district.app.importUnits(from: url, actor: admin).updated == 1)
        #expect(try penaltiesFiled("小海街道") == nil && penaltiesFiled("竹行街道") == 1)
        try expectLedgerMatchesRebuild(district.app, register: false)
    }

    @Test("a database from before the ledger gets it built by migration v6, with the same figures")
    func migrationBuildsTheLedger() throws {
        let district = try HandWorkedDistrict.played()
        let kept = try district.app.campaignProgress(code: "gas-2026", by: .street, asOf: date("2026-05-03"))
        try district.app.database.writer.write { db in
            try db.execute(sql: """
                DROP TABLE progressTotal; DROP TABLE progressTally; DROP TABLE progressCase; DROP TABLE unitTally;
                DELETE FROM grdb_migrations WHERE identifier IN ('v6-progress-ledger', 'v9-progress-totals');
                """)
        }
        let migrated = Rectify(database: try AppDatabase(district.app.database.writer, clock: { district.clock.now }))
        let rebuilt = try migrated.campaignProgress(code: "gas-2026", by: .street, asOf: date("2026-05-03"))
        #expect(rebuilt.total == kept.total && rebuilt.rows == kept.rows)
        #expect(rebuilt.targets.map(\.status) == kept.targets.map(\.status))
        #expect(try migrated.verify().isIntact)
    }

    @Test("a transfer target must be a count")
    func transferTargetIsACount() throws {
        let app = try makeDistrict()
        #expect {
            try app.createCampaign(CampaignSpec(
                code: "x-2026", kind: .gas, title: "x", planNumber: "x", leadDepartment: "安监局", startsOn: date("2026-04-01"),
                endsOn: date("2026-06-30"),
                targets: [.init(scope: nil, metric: .transferred, amount: .percent(50), dueOn: date("2026-06-30"))]), actor: admin)
        } throws: { ($0 as? ValidationError)?.field == "目标数量" }
        #expect(try app.campaigns().isEmpty)
    }
}

/// Compares the incrementally kept ledger with a rebuild from scratch, inside a transaction that is rolled back.
/// The register's tally keeps the day a unit moved, which a rebuild cannot know: `register: false` leaves it out.
func expectLedgerMatchesRebuild(_ app: Rectify, register: Bool = true) throws {
    try app.database.writer.writeWithoutTransaction { db in
        func rows() throws -> [String] {
            try Row.fetchAll(db, sql: """
                SELECT 'tally', campaignId, dimension, key, measure, day, n FROM progressTally
                UNION ALL SELECT 'total', campaignId, dimension, key, measure, NULL, n FROM progressTotal
                UNION ALL SELECT 'case', caseId, campaignId, keys, contributions, NULL, NULL FROM progressCase
                UNION ALL SELECT 'unit', streetId, category, gridId, departmentId, day, n FROM unitTally WHERE ?
                ORDER BY 1, 2, 3, 4, 5, 6
                """, arguments: [register]).map(\.description)
        }
        let kept = try rows()
        #expect(!kept.isEmpty)
        // Every tallied group has its total, and only those: the sum of its days.
        #expect(try Row.fetchAll(db, sql: """
            SELECT * FROM (SELECT campaignId, dimension, key, measure, sum(n) FROM progressTally GROUP BY 1, 2, 3, 4
                           EXCEPT SELECT campaignId, dimension, key, measure, n FROM progressTotal)
            UNION ALL
            SELECT * FROM (SELECT campaignId, dimension, key, measure, n FROM progressTotal
                           EXCEPT SELECT campaignId, dimension, key, measure, sum(n) FROM progressTally GROUP BY 1, 2, 3, 4)
            """).isEmpty)
        try db.inTransaction {
            try ProgressLedger.rebuild(db)
            #expect(try rows() == kept)
            return .rollback
        }
    }
}
