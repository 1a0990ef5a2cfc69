import ArgumentParser
import RectifyCore
import RectifyKit

/// The options every penalty step shares.
struct PenaltyStepOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOption
    @Argument(help: "案件编号 / case number") var caseNumber: String
    @Option(help: "日期（默认今天）/ date (default today)") var on: String?

    func date() throws -> LocalDate? { try Output.date(on, "日期", "date") }
}

/// The two officers of a step that faces the party.
struct PenaltyOfficers: ParsableArguments {
    @Option(help: "执法人员执法证号（两次；立案默认取 RECTIFY_OFFICERS=A,B，告知、决定、送达默认立案时的两名）/ officer credential (twice)")
    var officer: [String] = []

    /// For 立案 and 简易程序, where two officers are required: those named, or else RECTIFY_OFFICERS.
    var required: [String] { officer.isEmpty ? OfficerPairOption.fromEnvironment : officer }
}

struct PenaltyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penalty", abstract: "行政处罚程序 / the penalty procedure.",
        subcommands: [File.self, Notify.self, Defence.self, WaiveHearing.self, Hearing.self, Review.self, Discuss.self, ExtendDecision.self, Decide.self, Serve.self,
                      Delay.self, Pause.self, Pay.self, Demand.self, Transfer.self, Close.self, Summary.self])

    static func report(_ penalty: Penalty, _ what: String) {
        print("\(what) / \(penalty.stage.rawValue)：处罚程序处于“\(penalty.stage.chinese)”")
    }

    struct File: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "file", abstract: "立案（应急立）/ open the penalty case.")
        @OptionGroup var step: PenaltyStepOptions
        @OptionGroup var officers: PenaltyOfficers
        @Option(help: "违法行为代码（见 violation list）/ violation code") var violation: String
        @Option(help: "违法事实 / facts") var facts: String
        @Option(help: "违法行为发生日 / date of the act") var violationOn: String
        @Option(help: "发现违法行为之日（默认立档日期；追责时效算至此日）/ discovered on (default the case's opening; the limitation runs to it)")
        var discoveredOn: String?
        @Option(help: "当事人 / party") var party: PartyKind = .organisation
        @Flag(help: "危及生命健康安全（追责时效5年）/ harmed life or health (5-year limitation)") var harm = false
        @Option(help: "转入处罚程序的隐患序号（可重复）/ hazard handed to the procedure (repeatable)") var hazard: [Int] = []

        func run() throws {
            let filing = Rectify.PenaltyFiling(
                officers: officers.required, violationCode: violation, facts: facts,
                violationOn: try LocalDate.parse(violationOn, field: "违法行为发生日", fieldEnglish: "violation date"),
                discoveredOn: try Output.date(discoveredOn, "发现日期", "discovery date"),
                party: party, harm: harm, hazardSeqs: hazard)
            PenaltyCommand.report(try step.global.open().filePenalty(caseNumber: step.caseNumber, on: try step.date(), filing,
                                                                     actor: step.actor.name), "已立案")
        }
    }

    struct Notify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "notify", abstract: "告知拟处罚（应急罚告）/ notify the proposed penalty.")
        @OptionGroup var step: PenaltyStepOptions
        @OptionGroup var officers: PenaltyOfficers
        @Option(help: "拟罚款（整数元，如 15000、15,000元）/ proposed fine in whole yuan") var fine: WholeYuan
        @Option(help: "其他处罚措施 / other measures") var measures: String?
        @Flag(help: "责令停产停业 / stop order") var stopOrder = false

        func run() throws {
            PenaltyCommand.report(try step.global.open().notifyPenalty(
                caseNumber: step.caseNumber, on: try step.date(), fineYuan: fine.yuan, measures: measures, stopOrder: stopOrder,
                officers: officers.officer, actor: step.actor.name), "已告知")
        }
    }

    struct Defence: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "defence", abstract: "陈述申辩或放弃 / the party's defence, or its waiver.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "陈述申辩内容 / statement") var statement: String?
        @Flag(help: "当事人放弃陈述申辩 / the party waives it") var waive = false

        func run() throws {
            PenaltyCommand.report(try step.global.open().recordDefence(
                caseNumber: step.caseNumber, on: try step.date(), statement: statement, waived: waive, actor: step.actor.name),
                waive ? "已登记放弃陈述申辩" : "已登记陈述申辩")
        }
    }

    struct ExtendDecision: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend-decision",
            abstract: "批准延长作出处罚决定的期限（应急延，《行政处罚法》第60条）/ approve a longer decision period.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "延长后的期限 / the new limit") var until: String
        @Option(help: "批准人 / approved by") var approver: String
        @Option(help: "延长理由及依据 / reason and the rule that allows it") var reason: String

        func run() throws {
            let approved = try step.global.open().extendDecisionPeriod(
                caseNumber: step.caseNumber, on: try step.date(),
                until: try LocalDate.parse(until, field: "延长后的期限", fieldEnglish: "new limit"), approver: approver,
                reason: reason, actor: step.actor.name)
            print("已批准延长办案期限至\(approved.newDeadline) / decision period extended to \(approved.newDeadline)")
        }
    }

    struct WaiveHearing: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "waive-hearing", abstract: "当事人书面放弃听证 / the party's written waiver of the hearing.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "放弃听证声明（当事人书面意见）/ the party's written statement") var statement: String

        func run() throws {
            let waiver = try step.global.open().waiveHearing(caseNumber: step.caseNumber, on: try step.date(),
                                                              statement: statement, actor: step.actor.name)
            print("已登记当事人于\(waiver.waivedOn)放弃听证 / hearing waived on \(waiver.waivedOn)")
        }
    }

    struct Hearing: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hearing", abstract: "听证 / the hearing.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @Option(help: "申请日 / requested on") var requestedOn: String
        @Option(help: "听证通知日 / notified on") var notifiedOn: String
        @Option(help: "听证举行日 / held on") var heldOn: String

        func run() throws {
            PenaltyCommand.report(try global.open().recordHearing(
                caseNumber: caseNumber,
                requestedOn: try LocalDate.parse(requestedOn, field: "听证申请日", fieldEnglish: "hearing request date"),
                notifiedOn: try LocalDate.parse(notifiedOn, field: "听证通知日", fieldEnglish: "hearing notice date"),
                heldOn: try LocalDate.parse(heldOn, field: "听证日", fieldEnglish: "hearing date"), actor: actor.name), "已登记听证")
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "review", abstract: "法制审核 / legal review.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "审核人 / reviewer") var reviewer: String

        func run() throws {
            PenaltyCommand.report(try step.global.open().recordReview(
                caseNumber: step.caseNumber, on: try step.date(), reviewer: reviewer, discussion: false, actor: step.actor.name),
                "已登记法制审核")
        }
    }

    struct Discuss: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "discuss", abstract: "集体讨论（应急罚集）/ collective discussion.")
        @OptionGroup var step: PenaltyStepOptions

        func run() throws {
            PenaltyCommand.report(try step.global.open().recordReview(
                caseNumber: step.caseNumber, on: try step.date(), reviewer: nil, discussion: true, actor: step.actor.name),
                "已登记集体讨论")
        }
    }

    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "decide", abstract: "作出处罚决定（应急罚）/ decide.")
        @OptionGroup var step: PenaltyStepOptions
        @OptionGroup var officers: PenaltyOfficers
        @Option(help: "罚款（整数元，如 15000、15,000元）/ fine in whole yuan (0 for a warning)") var fine: WholeYuan
        @Option(help: "其他处罚措施 / other measures") var measures: String?
        @Flag(help: "责令停产停业整顿 / stop order") var stopOrder = false

        func run() throws {
            PenaltyCommand.report(try step.global.open().decidePenalty(
                caseNumber: step.caseNumber, on: try step.date(), fineYuan: fine.yuan, measures: measures, stopOrder: stopOrder,
                officers: officers.officer, actor: step.actor.name), "已作出处罚决定")
        }
    }

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", abstract: "送达决定书 / serve the decision.")
        @OptionGroup var step: PenaltyStepOptions
        @OptionGroup var officers: PenaltyOfficers
        @Option(help: "送达方式 / method (直接送达, 留置送达, 邮寄送达 …)") var method: String

        func run() throws {
            PenaltyCommand.report(try step.global.open().servePenalty(
                caseNumber: step.caseNumber, on: try step.date(), method: method, officers: officers.officer,
                actor: step.actor.name), "已送达")
        }
    }

    struct Delay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delay", abstract: "批准延期（分期）缴纳（应急缴批）/ approve a payment delay.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "批准的缴款日 / approved due date") var until: String

        func run() throws {
            PenaltyCommand.report(try step.global.open().approvePaymentDelay(
                caseNumber: step.caseNumber, on: try step.date(),
                until: try LocalDate.parse(until, field: "批准缴款日", fieldEnglish: "approved due date"), actor: step.actor.name),
                "已批准延期缴纳")
        }
    }

    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "复议或诉讼期间（加处罚款暂停）/ review or suit pending.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "案件编号 / case number") var caseNumber: String
        @Option(help: "开始 / from") var from: String
        @Option(help: "结束 / to") var to: String
        @Option(help: "事由 / reason (行政复议, 行政诉讼)") var reason: String

        func run() throws {
            let pause = try global.open().pauseSurcharge(
                caseNumber: caseNumber, from: try LocalDate.parse(from, field: "开始", fieldEnglish: "from"),
                to: try LocalDate.parse(to, field: "结束", fieldEnglish: "to"), reason: reason, actor: actor.name)
            print("已登记 / recorded: \(pause.reason) \(pause.from)至\(pause.to)，期间不计加处罚款")
        }
    }

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pay", abstract: "缴款（含加处罚款）/ record the payment (fine plus surcharge).")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "缴款金额（元，可带两位小数）/ amount in yuan") var amount: String

        func run() throws {
            let fen = try Money.parse(amount, field: "缴款金额", fieldEnglish: "amount").fen
            let (penalty, surcharge) = try step.global.open().payPenalty(caseNumber: step.caseNumber, on: try step.date(),
                                                                         amountFen: fen, actor: step.actor.name)
            PenaltyCommand.report(penalty, "已登记缴款")
            print(surcharge.explanation)
        }
    }

    struct Demand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "demand", abstract: "催告（应急执行催告）/ demand notice.")
        @OptionGroup var step: PenaltyStepOptions

        func run() throws {
            PenaltyCommand.report(try step.global.open().demandPayment(caseNumber: step.caseNumber, on: try step.date(),
                                                                       actor: step.actor.name), "已催告")
        }
    }

    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transfer", abstract: "移送（应急移）/ transfer to another body.")
        @OptionGroup var step: PenaltyStepOptions
        @Option(help: "移送机关 / receiving body") var to: String

        func run() throws {
            PenaltyCommand.report(try step.global.open().transferPenalty(caseNumber: step.caseNumber, on: try step.date(), to: to,
                                                                         actor: step.actor.name), "已移送")
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "结案（应急结）/ close the penalty case.")
        @OptionGroup var step: PenaltyStepOptions

        func run() throws {
            PenaltyCommand.report(try step.global.open().closePenalty(caseNumber: step.caseNumber, on: try step.date(),
                                                                      actor: step.actor.name), "已结案")
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "summary", abstract: "简易程序当场处罚 / summary procedure on the spot.")
        @OptionGroup var step: PenaltyStepOptions
        @OptionGroup var officers: PenaltyOfficers
        @Option(help: "违法行为代码 / violation code") var violation: String
        @Option(help: "违法事实 / facts") var facts: String
        @Option(help: "当事人 / party") var party: PartyKind = .organisation
        @Option(help: "罚款（整数元，0为警告）/ fine in whole yuan (0: warning)") var fine: WholeYuan
        @Option(help: "其他处罚措施 / measures") var measures: String?

        func run() throws {
            PenaltyCommand.report(try step.global.open().summaryPenalty(
                caseNumber: step.caseNumber, on: try step.date(), officers: officers.required, violationCode: violation, facts: facts,
                party: party, fineYuan: fine.yuan, measures: measures, actor: step.actor.name), "已当场处罚")
        }
    }
}

