import ArgumentParser
import RectifyCore
import RectifyKit

struct HazardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazard", abstract: "事故隐患 / hazards.", subcommands: [Add.self, Extend.self, Rectify.self, Edit.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "登记隐患并下达责令限期整改指令书 / record a hazard and issue the order.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @Option(help: "隐患描述 / description") var description: String
        @Option(help: "检查要点代码 / checklist item code (sets level and criterion by default)") var item: String?
        @Option(help: "等级 / level") var level: HazardLevel?
        @Option(help: "判定依据 / criterion") var criterion: String?
        @Option(help: "发现日期 / found on (default today)") var foundOn: String?
        @Option(help: "整改期限 / deadline") var deadline: String
        @Flag(help: "挂牌督办 / listed for supervision") var listed = false
        @Option(help: "督办单位 / supervising body") var supervisingBody: String?

        func run() throws {
            let hazard = try global.open().addHazard(
                caseNumber: caseNumber, checklistCode: item, description: description,
                level: level, criterion: criterion,
                foundOn: try Output.date(foundOn, "发现日期", "found date"),
                deadline: try LocalDate.parse(deadline, field: "整改期限", fieldEnglish: "deadline"),
                listedSupervision: listed, supervisingBody: supervisingBody, actor: actor.name)
            print("已登记隐患 / recorded: \(caseNumber)/\(hazard.seq)（\(hazard.level.chinese)，期限 \(hazard.deadline)）")
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "extend", abstract: "批准延期（原期限保留）/ extend a deadline (the original is kept).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "隐患 案件编号/序号 / hazard CASE/SEQ") var reference: String
        @Option(help: "新期限 / new deadline") var to: String
        @Option(help: "延期理由 / reason") var reason: String
        @Option(help: "批准日期 / granted on (default today)") var on: String?

        func run() throws {
            let hazard = try global.open().extendHazard(
                reference: reference, to: try LocalDate.parse(to, field: "新期限", fieldEnglish: "new deadline"),
                reason: reason, on: try Output.date(on, "批准日期", "grant date"), actor: actor.name)
            print("已延期 / extended: \(reference) → \(hazard.deadline)（原期限 \(hazard.originalDeadline)）")
        }
    }

    struct Rectify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rectify", abstract: "登记单位报告的整改 / record the unit's reported fix.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "隐患 案件编号/序号 / hazard CASE/SEQ") var reference: String
        @Option(help: "整改措施 / measures taken") var measures: String
        @Option(help: "整改日期 / date (default today)") var on: String?

        func run() throws {
            let hazard = try global.open().claimRectification(
                reference: reference, on: try Output.date(on, "整改日期", "fix date"), measures: measures, actor: actor.name)
            print("已登记整改，待复查 / reported fixed, awaiting re-check: \(reference)（\(hazard.claimedOn!)）")
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "更正隐患中未写入已下达文书的内容（留痕）/ correct what no issued document holds (audited).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "隐患编号 案件编号/序号 / hazard CASE/SEQ") var reference: String
        @Option(help: "隐患描述（已写入指令书，不能更改）/ description (in the issued order: refused)") var description: String?
        @Option(help: "判定依据（已写入指令书，不能更改）/ criterion (in the issued order: refused)") var criterion: String?
        @Option(help: "督办单位（空串清除）/ supervising body (empty clears)") var supervisingBody: String?
        @Option(help: "单位报告的整改措施（复查前）/ the reported measures (before the re-check)") var measures: String?

        func run() throws {
            let hazard = try global.open().editHazard(reference: reference, correction: HazardCorrection(
                description: description, criterion: criterion, supervisingBody: supervisingBody, claimMeasures: measures),
                actor: actor.name)
            print("已更正 / corrected: \(reference)（督办单位 supervising body: \(hazard.supervisingBody ?? "无 none")）")
        }
    }
}
