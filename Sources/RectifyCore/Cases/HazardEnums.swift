/// 事故隐患 level: 一般 (general) or 重大 (major, 《安全生产法》第41条: recorded, reported, supervised).
public enum HazardLevel: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case general
    case major

    public var chinese: String { self == .general ? "一般" : "重大" }
    public static let fieldChinese = "隐患等级"
    public static let fieldEnglish = "hazard level"
}

/// Where a hazard stands: found, claimed fixed by the unit, verified by a re-check, or handed to the penalty procedure.
public enum HazardStatus: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case open
    case claimed
    case verified
    case penalty

    public var chinese: String {
        switch self {
        case .open: "待整改"
        case .claimed: "单位已报整改"
        case .verified: "复查已销号"
        case .penalty: "转入处罚程序"
        }
    }

    /// Resolved hazards no longer hold a case open.
    public var isResolved: Bool { self == .verified || self == .penalty }

    public static let fieldChinese = "隐患状态"
    public static let fieldEnglish = "hazard status"
}

/// A re-check's verdict on one hazard.
public enum RecheckVerdict: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case fixed
    case notFixed = "not-fixed"

    public var chinese: String { self == .fixed ? "已整改" : "未整改" }
    public static let fieldChinese = "复查结论"
    public static let fieldEnglish = "re-check verdict"
}

/// The two plan records of a case: the authority's inspection plan and the unit's rectification plan.
public enum PlanKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case inspection
    case rectification

    public var chinese: String { self == .inspection ? "检查计划" : "整改方案" }
    public static let fieldChinese = "计划类型"
    public static let fieldEnglish = "plan kind"
}

/// One checklist item's result in a self-check.
public enum CheckResult: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case pass
    case fail
    case notApplicable = "n/a"

    public var chinese: String {
        switch self {
        case .pass: "符合"
        case .fail: "不符合"
        case .notApplicable: "不适用"
        }
    }

    public static let fieldChinese = "检查结果"
    public static let fieldEnglish = "check result"
}
