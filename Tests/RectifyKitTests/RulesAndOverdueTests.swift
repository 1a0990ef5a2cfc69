import Foundation
import GRDB
import RectifyCore
import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Calendar, rule versions and overdue")
struct RulesAndOverdueTests {
    @Test("an administrator adds 2027, after which its working days count; a second 2027 is refused")
    func addYear() throws {
        let app = try makeDistrict()
        #expect(throws: CalendarGap(year: 2027)) { try app.workingCalendar().isWorkingDay(date("2027-02-08")) }
        let schedule = try app.addCalendarYear(2027, holidays: ["1-1", "2-6…2-12"], workdays: ["2-14"],
                                               source: "国务院办公厅关于2027年部分节假日安排的通知", actor: admin)
        #expect(schedule.holidays.count == 8)
        let calendar = try app.workingCalendar()
        #expect(try !calendar.isWorkingDay(date("2027-02-08")))
        #expect(try calendar.isWorkingDay(date("2027-02-14")))
        #expect(try calendar.addingWorkingDays(1, to: date("2026-12-31")).date == date("2027-01-04"))
        #expect(throws: RuleViolation.self) {
            try app.addCalendarYear(2027, holidays: ["1-1"], workdays: [], source: "x", actor: admin)
        }
        #expect(throws: RuleViolation.self) {
            try app.addCalendarYear(2026, holidays: ["1-1"], workdays: [], source: "x", actor: admin)
        }
        #expect(try app.verify().isIntact)
    }

    @Test("a bad schedule is refused whole", arguments: [
        (["2-30"], [String]()), (["1-1"], ["1-5"]), (["1-1…1-3"], ["1-2"]), (["3-5…3-1"], [String]()),
    ])
    func badSchedule(holidays: [String], workdays: [String]) throws {
        let app = try makeDistrict()
        let before = try snapshot(app)
        #expect(throws: ValidationError.self) {
            try app.addCalendarYear(2028, holidays: holidays, workdays: workdays, source: "通知", actor: admin)
        }
        #expect(try snapshot(app) == before)
    }

    @Test("the new department rule's figures can be entered from 2026-02-01 and apply from then")
    func ruleVersion() throws {
        let app = try makeDistrict()
        _ = try app.addRuleVersion(key: .recheckWindow, kind: nil, value: 5, unit: .workingDays, effectiveFrom: date("2026-02-01"),
                                   source: "《安全生产违法行为行政处罚办法》（应急管理部令第18号）", actor: admin)
        let listing = try app.rules(asOf: date("2026-06-01")).filter { $0.key == .recheckWindow && $0.kind == nil }
        #expect(listing.map(\.inForce) == [false, true])
        #expect(throws: ValidationError.self) {
            try app.addRuleVersion(key: .surchargeRate, kind: nil, value: 5, unit: .calendarDays,
                                   effectiveFrom: date("2026-02-01"), source: "x", actor: admin)
        }
        #expect(throws: RuleViolation.self) {
            try app.addRuleVersion(key: .recheckWindow, kind: nil, value: 7, unit: .workingDays,
                                   effectiveFrom: date("2026-02-01"), source: "x", actor: admin)
        }
    }

    @Test("case show explains each deadline; overdue lists hazards and re-checks, most urgent first")
    func deadlinesAndOverdue() throws {
        let app = try makeCampaignDistrict()
        let opened = try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: [officerA, officerB],
                                      on: date("2026-04-20"), actor: officerA)
        for (item, deadline) in [("RQ01", "2026-05-20"), ("RQ03", "2026-04-30")] {
            _ = try app.addHazard(caseNumber: opened.number, checklistCode: item, description: "问题", level: nil, criterion: nil,
                                  foundOn: date("2026-04-20"), deadline: date(deadline), listedSupervision: false,
                                  supervisingBody: nil, actor: officerA)
        }
        _ = try app.claimRectification(reference: "\(opened.number)/1", on: date("2026-05-10"), measures: "已装", actor: officerA)
        let detail = try app.caseDetail(number: opened.number, asOf: date("2026-06-01"))
        let first = detail.hazards[0].deadlines
        #expect(first.map(\.name) == ["整改期限", "复查期限"])
        #expect(first[1].due == date("2026-05-20"))
        #expect(first[1].explanation.contains("自单位报告整改之日2026年5月10日起10日"))
        let second = detail.hazards[1].deadlines
        // 04-30 + 10 days = 05-10, a Sunday... worked (调休 2026-05-09 is Saturday): 05-10 is a Sunday off → 05-11.
        #expect(second[1].due == date("2026-05-11"))
        #expect(second[1].rolledForwardFrom == date("2026-05-10"))

        let report = try app.overdue(asOf: date("2026-06-01"))
        #expect(report.items.map(\.what) == [.rectification, .recheck, .recheck])
        #expect(report.items.map(\.daysOverdue) == [32, 21, 12])
        #expect(report.items.map(\.reference) == ["gas-2026-0001/2", "gas-2026-0001/2", "gas-2026-0001/1"])
        #expect(try app.overdue(asOf: date("2026-04-25")).items.isEmpty)
    }

    @Test("overdue orders a whole district: most days overdue first, major before general on the same day, then by reference")
    func overdueOrder() throws {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 300, seed: 11)
        let items = try app.overdue(asOf: date("2026-09-30")).items
        let major: HazardLevel? = .major
        let pairs = Array(zip(items, items.dropFirst()))
        // Each rule decides some neighbours here, so each is exercised.
        #expect(pairs.contains { $0.daysOverdue > $1.daysOverdue })
        #expect(pairs.contains { $0.daysOverdue == $1.daysOverdue && $0.level == major && $1.level != major })
        #expect(pairs.contains { $0.daysOverdue == $1.daysOverdue && $0.level == $1.level && $0.reference < $1.reference })
        for (first, next) in pairs {
            let inOrder = first.daysOverdue != next.daysOverdue ? first.daysOverdue > next.daysOverdue
                : (first.level == major) != (next.level == major) ? first.level == major
                : first.reference <= next.reference
            #expect(inOrder, "\(first.reference) \(first.daysOverdue) \(first.level) before \(next.reference)")
        }
    }
}
