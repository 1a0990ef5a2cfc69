/// What is past its deadline, in the `overdue` list.
public enum OverdueKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case rectification
    case recheck
    case decision
    case service
    case payment

    public var chinese: String {
        switch self {
        case .rectification: "隐患逾期未整改"
        case .recheck: "逾期未复查"
        case .decision: "逾期未作出处罚决定"
        case .service: "决定书逾期未送达"
        case .payment: "罚款逾期未缴"
        }
    }

    public static let fieldChinese = "逾期事项"
    public static let fieldEnglish = "overdue item"
}
