import RectifyCore
import RectifyKit

/// The acts a case offers on its page, each as a form: those that fit its state, in the order officers work.
struct CaseActForms {
    let detail: Rectify.CaseDetail
    let checklist: [CampaignChecklistItem]
    let violations: [Violation]

    private typealias Rule = RuleCode

    /// The forms for the case as it stands; the act's own rules still decide, and refusals show at their fields.
    func available() -> [ActForm] {
        guard detail.state != .closed else { return [] }
        let unresolved = detail.hazards.filter { !$0.hazard.status.isResolved }
        var ids = ["hazard"]
        if !unresolved.isEmpty { ids.append("extend") }
        if detail.hazards.contains(where: { $0.hazard.status == .open }) { ids.append("rectified") }
        ids += ["plan", "selfcheck", "attach"]
        if detail.hazards.contains(where: { $0.hazard.status == .claimed }) { ids.append("recheck") }
        switch detail.penalty?.penalty.stage {
        case nil: ids += ["penalty-file", "penalty-summary"]
        case .filed: ids += ["penalty-notify", "penalty-extend-decision"]
        case .notified: ids += ["penalty-defence", "penalty-waive-hearing", "penalty-hearing", "penalty-review",
                                "penalty-extend-decision", "penalty-decide"]
        case .decided: ids += ["penalty-serve", "penalty-delay"]
        case .served: ids += ["penalty-pay", "penalty-delay", "penalty-pause", "penalty-demand", "penalty-transfer"]
        case .paid, .transferred: ids.append("penalty-close")
        case .closed: break
        }
        ids.append("close")
        return ids.compactMap(form)
    }

    /// The form of one act, or nil for an act the web does not know.
    func form(_ act: String) -> ActForm? {
        let date = FormField.date("date", "日期")
        switch act {
        case "hazard":
            return ActForm(act: act, title: "登记隐患", submit: "登记并出具责令限期整改指令书", fields: [
                .select("item", "检查要点", checklist.map {
                    FormChoice(value: $0.code, label: "\($0.code) \($0.text)（\($0.defaultLevel.chinese)隐患）")
                }),
                .textarea("description", "隐患描述", required: true),
                .date("deadline", "整改期限", required: true, rules: [Rule.deadlineAfterFound.rawValue]),
                .date("foundOn", "发现日期", rules: [Rule.datesInOrder.rawValue, Rule.actNotInFuture.rawValue]),
            ])
        case "extend":
            return ActForm(act: act, title: "延期整改", submit: "批准延期", fields: [
                .select("hazard", "隐患", hazardChoices { !$0.status.isResolved },
                        rules: [Rule.extendOpenHazard.rawValue]),
                .date("deadline", "新整改期限", required: true,
                      rules: [Rule.extendLater.rawValue, Rule.extendBeforeDeadline.rawValue]),
                .textarea("reason", "延期理由", required: true),
                FormField.date("date", "批准日期", rules: [Rule.actNotInFuture.rawValue]),
            ])
        case "rectified":
            return ActForm(act: act, title: "单位报告已整改", submit: "记录整改", fields: [
                .select("hazard", "隐患", hazardChoices { $0.status == .open }, rules: [Rule.claimOpenHazard.rawValue]),
                .textarea("measures", "整改措施", required: true),
                FormField.date("date", "整改日期", rules: [Rule.datesInOrder.rawValue, Rule.actNotInFuture.rawValue]),
            ])
        case "plan":
            return ActForm(act: act, title: "检查计划或整改方案", submit: "记录", fields: [
                .select("kind", "类别", PlanKind.allCases.map { FormChoice(value: $0.rawValue, label: $0.chinese) }),
                .select("hazard", "隐患", [FormChoice(value: "", label: "（不针对某项隐患）")] + hazardChoices { _ in true },
                        rules: [Rule.majorHazardFiveInPlace.rawValue]),
                .textarea("measures", "措施", required: true),
                .text("responsible", "责任人"),
                .text("funds", "整改资金", placeholder: "元，如 5000 或 5,000元"),
                .date("deadline", "时限", rules: [Rule.planWithinDeadline.rawValue]),
                .textarea("contingency", "应急预案"),
                date,
            ])
        case "selfcheck":
            var fields: [FormField] = checklist.map {
                .select("result-\($0.code)", "\($0.code) \($0.text)",
                        [FormChoice(value: "", label: "（未填）")]
                            + CheckResult.allCases.map { FormChoice(value: $0.rawValue, label: $0.chinese) })
            }
            fields += [.text("checkedBy", "自查人", required: true), .textarea("findings", "自查发现", required: true),
                       .textarea("selfFixed", "已自行整改"), .textarea("pledge", "承诺", required: true),
                       FormField.date("date", "自查日期", rules: [Rule.datesInOrder.rawValue])]
            return ActForm(act: act, title: "单位自查自改", submit: "记录自查", fields: fields)
        case "recheck":
            var fields: [FormField] = detail.hazards.filter { $0.hazard.status == .claimed }.map {
                .select("verdict-\($0.hazard.seq)", "\($0.reference) \($0.hazard.description)",
                        RecheckVerdict.allCases.map { FormChoice(value: $0.rawValue, label: $0.chinese) })
            }
            fields += [.text("officers", "复查执法人员", required: true, placeholder: "两名执法证号，以逗号分隔",
                             rules: [Rule.twoOfficers.rawValue, Rule.officerOfAuthority.rawValue, Rule.officerActive.rawValue]),
                       .textarea("opinion", "复查意见", required: true),
                       FormField.date("date", "复查日期", rules: [Rule.datesInOrder.rawValue, Rule.actNotInFuture.rawValue])]
            return ActForm(act: act, title: "复查复核", submit: "记录复查并出具复查意见书", fields: fields,
                           defaults: ["officers": detail.officers.map(\.credential).joined(separator: ",")])
        case "attach":
            return ActForm(act: act, title: "上传照片、扫描件或视频", submit: "上传", fields: [
                .select("hazard", "关于", [FormChoice(value: "", label: "整个案卷")] + hazardChoices { _ in true }),
                .file("file", "附件", accept: "image/jpeg,image/png,image/heic,image/tiff,application/pdf,video/mp4"),
            ])
        case "close":
            return ActForm(act: act, title: "结档", submit: "结档", fields: [FormField.date("date", "结档日期")])
        default:
            return PenaltyActForms(detail: detail, violations: violations).form(act)
        }
    }

