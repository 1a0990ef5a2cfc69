import Foundation
import RectifyCore
import RectifyTestSupport
import Testing

@Suite("campaign progress and export report from the binary")
struct ProgressCommandTests {
    func districtWithACase() throws -> CLI {
        let cli = try CLI()
        try cli.setUpDistrict()
        for step in [
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA, "--officer", officerB, "--on", "2026-04-20"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--description", "未装报警器", "--found-on", "2026-04-20",
             "--deadline", "2026-05-20"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ03", "--description", "软管老化", "--found-on", "2026-04-20",
             "--deadline", "2026-05-05"],
            ["hazard", "rectify", "gas-2026-0001/2", "--measures", "已更换", "--on", "2026-04-25"],
        ] {
            let result = try cli.run(step, actor: officerA)
            guard result.status == 0 else { throw CLI.SetupFailed(step: step, result: result) }
        }
        return cli
    }

    @Test("--csv is UTF-8 with a BOM and CRLF that Excel opens; --json carries the same numbers; the table aligns Chinese")
    func csvJsonAndTable() throws {
        let cli = try districtWithACase()
        let csv = try cli.run("campaign", "progress", "gas-2026", "--by", "street", "--as-of", "2026-05-10", "--csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(Array(csv.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = csv.stdout.dropFirst().components(separatedBy: "\r\n")
        // The campaign, the date and the breakdown are columns of every row (issue 18), not a title row.
        #expect(lines.first?.hasPrefix("专项整治,截至日期,分组,名称,范围单位,立档,完成自查,完成复查,通过验收,结档,检查家次,出动人次,执法文书,一般隐患,一般已整改,一般整改率") == true)
        // 合计, 竹行街道, 小海街道, and the empty string after the last CRLF.
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[1].hasPrefix("gas-2026,2026-05-10,街道,合计,"))
        #expect(lines.contains { $0.hasPrefix("gas-2026,2026-05-10,街道,小海街道,") })

        let json = try cli.run("campaign", "progress", "gas-2026", "--as-of", "2026-05-10", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["casesOpened"] as? Int == 1)
        // The register was written today; the restaurant counts from its case's opening, the shop not yet.
        #expect(total["unitsInScope"] as? Int == 1)
        #expect(total["foundGeneral"] as? Int == 1 && total["foundMajor"] as? Int == 1)
        #expect(total["rectifiedGeneral"] as? Int == 1 && total["rectificationRateGeneral"] as? Double == 100)
        #expect(total["overdueGeneral"] as? Int == 0 && total["rectificationRateMajor"] as? Double == 0)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.map { $0["statusLabel"] as? String } == ["有风险", "有风险"])

        let table = try cli.run("campaign", "progress", "gas-2026", "--as-of", "2026-05-10")
        let rows = table.stdout.split(separator: "\n").map(String.init)
        let header = try #require(rows.firstIndex { $0.hasPrefix("范围") })
        // Every column starts at the terminal cell where its dashes start, in the header and in the 合计 row,
        // counting a Chinese character as two cells.
        func cellStarts(_ line: String) -> [Int] {
            var starts: [Int] = [], cell = 0, previous: Character = " "
            for character in line {
                if character != " " && previous == " " { starts.append(cell) }
                cell += character.unicodeScalars.first!.value >= 0x2E80 ? 2 : 1
                previous = character
            }
            return starts
        }
        let rule = cellStarts(rows[header + 1])
        #expect(rule.count == 18)
        #expect(cellStarts(rows[header]) == rule)
        #expect(cellStarts(rows[header + 2]) == rule)

        let weekly = try cli.run("campaign", "progress", "gas-2026", "--series", "weekly", "--as-of", "2026-04-29", "--csv")
        #expect(weekly.stdout.dropFirst().components(separatedBy: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst().first }
                == ["2026-04-01", "2026-04-08", "2026-04-15", "2026-04-22", "2026-04-29"])
    }

    @Test("bad options are refused in Chinese and English, naming the field")
    func refusals() throws {
        let cli = try districtWithACase()
        let by = try cli.run("campaign", "progress", "gas-2026", "--by", "district")
        // An enumerated option: a usage error in both languages that lists the values.
        #expect(by.status == 2 && by.stderr.contains("选项 --by 的取值“district”不正确") && by.stderr.contains("street")
                && by.stderr.contains("usage error"))
        let day = try cli.run("campaign", "progress", "gas-2026", "--as-of", "2026-02-30")
        #expect(day.status == 1 && day.stderr.contains("统计截止日期") && day.stderr.contains("as-of date"))
        let series = try cli.run("campaign", "progress", "gas-2026", "--series", "daily")
        #expect(series.status == 2 && series.stderr.contains("weekly") && series.stderr.contains("选项 --series"))
        // A breakdown per week (issue 18): one row per week and street.
        let both = try cli.run("campaign", "progress", "gas-2026", "--series", "weekly", "--by", "street", "--as-of", "2026-04-15")
        #expect(both.status == 0 && both.stdout.contains("2026-04-08  竹行街道") && both.stdout.contains("2026-04-15  小海街道"), "\(both.stdout)")
        let missing = try cli.run("campaign", "progress", "nope")
        #expect(missing.status == 1 && missing.stderr.contains("nope"))
    }

    @Test("export report writes a signed report that xmllint, xmlsec1 and rectify validate accept")
    func exportReport() throws {
        let cli = try districtWithACase()
        let keys = cli.folder.appendingPathComponent("keys").path
        #expect(try cli.run("keys", "generate", "--out", keys).status == 0)
        let out = cli.folder.appendingPathComponent("out").path
        let export = try cli.run("export", "report", "gas-2026", "--as-of", "2026-05-10", "--out", out,
                                 "--key", keys + "/signing-key.pem", "--cert", keys + "/signing-cert.pem")
        #expect(export.status == 0, "\(export.stderr)")
        let file = out + "/gas-2026-report-2026-05-10.xml"
        let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Schemas").path
        let schema = schemas + "/rectify-campaign-report-v2.xsd"
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schema, file]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys + "/signing-cert.pem", file]).status == 0)
        let validate = try cli.run("validate", "--trust", keys + "/signing-cert.pem", "--schemas", schemas, file)
        #expect(validate.status == 0, "\(validate.stdout)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("<一般隐患>1</一般隐患>") && text.contains("<一般隐患整改率>100.00</一般隐患整改率>"))
    }
}
