import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "案件 / cases.", subcommands: [Open.self, List.self, Show.self, Lint.self, Close.self])

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: "为单位立档（两名执法人员）/ open a case (two officers).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "专项整治代码 / campaign code") var campaign: String
        @Option(help: "单位统一社会信用代码或唯一的单位名称 / unit USCC, or a name that identifies one unit") var unit: String
        @OptionGroup var officers: OfficerPairOption
        @Option(help: "立档日期 / date (default today)") var on: String?

        func run() throws {
            let opened = try global.open().openCase(
                campaign: campaign, uscc: unit, officers: officers.credentials,
                on: try Output.date(on, "立档日期", "opening date"), actor: actor.name)
            print("已立档 / opened: \(opened.number)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListOutputOptions
        @Option(help: "专项整治代码 / campaign code") var campaign: String?
        @Option(help: "状态 / state") var state: CaseState?
        @Option(help: "执法人员执法证号：该人员的案件，期限最近的在前 / an officer's cases, the soonest deadline first") var officer: String?
        @Option(help: "逾期计算日期 / count overdue as of this date") var asOf: String?

        func run() throws {
            let day = try Output.date(asOf, "计算日期", "as-of date")
            let cases = try global.openForReading().cases(campaign: campaign, state: state, officer: officer, asOf: day)
            if output.json { return try Output.json(cases, as: "cases") }
            if try output.spreadsheet(ListSheets.cases(cases, asOf: day ?? LocalDate(Date()))) { return }
            Output.table(["案件", "单位", "街道", "状态", "立档", "隐患", "未销号", "逾期", "最近期限"],
                         cases.map { [$0.number, $0.unit, $0.street, $0.state.chinese, "\($0.openedOn)", String($0.hazards),
                                      String($0.openHazards), String($0.overdueHazards), $0.nextDeadline.map { "\($0)" } ?? ""] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "案件编号 / case number") var number: String
        @Option(help: "逾期计算日期 / count overdue as of this date") var asOf: String?

        func run() throws {
            let detail = try global.openForReading().caseDetail(number: number, asOf: try Output.date(asOf, "计算日期", "as-of date"))
            if output.json { return try Output.json(detail) }
            CaseReport.print(detail)
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "lint", abstract: "报送前检查案卷缺漏 / every gap before filing, with its rule.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "案件编号 / case number") var number: String
        @Option(help: "检查日期 / as of this date") var asOf: String?

        func run() throws {
            let report = try global.openForReading().lint(number: number, asOf: try Output.date(asOf, "检查日期", "as-of date"))
            if output.json { return try Output.json(report) }
            guard !report.isClean else { return print("案卷无缺漏 / no gaps (\(report.asOf))") }
            print("案卷缺漏 \(report.findings.count) 项（截至 \(report.asOf)）/ gaps")
            Output.table(["规则", "对象", "问题"], report.findings.map { [$0.rule, $0.reference, $0.chinese] })
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "结档（全部隐患已销号或转处罚）/ close a case.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var number: String
        @Option(help: "结档日期 / date (default today)") var on: String?

        func run() throws {
            let closed = try global.open().closeCase(number: number, on: try Output.date(on, "结档日期", "closing date"),
                                                     actor: actor.name)
            print("已结档 / closed: \(closed.number)（\(closed.closedOn!)）")
        }
    }
}
