/// What the progress ledger counts, each dated by the act it comes from (the business date, not the typing date).
/// Raw values are stored in the ledger: never rename one.
public enum ProgressMeasure: String, CaseIterable, Codable, Sendable {
    case casesOpened = "opened"
    case selfChecked = "self-checked"
    case rechecked
    /// 通过验收: the first re-check that found every hazard resolved.
    case passed
    case closed
    /// 检查单位家次: the opening inspection and every re-check.
    case inspections
    case documents
    case foundGeneral = "found-general"
    case foundMajor = "found-major"
    /// 已整改: reported fixed or verified, and not since refuted by a failed re-check.
    case rectifiedGeneral = "rectified-general"
    case rectifiedMajor = "rectified-major"
    case verifiedGeneral = "verified-general"
    case verifiedMajor = "verified-major"
    case overdueGeneral = "overdue-general"
    case overdueMajor = "overdue-major"
    /// Self-report reliability: verdicts on hazards the unit said it fixed, and how many of those failed.
    case claimsJudged = "claims-judged"
    case claimsFailed = "claims-failed"
    /// 立案 (general procedure only; the summary procedure files no case).
    case penaltiesFiled = "penalties-filed"
    case decisions
    case fineYuan = "fine-yuan"
    case stopOrders = "stop-orders"
    case transfersJudicial = "transfers-judicial"
    case transfersOther = "transfers-other"
    /// A unit whose case was opened before its register entry was written counts in the register from the opening:
    /// +1 on the opening day, -1 on the entry day (from then on the register tally counts it).
    case unitsBeforeEntry = "units-before-entry"

    public static func found(_ level: HazardLevel) -> Self { level == .general ? .foundGeneral : .foundMajor }
    public static func rectified(_ level: HazardLevel) -> Self { level == .general ? .rectifiedGeneral : .rectifiedMajor }
    public static func verified(_ level: HazardLevel) -> Self { level == .general ? .verifiedGeneral : .verifiedMajor }
    public static func overdue(_ level: HazardLevel) -> Self { level == .general ? .overdueGeneral : .overdueMajor }
}

/// How progress can be broken down. The ledger keeps one tally per dimension, so each breakdown reads only its own.
public enum ProgressDimension: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case all
    case street
    case grid
    case department
    case officer
    case category

    public var chinese: String {
        switch self {
        case .all: "合计"
        case .street: "街道"
        case .grid: "网格"
        case .department: "部门"
        case .officer: "执法人员"
        case .category: "单位类别"
        }
    }

    public static let fieldChinese = "分组维度"
    public static let fieldEnglish = "breakdown"
}

/// One dated change to one measure of one case.
public struct ProgressContribution: Hashable, Sendable {
    public var measure: ProgressMeasure
    public var day: LocalDate
    public var delta: Int

    public init(_ measure: ProgressMeasure, _ day: LocalDate, _ delta: Int = 1) {
        self.measure = measure
        self.day = day
        self.delta = delta
    }
}

/// 移送: a transfer to a public-security, procuratorate or court body is a transfer to the judicial organs
/// (涉嫌犯罪移送司法机关); any other receiver is another department.
public enum TransferReceiver {
    public static func isJudicial(_ receiver: String) -> Bool {
        ["公安", "检察", "法院", "司法机关"].contains { receiver.contains($0) }
    }
}
