import Foundation
import RectifyCore
import Testing

@Suite("rectify binary end to end", .serialized)
struct EndToEndTests {
    @Test("a district set up from the command line runs a case from opening to closing")
    func fullWorkflow() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let units = try cli.run("unit", "list", "--json")
        #expect(units.status == 0)
        let list = (try JSONSerialization.jsonObject(with: Data(units.stdout.utf8)) as? [String: Any])?["units"] as? [[String: Any]]
        #expect(list?.count == 4)
        #expect(list?.contains { $0["name"] as? String == "𠮷祥便利店" } == true)

        let steps: [[String]] = [
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-04-20"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on", "2026-04-20",
             "--deadline", "2026-05-20", "--listed", "--supervising-body", "开发区安委办"],
            ["plan", "add", "gas-2026-0001", "--kind", "整改方案", "--hazard", "1", "--measures", "安装报警器", "--responsible", "店主",
             "--funds", "3000", "--deadline", "2026-05-15", "--contingency", "关阀停用", "--on", "2026-04-21"],
            ["selfcheck", "add", "gas-2026-0001", "--by", "店主", "--findings", "未装报警器", "--pledge", "按期整改",
             "--item", "RQ01=fail", "--item", "RQ02=pass", "--on", "2026-04-22"],
            ["hazard", "rectify", "gas-2026-0001/1", "--measures", "已安装", "--on", "2026-05-01"],
            ["recheck", "add", "gas-2026-0001", "--officer", officerA, "--officer", officerB, "--opinion", "整改到位",
             "--verdict", "1=fixed", "--on", "2026-05-03"],
            ["case", "close", "gas-2026-0001", "--on", "2026-05-04"],
        ]
        for step in steps {
            let result = try cli.run(step, actor: officerA)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.stderr)")
        }
        let show = try cli.run("case", "show", "gas-2026-0001", "--json")
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(detail["state"] as? String == "closed" && detail["stateLabel"] as? String == "已结档")
        let documents = detail["documents"] as? [[String: Any]]
        #expect(documents?.compactMap { $0["number"] as? String } == ["（通开）应急责改〔2026〕1号", "（通开）应急复查〔2026〕1号"])
        let text = try cli.run("case", "show", "gas-2026-0001")
        #expect(text.stdout.contains("重大·挂牌督办"))
        #expect(text.stdout.contains("复查通过"))
        let verify = try cli.run("verify")
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("审计链完好"))
        let actors = try cli.sqlite("SELECT DISTINCT actor FROM event ORDER BY actor")
        #expect(actors == "32067100001\nadmin")
    }

    @Test("a refused import, a refused command and an illegal transition leave the database byte for byte unchanged")
    func refusalsLeaveBytes() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        let before = cli.databaseDigest()
        let bad = cli.folder.appendingPathComponent("bad.csv")
        try "统一社会信用代码,单位名称,街道,网格,类别,行业主管部门\n914403001922038216,好单位,竹行街道,竹行社区网格,规上企业,安监局\n91310115MA1H8R7C6D,坏单位,竹行街道,竹行社区网格,规上企业,安监局\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refusedImport = try cli.run("unit", "import", bad.path)
        #expect(refusedImport.status == 1)
        #expect(refusedImport.stderr.contains("第3行"))
        #expect(refusedImport.stderr.contains("row 3"))
        #expect(cli.databaseDigest() == before)

        let oneOfficer = try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", shop, "--officer", officerA], actor: officerA)
        #expect(oneOfficer.status == 1)
        #expect(oneOfficer.stderr.contains("TWO-OFFICERS"))
        #expect(cli.databaseDigest() == before)

        let illegal = try cli.run(["case", "close", "gas-2026-0001"], actor: officerA)
        #expect(illegal.status == 1)
        #expect(illegal.stderr.contains("CLOSE-AFTER-ACCEPTANCE"))
        #expect(!illegal.stderr.contains("Fatal") && !illegal.stderr.contains("Stack"))
        #expect(cli.databaseDigest() == before)
    }

    @Test("verify names the event an UPDATE made with the sqlite3 tool contradicts")
    func tamperCaught() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        #expect(try cli.run("verify").status == 0)
        let seq = try cli.sqlite("SELECT max(seq) FROM event WHERE entity = 'unit' AND entityId = 2")
        _ = try cli.sqlite("UPDATE unit SET name = '被篡改的名称' WHERE id = 2")
        let verify = try cli.run("verify")
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("第\(seq)号事件"))
        #expect(verify.stderr.contains("event \(seq)"))
    }

    @Test("usage errors exit 2, refused input 1, and --db may come before the command")
    func exitCodes() throws {
        let cli = try CLI()
        #expect(try cli.run("case", "open", "--campaign").status == 2)
        #expect(try cli.run("no-such-command").status == 2)
        #expect(try cli.run("unit", "list").status == 1) // no database yet
        #expect(try cli.run("--db", cli.database, "init").status == 0)
        let badDate = try cli.run("campaign", "create", "--code", "x-2026", "--kind", "gas", "--title", "t", "--plan-number", "p",
                                  "--lead", "安监局", "--starts", "2026-02-30", "--ends", "2026-03-01")
        #expect(badDate.status == 1)
        #expect(badDate.stderr.contains("开始日期") && badDate.stderr.contains("start"))
        let noActor = try cli.run(["department", "add", "安监局"], actor: nil)
        #expect(noActor.status == 1)
        #expect(noActor.stderr.contains("RECTIFY_ACTOR"))
    }

    @Test("two processes writing at once never get the same document serial")
    func concurrentProcesses() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        for (uscc, number) in [(restaurant, "gas-2026-0001"), (shop, "gas-2026-0002")] {
            let opened = try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", uscc, "--officer", officerA,
                                      "--officer", officerB, "--on", "2026-04-20"], actor: officerA)
            #expect(opened.stdout.contains(number))
        }
        let perProcess = 12
        let statuses = try [("gas-2026-0001", 0), ("gas-2026-0002", 1)].map { number, index in
            // Each background writer adds hazards one process at a time, while the other does the same.
            let script = (0..<perProcess).map { _ in
                "\"\(CLI.executable.path)\" hazard add \(number) --item RQ03 --description 软管 --found-on 2026-04-20 --deadline 2026-05-20 || exit 1"
            }.joined(separator: "\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            var environment = ProcessInfo.processInfo.environment
            environment["RECTIFY_DB"] = cli.database
            environment["RECTIFY_ACTOR"] = index == 0 ? officerA : officerB
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }.map { process in
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(statuses == [0, 0])
        let serials = try cli.sqlite("SELECT group_concat(serial) FROM (SELECT serial FROM document WHERE code = '应急责改' ORDER BY serial)")
        #expect(serials == (1...(2 * perProcess)).map(String.init).joined(separator: ","))
        #expect(try cli.run("verify").status == 0)
    }
}

