import Foundation
import RectifyCore
import Testing

@Suite("rectify binary: legal gaps")
struct LegalGapCommandTests {
    /// The fixture restaurant's case with an AQ99-8 penalty filed, a 20,000 yuan fine notified and the defence waived.
    func notifiedWithDefenceWaived(_ cli: CLI, opened: String, filed: String, violation: String, notified: String,
                                   waived: String) throws {
        try cli.runSteps([
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", opened],
            ["penalty", "file", "gas-2026-0001", "--on", filed, "--officer", officerA, "--officer", officerB,
             "--violation", "AQ99-8", "--facts", "未安装可燃气体报警装置", "--violation-on", violation],
            ["penalty", "notify", "gas-2026-0001", "--on", notified, "--fine", "20000"],
            ["penalty", "defence", "gas-2026-0001", "--on", waived, "--waive"],
        ], actor: officerA)
    }

    @Test("a decision inside the hearing window is refused naming the rule; waive-hearing lets it through; bytes unchanged")
    func hearingWindowFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try cli.runSteps([
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-04-20"],
            ["penalty", "file", "gas-2026-0001", "--on", "2026-06-01", "--officer", officerA, "--officer", officerB,
             "--violation", "AQ99-8R", "--facts", "未安装可燃气体报警装置", "--violation-on", "2026-05-21"],
            ["penalty", "notify", "gas-2026-0001", "--on", "2026-06-03", "--fine", "60000"],
            ["penalty", "defence", "gas-2026-0001", "--on", "2026-06-04", "--waive"],
            ["penalty", "review", "gas-2026-0001", "--on", "2026-06-04", "--reviewer", "法制科 王审核"],
            ["penalty", "discuss", "gas-2026-0001", "--on", "2026-06-05"],
        ], actor: officerA)
        let before = cli.databaseDigest()
        let early = try cli.run(["penalty", "decide", "gas-2026-0001", "--on", "2026-06-08", "--fine", "60000"], actor: officerA)
        #expect(early.status == 1)
        #expect(early.stderr.contains("HEARING-WINDOW") && early.stderr.contains("第64条") && early.stderr.contains("art. 64"))
        #expect(cli.databaseDigest() == before)
        let waived = try cli.run(["penalty", "waive-hearing", "gas-2026-0001", "--on", "2026-06-05", "--statement", "当事人书面放弃听证"],
                                 actor: officerA)
        #expect(waived.status == 0 && waived.stdout.contains("2026-06-05"), "\(waived.stderr)")
        #expect(try cli.run(["penalty", "decide", "gas-2026-0001", "--on", "2026-06-08", "--fine", "60000"], actor: officerA).status == 0)
        #expect(try cli.run("verify").status == 0)
        // The waiver is filed with the case (the export validates against the published schema before signing).
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        #expect(try cli.run("export", "case", "gas-2026-0001", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem").status == 0)
        let filed = try String(contentsOfFile: cli.folder.appendingPathComponent("Exports/gas-2026/gas-2026-0001.xml").path, encoding: .utf8)
        #expect(filed.contains("<放弃听证日期>2026-06-05</放弃听证日期>"))
    }

    @Test("an act dated after today is refused by every command that takes a date, and writes nothing")
    func futureActsFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let tomorrow = LocalDate(Date()).adding(days: 1).description
        #expect(try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA,
                             "--officer", officerB, "--on", "2026-04-20"], actor: officerA).status == 0)
        let before = cli.databaseDigest()
        for step in [
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", tomorrow],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on", tomorrow,
             "--deadline", "2099-01-01"],
            ["penalty", "file", "gas-2026-0001", "--on", tomorrow, "--officer", officerA, "--officer", officerB,
             "--violation", "AQ99-8", "--facts", "x", "--violation-on", "2026-05-21"],
        ] {
            let result = try cli.run(step, actor: officerA)
            #expect(result.status == 1, "\(step.joined(separator: " "))")
            #expect(result.stderr.contains("ACT-NOT-IN-FUTURE") && result.stderr.contains(tomorrow)
                    && result.stderr.contains("China time"), "\(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
    }

    @Test("case show, case list, overdue and lint agree: a hazard reported fixed in time is not overdue, its late re-check is")
    func oneOverdueRuleFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try cli.runSteps([
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-04-20"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on", "2026-04-20",
             "--deadline", "2026-05-20"],
            ["hazard", "rectify", "gas-2026-0001/1", "--on", "2026-05-10", "--measures", "已安装报警器"],
        ], actor: officerA)
        let show = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-05-25")
        let lines = show.stdout.split(separator: "\n")
        #expect(lines.contains { $0.contains("整改期限2026年5月20日") && !$0.contains("已逾期") })
        #expect(lines.contains { $0.contains("复查期限2026年5月20日") && $0.contains("（已逾期5天）") })
        let overdue = try cli.run("overdue", "--as-of", "2026-05-25")
        #expect(overdue.stdout.contains("逾期 1 项") && overdue.stdout.contains("逾期未复查") && !overdue.stdout.contains("隐患逾期未整改"))
        let list = try cli.run("case", "list", "--campaign", "gas-2026", "--as-of", "2026-05-25", "--json")
        #expect(list.stdout.contains("\"overdueHazards\" : 0") || list.stdout.contains("\"overdueHazards\":0"), "\(list.stdout)")
        let lint = try cli.run("case", "lint", "gas-2026-0001", "--as-of", "2026-05-25")
        #expect(lint.stdout.contains("RECHECK-OVERDUE") && !lint.stdout.contains("HAZARD-OVERDUE"))
    }

    @Test("penalty file judges the limitation on --discovered-on (default the case's opening), naming the rule; a refusal writes nothing")
    func limitationFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        #expect(try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA,
                             "--officer", officerB, "--on", "2026-04-20"], actor: officerA).status == 0)
        let file = ["penalty", "file", "gas-2026-0001", "--on", "2026-06-01", "--officer", officerA, "--officer", officerB,
                    "--violation", "AQ99-8", "--facts", "未安装可燃气体报警装置", "--violation-on", "2024-05-20"]
        let before = cli.databaseDigest()
        let late = try cli.run(file + ["--discovered-on", "2026-05-21"], actor: officerA)
        #expect(late.status == 1 && late.stderr.contains("LIMITATION-PERIOD") && late.stderr.contains("limitation period"))
        #expect(cli.databaseDigest() == before)
        let filed = try cli.run(file, actor: officerA)
        #expect(filed.status == 0, "\(filed.stderr)")
        #expect(try cli.run("verify").status == 0)
    }

    @Test("a decision deadline ending in a year without a schedule is shown as provisional and does not block a decision it cannot affect")
    func provisionalDeadlineFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try notifiedWithDefenceWaived(cli, opened: "2026-10-20", filed: "2026-11-16", violation: "2026-10-20", notified: "2026-11-20",
                                      waived: "2026-11-23")
        let show = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-12-07")
        #expect(show.stdout.contains("作出决定期限暂定2027年2月14日至2027年2月25日之间（2027年节假日安排未录入，录入后确定）"), "\(show.stdout)")
        let decided = try cli.run(["penalty", "decide", "gas-2026-0001", "--on", "2026-12-07", "--fine", "20000"], actor: officerA)
        #expect(decided.status == 0, "\(decided.stderr)")
    }

    @Test("officers of another department cannot file a special-equipment penalty; an individual's violation is not cited against an organisation")
    func whoMayActFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try cli.runSteps([
            ["department", "add", "消防大队"],
            ["officer", "add", "--credential", "32067100031", "--name", "赵六", "--department", "消防大队"],
            ["officer", "add", "--credential", "32067100032", "--name", "钱七", "--department", "消防大队"],
            ["campaign", "create", "--code", "se-2026", "--kind", "特种设备", "--title", "特种设备安全专项整治",
             "--plan-number", "通开安委办〔2026〕12号", "--lead", "市场监管局", "--partner", "安监局",
             "--starts", "2026-04-01", "--ends", "2026-10-31", "--category", "规上企业"],
        ])
        #expect(try cli.run(["case", "open", "--campaign", "se-2026", "--unit", "914403001922038216", "--officer", officerA,
                             "--officer", officerB, "--on", "2026-05-06"], actor: officerA).status == 0)
        #expect(try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA,
                             "--officer", officerB, "--on", "2026-04-20"], actor: officerA).status == 0)
        let before = cli.databaseDigest()
        let lent = try cli.run(["penalty", "file", "se-2026-0001", "--on", "2026-05-18", "--officer", "32067100031",
                                "--officer", "32067100032", "--violation", "TS83", "--facts", "未定期检验",
                                "--violation-on", "2026-05-06"], actor: "32067100031")
        #expect(lent.status == 1 && lent.stderr.contains("OFFICER-OF-AUTHORITY") && lent.stderr.contains("partner department"),
                "\(lent.stderr)")
        let party = try cli.run(["penalty", "file", "gas-2026-0001", "--on", "2026-06-01", "--officer", officerA,
                                 "--officer", officerB, "--violation", "RQ49-P", "--facts", "违规使用燃气设施",
                                 "--violation-on", "2026-05-21"], actor: officerA)
        #expect(party.status == 1 && party.stderr.contains("VIOLATION-PARTY") && party.stderr.contains("个人"), "\(party.stderr)")
        #expect(cli.databaseDigest() == before)
    }

    @Test("penalty extend-decision records the approval and its 应急延 document; a late one is refused and writes nothing")
    func decisionExtensionFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try notifiedWithDefenceWaived(cli, opened: "2026-04-20", filed: "2026-06-01", violation: "2026-05-21", notified: "2026-06-03",
                                      waived: "2026-06-04")
        let extend = ["penalty", "extend-decision", "gas-2026-0001", "--until", "2026-09-30", "--approver", "局长 周正",
                      "--reason", "案情复杂"]
        let before = cli.databaseDigest()
        let late = try cli.run(extend + ["--on", "2026-09-01"], actor: officerA)
        #expect(late.status == 1 && late.stderr.contains("DECISION-EXTENSION-IN-TIME") && late.stderr.contains("art. 60"))
        #expect(cli.databaseDigest() == before)
        #expect(try cli.run(extend + ["--on", "2026-08-20"], actor: officerA).status == 0)
        let decided = try cli.run(["penalty", "decide", "gas-2026-0001", "--on", "2026-09-10", "--fine", "20000"], actor: officerA)
        #expect(decided.status == 0, "\(decided.stderr)")
        let show = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-09-10")
        #expect(show.stdout.contains("（通开）应急延〔2026〕1号") && show.stdout.contains("延长办案期限审批表"))
        #expect(try cli.run("verify").status == 0)
        // The new document kind travels: the signed case file validates against the published schema and is imported
        // by a superior.
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let export = try cli.run("export", "case", "gas-2026-0001", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(export.status == 0, "\(export.stdout) \(export.stderr)")
        let file = cli.folder.appendingPathComponent("Exports/gas-2026/gas-2026-0001.xml").path
        let filed = try String(contentsOfFile: file, encoding: .utf8)
        #expect(filed.contains("延长办案期限审批表") && filed.contains("<延长至>2026-09-30</延长至>")
                && filed.contains("<批准人>局长 周正</批准人>") && filed.contains("<发现日期>2026-05-21</发现日期>"))
        let cert = cli.folder.appendingPathComponent("keys/signing-cert.pem").path
        let superior = try CLI()
        #expect(try superior.run("init").status == 0)
        #expect(try superior.run(["trust", "add", cert, "--agency", "320671"], actor: "上级").status == 0)
        let key = cli.folder.appendingPathComponent("keys/signing-key.pem").path
        let imported = try superior.run(["import", file, "--loose", "--receipt", "r.xml", "--key", key, "--cert", cert], actor: "上级")
        #expect(imported.status == 0 && imported.stdout.contains("new"), "\(imported.stdout)\(imported.stderr)")
    }
}
