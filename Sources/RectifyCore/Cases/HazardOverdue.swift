/// The one rule for whether a hazard is overdue on a date: `case show`, `case list`, `overdue`, lint, the progress
/// ledger and the export all judge by it.
public enum HazardOverdue {
    /// Days past the rectification deadline, while the hazard is open. A hazard the unit reported fixed waits for the
    /// authority's re-check: that, not the rectification, can then be late.
    public static func rectificationDays(_ hazard: Hazard, asOf: LocalDate) -> Int? {
        hazard.status == .open && hazard.deadline < asOf ? hazard.deadline.days(until: asOf) : nil
    }

    /// Days past the re-check deadline, while the hazard is not yet resolved.
    public static func recheckDays(_ hazard: Hazard, recheck: Deadline?, asOf: LocalDate) -> Int? {
        guard let recheck, !hazard.status.isResolved, recheck.due < asOf else { return nil }
        return recheck.due.days(until: asOf)
    }
}
