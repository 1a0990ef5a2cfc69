import Foundation
import Testing

/// Output as Chinese users read it (issue 18): amounts with thousands separators and two decimals, rates with one
/// decimal, no dash of ambiguous width in a table, no English label in Chinese text.
@Suite("Output as Chinese users read it")
struct ChineseOutputTests {
    @Test("tables hold no ambiguous-width dash; rates have one decimal; amounts are grouped with two decimals")
    func tables() throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "120"]])
        let commands: [[String]] = [
            ["campaign", "list"], ["campaign", "show", "se-2026"], ["campaign", "progress", "se-2026", "--as-of", "2026-06-15"],
            ["campaign", "progress", "gas-2026", "--by", "street", "--as-of", "2026-09-30"], ["violation", "list"],
            ["rules", "list"], ["overdue", "--as-of", "2026-09-30"], ["unit", "list", "--limit", "5"],
            ["case", "list", "--campaign", "gas-2026"],
        ]
        var seen = ""
        for command in commands {
            let result = try cli.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!result.stdout.contains("—") && !result.stdout.contains("–"), "\(command.joined(separator: " ")): \(result.stdout.prefix(800))")
            #expect(!result.stdout.contains("[secondary]"), "\(command)")
            seen += result.stdout
        }
        let rates = seen.matches(of: /(\d+(?:\.\d+)?)%/).map { String($0.output.1) }
        #expect(!rates.isEmpty)
        // Every computed rate has one decimal; a target's own amount ("100%") is shown as it was set.
        let progress = try cli.run("campaign", "progress", "se-2026", "--as-of", "2026-06-15").stdout
        let computed = progress.split(separator: "\n").filter { !$0.hasPrefix("规上企业  完成并通过验收") && !$0.hasPrefix("规下企业  完成并通过验收") }
            .joined(separator: "\n")
        let computedRates = computed.matches(of: /(\d+(?:\.\d+)?)%/).map { String($0.output.1) }
        #expect(computedRates.count > 5)
        for rate in computedRates {
            #expect(rate.split(separator: ".").last?.count == 1 && rate.contains("."), "rate \(rate)% in the progress report")
        }
        #expect(progress.contains("完成率") && progress.range(of: #"\d\.\d%  +2026-06-30"#, options: .regularExpression) != nil)
        #expect(progress.range(of: #"\d{1,3}(,\d{3})*\.\d{2} "#, options: .regularExpression) != nil, "fines grouped: \(progress)")
        let violations = try cli.run("violation", "list").stdout
        #expect(violations.contains("50,000.00元至200,000.00元"), "\(violations.prefix(600))")
    }

    @Test("a penalty's amounts in case show are grouped, the fine with two decimals")
    func penaltyAmounts() throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "300"]])
        let number = try cli.sqlite("SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.fineYuan >= 1000 LIMIT 1")
        let shown = try cli.run("case", "show", number, "--as-of", "2026-09-30")
        #expect(shown.stdout.range(of: #"罚款 \d{1,3}(,\d{3})+\.\d{2}元"#, options: .regularExpression) != nil, "\(shown.stdout)")
    }
}
