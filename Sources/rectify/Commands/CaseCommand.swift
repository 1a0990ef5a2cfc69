import ArgumentParser
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
        @OptionGroup var output: OutputOptions
        @Option(help: "专项整治代码 / campaign code") var campaign: String?
        @Option(help: "状态 / state") var state: CaseState?
        @Option(help: "执法人员执法证号：该人员的案件，期限最近的在前 / an officer's cases, the soonest deadline first") var officer: String?
        @Option(help: "逾期计算日期 / count overdue as of this date") var asOf: String?

        func run() throws {
            let cases = try global.openForReading().cases(campaign: campaign, state: state, officer: officer,
                                                          asOf: try Output.date(asOf, "计算日期", "as-of date"))
            if output.json { return try Output.json(cases, as: "cases") }
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

/// The terminal form of `case show`.
enum CaseReport {
    static func print(_ detail: Rectify.CaseDetail) {
        let unit = detail.unit
        Swift.print("案件 \(detail.number)  \(detail.state.chinese)  （\(detail.campaignTitle)）")
        Swift.print("单位 \(unit.name)（\(unit.uscc)）\(unit.address)")
        Swift.print("执法人员 \(detail.officers.map(\.label).joined(separator: "、"))；立档 \(detail.openedOn)"
                    + (detail.closedOn.map { "；结档 \($0)" } ?? "") + "；审计事件 \(detail.events ?? 0)")
        Swift.print("\n隐患（逾期按 \(detail.asOf) 计）")
        Output.table(["编号", "等级", "隐患", "整改期限", "原期限", "状态", "指令书", "逾期"],
                     detail.hazards.map { view in
                         let h = view.hazard
                         return [view.reference, h.level.chinese + (h.listedSupervision ? "·挂牌督办" : ""), h.description,
                                 "\(h.deadline)", h.originalDeadline == h.deadline ? "" : "\(h.originalDeadline)",
                                 h.status.chinese, view.orderNumber, view.daysOverdue.map { "\($0)天" } ?? ""]
                     })
        for view in detail.hazards {
            func late(_ days: Int?) -> String { days.map { "（已逾期\($0)天）" } ?? "" }
            Swift.print("  \(view.reference) \(view.rectificationDeadline.explanation)\(late(view.daysOverdue))")
            if let recheck = view.recheckDeadline {
                Swift.print("  \(view.reference) \(recheck.explanation)\(late(view.recheckDaysOverdue))")
            }
            for problem in view.deadlineProblems { Swift.print("  \(view.reference) 无法计算期限：\(problem)") }
        }
        if !detail.plans.isEmpty {
            Swift.print("\n计划")
            Output.table(["类型", "措施", "责任人", "资金(元)", "时限", "预案"],
                         detail.plans.map { [$0.kind.chinese, $0.measures, $0.responsible ?? "", $0.fundsYuan.map(String.init) ?? "",
                                             $0.deadline.map { "\($0)" } ?? "", $0.contingency ?? ""] })
        }
        for check in detail.selfChecks {
            let failing = check.items.filter { $0.result == .fail }.map(\.code)
            Swift.print("\n自查自改 \(check.record.checkedOn) \(check.record.checkedBy)：\(check.record.findings)"
                        + (failing.isEmpty ? "" : "（不符合：\(failing.joined(separator: "、"))）") + "；承诺：\(check.record.pledge)")
        }
        for recheck in detail.rechecks {
            let verdicts = recheck.findings.map { "\($0.hazard):\($0.verdict.chinese)" }.joined(separator: " ")
            Swift.print("\n复查复核 \(recheck.record.checkedOn) \(recheck.documentNumber) \(recheck.record.outcome.chinese) "
                        + "\(recheck.officers.map(\.label).joined(separator: "、"))：\(recheck.record.opinion) \(verdicts)")
        }
        if let view = detail.penalty {
            let p = view.penalty
            Swift.print("\n行政处罚（\(p.procedure.chinese)，\(p.stage.chinese)）\(view.violation.map { "\($0.title)，\($0.basis)" } ?? p.basis)")
            Swift.print("  违法事实：\(p.facts)；罚款 \(p.fineYuan.map { Money(yuan: $0).yuanText } ?? p.proposedFineYuan.map { "拟" + Money(yuan: $0).yuanText } ?? "未定")"
                        + (p.stopOrder ? "；责令停产停业" : "") + (p.measures.map { "；\($0)" } ?? ""))
            for deadline in view.deadlines { Swift.print("  \(deadline.explanation)") }
            if let surcharge = view.surcharge { Swift.print("  \(surcharge.explanation)") }
            for problem in view.problems { Swift.print("  无法计算期限：\(problem)") }
        }
        Swift.print("\n执法文书")
        Output.table(["文号", "文种", "日期"], detail.documents.map { [$0.number, $0.kind.chinese, "\($0.issuedOn)"] })
        if !detail.attachments.isEmpty {
            Swift.print("\n附件")
            Output.table(["文件", "类型", "拍摄时间", "关联"],
                         detail.attachments.map { attachment in
                             let link = attachment.recordKind.map { "\($0)#\(attachment.recordId ?? 0)" }
                                 ?? detail.hazards.first { $0.hazard.id == attachment.hazardId }?.reference ?? "案件"
                             return [attachment.fileName, attachment.mediaType, attachment.capturedAt, link]
                         })
        }
    }
}
