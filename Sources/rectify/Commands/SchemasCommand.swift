import ArgumentParser
import RectifyKit

/// The schemas built into the binary, written out for a superior who checks filings with xmllint.
struct SchemasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemas",
        abstract: "写出内置的XML模式文件（供 xmllint 校验报送）/ write the built-in XML schemas (to check filings with xmllint).")

    @Option(help: "输出目录（不覆盖内容不同的文件）/ output folder (a different file there is never overwritten)") var out: String

    func run() throws {
        for path in try EmbeddedSchemas.write(to: out) { print(path) }
    }
}
