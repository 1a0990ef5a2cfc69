import ArgumentParser
import RectifyCore
import RectifyKit

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign", abstract: "专项整治 / campaigns.", subcommands: [Create.self, List.self, Show.self, Progress.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "创建专项整治 / create a campaign (its kind's checklist is copied in).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "代码（小写字母数字连字符）/ code, e.g. gas-2026") var code: String
        @Option(help: "类型 / kind") var kind: CampaignKind
        @Option(help: "标题 / title") var title: String
        @Option(help: "方案文号 / plan document number") var planNumber: String
        @Option(help: "牵头部门 / lead department") var lead: String
        @Option(help: "配合部门（可重复）/ partner department (repeatable)") var partner: [String] = []
        @Option(help: "开始日期 / start YYYY-MM-DD") var starts: String
        @Option(help: "结束日期 / end YYYY-MM-DD") var ends: String
        @Option(help: "阶段 名称:开始:结束（可重复）/ phase NAME:START:END (repeatable)") var phase: [String] = []
        @Option(help: "范围街道（可重复）/ street in scope (repeatable)") var street: [String] = []
        @Option(help: "范围类别（可重复）/ unit category in scope (repeatable)") var category: [UnitCategory] = []
        @Option(help: "目标 范围:指标:数量:截止日期，如 规上企业:accepted:100%:2026-06-30（范围可为 * ）/ target SCOPE:METRIC:AMOUNT:DUE")
        var target: [String] = []

        func run() throws {
            let spec = CampaignSpec(
                code: code, kind: kind, title: title, planNumber: planNumber, leadDepartment: lead,
                partnerDepartments: partner,
                startsOn: try LocalDate.parse(starts, field: "开始日期", fieldEnglish: "start"),
                endsOn: try LocalDate.parse(ends, field: "结束日期", fieldEnglish: "end"),
                phases: try phase.map(Self.phase), scopeStreets: street,
                scopeCategories: category, targets: try target.map(Self.target))
            let campaign = try global.open().createCampaign(spec, actor: actor.name)
            print("已创建专项整治 / created: \(campaign.code) \(campaign.title)（检查要点 \(BuiltInChecklist.items(for: campaign.kind).count) 项）")
        }

        static func phase(_ text: String) throws -> CampaignSpec.Phase {
            let parts = TypedInput.fields(text, separatedBy: ":")
            guard parts.count == 3 else {
                throw RectifyCore.ValidationError(field: "阶段", fieldEnglish: "phase", value: text, chinese: "应写作 名称:开始:结束",
                                      english: "write NAME:START:END")
            }
            return .init(name: parts[0], startsOn: try LocalDate.parse(parts[1], field: "阶段开始", fieldEnglish: "phase start"),
                         endsOn: try LocalDate.parse(parts[2], field: "阶段结束", fieldEnglish: "phase end"))
        }

        static func target(_ text: String) throws -> CampaignSpec.Target {
            let parts = TypedInput.fields(text, separatedBy: ":")
            guard parts.count == 4 else {
                throw RectifyCore.ValidationError(field: "目标", fieldEnglish: "target", value: text, chinese: "应写作 范围:指标:数量:截止日期",
                                      english: "write SCOPE:METRIC:AMOUNT:DUE")
            }
            return .init(scope: parts[0] == "*" ? nil : parts[0], metric: try TargetMetric.parse(parts[1]),
                         amount: try TargetAmount.parse(parts[2]),
                         dueOn: try LocalDate.parse(parts[3], field: "目标截止日期", fieldEnglish: "target due date"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let campaigns = try global.openForReading().campaigns()
            if output.json { return try Output.json(campaigns, as: "campaigns") }
            Output.table(["代码", "类型", "标题", "方案文号", "牵头部门", "期限", "案件", "已结档"],
                         campaigns.map { [$0.code, $0.kind.chinese, $0.title, $0.planNumber, $0.leadDepartment,
                                          "\($0.startsOn)至\($0.endsOn)", String($0.cases), String($0.closedCases)] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "专项整治代码 / campaign code") var code: String

        func run() throws {
            let detail = try global.openForReading().campaign(code: code)
            if output.json { return try Output.json(detail) }
            let c = detail.campaign
            print("\(c.title)（\(c.code)，\(c.kind)）方案文号 \(c.planNumber)")
            print("牵头 \(c.leadDepartment)；配合 \(detail.partners.joined(separator: "、"))；期限 \(c.startsOn)至\(c.endsOn)")
            print("范围：街道 \(detail.scopeStreets.isEmpty ? "全部" : detail.scopeStreets.joined(separator: "、"))；"
                  + "类别 \(detail.scopeCategories.isEmpty ? "全部" : detail.scopeCategories.joined(separator: "、"))；共 \(detail.unitsInScope) 家")
            print("案件：" + detail.casesByState.map { "\($0.state.chinese) \($0.cases)" }.joined(separator: "，"))
            print("\n阶段")
            Output.table(["序", "阶段", "开始", "结束"], detail.phases.map { [String($0.seq), $0.name, "\($0.startsOn)", "\($0.endsOn)"] })
            print("\n目标")
            Output.table(["范围", "指标", "数量", "截止"], detail.targets.map { [$0.scope, $0.metric.chinese, $0.amount, "\($0.dueOn)"] })
            print("\n检查要点")
            Output.table(["代码", "要点", "依据", "默认等级"],
                         detail.checklist.map { [$0.code, $0.text, $0.basis, $0.defaultLevel.chinese] })
        }
    }
}
