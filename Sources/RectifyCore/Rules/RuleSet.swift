/// A legal parameter the rules engine uses. Each has versions with effective dates and sources.
public enum RuleKey: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case decisionDeadline = "decision-deadline"
    case serviceWindow = "service-window"
    case paymentWindow = "payment-window"
    case surchargeRate = "surcharge-rate"
    case surchargeCap = "surcharge-cap"
    case summaryFineIndividual = "summary-fine-individual"
    case summaryFineOrganisation = "summary-fine-organisation"
    case summaryCashLimit = "summary-cash-limit"
    case hearingThresholdIndividual = "hearing-threshold-individual"
    case hearingThresholdOrganisation = "hearing-threshold-organisation"
    case hearingRequestWindow = "hearing-request-window"
    case hearingNotice = "hearing-notice"
    case defenceWindow = "defence-window"
    case recheckWindow = "recheck-window"
    case limitation
    case limitationHarm = "limitation-harm"

    public var chinese: String {
        switch self {
        case .decisionDeadline: "作出处罚决定期限"
        case .serviceWindow: "决定书送达期限"
        case .paymentWindow: "缴纳罚款期限"
        case .surchargeRate: "加处罚款比例（每日）"
        case .surchargeCap: "加处罚款上限（占罚款）"
        case .summaryFineIndividual: "简易程序罚款上限（个人）"
        case .summaryFineOrganisation: "简易程序罚款上限（单位）"
        case .summaryCashLimit: "当场收缴罚款上限"
        case .hearingThresholdIndividual: "听证罚款数额（个人）"
        case .hearingThresholdOrganisation: "听证罚款数额（单位）"
        case .hearingRequestWindow: "听证申请期限"
        case .hearingNotice: "听证通知提前期"
        case .defenceWindow: "陈述申辩期限"
        case .recheckWindow: "整改复查期限"
        case .limitation: "追责时效"
        case .limitationHarm: "追责时效（危及生命健康）"
        }
    }

    public static let fieldChinese = "规则参数"
    public static let fieldEnglish = "rule parameter"
}

/// How a rule's value is counted.
public enum RuleUnit: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case calendarDays = "days"
    case workingDays = "working-days"
    case percent
    case yuan
    case years

    public var chinese: String {
        switch self {
        case .calendarDays: "日"
        case .workingDays: "个工作日"
        case .percent: "%"
        case .yuan: "元"
        case .years: "年"
        }
    }

    public static let fieldChinese = "计量单位"
    public static let fieldEnglish = "unit"
}

/// One version of a rule: its value from `effectiveFrom` on, for one campaign kind or (nil) for all.
public struct RuleVersion: Codable, Equatable, Sendable {
    public typealias ID = Identifier<RuleVersion>
    public var id: ID?
    public var key: RuleKey
    public var kind: CampaignKind?
    public var value: Int
    public var unit: RuleUnit
    public var effectiveFrom: LocalDate
    public var source: String

    public init(id: ID? = nil, key: RuleKey, kind: CampaignKind? = nil, value: Int, unit: RuleUnit,
                effectiveFrom: LocalDate, source: String) {
        self.id = id
        self.key = key
        self.kind = kind
        self.value = value
        self.unit = unit
        self.effectiveFrom = effectiveFrom
        self.source = source
    }

    public var valueText: String { "\(value)\(unit.chinese)" }
}

/// A rule that has no version in force on the date asked.
public struct RuleGap: UserFacingError, Equatable {
    public var key: RuleKey
    public var date: LocalDate
    public var chinese: String { "\(date.chinese)没有生效的“\(key.chinese)”规则（\(key.rawValue)）" }
    public var english: String { "no version of rule \(key.rawValue) is in force on \(date)" }
}

/// Every rule version; a case is judged by the version in force on the relevant date, a kind-specific version
/// before a general one.
public struct RuleSet: Sendable {
    public let versions: [RuleVersion]

    public init(versions: [RuleVersion]) { self.versions = versions }

    public static let shipped = RuleSet(versions: ShippedRules.all)

