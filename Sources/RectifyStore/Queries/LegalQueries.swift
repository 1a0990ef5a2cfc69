import GRDB
import RectifyCore

/// What an administrator added to the shipped calendar and rules.
extension Store {
    /// Each holiday schedule added with `calendar add`, with its days off and make-up working days.
    public func addedCalendarYears() throws -> [(year: CalendarYear, days: [CalendarDay])] {
        try (all("SELECT * FROM calendarYear ORDER BY year") as [CalendarYear]).map { year in
            (year, try all("SELECT * FROM calendarDay WHERE calendarYearId = ? ORDER BY date", year.id!))
        }
    }

    public func calendarYearAdded(_ year: Int) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM calendarYear WHERE year = ?)", arguments: [year]) ?? false
    }

    /// The rule versions added with `rules add`, in the order they were added.
    public func addedRuleVersions() throws -> [RuleVersion] {
        try all("SELECT * FROM ruleVersion ORDER BY id")
    }
}