@Suite("rectify binary: calendar, rules and overdue")
struct DeadlineCommandTests {
    @Test("case show --json carries each deadline's explanation; overdue and rules answer from the binary")
    func deadlinesFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        for step in [
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-09-16"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ03", "--description", "软管老化", "--found-on", "2026-09-16",
             "--deadline", "2026-09-21"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ08", "--description", "通风不良", "--found-on", "2026-09-16",
             "--deadline", "2026-12-28"],
        ] {
            #expect(try cli.run(step, actor: officerA).status == 0)
        }
        let show = try cli.run("case", "show", "gas-2026-0001", "--json", "--as-of", "2026-10-12")
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let hazard = try #require((detail["hazards"] as? [[String: Any]])?.first)
        let deadlines = try #require(hazard["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["name"] as? String } == ["整改期限", "复查期限"])
        // 09-21 + 10 days = 10-01, inside the National Day holiday: the re-check is due on 10-08.
        #expect(deadlines[1]["due"] as? String == "2026-10-08")
        #expect((deadlines[1]["explanation"] as? String)?.contains("顺延至2026年10月8日（参照《民事诉讼法》第85条") == true)
        let text = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-10-12")
        #expect(text.stdout.contains("复查期限2026年10月8日"))

        let overdue = try cli.run("overdue", "--as-of", "2026-10-12")
        #expect(overdue.status == 0)
        #expect(overdue.stdout.contains("逾期 2 项"))
        // The second hazard's re-check window runs into 2027, which has no schedule yet: provisional, with its range
        // and the reason, not guessed.
        let provisional = try cli.run("overdue", "--as-of", "2027-01-10")
        #expect(provisional.stdout.contains("暂定") && provisional.stdout.contains("2027年节假日安排未录入"), "\(provisional.stdout)")
        #expect(try cli.run("calendar", "add", "2027", "--holiday", "1-1", "--source", "国务院办公厅通知").status == 0)
        let after = try cli.run("overdue", "--as-of", "2027-01-10")
        #expect(!after.stdout.contains("无法计算") && !after.stdout.contains("暂定"))
        #expect(after.stdout.contains("逾期 4 项"))
        #expect(try cli.run("calendar", "add", "2027", "--holiday", "1-1", "--source", "重复").status == 1)
        let rules = try cli.run("rules", "add", "--key", "decision-deadline", "--value", "30", "--unit", "days",
                                "--from", "2026-02-01", "--source", "应急管理部令第18号")
        #expect(rules.status == 0)
        #expect(try cli.run("rules", "list", "--as-of", "2026-03-01").stdout.contains("应急管理部令第18号（新增）"))
        #expect(try cli.run("verify").status == 0)
    }
}

