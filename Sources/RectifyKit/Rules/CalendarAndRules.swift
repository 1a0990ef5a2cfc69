import Foundation
import RectifyCore
import RectifyStore

/// The calendar and the rules in force: what Rectify ships plus what an administrator added.
enum LegalContext {
    static func calendar(_ store: Store) throws -> WorkingCalendar {
        var schedules = ShippedHolidaySchedules.all
        for (year, days) in try store.addedCalendarYears() {
            schedules.append(HolidaySchedule(year: year.year, holidays: days.filter { $0.kind == .holiday }.map(\.date),
                                             workdays: days.filter { $0.kind == .workday }.map(\.date), source: year.source))
        }
        return WorkingCalendar(schedules: schedules)
    }

    static func rules(_ store: Store) throws -> RuleSet {
        RuleSet.shipped.adding(try store.addedRuleVersions())
    }

    static func engine(_ store: Store) throws -> DeadlineEngine {
        DeadlineEngine(calendar: try calendar(store), rules: try rules(store))
    }
}

extension RuleKey {
    /// The units a rule may be stated in: periods in days, rates in percent, amounts in yuan, limitation in years.
    var allowedUnits: [RuleUnit] {
        switch self {
        case .surchargeRate, .surchargeCap: [.percent]
        case .summaryFineIndividual, .summaryFineOrganisation, .summaryCashLimit, .hearingThresholdIndividual,
             .hearingThresholdOrganisation: [.yuan]
        case .limitation, .limitationHarm: [.years]
        default: [.calendarDays, .workingDays]
        }
    }
}

extension WriteContext {
    func addCalendarYear(_ year: Int, holidaySpans: [String], workdays: [String], source: String) throws -> HolidaySchedule {
        guard (1990...2999).contains(year) else {
            throw ValidationError(field: "年份", fieldEnglish: "year", value: String(year), chinese: "年份无效", english: "not a year")
        }
        let added = try store.calendarYearAdded(year)
        if added || ShippedHolidaySchedules.all.contains(where: { $0.year == year }) {
            throw RuleViolation(rule: .calendarYearOnce, chinese: "\(year)年的节假日安排已存在", english: "the \(year) schedule exists already")
        }
        func parse(_ text: String, field: String, english: String) throws -> [LocalDate] {
            let ends = text.split(separator: "…", omittingEmptySubsequences: false).flatMap { $0.split(separator: "~") }
            let dates = ends.map { part -> LocalDate? in
                let numbers = part.split(separator: "-").compactMap { Int($0) }
                return numbers.count == 2 ? LocalDate(year: year, month: numbers[0], day: numbers[1]) : nil
            }
            guard (1...2).contains(dates.count), let first = dates.first!, let last = dates.last!, first <= last else {
                throw ValidationError(field: field, fieldEnglish: english, value: text,
                                      chinese: "应写作 月-日 或 月-日…月-日（也可用 ~），且为\(year)年的真实日期",
                                      english: "write M-D or M-D…M-D (or ~), real dates of \(year)")
            }
            return (0...first.days(until: last)).map { first.adding(days: $0) }
        }
        let holidays = try holidaySpans.flatMap { try parse($0, field: "放假日", english: "holiday") }
        let worked = try workdays.flatMap { try parse($0, field: "调休上班日", english: "make-up working day") }
        if let clash = Set(holidays).intersection(worked).min() {
            throw ValidationError(field: "调休上班日", fieldEnglish: "make-up working day", value: clash.description,
                                  chinese: "同一天不能既放假又上班", english: "a day cannot be both off and worked")
        }
        if let weekday = worked.first(where: { $0.isoWeekday <= 5 }) {
            throw ValidationError(field: "调休上班日", fieldEnglish: "make-up working day", value: weekday.description,
                                  chinese: "调休上班日应是周六或周日", english: "a make-up working day is a Saturday or Sunday")
        }
        guard !holidays.isEmpty else {
            throw ValidationError(field: "放假日", fieldEnglish: "holiday", chinese: "至少要有一个放假日", english: "at least one holiday")
        }
        var record = CalendarYear(year: year, source: try require(source, field: "依据", english: "source"))
        let id = try insert(&record, action: "calendar.add-year")
        for (date, kind) in holidays.map({ ($0, CalendarDayKind.holiday) }) + worked.map({ ($0, .workday) }) {
            var day = CalendarDay(calendarYearId: id, date: date, kind: kind)
            try insert(&day, action: "calendar.add-day")
        }
        return HolidaySchedule(year: year, holidays: holidays, workdays: worked, source: record.source)
    }

