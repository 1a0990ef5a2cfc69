import Foundation
import RectifyTestSupport
import Testing

@Suite("Clean input: control characters refused at every input, CR LF stored as LF, every field has a maximum")
struct CleanInputTests {
    func district() throws -> CLI {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        return cli
    }

    func addHazard(_ cli: CLI, description: String) throws -> CLI.Result {
        try cli.run(["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", description, "--found-on", "2026-04-20",
                     "--deadline", "2026-05-20"], actor: officerA)
    }

    @Test("a hazard description with a control character or over 4,000 characters is refused, naming the field; nothing written")
    func refusedArguments() throws {
        let cli = try district()
        let before = cli.databaseDigest()
        for (text, reason) in [("a\u{01}b", "U+0001"), ("a\u{1B}[2Jb", "U+001B"), ("a\u{85}b", "U+0085"), ("a\rb", "U+000D"),
                               (String(repeating: "隐", count: 4_001), "over the limit of 4000")] {
            let result = try addHazard(cli, description: text)
            #expect(result.status == 1)
            #expect(result.stderr.contains("隐患描述") && result.stderr.contains("hazard.description") && result.stderr.contains(reason),
                    "\(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
    }

    @Test("CR LF is stored as LF; a tab and a line feed are kept; the campaign exports")
    func lineEndings() throws {
        let cli = try district()
        #expect(try addHazard(cli, description: "第一行\r\n第二行\t完").status == 0)
        #expect(try cli.sqlite("SELECT hex(description) FROM hazard") == Data("第一行\n第二行\t完".utf8).map { String(format: "%02X", $0) }.joined())
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let export = try cli.run("export", "campaign", "gas-2026", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(export.status == 0, "\(export.stderr)")
    }

    @Test("a register with a control character or a NUL in a cell is refused with its row and column; nothing imported")
    func registerCells() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let before = cli.databaseDigest()
        let header = "统一社会信用代码,单位名称,街道,网格,类别,行业主管部门\n"
        let file = cli.folder.appendingPathComponent("bad.csv").path
        try Data((header + "91320671MA1000001X,丙记\u{01}小吃,竹行街道,竹行社区网格,餐饮场所,安监局\n"
                  + "91320671MA1000002X,丁记\u{0}面馆,竹行街道,竹行社区网格,餐饮场所,安监局\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try cli.run("unit", "import", file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("row 2, column '单位名称'") && result.stderr.contains("U+0001"), "\(result.stderr)")
        #expect(result.stderr.contains("row 3, column '单位名称'") && result.stderr.contains("U+0000"), "\(result.stderr)")
        #expect(cli.databaseDigest() == before)
    }

    @Test("unit edit corrects a mistyped name, audited; a bad phone, an empty name or a control character is refused unchanged")
    func unitEdit() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let before = cli.databaseDigest()
        for (arguments, reason) in [(["--phone", "abc"], "phone"), (["--name", " "], "must not be empty"),
                                    (["--name", "乙\u{7F}记"], "U+007F"), ([], "no field to correct")] {
            let result = try cli.run(["unit", "edit", restaurant] + arguments)
            #expect(result.status == 1 && result.stderr.contains(reason), "\(arguments): \(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
        let edited = try cli.run("unit", "edit", restaurant, "--name", "乙记面馆（分店）", "--phone", "")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try cli.sqlite("SELECT name || '|' || ifnull(phone, 'null') FROM unit WHERE uscc = '\(restaurant)'") == "乙记面馆（分店）|null")
        #expect(try cli.sqlite("SELECT count(*) FROM event WHERE action = 'unit.edit'") == "1")
        #expect(try cli.run("verify").status == 0)
    }

    @Test("hazard edit: the description in the issued order is refused naming it; the supervising body and the reported measures are corrected, audited")
    func hazardEdit() throws {
        let cli = try district()
        let listed = try cli.run(["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on",
                                  "2026-04-20", "--deadline", "2026-05-20", "--listed", "--supervising-body", "开发区安委"], actor: officerA)
        #expect(listed.status == 0)
        let before = cli.databaseDigest()
        let inOrder = try cli.run(["hazard", "edit", "gas-2026-0001/1", "--description", "未装燃气报警器"], actor: officerA)
        let early = try cli.run(["hazard", "edit", "gas-2026-0001/1", "--measures", "已安装"], actor: officerA)
        #expect(early.status == 1 && early.stderr.contains("HAZARD-MEASURES-NOT-OPEN"))
        let nothing = try cli.run(["hazard", "edit", "gas-2026-0001/1"], actor: officerA)
        #expect(nothing.stderr.contains("HAZARD-EDIT-NOTHING"), "\(nothing.stderr)")
        #expect(cli.databaseDigest() == before)
        // Read with the sqlite3 tool only now: closing the last connection checkpoints the WAL, which changes the files.
        let order = try cli.sqlite("SELECT number FROM document WHERE kind = 'rectification-order'")
        #expect(inOrder.status == 1 && inOrder.stderr.contains("HAZARD-IN-ISSUED-ORDER") && inOrder.stderr.contains(order), "\(inOrder.stderr)")
        let body = try cli.run(["hazard", "edit", "gas-2026-0001/1", "--supervising-body", "开发区安委办"], actor: officerA)
        #expect(body.status == 0, "\(body.stderr)")
        #expect(try cli.run(["hazard", "rectify", "gas-2026-0001/1", "--measures", "已安装报瞥器", "--on", "2026-04-25"], actor: officerA).status == 0)
        #expect(try cli.run(["hazard", "edit", "gas-2026-0001/1", "--measures", "已安装报警器"], actor: officerA).status == 0)
        #expect(try cli.sqlite("SELECT supervisingBody || '|' || claimMeasures FROM hazard") == "开发区安委办|已安装报警器")
        #expect(try cli.sqlite("SELECT count(*) FROM event WHERE action = 'hazard.edit'") == "2")
        #expect(try cli.run("verify").status == 0)
    }
}