    private func hazardChoices(_ include: (Hazard) -> Bool) -> [FormChoice] {
        detail.hazards.filter { include($0.hazard) }.map {
            FormChoice(value: String($0.hazard.seq), label: "\($0.reference) \($0.hazard.description)")
        }
    }
}

/// The penalty procedure's steps as forms.
struct PenaltyActForms {
    let detail: Rectify.CaseDetail
    let violations: [Violation]

    private typealias Rule = RuleCode

    func form(_ act: String) -> ActForm? {
        let date = FormField.date("date", "日期", rules: [Rule.actNotInFuture.rawValue, Rule.datesInOrder.rawValue])
        let fine = FormField.text("fine", "罚款金额", required: true, placeholder: "整元，如 15000 或 15,000元",
                                  rules: [Rule.fineInRange.rawValue, Rule.noHeavierThanNotified.rawValue])
        let violation = FormField.select("violation", "违法行为", violations.map {
            FormChoice(value: $0.code, label: "\($0.code) \($0.title)（\($0.minFineYuan)–\($0.maxFineYuan)元）")
        }, rules: [Rule.violationParty.rawValue])
        let party = FormField.select("party", "当事人类别", PartyKind.allCases.map { FormChoice(value: $0.rawValue, label: $0.chinese) })
        let officers = FormField.text("officers", "承办执法人员", required: true, placeholder: "两名执法证号，以逗号分隔",
                                      rules: [Rule.twoOfficers.rawValue, Rule.officerOfAuthority.rawValue, Rule.officerActive.rawValue])
        let officerDefaults = ["officers": detail.officers.map(\.credential).joined(separator: ",")]
        switch act {
        case "penalty-file":
            return ActForm(act: act, title: "行政处罚立案", submit: "立案并出具立案审批表", fields: [
                violation, party, .textarea("facts", "违法事实", required: true),
                .date("violationOn", "违法行为发生日期", required: true, rules: [Rule.limitationPeriod.rawValue]),
                officers, .checkbox("harm", "已造成危害后果"), date,
            ], defaults: officerDefaults)
        case "penalty-notify":
            return ActForm(act: act, title: "行政处罚告知", submit: "告知", fields: [
                fine, .textarea("measures", "其他处罚"), .checkbox("stopOrder", "责令停产停业"), date,
            ])
        case "penalty-defence":
            return ActForm(act: act, title: "陈述申辩", submit: "记录", fields: [
                .textarea("statement", "陈述申辩内容"), .checkbox("waived", "当事人放弃陈述申辩"), date,
            ])
        case "penalty-waive-hearing":
            return ActForm(act: act, title: "放弃听证", submit: "记录", fields: [
                .textarea("statement", "当事人书面声明", required: true), date,
            ])
        case "penalty-review":
            return ActForm(act: act, title: "法制审核", submit: "记录", fields: [
                .text("reviewer", "审核人员"), .checkbox("discussion", "经集体讨论"), date,
            ])
        case "penalty-decide":
            return ActForm(act: act, title: "行政处罚决定", submit: "决定并出具决定书", fields: [
                fine, .textarea("measures", "其他处罚"), .checkbox("stopOrder", "责令停产停业"),
                FormField.date("date", "决定日期", rules: [Rule.decisionAfterNotice.rawValue, Rule.defenceWindow.rawValue,
                                                         Rule.actNotInFuture.rawValue]),
            ])
        case "penalty-serve":
            return ActForm(act: act, title: "送达", submit: "记录送达", fields: [
                .select("method", "送达方式", ["直接送达", "留置送达", "邮寄送达", "电子送达", "公告送达"].map {
                    FormChoice(value: $0, label: $0)
                }),
                date,
            ])
        case "penalty-pay":
            return ActForm(act: act, title: "缴纳罚款", submit: "记录缴款", fields: [
                .text("amount", "缴款金额", required: true, placeholder: "元，如 15000 或 15,000.00元",
                      rules: [Rule.paymentAmount.rawValue]),
                date,
            ])
        case "penalty-close":
            return ActForm(act: act, title: "处罚结案", submit: "结案", fields: [date])
        case "penalty-summary":
            return ActForm(act: act, title: "简易程序当场处罚", submit: "当场作出处罚决定", fields: [
                violation, party, .textarea("facts", "违法事实", required: true),
                .text("fine", "罚款金额", required: true, placeholder: "整元；单位不超过3000元，个人不超过200元",
                      rules: [Rule.summaryFineLimit.rawValue, Rule.fineInRange.rawValue]),
                .textarea("measures", "其他处罚"), officers, date,
            ], defaults: officerDefaults)
        case "penalty-hearing":
            return ActForm(act: act, title: "听证", submit: "记录听证", fields: [
                .date("requestedOn", "申请听证日期", required: true, rules: [Rule.hearingRequestWindow.rawValue]),
                .date("notifiedOn", "听证通知日期", required: true, rules: [Rule.hearingNotice.rawValue]),
                .date("heldOn", "举行听证日期", required: true, rules: [Rule.hearingWindow.rawValue]),
            ])
        case "penalty-extend-decision":
            return ActForm(act: act, title: "延长办案期限", submit: "记录批准", fields: [
                .date("until", "延长至", required: true, rules: [Rule.decisionExtensionLater.rawValue, Rule.decisionExtensionOnce.rawValue]),
                .text("approver", "批准人（机关负责人）", required: true), .textarea("reason", "延长理由", required: true),
                FormField.date("date", "批准日期", rules: [Rule.decisionExtensionInTime.rawValue, Rule.actNotInFuture.rawValue]),
            ])
        case "penalty-delay":
            return ActForm(act: act, title: "延期或分期缴纳罚款", submit: "记录批准", fields: [
                .date("until", "缴纳期限延至", required: true, rules: [Rule.delayLater.rawValue]), date,
            ])
        case "penalty-pause":
            return ActForm(act: act, title: "加处罚款暂停（复议或诉讼期间）", submit: "记录", fields: [
                .date("from", "自", required: true), .date("to", "至", required: true), .textarea("reason", "事由", required: true),
            ])
        case "penalty-demand":
            return ActForm(act: act, title: "催告", submit: "出具催告书", fields: [
                FormField.date("date", "催告日期", rules: [Rule.demandAfterDue.rawValue, Rule.actNotInFuture.rawValue]),
            ])
        case "penalty-transfer":
            return ActForm(act: act, title: "移送", submit: "记录移送", fields: [
                .text("receiver", "移送至", required: true, placeholder: "如 人民法院（申请强制执行）或 公安机关"), date,
            ])
        default:
            return nil
        }
    }
}
