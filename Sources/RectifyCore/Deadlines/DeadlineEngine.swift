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
        switch rule.unit {
        case .workingDays:
            (due, skipped) = try calendar.addingWorkingDays(rule.value, to: start)
            how = "\(rule.value)个工作日" + (skipped.isEmpty ? "" : "（不计休息日 \(DeadlineEngine.runs(skipped))）")
        case .calendarDays:
            let end = start.adding(days: rule.value + excludedDays)
            (due, skipped) = try calendar.rollingForward(end)
            how = "\(rule.value)日" + (excludedDays > 0 ? "，另扣除\(excludedLabel)\(excludedDays)日" : "")
            if due != end {
                rolledFrom = end
                how += "；期满日\(end)为休息日，顺延至\(due)（\(DeadlineEngine.rollingOverSource)）"
            }
        case .percent, .yuan, .years:
            throw RuleVersionMisuse(key: key, unit: rule.unit)
        }
        let explanation = "\(name) \(due)：自\(startLabel) \(start) 起 \(how)，依据\(rule.source)"
        return Deadline(name: name, due: due, start: start, startLabel: startLabel, count: rule.value, unit: rule.unit,
                        skipped: skipped, rolledForwardFrom: rolledFrom, excludedDays: excludedDays, source: rule.source,
                        explanation: explanation)
    }

    /// A hazard's rectification deadline: set in the order, moved only by approved extensions (the original stays).
    public func rectification(_ hazard: Hazard, order: String, extensions: [HazardExtension]) -> Deadline {
        var explanation = "整改期限 \(hazard.deadline)：\(order) 责令于 \(hazard.originalDeadline) 前整改"
        for item in extensions {
            explanation += "；\(item.grantedOn) 批准延期至 \(item.toDeadline)（\(item.reason)）"
        }
        if !extensions.isEmpty { explanation += "；原期限 \(hazard.originalDeadline) 保留" }
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

    /// The days off as the runs they form ("2026-09-25至2026-09-27、2026-10-01至2026-10-07"): a range never hides a
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
        return runs.map { $0.first == $0.last ? "\($0.first)" : "\($0.first)至\($0.last)" }.joined(separator: "、")
    }
}

/// A rule measured in money or percent was asked for as a period.
public struct RuleVersionMisuse: UserFacingError, Equatable {
    public var key: RuleKey
    public var unit: RuleUnit
    public var chinese: String { "规则“\(key.chinese)”的单位是\(unit.chinese)，不能用来计算期限" }
    public var english: String { "rule \(key.rawValue) is measured in \(unit.rawValue), not a period" }
}