@Suite("rectify binary: penalty procedure")
struct PenaltyCommandTests {
    @Test("refusals exit 1 and leave the bytes; the procedure runs to payment and lint reports gaps")
    func penaltyFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        for step in [
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-04-20"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on", "2026-04-20",
             "--deadline", "2026-05-20"],
            ["penalty", "file", "gas-2026-0001", "--on", "2026-06-01", "--officer", officerA, "--officer", officerB,
             "--violation", "AQ99-8", "--facts", "未安装可燃气体报警装置", "--violation-on", "2026-05-21", "--hazard", "1"],
        ] {
            let result = try cli.run(step, actor: officerA)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.stderr)")
        }
        let before = cli.databaseDigest()
        let early = try cli.run(["penalty", "decide", "gas-2026-0001", "--on", "2026-06-02", "--fine", "20000"], actor: officerA)
        #expect(early.status == 1 && early.stderr.contains("DECISION-AFTER-NOTICE"))
        let summary = try cli.run(["penalty", "summary", "gas-2026-0002", "--officer", officerA, "--officer", officerB,
                                   "--violation", "AQ99-8", "--facts", "x", "--fine", "5000"], actor: officerA)
        #expect(summary.status == 1)
        #expect(cli.databaseDigest() == before)

        for step in [
            ["penalty", "notify", "gas-2026-0001", "--on", "2026-06-03", "--fine", "20000"],
            ["penalty", "defence", "gas-2026-0001", "--on", "2026-06-04", "--waive"],
            ["penalty", "decide", "gas-2026-0001", "--on", "2026-06-05", "--fine", "20000"],
            ["penalty", "serve", "gas-2026-0001", "--on", "2026-06-08", "--method", "直接送达"],
        ] {
            let result = try cli.run(step, actor: officerA)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.stderr)")
        }
        let show = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-06-30")
        #expect(show.stdout.contains("缴款期限2026年6月23日"))
        #expect(show.stdout.contains("加处罚款 4,200.00元")) // 7 days × 3 % × 20,000
        let wrong = try cli.run(["penalty", "pay", "gas-2026-0001", "--on", "2026-06-30", "--amount", "20000"], actor: officerA)
        #expect(wrong.status == 1 && wrong.stderr.contains("24,200.00元"))
        #expect(try cli.run(["penalty", "pay", "gas-2026-0001", "--on", "2026-06-30", "--amount", "24200.00"], actor: officerA).status == 0)
        let lint = try cli.run("case", "lint", "gas-2026-0001", "--as-of", "2026-07-01")
        #expect(lint.stdout.contains("PENALTY-CLOSE-PENDING") && lint.stdout.contains("PAYMENT-OVERDUE"))
        #expect(try cli.run("verify").status == 0)
    }
}

