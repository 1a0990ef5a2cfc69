/// What each audited action of a case is called on its timeline; an action without a label shows its code.
enum ActionLabels {
    static func label(_ action: String) -> String { labels[action] ?? action }

    static let labels: [String: String] = [
        "case.open": "立档", "case.close": "结档", "case.self-checked": "案件转为已自查", "case.rechecked": "案件复查结论",
        "case.reopen-rectification": "案件重新进入整改", "case.penalty-hook": "案件转入处罚程序",
        "document.issue": "出具执法文书", "hazard.add": "登记隐患", "hazard.edit": "更正隐患", "hazard.extend": "延期整改",
        "hazard.rectify": "单位报告已整改", "hazard.recheck": "隐患复查", "hazard.refer-to-penalty": "隐患转入处罚",
        "plan.add": "记录计划或方案", "selfcheck.add": "单位自查自改", "selfcheck.item": "自查要点",
        "recheck.add": "复查复核", "recheck.finding": "复查结论", "attachment.add": "添加附件",
        "penalty.file": "行政处罚立案", "penalty.summary": "简易程序处罚", "penalty.notify": "行政处罚告知",
        "penalty.hearing": "听证", "penalty.hearing-waived": "放弃听证", "penalty.decision-extended": "延长决定期限",
        "penalty.decide": "行政处罚决定", "penalty.serve": "送达", "penalty.pay": "缴纳罚款",
        "penalty.payment-delay": "延期或分期缴纳", "penalty.pause": "加处罚款暂停", "penalty.demand": "催告",
        "penalty.transfer": "移送", "penalty.close": "处罚结案",
    ]
}
