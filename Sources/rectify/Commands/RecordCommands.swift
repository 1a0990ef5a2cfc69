import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "计划 / plans.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "登记检查计划或整改方案（重大隐患须五到位）/ add an inspection or rectification plan.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @Option(help: "类型 / kind") var kind: PlanKind
        @Option(help: "措施 / measures") var measures: String
        @Option(help: "针对的隐患序号 / hazard seq") var hazard: Int?
        @Option(help: "责任人 / responsible person") var responsible: String?
        @Option(help: "资金（整数元）/ funds in whole yuan") var funds: WholeYuan?
        @Option(help: "时限 / deadline") var deadline: String?
        @Option(help: "应急预案 / contingency") var contingency: String?
        @Option(help: "登记日期 / date (default today)") var on: String?

        func run() throws {
            let plan = try global.open().addPlan(
                caseNumber: caseNumber, kind: kind, hazardSeq: hazard, measures: measures,
                responsible: responsible, fundsYuan: funds?.yuan, deadline: try Output.date(deadline, "时限", "deadline"),
                contingency: contingency, on: try Output.date(on, "登记日期", "date"), actor: actor.name)
            print("已登记\(plan.kind.chinese) / plan recorded: \(caseNumber) #\(plan.id!)")
        }
    }
}

struct SelfCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfcheck", abstract: "自查自改 / self-checks.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登记单位自查自改 / record the unit's self-check.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @Option(help: "自查人 / checked by (at the unit)") var by: String
        @Option(help: "自查发现 / findings") var findings: String
        @Option(help: "已自行整改 / fixed by the unit itself") var fixed: String?
        @Option(help: "承诺 / pledge") var pledge: String
        @Option(help: "检查要点结果 代码=pass|fail|n/a（可重复）/ checklist result CODE=RESULT (repeatable)") var item: [String] = []
        @Option(help: "自查日期 / date (default today)") var on: String?

        func run() throws {
            let items = try item.map { text -> (code: String, result: CheckResult) in
                let (code, result) = try Output.keyValue(text, field: "检查要点结果", english: "checklist result",
                                                         form: "代码=结果", formEnglish: "CODE=RESULT")
                return (code, try CheckResult.parse(result))
            }
            _ = try global.open().addSelfCheck(
                caseNumber: caseNumber, on: try Output.date(on, "自查日期", "self-check date"), checkedBy: by,
                findings: findings, selfFixed: fixed, pledge: pledge, items: items, actor: actor.name)
            print("已登记自查自改 / self-check recorded: \(caseNumber)")
        }
    }
}

struct RecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recheck", abstract: "复查复核 / re-checks.", subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "登记复查复核并出具整改复查意见书 / record a re-check and issue its opinion.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @OptionGroup var officers: OfficerPairOption
        @Option(help: "复查意见 / opinion") var opinion: String
        @Option(help: "隐患结论 序号=fixed|not-fixed（可重复）/ verdict SEQ=fixed|not-fixed (repeatable)") var verdict: [String] = []
        @Option(help: "复查日期 / date (default today)") var on: String?

        func run() throws {
            let verdicts = try verdict.map { text -> (seq: Int, verdict: RecheckVerdict) in
                let (seq, result) = try Output.keyValue(text, field: "复查结论", english: "verdict",
                                                        form: "序号=fixed 或 序号=not-fixed", formEnglish: "SEQ=fixed or SEQ=not-fixed",
                                                        key: { Int($0) })
                return (seq, try RecheckVerdict.parse(result))
            }
            let recheck = try global.open().addRecheck(
                caseNumber: caseNumber, on: try Output.date(on, "复查日期", "re-check date"), officers: officers.credentials,
                opinion: opinion, verdicts: verdicts, actor: actor.name)
            print("已登记复查复核 / re-check recorded: \(caseNumber) \(recheck.outcome.chinese)")
        }
    }
}

struct AttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "附件（按SHA-256只存一份）/ attach photos and scans (stored once by SHA-256).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "案件编号 / case number") var caseNumber: String
    @Argument(help: "文件 / files") var files: [String]
    @Option(help: "关联隐患序号 / hazard seq") var hazard: Int?
    @Option(help: "关联记录 类型:编号，如 recheck:3 / record KIND:ID (plan, self-check, recheck)") var record: String?
    @Option(help: "拍摄时间 / capture time (default: the file's modification time)") var capturedAt: String?

    func run() throws {
        var target = AttachmentTarget.caseFile
        if let hazard { target = .hazard(seq: hazard) }
        if let record {
            let parts = TypedInput.fields(record, separatedBy: ":")
            guard parts.count == 2, let id = Int64(parts[1]), hazard == nil else {
                throw RectifyCore.ValidationError(field: "关联记录", fieldEnglish: "record", value: record,
                                                  chinese: "应写作 类型:编号，且不能与 --hazard 同用",
                                                  english: "write KIND:ID, and not together with --hazard")
            }
            target = .record(kind: parts[0], id: id)
        }
        let attachments = try global.open().attach(caseNumber: caseNumber, files: files.map { URL(fileURLWithPath: $0) },
                                                   target: target, capturedAt: capturedAt, actor: actor.name)
        for attachment in attachments {
            print("已附加 / attached: \(attachment.fileName)（\(attachment.mediaType)，拍摄 \(attachment.capturedAt)）")
        }
    }
}

