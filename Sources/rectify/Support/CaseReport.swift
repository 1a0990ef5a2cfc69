import RectifyCore
import RectifyKit

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
            let references = Dictionary(uniqueKeysWithValues: detail.hazards.map { ($0.hazard.id, $0.reference) })
            Output.table(["登记", "类型", "隐患", "措施", "责任人", "资金", "时限", "预案"],
                         detail.plans.map { [
                             "\($0.recordedOn)", $0.kind.chinese, $0.hazardId.flatMap { references[$0] } ?? "全案", $0.measures,
                             $0.responsible ?? "", $0.fundsYuan.map { Money(yuan: $0).yuanText } ?? "",
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
        if let view = detail.penalty { PenaltyReport.print(view, documents: detail.documents) }
        Swift.print("\n执法文书")
        Output.table(["文号", "文种", "日期"], detail.documents.map { [$0.number, $0.kind.chinese, "\($0.issuedOn)"] })
        if !detail.attachments.isEmpty {
            Swift.print("\n附件")
            Output.table(["文件", "类型", "拍摄时间", "关联"],
                         detail.attachments.map { attachment in
                             let link = recordLabel(attachment, in: detail)
                                 ?? detail.hazards.first { $0.hazard.id == attachment.hazardId }?.reference ?? "案件"
                             return [attachment.fileName, attachment.mediaType, attachment.capturedAt, link]
                         })
        }
    }

    /// The record an attachment belongs to, as the case page names it (its date, or a re-check's document number).
    private static func recordLabel(_ attachment: Attachment, in detail: Rectify.CaseDetail) -> String? {
        guard let kind = attachment.recordKind, let id = attachment.recordId else { return nil }
        switch kind {
        case "plan": return detail.plans.first { $0.id?.rawValue == id }.map { "\($0.kind.chinese) \($0.recordedOn)" }
        case "self-check": return detail.selfChecks.first { $0.record.id?.rawValue == id }.map { "自查自改 \($0.record.checkedOn)" }
        case "recheck": return detail.rechecks.first { $0.record.id?.rawValue == id }.map { "复查复核 \($0.documentNumber)" }
        default: return nil
        }
    }
}
