import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "生产经营单位 / units.", subcommands: [Import.self, List.self, Find.self, Show.self, Edit.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "从CSV导入底数清单（UTF-8或GB18030；全部成功或全部不导入）/ import the register from CSV, all or nothing.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "CSV 文件 / file") var file: String

        func run() throws {
            // Only a register of thousands of rows is worth a progress line.
            let line = ProgressLine("写入中 / writing")
            let report = try global.open().importUnits(from: URL(fileURLWithPath: file), actor: actor.name) { done, total in
                if total > 2_000 { line.update(done, of: total) }
            }
            line.finish()
            if output.json { return try Output.json(report) }
            print("导入完成 / imported (\(report.encoding)): \(report.rows)行 rows，新增 created \(report.created)，"
                  + "更新 updated \(report.updated)，未变 unchanged \(report.unchanged)")
            if !report.ignoredColumns.isEmpty {
                print("未导入的列 / columns not imported: \(report.ignoredColumns.joined(separator: "、"))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListOutputOptions
        @Option(help: "街道 / street") var street: String?
        @Option(help: "类别 / category") var category: UnitCategory?
        @Option(help: "最多显示 / at most this many") var limit: Int?

        func run() throws {
            let units = try global.openForReading().units(street: street, category: category,
                                                          limit: limit)
            if output.json { return try Output.json(units, as: "units") }
            if try output.spreadsheet(ListSheets.units(units)) { return }
            Output.table(["统一社会信用代码", "单位名称", "类别", "街道", "网格", "行业主管部门"],
                         units.map { [$0.uscc, $0.name, $0.category.chinese, $0.street, $0.grid, $0.department] })
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "find",
            abstract: "按名称或地址的任意部分（三字以上）、名称开头或信用代码开头查找单位 / find units by any part of their name or address.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "名称、地址或信用代码的一部分 / part of a name, address or USCC") var text: String
        @Option(help: "最多显示 / at most this many") var limit = 20

        func run() throws {
            let units = try global.openForReading().findUnits(text, limit: limit)
            if output.json { return try Output.json(units, as: "units") }
            guard !units.isEmpty else { return print("没有找到单位 / no unit found: \(text)") }
            Output.table(["统一社会信用代码", "单位名称", "类别", "街道", "地址"],
                         units.map { [$0.uscc, $0.name, $0.category.chinese, $0.street, $0.address] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "统一社会信用代码或唯一的单位名称 / USCC, or a name that identifies one unit") var uscc: String

        func run() throws {
            let detail = try global.openForReading().unit(uscc: uscc)
            if output.json { return try Output.json(detail) }
            let unit = detail.unit
            print("\(unit.name)（\(unit.uscc)）")
            print("类别 \(unit.category.chinese)；\(unit.street) \(unit.grid)；行业主管部门 \(unit.department)")
            print("地址 \(detail.address)；负责人 \(unit.contactPerson ?? "未填")；电话 \(unit.phone ?? "未填")；法定代表人 \(detail.legalRepresentative ?? "未填")")
            print("监管人员 \(detail.supervisors ?? "未填")")
            if !detail.cases.isEmpty {
                print("")
                Output.table(["案件", "专项整治", "状态", "隐患", "逾期"],
                             detail.cases.map { [$0.number, $0.campaign, $0.state.chinese, String($0.hazards), String($0.overdueHazards)] })
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "更正单位的名称等文字（留痕）/ correct a unit's name and texts (audited).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "统一社会信用代码或唯一的单位名称 / USCC, or a name that identifies one unit") var uscc: String
        @Option(help: "单位名称 / name") var name: String?
        @Option(help: "地址 / address") var address: String?
        @Option(help: "负责人（空串清除）/ person in charge (empty clears)") var contact: String?
        @Option(help: "联系电话（空串清除）/ phone (empty clears)") var phone: String?
        @Option(help: "法定代表人（空串清除）/ legal representative (empty clears)") var legal: String?
        @Option(help: "监管人员（空串清除）/ supervisors (empty clears)") var supervisors: String?

        func run() throws {
            let detail = try global.open().editUnit(uscc: uscc, changes: UnitTextChanges(
                name: name, address: address, contactPerson: contact, phone: phone, legalRepresentative: legal,
                supervisors: supervisors), actor: actor.name)
            if output.json { return try Output.json(detail) }
            print("已更正 / corrected: \(detail.unit.uscc) \(detail.unit.name)")
        }
    }
}