    func addRuleVersion(key: RuleKey, kind: CampaignKind?, value: Int, unit: RuleUnit, effectiveFrom: LocalDate,
                        source: String) throws -> RuleVersion {
        guard key.allowedUnits.contains(unit) else {
            throw ValidationError(field: "计量单位", fieldEnglish: "unit", value: unit.rawValue,
                                  chinese: "“\(key.chinese)”只能以\(key.allowedUnits.map(\.chinese).joined(separator: "或"))计",
                                  english: "\(key.rawValue) is measured in \(key.allowedUnits.map(\.rawValue).joined(separator: " or "))")
        }
        guard value >= 0 else {
            throw ValidationError(field: "数值", fieldEnglish: "value", value: String(value), chinese: "不能为负", english: "must not be negative")
        }
        let existing = try LegalContext.rules(store).versions
        if existing.contains(where: { $0.key == key && $0.kind == kind && $0.effectiveFrom == effectiveFrom }) {
            throw RuleViolation(rule: .ruleVersionOnce, chinese: "“\(key.chinese)”在\(effectiveFrom)已有一个版本",
                                english: "\(key.rawValue) already has a version from \(effectiveFrom)")
        }
        var version = RuleVersion(key: key, kind: kind, value: value, unit: unit, effectiveFrom: effectiveFrom,
                                  source: try require(source, field: "依据", english: "source"))
        try insert(&version, action: "rule.add-version")
        return version
    }
}

extension Rectify {
    public func addCalendarYear(_ year: Int, holidays: [String], workdays: [String], source: String,
                                actor: String) throws -> HolidaySchedule {
        try database.write(actor: actor) {
            try $0.addCalendarYear(year, holidaySpans: holidays, workdays: workdays, source: source)
        }
    }

    public func workingCalendar() throws -> WorkingCalendar {
        try database.read { try LegalContext.calendar($0) }
    }

    public func addRuleVersion(key: RuleKey, kind: CampaignKind?, value: Int, unit: RuleUnit, effectiveFrom: LocalDate,
                               source: String, actor: String) throws -> RuleVersion {
        try database.write(actor: actor) {
            try $0.addRuleVersion(key: key, kind: kind, value: value, unit: unit, effectiveFrom: effectiveFrom, source: source)
        }
    }

    public struct RuleListing: Codable, Sendable {
        public var key: RuleKey
        public var kind: CampaignKind?
        public var value: String
        public var effectiveFrom: LocalDate
        public var source: String
        public var shipped: Bool
        /// The version a case dated `asOf` is judged by.
        public var inForce: Bool
    }

    public func rules(asOf: LocalDate? = nil) throws -> [RuleListing] {
        let asOf = asOf ?? LocalDate(database.clock())
        let added = try database.read { try $0.addedRuleVersions() }
        let set = RuleSet.shipped.adding(added)
        return set.versions.enumerated().map { index, version in
            let current = try? set.rule(version.key, kind: version.kind, on: asOf)
            return RuleListing(key: version.key, kind: version.kind,
                               value: version.valueText, effectiveFrom: version.effectiveFrom, source: version.source,
                               shipped: index < RuleSet.shipped.versions.count, inForce: current == version)
        }.sorted { a, b in
            (a.key.rawValue, a.kind?.rawValue ?? "", a.effectiveFrom) < (b.key.rawValue, b.kind?.rawValue ?? "", b.effectiveFrom)
        }
    }
}
