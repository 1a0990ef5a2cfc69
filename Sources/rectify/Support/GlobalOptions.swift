import ArgumentParser
import Foundation
import RectifyKit

/// `--db PATH` (or RECTIFY_DB), accepted before or after the command name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "数据库文件 / database file (default ./rectify.sqlite or RECTIFY_DB)")
    var database: String?

    var path: String {
        database ?? ProcessInfo.processInfo.environment["RECTIFY_DB"] ?? "rectify.sqlite"
    }

    func open() throws -> Rectify { try Rectify.open(path: path) }

    /// For a command that only reads: one read-only connection instead of a writer and a reader.
    func openForReading() throws -> Rectify { try Rectify.openForReading(path: path) }

    /// ArgumentParser reads a subcommand's options only after its name, so `rectify --db X cmd …` is rewritten
    /// to `rectify cmd … --db X`.
    static func hoistingDatabaseOption(_ arguments: [String]) -> [String] {
        var rest = arguments
        var hoisted: [String] = []
        while let first = rest.first, first == "--db" || first.hasPrefix("--db=") {
            if first == "--db", rest.count >= 2 {
                hoisted += rest.prefix(2)
                rest.removeFirst(2)
            } else {
                hoisted.append(first)
                rest.removeFirst()
            }
        }
        return rest + hoisted
    }
}

/// `--as CREDENTIAL` (or RECTIFY_ACTOR): who does the write.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "操作人执法证号 / actor's credential (or RECTIFY_ACTOR)")
    var actor: String?

    var name: String { actor ?? ProcessInfo.processInfo.environment["RECTIFY_ACTOR"] ?? "" }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "输出 JSON / print JSON")
    var json = false
}
