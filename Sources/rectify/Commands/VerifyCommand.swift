import ArgumentParser
import RectifyCore
import RectifyKit

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "校验审计链与数据 / walk the audit chain and compare it with the data.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(name: .customLong("anchor"), help: "锚点：带审计链头的签名文件（检查点、案卷、清单、报表、回执），可多次给出 / a signed file carrying a chain head (repeatable)")
    var anchors: [String] = []

    struct Report: Encodable {
        var intact: Bool
        var events: Int
        var rows: Int
        var head: String
        var problems: [[String: String]]
        var anchors: [[String: String]]
    }

    func run() throws {
        let report: ChainReport, checks: [AnchorCheck]
        do {
            let rectify = try global.openForReading()
            let line = ProgressLine("校验中 / verifying")
            report = try rectify.verify { line.update($0, of: $1) }
            line.finish()
            checks = try rectify.checkAnchors(anchors)
        } catch let error as UserFacingError { throw CouldNotVerify(reason: error) }
        if output.json {
            try Output.json(Report(intact: report.isIntact, events: report.eventCount, rows: report.rowCount,
                                   head: report.headHash, problems: report.problems.map {
                                       ["event": $0.seq.map(String.init) ?? "", "entity": $0.entity,
                                        "id": String($0.entityId), "zh": $0.chinese, "en": $0.english]
                                   }, anchors: checks.map(Self.json)))
        } else {
            if report.isIntact {
                print("审计链完好 / audit chain intact: \(report.eventCount) 个事件 events, \(report.rowCount) 行 rows, head \(report.headHash)")
            }
            for check in checks { print(Self.line(check)) }
            if let newest = checks.filter(\.holds).compactMap(\.head?.seq).max() {
                print("最新的锚点覆盖到第\(newest)号事件（共\(report.eventCount)个）/ the newest anchor reaches event \(newest) of \(report.eventCount)")
            }
        }
        guard report.isIntact else { throw ChainBroken(report: report) }
        let failed = checks.filter { !$0.holds }
        guard failed.isEmpty else { throw AnchorsFailed(count: failed.count) }
    }

    static func line(_ check: AnchorCheck) -> String {
        if let problem = check.problem {
            return "锚点不符 / anchor FAILED: \(check.path)：\(problem.reasonChinese) / \(problem.reasonEnglish)"
        }
        let seq = check.head?.seq ?? 0
        return "锚点相符 / anchor holds: \(check.path)：第\(seq)号事件 event \(seq)，签名 signed by \(check.signer ?? "")"
    }

    static func json(_ check: AnchorCheck) -> [String: String] {
        ["file": check.path, "event": check.head.map { String($0.seq) } ?? "", "hash": check.head?.hash ?? "",
         "holds": String(check.holds), "zh": check.problem?.reasonChinese ?? "", "en": check.problem?.reasonEnglish ?? ""]
    }
}

/// Some anchors no longer hold: the history they vouch for was rewritten.
struct AnchorsFailed: UserFacingError {
    var count: Int
    var chinese: String { "\(count)个锚点不符：锚点签名之前的审计链已被改写或截断" }
    var english: String { "\(count) anchor(s) failed: the audit chain before them was rewritten or cut" }
}

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: "签署当前审计链头，存放在数据库之外 / sign the current chain head, to keep away from the database.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "签名私钥 / signing key (or RECTIFY_SIGNING_KEY)") var key: String?
    @Option(help: "证书 / certificate (or RECTIFY_SIGNING_CERT)") var cert: String?
    @Option(help: "检查点文件 / checkpoint file") var out: String
    @Option(help: "模式目录 / Schemas folder") var schemas: String?

    func run() throws {
        let (file, head) = try global.openForReading().writeCheckpoint(
            to: out, signing: try SigningMaterial(key: key, certificate: cert), schemas: schemas)
        print("检查点已签署 / checkpoint signed: \(file.path)（第\(head.seq)号事件 event \(head.seq)，\(head.hash)）")
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
