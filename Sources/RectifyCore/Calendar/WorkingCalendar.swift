/// One year's official holiday schedule (国务院办公厅 节假日安排): days off, and the weekend days worked in exchange (调休).
public struct HolidaySchedule: Codable, Equatable, Sendable {
    public var year: Int
    public var holidays: [LocalDate]
    public var workdays: [LocalDate]
    public var source: String

    public init(year: Int, holidays: [LocalDate], workdays: [LocalDate], source: String) {
        self.year = year
        self.holidays = holidays
        self.workdays = workdays
        self.source = source
    }

    /// Builds a schedule from `M-D` or `M-D…M-D` spans, as the State Council notices write them.
    public init(year: Int, holidaySpans: [String], workdays: [String], source: String) {
        func day(_ text: Substring) -> LocalDate {
            let parts = text.split(separator: "-").map { Int($0)! }
            return LocalDate(year: year, month: parts[0], day: parts[1])!
        }
        var days: [LocalDate] = []
        for span in holidaySpans {
            let ends = span.split(separator: "…")
            let first = day(ends[0])
            let last = ends.count > 1 ? day(ends[1]) : first
            for offset in 0...first.days(until: last) { days.append(first.adding(days: offset)) }
        }
        self.init(year: year, holidays: days, workdays: workdays.map { day(Substring($0)) }, source: source)
    }
}

/// The schedules Rectify ships (`reference/domain.md` §5); an administrator adds later years.
public enum ShippedHolidaySchedules {
    public static let all: [HolidaySchedule] = [
        HolidaySchedule(
            year: 2025,
            holidaySpans: ["1-1", "1-28…2-4", "4-4…4-6", "5-1…5-5", "5-31…6-2", "10-1…10-8"],
            workdays: ["1-26", "2-8", "4-27", "9-28", "10-11"],
            source: "国务院办公厅关于2025年部分节假日安排的通知"),
        HolidaySchedule(
            year: 2026,
            holidaySpans: ["1-1…1-3", "2-15…2-23", "4-4…4-6", "5-1…5-5", "6-19…6-21", "9-25…9-27", "10-1…10-7"],
            workdays: ["1-4", "2-14", "2-28", "5-9", "9-20", "10-10"],
            source: "国务院办公厅关于2026年部分节假日安排的通知"),
    ]
}

/// A date in a year whose holiday schedule Rectify does not have: it refuses to guess (weekends alone would be wrong).
public struct CalendarGap: UserFacingError, Equatable {
    public var year: Int
    public init(year: Int) { self.year = year }
    public var chinese: String { "没有\(year)年的节假日安排，无法计算工作日；请管理员先用 rectify calendar add 录入" }
    public var english: String { "no holiday schedule for \(year): working days cannot be counted; an administrator adds it with `rectify calendar add`" }
}

/// Working days by the official schedules: weekends and holidays off, make-up days worked.
public struct WorkingCalendar: Sendable {
    private var schedules: [Int: HolidaySchedule] = [:]
    private var holidays: Set<LocalDate> = []
    private var workdays: Set<LocalDate> = []

    public init(schedules: [HolidaySchedule]) {
        for schedule in schedules {
            self.schedules[schedule.year] = schedule
            holidays.formUnion(schedule.holidays)
            workdays.formUnion(schedule.workdays)
        }
    }

    public static let shipped = WorkingCalendar(schedules: ShippedHolidaySchedules.all)

    public var years: [Int] { schedules.keys.sorted() }

    public func schedule(for year: Int) -> HolidaySchedule? { schedules[year] }

    public func isWorkingDay(_ date: LocalDate) throws(CalendarGap) -> Bool {
        guard schedules[date.year] != nil else { throw CalendarGap(year: date.year) }
        if workdays.contains(date) { return true }
        if holidays.contains(date) { return false }
        return date.isoWeekday <= 5
    }

