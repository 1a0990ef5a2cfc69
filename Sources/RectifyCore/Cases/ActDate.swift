/// The date an act is recorded with. An act is recorded once it has been done: a date after today in China is
/// refused, whatever the command (an officer may enter an act of an earlier day, never of a coming one).
public enum ActDate {
    public static func decide(_ given: LocalDate?, today: LocalDate) throws -> LocalDate {
        guard let given else { return today }
        guard given <= today else {
            throw RuleViolation(rule: .actNotInFuture,
                                chinese: "日期\(given.chinese)晚于今天\(today.chinese)（北京时间）：行为须在发生后登记",
                                english: "the date \(given) is after today, \(today) (China time): an act is recorded once it is done")
        }
        return given
    }
}
