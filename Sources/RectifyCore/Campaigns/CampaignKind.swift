/// The kinds of special rectification campaign (专项整治) the seed names.
public enum CampaignKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case gas
    case eBike = "e-bike"
    case pumpTruck = "pump-truck"
    case specialEquipment = "special-equipment"
    case fire
    case other

    public var chinese: String {
        switch self {
        case .gas: "燃气"
        case .eBike: "电动自行车"
        case .pumpTruck: "建筑工地泵车"
        case .specialEquipment: "特种设备"
        case .fire: "消防"
        case .other: "其他"
        }
    }

    public static let fieldChinese = "整治类型"
    public static let fieldEnglish = "kind"
}

/// What a dated target counts (the progress issue computes attainment).
public enum TargetMetric: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case casesOpened = "opened"
    case selfChecked = "self-checked"
    case rechecked
    case accepted
    case hazardsRectified = "hazards-rectified"
    case transferred

    public var chinese: String {
        switch self {
        case .casesOpened: "立档"
        case .selfChecked: "完成自查"
        case .rechecked: "完成复查"
        case .accepted: "完成并通过验收"
        case .hazardsRectified: "隐患整改"
        case .transferred: "移送"
        }
    }

    public static let fieldChinese = "目标指标"
    public static let fieldEnglish = "target metric"
}

/// A target's amount: a share of the units in its scope, or a count.
public enum TargetAmount: Equatable, Sendable, CustomStringConvertible {
    case percent(Int)
    case count(Int)

    public var description: String {
        switch self {
        case .percent(let p): "\(p)%"
        case .count(let n): "\(n)"
        }
    }
}
