import Foundation
import Testing

@Suite("rectify binary: usage errors and enumerated options")
struct UsageErrorTests {
    @Test("a wrong enumerated value, a decimal fine, a missing argument, an unknown option: exit 2, in Chinese and English, nothing written")
    func usageErrorsAreBilingual() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        let before = cli.databaseDigest()
        let cases: [([String], String)] = [
            (["case", "list", "--state", "bogus"], "选项 --state 的取值“bogus”不正确"),
            (["penalty", "decide", "gas-2026-0001", "--fine", "1500.50"], "选项 --fine 的取值“1500.50”不正确"),
            (["case", "show"], "缺少参数 <number>"),
            (["case", "list", "--bogus"], "没有选项 --bogus"),
            (["hazard", "add", "gas-2026-0001", "--level", "严重", "--description", "x", "--deadline", "2026-05-20"],
             "选项 --level 的取值“严重”不正确"),
        ]
        for (arguments, chinese) in cases {
            let result = try cli.run(arguments, actor: officerA)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("用法错误 / usage error") && result.stderr.contains(chinese)
                    && result.stderr.contains("Error:") && result.stderr.contains("see --help"), "\(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
        // Enumerated options list their values, by code and by Chinese name.
        let help = try cli.run("campaign", "create", "--help").stdout
        #expect(help.contains("special-equipment") && help.contains("特种设备"))
        #expect(try cli.run("keys", "generate", "--help").stdout.contains("ecdsa, rsa"))
        // Either spelling is accepted.
        #expect(try cli.run("case", "list", "--state", "已立档待自查").status == 0)
        #expect(try cli.run("case", "list", "--state", "opened").status == 0)
    }

    @Test("rules codes lists every code a refusal can name, with its source; a refusal's code is among them")
    func ruleCodes() throws {
        let cli = try CLI()
        let listed = try cli.run("rules", "codes", "--json")
        #expect(listed.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let codes = try #require(object["codes"] as? [[String: String]])
        #expect(codes.count > 90)
        #expect(codes.allSatisfy { !($0["label"] ?? "").isEmpty && !($0["source"] ?? "").isEmpty })
        #expect(codes.contains { $0["code"] == "HEARING-WINDOW" && $0["source"] == "《行政处罚法》第64条" })
        try cli.setUpDistrictWithCase()
        let refused = try cli.run(["penalty", "decide", "gas-2026-0001", "--fine", "100"], actor: officerA)
        let code = try #require(refused.stderr.firstMatch(of: /规则 ([A-Z0-9-]+)/).map { String($0.1) })
        #expect(codes.contains { $0["code"] == code })
        #expect(try cli.run("rules", "codes").stdout.contains("LIMITATION-PERIOD"))
    }
}
