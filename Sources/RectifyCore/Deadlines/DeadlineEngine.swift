/// A computed due date that explains itself: from what, by which rule, counting how, skipping which days.
public struct Deadline: Codable, Equatable, Sendable {
    public var name: String
    public var due: LocalDate
    public var start: LocalDate
    public var startLabel: String
    public var count: Int
    public var unit: RuleUnit
    /// Days off passed over while counting working days, or the days off a calendar-day period rolled over.
    public var skipped: [LocalDate]
    /// For calendar-day periods: the day the period ran out on, when that was a day off.
    public var rolledForwardFrom: LocalDate?
    /// Days that do not count (hearing time for the decision deadline).
    public var excludedDays: Int
    public var source: String
    public var explanation: String
    /// Set when the deadline ends in a year without a holiday schedule: `due` is then the earliest day it can fall
    /// on and this the latest; `missingYears` are the years whose schedule would settle it.
    public var latestDue: LocalDate? = nil
    public var missingYears: [Int] = []

    public var isProvisional: Bool { latestDue != nil }

    /// How an act's date must stand to the deadline.
    public enum Relation: Sendable {
        case onOrBefore, after, onOrAfter
    }

    /// Returns when `date` stands to the deadline as `relation` asks whatever the missing schedule says; throws
    /// `refusal()` when it cannot, and a refusal naming the missing schedule when only that schedule can tell.
    public func require(_ date: LocalDate, _ relation: Relation, refusal: () -> RuleViolation) throws {
        let latest = latestDue ?? due
        let (surely, surelyNot): (Bool, Bool) = switch relation {
        case .onOrBefore: (date <= due, date > latest)
        case .after: (date > latest, date <= due)
        case .onOrAfter: (date >= latest, date < due)
        }
        if surely { return }
        if surelyNot { throw refusal() }
        let years = missingYears.map { "\($0)年" }.joined(separator: "、")
        throw RuleViolation(rule: .deadlineProvisional,
                            chinese: "\(name)暂定在\(due.chinese)至\(latest.chinese)之间（\(years)节假日安排未录入）：\(date.chinese)是否合法取决于未录入的节假日；请管理员先用 rectify calendar add 录入",
                            english: "the \(name) falls between \(due) and \(latest) (no holiday schedule for \(missingYears.map(String.init).joined(separator: ", "))): whether \(date) is lawful depends on it; an administrator adds it with `rectify calendar add`")
    }
}

/// Computes the law's deadlines from the working-day calendar and the rules in force.
public struct DeadlineEngine: Sendable {
    public var calendar: WorkingCalendar
    public var rules: RuleSet

    public init(calendar: WorkingCalendar = .shipped, rules: RuleSet = .shipped) {
        self.calendar = calendar
        self.rules = rules
    }

    /// The deadline that `rule` sets from `start`; the rule version is the one in force on `ruleDate` (the date the
    /// case is judged by, usually the start).
    public func deadline(_ name: String, rule key: RuleKey, kind: CampaignKind? = nil, from start: LocalDate,
                         startLabel: String, judgedOn ruleDate: LocalDate? = nil, excludedDays: Int = 0,
                         excludedLabel: String = "") throws -> Deadline {
        let rule = try rules.rule(key, kind: kind, on: ruleDate ?? start)
        var due: LocalDate
        var skipped: [LocalDate] = []
        var rolledFrom: LocalDate?
        var how: String
        // A period that runs into a year without a schedule is bounded: earliest with every unknown day worked,
        // latest with weekends and the longest holidays off.
        var earliest = calendar.assuming(.allWorked), latest = calendar.assuming(.longestHolidays)
        var latestDue: LocalDate?
        switch rule.unit {
        case .workingDays:
            how = "\(rule.value)个工作日"
            do {
                (due, skipped) = try calendar.addingWorkingDays(rule.value, to: start)
                if !skipped.isEmpty { how += "（不计休息日\(DeadlineEngine.runs(skipped))）" }
            } catch {
                due = earliest.addingWorkingDays(rule.value, to: start)
                latestDue = latest.addingWorkingDays(rule.value, to: start)
            }
        case .calendarDays:
            let end = start.adding(days: rule.value + excludedDays)
            how = "\(rule.value)日" + (excludedDays > 0 ? "，另扣除\(excludedLabel)\(excludedDays)日" : "")
            do {
                (due, skipped) = try calendar.rollingForward(end)
                if due != end {
                    rolledFrom = end
                    how += "；期满日\(end.chinese)为休息日，顺延至\(due.chinese)（\(DeadlineEngine.rollingOverSource)）"
                }
            } catch {
                due = earliest.rollingForward(end)
                latestDue = latest.rollingForward(end)
                how += "；期满日\(end.chinese)若为休息日则顺延（\(DeadlineEngine.rollingOverSource)）"
            }
        case .percent, .yuan, .years:
            throw RuleVersionMisuse(key: key, unit: rule.unit)
        }
        let missingYears = latestDue == nil ? [] : earliest.missingYears.union(latest.missingYears).sorted()
        let when = latestDue.map { "暂定\(due.chinese)至\($0.chinese)之间（\(missingYears.map { "\($0)年" }.joined(separator: "、"))节假日安排未录入，录入后确定）" }
            ?? due.chinese
        let explanation = "\(name)\(when)：自\(startLabel)\(start.chinese)起\(how)，依据\(rule.source)"
        return Deadline(name: name, due: due, start: start, startLabel: startLabel, count: rule.value, unit: rule.unit,
                        skipped: skipped, rolledForwardFrom: rolledFrom, excludedDays: excludedDays, source: rule.source,
                        explanation: explanation, latestDue: latestDue, missingYears: missingYears)
    }