    public func adding(_ more: [RuleVersion]) -> RuleSet { RuleSet(versions: versions + more) }

    public func rule(_ key: RuleKey, kind: CampaignKind? = nil, on date: LocalDate) throws(RuleGap) -> RuleVersion {
        let inForce = versions.filter { $0.key == key && $0.effectiveFrom <= date }
        let specific = inForce.filter { $0.kind != nil && $0.kind == kind }.max { $0.effectiveFrom < $1.effectiveFrom }
        let general = inForce.filter { $0.kind == nil }.max { $0.effectiveFrom < $1.effectiveFrom }
        guard let found = specific ?? general else { throw RuleGap(key: key, date: date) }
        return found
    }
}

/// The rules Rectify ships, with their sources (`reference/domain.md` §1–§2). figures taken at second hand are marked 转引参考值.
public enum ShippedRules {
    static let penaltyLaw = LocalDate(year: 2021, month: 7, day: 15)!
    static let oldDepartmentRule = LocalDate(year: 2015, month: 5, day: 1)!

    public static let all: [RuleVersion] = [
        .init(key: .decisionDeadline, value: 90, unit: .calendarDays, effectiveFrom: penaltyLaw, source: "《行政处罚法》第60条"),
        .init(key: .serviceWindow, value: 7, unit: .workingDays, effectiveFrom: penaltyLaw, source: "《行政处罚法》第61条、第85条"),
        .init(key: .paymentWindow, value: 15, unit: .calendarDays, effectiveFrom: penaltyLaw, source: "《行政处罚法》第67条"),
        .init(key: .surchargeRate, value: 3, unit: .percent, effectiveFrom: penaltyLaw, source: "《行政处罚法》第72条"),
        .init(key: .surchargeCap, value: 100, unit: .percent, effectiveFrom: penaltyLaw, source: "《行政处罚法》第72条；《行政强制法》第45条"),
        .init(key: .summaryFineIndividual, value: 200, unit: .yuan, effectiveFrom: penaltyLaw, source: "《行政处罚法》第51条"),
        .init(key: .summaryFineOrganisation, value: 3000, unit: .yuan, effectiveFrom: penaltyLaw, source: "《行政处罚法》第51条"),
        .init(key: .summaryCashLimit, value: 100, unit: .yuan, effectiveFrom: penaltyLaw, source: "《行政处罚法》第68条"),
        .init(key: .hearingThresholdIndividual, value: 10000, unit: .yuan, effectiveFrom: oldDepartmentRule,
              source: "《安全生产违法行为行政处罚办法》（2015年版，转引参考值）"),
        .init(key: .hearingThresholdOrganisation, value: 30000, unit: .yuan, effectiveFrom: oldDepartmentRule,
              source: "《安全生产违法行为行政处罚办法》（2015年版，转引参考值）"),
        .init(key: .hearingRequestWindow, value: 5, unit: .workingDays, effectiveFrom: penaltyLaw, source: "《行政处罚法》第64条、第85条"),
        .init(key: .hearingNotice, value: 7, unit: .workingDays, effectiveFrom: penaltyLaw, source: "《行政处罚法》第64条、第85条"),
        .init(key: .defenceWindow, value: 3, unit: .workingDays, effectiveFrom: oldDepartmentRule,
              source: "《安全生产违法行为行政处罚办法》（2015年版，转引参考值）"),
        .init(key: .recheckWindow, value: 10, unit: .calendarDays, effectiveFrom: oldDepartmentRule,
              source: "《安全生产违法行为行政处罚办法》（2015年版，转引参考值）"),
        .init(key: .recheckWindow, kind: .specialEquipment, value: 10, unit: .workingDays,
              effectiveFrom: LocalDate(year: 2022, month: 7, day: 1)!, source: "《特种设备安全监督检查办法》第29条"),
        .init(key: .limitation, value: 2, unit: .years, effectiveFrom: penaltyLaw, source: "《行政处罚法》第36条"),
        .init(key: .limitationHarm, value: 5, unit: .years, effectiveFrom: penaltyLaw, source: "《行政处罚法》第36条"),
    ]
}
