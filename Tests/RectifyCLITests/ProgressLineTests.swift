import Foundation
import RectifyTestSupport
import Testing

/// Long work shows how far it has got (issue 18): on a terminal one line rewritten in place with the count, the rate
/// and the time left, cleared before the summary; in a log a line at each tenth; an import of many files is summed up.
@Suite("Long work shows its progress")
struct ProgressLineTests {
    @Test("export on a terminal: one line redrawn with count, rate and time left, then the summary; in a pipe, tenths")
    func exportProgress() throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "300"], ["keys", "generate", "--out", "keys"]])
        let export = "\"\(CLI.executable.path)\" export campaign gas-2026 --out tty --key keys/signing-key.pem --cert keys/signing-cert.pem"
        // `script` gives the command a terminal of its own.
        let terminal = try runTool(["env", "RECTIFY_DB=\(cli.database)", "RECTIFY_ACTOR=admin", "script", "-qec",
                                    "cd \"\(cli.folder.path)\" && \(export)", "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.output)")
        #expect(terminal.output.contains("\r\u{1B}[K导出中 / exporting: "), "\(terminal.output.prefix(400))")
        #expect(terminal.output.contains("/秒 per s") && terminal.output.contains("约剩"))
        #expect(terminal.output.contains("\r\u{1B}[K已导出 / exported: "), "the line is cleared before the summary")
        let piped = try cli.run("export", "campaign", "gas-2026", "--out", "pipe", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        let lines = piped.stderr.split(separator: "\n").filter { $0.hasPrefix("导出中 / exporting: ") }
        #expect((2...11).contains(lines.count) && lines.last?.hasSuffix("(100%)") == true, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\u{1B}"))
        // verify counts the events and the rows it has checked.
        let verified = try cli.run("verify")
        let total = (Int(try cli.sqlite("SELECT count(*) FROM event")) ?? 0)
        #expect(verified.status == 0 && verified.stderr.contains("校验中 / verifying: ") && verified.stderr.contains("(100%)"), "\(verified.stderr)")
        #expect(verified.stdout.contains("\(total) 个事件 events"))
    }

    @Test("a register of thousands of rows shows the rows written; a small one does not")
    func registerProgress() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let big = cli.folder.appendingPathComponent("big.csv").path
        try CLI.writeRegister(5_000, at: big)
        let imported = try cli.run("unit", "import", big)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("写入中 / writing: 5000/5000 (100%)") && imported.stderr.contains("写入中 / writing: 1000/5000"),
                "\(imported.stderr)")
        // Written with the search index rebuilt once at the end: it finds the units all the same.
        #expect(try cli.run("unit", "find", "饭店4321").stdout.contains("通盛大道4321号"))
        #expect(try cli.sqlite("SELECT deferred FROM unitSearchControl") == "0")
        let small = cli.folder.appendingPathComponent("small.csv").path
        try CLI.writeRegister(30, at: small)
        #expect(!(try cli.run("unit", "import", small).stderr.contains("写入中")))
        // A small register into a large one is indexed row by row, as it is written; an edit too.
        try cli.runSteps([["unit", "edit", "91320671000000029P", "--name", "东方红饭庄"]])
        #expect(try cli.run("unit", "find", "东方红饭").stdout.contains("91320671000000029P"))
        #expect(try cli.run("verify").status == 0)
    }

    @Test("an import of many files lists only what needs attention, and sums up the rest")
    func importSummed() throws {
        let district = try CLI()
        try district.runSteps([["demo", "--units", "300"], ["keys", "generate", "--out", "keys"],
                               ["export", "campaign", "gas-2026", "--out", "filing", "--key", "keys/signing-key.pem",
                                "--cert", "keys/signing-cert.pem"]])
        let superior = try CLI()
        try superior.runSteps([["init"], ["agency", "set", "--name", "南通市应急管理局", "--abbreviation", "通应", "--division-code", "320600"],
                               ["keys", "generate", "--out", "keys"],
                               ["trust", "add", district.folder.appendingPathComponent("keys/signing-cert.pem").path, "--agency", "320671"]])
        let imported = try superior.run("import", district.folder.appendingPathComponent("filing").path,
                                        "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(imported.status == 0, "\(imported.stderr)")
        let cases = Int(try superior.sqlite("SELECT count(*) FROM filedCase")) ?? 0
        #expect(cases > 20)
        #expect(!imported.stdout.contains("已导入 / imported:"), "\(imported.stdout.prefix(400))")
        #expect(imported.stdout.contains("合计 / total: 新导入 new \(cases)"))
        #expect(imported.stderr.contains("导入中 / importing: \(cases)/\(cases) (100%)"), "\(imported.stderr)")
        let each = try superior.run("import", district.folder.appendingPathComponent("filing").path, "--each",
                                    "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(each.stdout.components(separatedBy: "无变化（同一文件） / unchanged:").count - 1 == cases)
    }
}