@Suite("rectify binary: keys, export and validate")
struct FilingCommandTests {
    @Test("keys generate, export case, validate; a refused export without a key; a tampered file fails validate")
    func filingFromTheBinary() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let unsigned = try cli.run("export", "case", "gas-2026-0001")
        #expect(unsigned.status == 1 && unsigned.stderr.contains("SIGNING-KEY-REQUIRED"))
        let export = try cli.run("export", "case", "gas-2026-0001", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(export.status == 0, "\(export.stderr)")
        let file = cli.folder.appendingPathComponent("Exports/gas-2026/gas-2026-0001.xml").path
        #expect(FileManager.default.fileExists(atPath: file))
        let valid = try cli.run("validate", file, "--trust", "keys/signing-cert.pem")
        #expect(valid.status == 0 && valid.stdout.contains("通过"))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let tampered = cli.folder.appendingPathComponent("tampered.xml").path
        try text.replacingOccurrences(of: "乙记面馆", with: "丁记面馆").write(toFile: tampered, atomically: true, encoding: .utf8)
        let invalid = try cli.run("validate", file, tampered, "--trust", "keys/signing-cert.pem")
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("tampered.xml") && invalid.stdout.contains("does not verify"))
    }
}

extension FilingCommandTests {
    @Test("import at the superior from the binary: imported, then unchanged; a tampered file refused with the bytes unchanged")
    func importFromTheBinary() throws {
        let district = try CLI()
        try district.setUpDistrict()
        #expect(try district.run(["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA,
                                  "--officer", officerB, "--on", "2026-04-20"], actor: officerA).status == 0)
        #expect(try district.run("keys", "generate", "--out", "keys").status == 0)
        #expect(try district.run("export", "campaign", "gas-2026", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem").status == 0)
        let folder = district.folder.appendingPathComponent("Exports/gas-2026").path
        let cert = district.folder.appendingPathComponent("keys/signing-cert.pem").path
        let superior = try CLI()
        #expect(try superior.run("init").status == 0)
        #expect(try superior.run("keys", "generate", "--out", "superior-keys").status == 1)   // no agency set up yet: refused
        #expect(try superior.run(["trust", "add", cert, "--agency", "320671"], actor: "上级").status == 0)
        let receiptKey = ["--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem"].map {
            $0.hasPrefix("keys/") ? district.folder.appendingPathComponent($0).path : $0
        }
        // A case file outside its manifest is accepted only with --loose.
        let alone = try superior.run(["import", folder + "/gas-2026-0001.xml", "--receipt", "r0.xml"] + receiptKey, actor: "上级")
        #expect(alone.status == 1 && alone.stdout.contains("--loose"))
        let first = try superior.run(["import", folder + "/manifest.xml", "--receipt", "r1.xml"] + receiptKey, actor: "上级")
        #expect(first.status == 0 && first.stdout.contains("new") && first.stdout.contains("manifest-checked"), "\(first.stdout)")
        #expect(FileManager.default.fileExists(atPath: superior.folder.appendingPathComponent("r1.xml").path))
        #expect(try superior.run(["import", folder + "/gas-2026-0001.xml", "--loose", "--receipt", "r2.xml"] + receiptKey,
                                 actor: "上级").stdout.contains("unchanged"))
        let before = superior.databaseDigest()
        let tampered = superior.folder.appendingPathComponent("tampered.xml").path
        try String(contentsOfFile: folder + "/gas-2026-0001.xml", encoding: .utf8).replacingOccurrences(of: "乙记", with: "丙记")
            .write(toFile: tampered, atomically: true, encoding: .utf8)
        let refused = try superior.run(["import", tampered, "--loose", "--receipt", "r3.xml"] + receiptKey, actor: "上级")
        #expect(refused.status == 1 && refused.stdout.contains("refused"))
        #expect(superior.databaseDigest() == before)
        #expect(try superior.run("verify").status == 0)
        // A folder is a whole filing: manifest first, then every file it lists, all already held.
        let again = try superior.run(["import", folder, "--receipt", "r4.xml"] + receiptKey, actor: "上级")
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout.contains("unchanged") && again.stdout.contains("manifest-part-0001.xml"))
        // The receipt validates for the district with its own certificate (the superior here signs with the same test key).
        let receipt = superior.folder.appendingPathComponent("r4.xml").path
        #expect(try superior.run(["validate", receipt, "--trust", cert]).status == 0)
        let validated = try superior.run(["validate", folder, "--trust", cert])
        #expect(validated.status == 0 && validated.stdout.components(separatedBy: "通过 / valid").count == 4)
    }
}