    /// A hazard's rectification deadline: set in the order, moved only by approved extensions (the original stays).
    public func rectification(_ hazard: Hazard, order: String, extensions: [HazardExtension]) -> Deadline {
        var explanation = "整改期限\(hazard.deadline.chinese)：\(order)责令于\(hazard.originalDeadline.chinese)前整改"
        for item in extensions {
            explanation += "；\(item.grantedOn.chinese)批准延期至\(item.toDeadline.chinese)（\(item.reason)）"
        }
        if !extensions.isEmpty { explanation += "；原期限\(hazard.originalDeadline.chinese)保留" }
        return Deadline(name: "整改期限", due: hazard.deadline, start: hazard.foundOn, startLabel: "发现日",
                        count: hazard.foundOn.days(until: hazard.deadline), unit: .calendarDays, skipped: [],
                        rolledForwardFrom: nil, excludedDays: 0, source: "《安全生产法》第65条；\(order)",
                        explanation: explanation)
    }

    /// When the authority must re-check a hazard: from the unit's report (or, where the rule counts from it, the
    /// rectification deadline), by the campaign kind's re-check window. Nil when nothing is due yet.
    public func recheck(_ hazard: Hazard, kind: CampaignKind) throws -> Deadline? {
        switch hazard.status {
        case .verified, .penalty: return nil
        case .claimed:
            return try deadline("复查期限", rule: .recheckWindow, kind: kind, from: hazard.claimedOn!, startLabel: "单位报告整改之日")
        case .open:
            // Special equipment counts only from the unit's rectification report (《特种设备安全监督检查办法》第29条).
            if kind == .specialEquipment { return nil }
            return try deadline("复查期限", rule: .recheckWindow, kind: kind, from: hazard.deadline, startLabel: "整改期限届满之日")
        }
    }

    /// 行政处罚法 art. 85 only makes its 2/3/5/7-day limits working days; that a period ending on a day off ends on
    /// the next working day is the rule of 民事诉讼法 art. 85, applied by analogy.
    public static let rollingOverSource = "参照《民事诉讼法》第85条：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期"

    /// The days off as the runs they form ("2026年9月25日至2026年9月27日、2026年10月1日至2026年10月7日"): a range never hides a
    /// working day inside it.
    public static func runs(_ days: [LocalDate]) -> String {
        var runs: [(first: LocalDate, last: LocalDate)] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last.adding(days: 1) == day {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day))
            }
        }
        return runs.map { $0.first == $0.last ? $0.first.chinese : "\($0.first.chinese)至\($0.last.chinese)" }.joined(separator: "、")
    }
}

/// A rule measured in money or percent was asked for as a period.
public struct RuleVersionMisuse: UserFacingError, Equatable {
    public var key: RuleKey
    public var unit: RuleUnit
    public var chinese: String { "规则“\(key.chinese)”的单位是\(unit.chinese)，不能用来计算期限" }
    public var english: String { "rule \(key.rawValue) is measured in \(unit.rawValue), not a period" }
}
