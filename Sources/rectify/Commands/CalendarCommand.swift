import ArgumentParser
import RectifyCore
import RectifyKit

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "工作日历（法定节假日与调休）/ the working-day calendar.",
        subcommands: [List.self, Show.self, Add.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "已有节假日安排的年份 / years with a schedule.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let calendar = try global.openForReading().workingCalendar()
            let schedules = calendar.years.compactMap(calendar.schedule(for:))
            if output.json { return try Output.json(schedules, as: "years") }
            Output.table(["年份", "放假天数", "调休上班", "依据"],
                         schedules.map { [String($0.year), String($0.holidays.count), String($0.workdays.count), $0.source] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "一年的放假日与调休上班日 / a year's days off and make-up days.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "年份 / year") var year: Int

        func run() throws {
            guard let schedule = try global.openForReading().workingCalendar().schedule(for: year) else { throw CalendarGap(year: year) }
            if output.json { return try Output.json(schedule) }
            print("\(year)年（\(schedule.source)）")
            print("放假 / days off: " + schedule.holidays.map(\.description).joined(separator: " "))
            print("调休上班 / make-up working days: " + schedule.workdays.map(\.description).joined(separator: " "))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "录入一年的节假日安排 / add a year's schedule, e.g. --holiday 1-1 --holiday 2-5…2-13 --workday 2-14.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "年份 / year") var year: Int
        @Option(help: "放假日 月-日 或 月-日…月-日（可重复）/ days off (repeatable)") var holiday: [String] = []
        @Option(help: "调休上班日 月-日（可重复）/ make-up working day (repeatable)") var workday: [String] = []
        @Option(help: "依据（通知名称）/ source") var source: String

        func run() throws {
            let schedule = try global.open().addCalendarYear(year, holidays: holiday, workdays: workday, source: source,
                                                            actor: actor.name)
            print("已录入\(year)年节假日安排 / added: 放假\(schedule.holidays.count)天，调休上班\(schedule.workdays.count)天")
        }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "规则参数及其生效日期与依据 / rule parameters with effective dates and sources.",
        subcommands: [List.self, Add.self, Codes.self])

    struct Codes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "codes",
            abstract: "拒绝与检查所依据的规则代码及其来源 / every rule code Rectify refuses or reports by, with its source.")
        @OptionGroup var output: OutputOptions

        struct Listed: Encodable {
            var code: String
            var label: String
            var source: String
        }

        func run() throws {
            let codes = RuleCode.allCases.map { Listed(code: $0.rawValue, label: $0.chinese, source: $0.source) }
            if output.json { return try Output.json(["codes": codes]) }
            Output.table(["规则代码", "规则", "依据"], codes.map { [$0.code, $0.label, $0.source] })
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "按此日期标出现行版本 / mark the versions in force on this date") var asOf: String?

        func run() throws {
            let rules = try global.openForReading().rules(asOf: try Output.date(asOf, "计算日期", "as-of date"))
            if output.json { return try Output.json(rules, as: "rules") }
            Output.table(["参数", "名称", "适用", "数值", "生效日期", "现行", "依据"],
                         rules.map { [$0.key.rawValue, $0.key.chinese, $0.kind?.chinese ?? "全部", $0.value, "\($0.effectiveFrom)",
                                      $0.inForce ? "✓" : "", $0.source + ($0.shipped ? "" : "（新增）")] })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "新增规则版本 / add a rule version, e.g. --key decision-deadline --value 30 --unit days --from 2026-02-01.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "参数 / rule key (see `rules list`)") var key: RuleKey
        @Option(help: "适用的整治类型（默认全部）/ campaign kind (default all)") var kind: CampaignKind?
        @Option(help: "数值 / value") var value: Int
        @Option(help: "单位 / unit") var unit: RuleUnit
        @Option(help: "生效日期 / effective from") var from: String
        @Option(help: "依据 / legal source") var source: String

        func run() throws {
            let version = try global.open().addRuleVersion(
                key: key, kind: kind, value: value,
                unit: unit, effectiveFrom: try LocalDate.parse(from, field: "生效日期", fieldEnglish: "effective date"),
                source: source, actor: actor.name)
            print("已新增规则版本 / added: \(version.key.chinese) \(version.valueText)，自\(version.effectiveFrom)起（\(version.source)）")
        }
    }
}

struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "逾期事项（按紧急程度排序）/ everything past due, most urgent first.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: ListOutputOptions
    @Option(help: "计算日期（默认今天）/ as of this date (default today)") var asOf: String?
    @Option(help: "专项整治代码 / campaign code") var campaign: String?
    @Option(help: "最多显示 / at most this many rows") var limit: Int?

    func run() throws {
        let report = try global.openForReading().overdue(asOf: try Output.date(asOf, "计算日期", "as-of date"), campaign: campaign)
        if output.json { return try Output.json(report) }
        if try output.spreadsheet(ListSheets.overdue(report)) { return }
        print("截至 \(report.asOf) 逾期 \(report.items.count) 项 / overdue items")
        Output.table(["逾期天数", "事项", "编号", "等级", "单位", "街道", "期限", "说明"],
                     report.items.prefix(limit ?? .max).map {
                         [String($0.daysOverdue), $0.what.chinese, $0.reference, $0.level?.chinese ?? "处罚", $0.unit, $0.street, "\($0.deadline.due)",
                          $0.deadline.explanation]
                     })
        for problem in report.problems { print("无法计算 / cannot compute: \(problem)") }
    }
}
