/// 行政处罚法 art. 36: a violation not discovered within two years (five where it endangered life, health or safety)
/// is no longer punished. The period runs from the violation to the day it was discovered, not to 立案.
public enum Limitation {
    /// The last day on which discovering a violation of `violationOn` still allows a penalty.
    public static func lastDay(violationOn: LocalDate, years: Int) -> LocalDate {
        let year = violationOn.year + years
        return LocalDate(year: year, month: violationOn.month, day: violationOn.day)
            ?? LocalDate(year: year, month: violationOn.month, day: 28)! // 02-29 in a common year
    }

    public static func check(violationOn: LocalDate, discoveredOn: LocalDate, years: Int, source: String) throws {
        guard discoveredOn >= violationOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "发现日期\(discoveredOn.chinese)早于违法行为发生日\(violationOn.chinese)",
                                english: "the discovery date \(discoveredOn) is before the violation of \(violationOn)")
        }
        let last = lastDay(violationOn: violationOn, years: years)
        guard discoveredOn <= last else {
            throw RuleViolation(rule: .limitationPeriod,
                                chinese: "违法行为发生于\(violationOn.chinese)，至\(discoveredOn.chinese)才被发现，已超过\(years)年追责时效（\(source)，须于\(last.chinese)前发现），不再给予行政处罚",
                                english: "the act of \(violationOn) was discovered on \(discoveredOn), after the \(years)-year limitation period ended on \(last) (\(source))")
        }
    }
}