    /// How the days of a year without a schedule are counted when a deadline can only be bounded.
    public enum Assumption: Sendable {
        /// Every such day is worked: the earliest the deadline can fall.
        case allWorked
        /// Weekends are off, and so are up to `Self.longestHolidayWeekdays` weekdays: the latest it can fall.
        case longestHolidays
    }

    /// The most weekdays a State Council schedule has taken off in one block of holidays, make-up days not counted
    /// (2026: Mid-Autumn and National Day, 09-25 and 10-01 … 10-07, six weekdays); with a margin.
    public static let longestHolidayWeekdays = 8

    /// A calendar in which the days of unscheduled years are counted by `assumption`.
    public func assuming(_ assumption: Assumption) -> BoundedCalendar { BoundedCalendar(calendar: self, assumption: assumption) }

    /// The `count`-th working day after `start` (the start day itself is not counted, 民事诉讼法 art. 85 by analogy; 行政处罚法 art. 85 makes the count one of working days),
    /// with the days off that were passed over.
    public func addingWorkingDays(_ count: Int, to start: LocalDate) throws(CalendarGap) -> (date: LocalDate, skipped: [LocalDate]) {
        var date = start
        var counted = 0
        var skipped: [LocalDate] = []
        while counted < count {
            date = date.adding(days: 1)
            if try isWorkingDay(date) { counted += 1 } else { skipped.append(date) }
        }
        return (date, skipped)
    }

    /// A period counted in calendar days that ends on a day off ends on the next working day (民事诉讼法 art. 85, applied
    /// by analogy: 行政处罚法 art. 85 says only that its short limits are working days).
    public func rollingForward(_ date: LocalDate) throws(CalendarGap) -> (date: LocalDate, skipped: [LocalDate]) {
        var day = date
        var skipped: [LocalDate] = []
        while try !isWorkingDay(day) {
            skipped.append(day)
            day = day.adding(days: 1)
        }
        return (day, skipped)
    }
}

/// The working calendar with the days of years it has no schedule for counted by an assumption: the bounds of a
/// deadline that ends in such a year.
public struct BoundedCalendar {
    let calendar: WorkingCalendar
    let assumption: WorkingCalendar.Assumption
    private(set) var missingYears: Set<Int> = []
    private var weekdaysTakenOff = 0

    init(calendar: WorkingCalendar, assumption: WorkingCalendar.Assumption) {
        self.calendar = calendar
        self.assumption = assumption
    }

    mutating func isWorkingDay(_ date: LocalDate) -> Bool {
        if let known = try? calendar.isWorkingDay(date) { return known }
        missingYears.insert(date.year)
        switch assumption {
        case .allWorked: return true
        case .longestHolidays:
            guard date.isoWeekday <= 5 else { return false }
            guard weekdaysTakenOff < WorkingCalendar.longestHolidayWeekdays else { return true }
            weekdaysTakenOff += 1
            return false
        }
    }

    mutating func addingWorkingDays(_ count: Int, to start: LocalDate) -> LocalDate {
        var date = start
        var counted = 0
        while counted < count {
            date = date.adding(days: 1)
            if isWorkingDay(date) { counted += 1 }
        }
        return date
    }

    mutating func rollingForward(_ date: LocalDate) -> LocalDate {
        var day = date
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }
}

/// A holiday schedule an administrator added, as stored: the year and its source …
public struct CalendarYear: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CalendarYear>
    public var id: ID?
    public var year: Int
    public var source: String

    public init(id: ID? = nil, year: Int, source: String) {
        self.id = id
        self.year = year
        self.source = source
    }
}

public enum CalendarDayKind: String, Codable, Sendable, CaseIterable {
    case holiday
    case workday
}

/// … and each of its days off and make-up working days.
public struct CalendarDay: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CalendarDay>
    public var id: ID?
    public var calendarYearId: CalendarYear.ID
    public var date: LocalDate
    public var kind: CalendarDayKind

    public init(id: ID? = nil, calendarYearId: CalendarYear.ID, date: LocalDate, kind: CalendarDayKind) {
        self.id = id
        self.calendarYearId = calendarYearId
        self.date = date
        self.kind = kind
    }
}
