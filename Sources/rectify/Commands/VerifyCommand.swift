import ArgumentParser
import RectifyCore
import RectifyKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "校验审计链与数据 / walk the audit chain and compare it with the data.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        var intact: Bool
        var events: Int
        var rows: Int
        var head: String
        var problems: [[String: String]]
    }

    func run() throws {
        let report: ChainReport
        do { report = try global.openForReading().verify() } catch let error as UserFacingError { throw CouldNotVerify(reason: error) }
        if output.json {
            try Output.json(Report(intact: report.isIntact, events: report.eventCount, rows: report.rowCount,
                                   head: report.headHash, problems: report.problems.map {
                                       ["event": $0.seq.map(String.init) ?? "", "entity": $0.entity,
                                        "id": String($0.entityId), "zh": $0.chinese, "en": $0.english]
                                   }))
        } else if report.isIntact {
            print("审计链完好 / audit chain intact: \(report.eventCount) 个事件 events, \(report.rowCount) 行 rows, head \(report.headHash)")
        }
        guard report.isIntact else { throw ChainBroken(report: report) }
    }
}

/// `verify` found a mismatch: the first problem names the first event that does not match.
struct ChainBroken: UserFacingError {
    var report: ChainReport

    func isDerived(_ problem: ChainReport.Problem) -> Bool { problem.isInProgressLedger }

    var chinese: String {
        let first = report.problems[0]
        let headline = "审计链校验失败：\(first.seq.map { "第\($0)号事件" } ?? (isDerived(first) ? "统计台账" : "无事件的行")) — \(first.chinese)"
        guard report.problems.count > 1 else { return headline }
        let more = report.problems.dropFirst().prefix(20).map { "  " + $0.chinese }.joined(separator: "\n")
        return headline + "\n另有\(report.problems.count - 1)处问题：\n" + more
    }

    var english: String {
        let first = report.problems[0]
        return "audit chain broken at \(first.seq.map { "event \($0)" } ?? (isDerived(first) ? "the progress ledger" : "a row with no event")): \(first.english)"
    }
}

/// `verify` could not check at all (no database, not a Rectify database, unreadable): exit 3, so that a script can
/// tell it from a broken chain (exit 1).
struct CouldNotVerify: UserFacingError, CommandExitStatus {
    var reason: any UserFacingError
    var exitStatus: Int32 { 3 }
    var chinese: String { "无法校验：\(reason.chinese)" }
    var english: String { "could not verify: \(reason.english)" }
}
