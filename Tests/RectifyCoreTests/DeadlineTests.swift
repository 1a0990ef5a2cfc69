import Testing
@testable import RectifyCore

@Suite("Working days, deadlines and the surcharge")
struct DeadlineTests {
    let engine = DeadlineEngine()
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("working days skip the 2026 Spring Festival and count the make-up Saturdays")
    func springFestival2026() throws {
        let five = try WorkingCalendar.shipped.addingWorkingDays(5, to: day("2026-02-12"))
        #expect(five.date == day("2026-02-26"))
        #expect(five.skipped == (15...23).map { day("2026-02-\($0)") })
        #expect(try WorkingCalendar.shipped.addingWorkingDays(10, to: day("2026-02-12")).date == day("2026-03-04"))
        #expect(try WorkingCalendar.shipped.isWorkingDay(day("2026-02-14")))   // Saturday, worked (调休)
        #expect(try !WorkingCalendar.shipped.isWorkingDay(day("2026-02-23")))  // Monday, holiday
    }

    @Test("working days across the 2026 Mid-Autumn and National Day blocks")
    func nationalDay2026() throws {
        #expect(try WorkingCalendar.shipped.addingWorkingDays(7, to: day("2026-09-28")).date == day("2026-10-13"))
        let service = try engine.deadline("送达期限", rule: .serviceWindow, from: day("2026-09-28"), startLabel: "决定日")
        #expect(service.due == day("2026-10-13"))
        #expect(service.skipped.first == day("2026-10-01") && service.skipped.last == day("2026-10-11"))
        #expect(service.explanation.contains("7个工作日") && service.explanation.contains("《行政处罚法》第61条"))
        #expect(try WorkingCalendar.shipped.isWorkingDay(day("2026-09-20")))   // Sunday, worked
    }

    @Test("days off are listed as their real runs, and rolling over cites 民事诉讼法 art. 85 by analogy")
    func runsAndRollingOver() throws {
        // 2026: 09-25 (Fri, Mid-Autumn) to 09-27 off, 09-28 to 09-30 worked, 10-01 to 10-07 off.
        let days = ["2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
                    "2026-10-05", "2026-10-06", "2026-10-07"].map(day)
        #expect(DeadlineEngine.runs(days) == "2026年9月25日至2026年9月27日、2026年10月1日至2026年10月7日")
        #expect(DeadlineEngine.runs([day("2026-10-11")]) == "2026年10月11日")
        // A 10-day re-check from 09-21 ends on 10-01, a holiday: it ends on 10-08.
        let recheck = try engine.deadline("复查期限", rule: .recheckWindow, from: day("2026-09-21"), startLabel: "整改期限届满之日")
        #expect(recheck.due == day("2026-10-08") && recheck.rolledForwardFrom == day("2026-10-01"))
        #expect(recheck.explanation.contains("顺延至2026年10月8日（参照《民事诉讼法》第85条"))
        #expect(!recheck.explanation.contains("《行政处罚法》第85条"))
    }

