import ArgumentParser
import Foundation
import RectifyKit

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "装入演示辖区 / load the demo district (deterministic for a seed).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "单位总数 / number of units (default: the seed's register, 1840)") var units: Int?
    @Option(help: "随机种子 / seed") var seed: UInt64 = 2018
    @Flag(help: "替换已有数据库（新库建成后才替换）/ replace an existing database (once the new one is complete)") var replace = false
    @Flag(help: "同时建演示账户（如 serve --demo）/ add the demo accounts too, as serve --demo does") var accounts = false

    func run() throws {
        let line = ProgressLine("演示数据生成中 / building")
        let summary = try Rectify.buildDemo(atPath: global.path, units: units, seed: seed, replace: replace) { done, total in
            line.update(done, of: total)
        }
        line.finish()
        if accounts { _ = try global.open().addDemoAccounts() }
        if output.json { return try Output.json(summary) }
        print("演示辖区已生成 / demo district built: \(global.path)")
        print("\(summary.agency)（种子 seed \(summary.seed)，截至 as of \(summary.asOf)）")
        print("街道 streets: " + summary.streets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)家" }.joined(separator: "，"))
        print("单位 units: " + summary.categories.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: "，"))
        print("执法人员 officers: \(summary.officers)；执法文书 documents: \(summary.documents)；审计事件 events: \(summary.events)")
        print("")
        Output.table(
            ["专项整治", "范围单位", "已立档待自查", "已自查待复查", "已复查整改中", "整改已验收", "已结档", "隐患(重大)", "已销号", "逾期", "立案(移送)"],
            summary.campaigns.map { line in
                [line.code, String(line.unitsInScope)]
                    + ["已立档待自查", "已自查待复查", "已复查整改中", "整改已验收", "已结档"].map { String(line.cases[$0] ?? 0) }
                    + ["\(line.hazards)(\(line.majorHazards))", String(line.verified), String(line.overdue),
                       "\(line.penalties)(\(line.transferred))"]
            })
        print("")
        print("审计链头 chain head: \(summary.chainHead)")
    }
}
