/// The register's unit categories (底数清单 of the seed's grid supervision).
public enum UnitCategory: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case aboveScale = "above-scale"          // 规上企业
    case belowScale = "below-scale"          // 规下企业
    case restaurant
    case crowdedPlace = "crowded-place"
    case individualBusiness = "individual"
    case constructionSite = "construction-site"
    case other

    public var chinese: String {
        switch self {
        case .aboveScale: "规上企业"
        case .belowScale: "规下企业"
        case .restaurant: "餐饮场所"
        case .crowdedPlace: "人员密集场所"
        case .individualBusiness: "个体工商户"
        case .constructionSite: "建筑工地"
        case .other: "其他"
        }
    }

    public static let fieldChinese = "类别"
    public static let fieldEnglish = "category"
}