    @Test("2025: Spring Festival with its make-up Sunday, and the special-equipment re-check over National Day")
    func year2025() throws {
        #expect(try WorkingCalendar.shipped.addingWorkingDays(3, to: day("2025-01-24")).date == day("2025-02-05"))
        let hazard = claimedHazard(claimedOn: day("2025-09-26"))
        let recheck = try #require(try engine.recheck(hazard, kind: .specialEquipment))
        #expect(recheck.due == day("2025-10-16"))
        #expect(recheck.unit == .workingDays)
        #expect(recheck.source.contains("特种设备安全监督检查办法"))
        #expect(recheck.explanation == "复查期限2025年10月16日：自单位报告整改之日2025年9月26日起10个工作日（不计休息日"
                + "2025年9月27日、2025年10月1日至2025年10月8日、2025年10月12日），依据《特种设备安全监督检查办法》第29条")
        let general = try #require(try engine.recheck(hazard, kind: .gas))
        #expect(general.unit == .calendarDays)
        #expect(general.due == day("2025-10-09")) // 10-06 falls in the holiday: next working day
        #expect(general.rolledForwardFrom == day("2025-10-06"))
    }

    @Test("a calendar-day period ending in a holiday ends on the next working day")
    func calendarDaysRollForward() throws {
        let payment = try engine.deadline("缴款期限", rule: .paymentWindow, from: day("2026-09-16"), startLabel: "送达日")
        #expect(payment.due == day("2026-10-08"))
        #expect(payment.rolledForwardFrom == day("2026-10-01"))
        #expect(payment.explanation.contains("顺延至2026年10月8日"))
        let decision = try engine.deadline("决定期限", rule: .decisionDeadline, from: day("2026-07-03"), startLabel: "立案日")
        #expect(decision.due == day("2026-10-08"))
        let plain = try engine.deadline("决定期限", rule: .decisionDeadline, from: day("2026-03-02"), startLabel: "立案日")
        #expect(plain.due == day("2026-06-01"))            // 90 days end on Sunday 2026-05-31
        #expect(plain.rolledForwardFrom == day("2026-05-31"))
        let withHearing = try engine.deadline("决定期限", rule: .decisionDeadline, from: day("2026-03-02"), startLabel: "立案日",
                                              excludedDays: 10, excludedLabel: "听证")
        #expect(withHearing.due == day("2026-06-10"))
    }

    @Test("a year without a schedule is never a weekends-only count: a deadline ending in it is provisional, with its range and reason")
    func missingYear() throws {
        #expect(throws: CalendarGap(year: 2027)) { try WorkingCalendar.shipped.isWorkingDay(day("2027-03-01")) }
        #expect(throws: CalendarGap(year: 2027)) { try WorkingCalendar.shipped.addingWorkingDays(5, to: day("2026-12-28")) }
        // 90 days from 2026-11-16 end on 2027-02-14, a Sunday: at the earliest that day, at the latest after a
        // weekend and the longest block of holidays.
        let decision = try engine.deadline("作出决定期限", rule: .decisionDeadline, from: day("2026-11-16"), startLabel: "立案日")
        #expect(decision.isProvisional && decision.missingYears == [2027])
        #expect(decision.due == day("2027-02-14"))
        #expect(decision.latestDue == day("2027-02-25"))
        #expect(decision.explanation.contains("暂定2027年2月14日至2027年2月25日之间（2027年节假日安排未录入，录入后确定）"))
        // An act is refused only where the missing days decide it.
        try decision.require(day("2026-12-07"), .onOrBefore) { RuleViolation(rule: .decisionDeadline, chinese: "", english: "") }
        #expect(throws: RuleViolation.self) {
            try decision.require(day("2027-03-01"), .onOrBefore) { RuleViolation(rule: .decisionDeadline, chinese: "", english: "") }
        }
        #expect {
            try decision.require(day("2027-02-20"), .onOrBefore) { RuleViolation(rule: .decisionDeadline, chinese: "", english: "") }
        } throws: { error in
            let violation = error as? RuleViolation
            return violation?.rule == "DEADLINE-PROVISIONAL" && violation!.chinese.contains("2027年节假日安排未录入")
        }
        // Once the year is loaded the deadline is final.
        let loaded = WorkingCalendar(schedules: ShippedHolidaySchedules.all + [
            HolidaySchedule(year: 2027, holidaySpans: ["1-1…1-3", "2-6…2-14"], workdays: [], source: "测试用安排")])
        let final = try DeadlineEngine(calendar: loaded).deadline("作出决定期限", rule: .decisionDeadline, from: day("2026-11-16"),
                                                                 startLabel: "立案日")
        #expect(!final.isProvisional && final.due == day("2027-02-15"))
    }

    @Test("a case is judged by the rule version in force on its date")
    func effectiveDates() throws {
        let newRule = RuleVersion(key: .decisionDeadline, value: 30, unit: .calendarDays, effectiveFrom: day("2026-02-01"),
                                  source: "应急管理部令第18号")
        let engine = DeadlineEngine(rules: .shipped.adding([newRule]))
        let before = try engine.deadline("决定期限", rule: .decisionDeadline, from: day("2026-01-15"), startLabel: "立案日")
        let after = try engine.deadline("决定期限", rule: .decisionDeadline, from: day("2026-03-02"), startLabel: "立案日")
        #expect(before.count == 90 && before.source == "《行政处罚法》第60条")
        #expect(after.count == 30 && after.due == day("2026-04-01") && after.source == "应急管理部令第18号")
        #expect(throws: RuleGap.self) { try RuleSet.shipped.rule(.decisionDeadline, on: day("2020-01-01")) }
    }

    @Test("surcharge: 3 % of the fine a day")
    func surchargeRate() throws {
        let s = try engine.surcharge(fineYuan: 10_000, paymentDue: day("2026-10-08"), asOf: day("2026-10-18"))
        #expect(s.daysLate == 10 && s.amountFen == 300_000 && !s.capped)
        #expect(s.explanation.contains("每日3%"))
        let odd = try engine.surcharge(fineYuan: 1_234, paymentDue: day("2026-10-08"), asOf: day("2026-10-09"))
        #expect(odd.amountFen == 3_702 && odd.amountText == "37.02元")
        let onTime = try engine.surcharge(fineYuan: 1_234, paymentDue: day("2026-10-08"), asOf: day("2026-10-08"))
        #expect(onTime.amountFen == 0 && onTime.daysLate == 0)
    }

    @Test("surcharge: never above the fine")
    func surchargeCap() throws {
        let s = try engine.surcharge(fineYuan: 10_000, paymentDue: day("2026-10-08"), asOf: day("2026-11-17"))
        #expect(s.daysLate == 40)
        #expect(s.amountFen == 1_000_000 && s.capped)
        #expect(s.explanation.contains("以罚款数额为限"))
    }

    @Test("surcharge: paused while review or suit is pending")
    func surchargePause() throws {
        let pause = SurchargePause(from: day("2026-10-11"), to: day("2026-10-15"), reason: "行政复议")
        let s = try engine.surcharge(fineYuan: 10_000, paymentDue: day("2026-10-08"), asOf: day("2026-10-18"), pauses: [pause])
        #expect(s.daysLate == 5 && s.pausedDays == 5 && s.amountFen == 150_000)
    }

    func claimedHazard(claimedOn: LocalDate) -> Hazard {
        var hazard = Hazard(caseId: .init(1), seq: 1, checklistCode: nil, description: "叉车司机无证", level: .major,
                            criterion: "《特种设备安全法》第86条", foundOn: day("2025-09-10"), deadline: day("2025-09-26"),
                            listedSupervision: false, supervisingBody: nil, orderDocumentId: .init(1))
        hazard.status = .claimed
        hazard.claimedOn = claimedOn
        return hazard
    }
}