struct ViolationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "violation", abstract: "违法行为目录 / the violation catalogue.", subcommands: [List.self, Add.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let violations = try global.openForReading().violations()
            if output.json { return try Output.json(violations, as: "violations") }
            Output.table(["代码", "整治类型", "违法行为", "处罚依据", "当事人", "罚款幅度（元）"],
                         violations.map { [$0.code, $0.kind?.chinese ?? "通用", $0.title, $0.basis, $0.party.chinese,
                                           "\(Money(yuan: $0.minFineYuan).yuanText)至\(Money(yuan: $0.maxFineYuan).yuanText)"] })
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var actor: ActorOption
        @Option(help: "代码 / code") var code: String
        @Option(help: "整治类型（默认通用）/ campaign kind (default: any)") var kind: CampaignKind?
        @Option(help: "违法行为 / title") var title: String
        @Option(help: "处罚依据 / legal basis") var basis: String
        @Option(help: "当事人 / party") var party: PartyKind = .organisation
        @Option(help: "罚款下限（整数元）/ minimum fine in whole yuan") var min: WholeYuan
        @Option(help: "罚款上限（整数元）/ maximum fine in whole yuan") var max: WholeYuan

        func run() throws {
            let violation = try global.open().addViolation(
                Violation(code: code, kind: kind, title: title, basis: basis,
                          party: party, minFineYuan: min.yuan, maxFineYuan: max.yuan), actor: actor.name)
            print("已新增违法行为 / added: \(violation.code) \(violation.title)")
        }
    }
}
