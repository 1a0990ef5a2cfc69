import ArgumentParser
import RectifyKit

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "在线备份并校验副本（可在他人写入时进行）/ write a checked copy while others write.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "备份文件（不得已存在）/ backup file (must not exist)") var destination: String
    @Flag(help: "审计链损坏时仍保留副本作证据 / keep a copy even if the audit chain is broken (as evidence)") var keepBroken = false

    func run() throws {
        let report = try global.openForReading().backup(to: destination, keepingBrokenChain: keepBroken)
        if output.json { return try Output.json(BackupLine(report, kept: nil)) }
        print("备份完成并已校验 / backup written and checked: \(report.path)（\(report.bytes) 字节 bytes，\(report.events) 个事件 events，head \(report.head)）")
        if !report.chainIntact {
            print("注意：副本的审计链与原库一样已损坏，仅作证据保留 / note: the copy's audit chain is broken, as the database's is; kept as evidence")
        }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "校验备份后替换数据库（原库保留在旁）/ check a backup, then replace the database with it.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "备份文件 / backup file") var source: String
    @Flag(help: "替换已有数据库 / replace an existing database") var force = false

    func run() throws {
        let (report, kept) = try Rectify.restore(from: source, to: global.path, force: force)
        if output.json { return try Output.json(BackupLine(report, kept: kept)) }
        print("已从备份恢复 / restored: \(report.path)（\(report.events) 个事件 events，head \(report.head)）")
        if let kept { print("原数据库保留为 / the replaced database is kept as: \(kept)") }
    }
}

/// The JSON line both commands print with `--json`.
struct BackupLine: Encodable {
    var path: String
    var bytes: Int
    var events: Int
    var head: String
    var chainIntact: Bool
    var kept: String?

    init(_ report: BackupReport, kept: String?) {
        (path, bytes, events, head, chainIntact, self.kept) = (report.path, report.bytes, report.events, report.head, report.chainIntact, kept)
    }
}
