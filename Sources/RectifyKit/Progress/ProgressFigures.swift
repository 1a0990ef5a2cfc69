import Foundation
import RectifyCore

/// One row of campaign statistics: the whole scope, or one street, grid, department, officer or unit category.
public struct ProgressFigures: Codable, Sendable, Equatable {
    public var name: String
    /// Units in the campaign's scope; nil for officers (units are not assigned to officers).
    public var unitsInScope: Int?
    public var casesOpened = 0
    public var selfChecked = 0
    public var rechecked = 0
    public var passed = 0
    public var closed = 0
    public var inspections = 0
    public var documents = 0
    public var foundGeneral = 0
    public var foundMajor = 0
    public var rectifiedGeneral = 0
    public var rectifiedMajor = 0
    public var verifiedGeneral = 0
    public var verifiedMajor = 0
    public var overdueGeneral = 0
    public var overdueMajor = 0
    public var claimsJudged = 0
    public var claimsFailed = 0
    public var penaltiesFiled = 0
    public var decisions = 0
    public var fineYuan = 0
    public var stopOrders = 0
    public var transfersJudicial = 0
    public var transfersOther = 0

    public init(name: String, unitsInScope: Int?, sums: [ProgressMeasure: Int]) {
        self.name = name
        self.unitsInScope = unitsInScope
        for (measure, n) in sums {
            switch measure {
            case .casesOpened: casesOpened = n
            case .selfChecked: selfChecked = n
            case .rechecked: rechecked = n
            case .passed: passed = n
            case .closed: closed = n
            case .inspections: inspections = n
            case .documents: documents = n
            case .foundGeneral: foundGeneral = n
            case .foundMajor: foundMajor = n
            case .rectifiedGeneral: rectifiedGeneral = n
            case .rectifiedMajor: rectifiedMajor = n
            case .verifiedGeneral: verifiedGeneral = n
            case .verifiedMajor: verifiedMajor = n
            case .overdueGeneral: overdueGeneral = n
            case .overdueMajor: overdueMajor = n
            case .claimsJudged: claimsJudged = n
            case .claimsFailed: claimsFailed = n
            case .penaltiesFiled: penaltiesFiled = n
            case .decisions: decisions = n
            case .fineYuan: fineYuan = n
            case .stopOrders: stopOrders = n
            case .transfersJudicial: transfersJudicial = n
            case .transfersOther: transfersOther = n
            case .unitsBeforeEntry: break  // folded into unitsInScope by the query
            }
        }
    }

    /// 整改率 = 已整改 ÷ 发现 (percent, two decimals); nil when nothing was found.
    public var rectificationRateGeneral: Double? { Self.rate(rectifiedGeneral, of: foundGeneral) }
    public var rectificationRateMajor: Double? { Self.rate(rectifiedMajor, of: foundMajor) }
    public var rectificationRate: Double? { Self.rate(rectifiedGeneral + rectifiedMajor, of: foundGeneral + foundMajor) }
    /// Share of the unit's "fixed" reports that the re-check confirmed; nil before any was judged.
    public var selfReportReliability: Double? { Self.rate(claimsJudged - claimsFailed, of: claimsJudged) }

    static func rate(_ part: Int, of whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(part) * 10_000 / Double(whole)).rounded() / 100
    }

    enum CodingKeys: String, CodingKey {
        case name, unitsInScope, casesOpened, selfChecked, rechecked, passed, closed, inspections, documents
        case foundGeneral, foundMajor, rectifiedGeneral, rectifiedMajor, verifiedGeneral, verifiedMajor
        case overdueGeneral, overdueMajor, claimsJudged, claimsFailed, penaltiesFiled, decisions, fineYuan, stopOrders
        case transfersJudicial, transfersOther
        case rectificationRateGeneral, rectificationRateMajor, rectificationRate, selfReportReliability
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unitsInScope, forKey: .unitsInScope)
        for (key, value) in [(CodingKeys.casesOpened, casesOpened), (.selfChecked, selfChecked), (.rechecked, rechecked),
                             (.passed, passed), (.closed, closed), (.inspections, inspections), (.documents, documents),
                             (.foundGeneral, foundGeneral), (.foundMajor, foundMajor),
                             (.rectifiedGeneral, rectifiedGeneral), (.rectifiedMajor, rectifiedMajor),
                             (.verifiedGeneral, verifiedGeneral), (.verifiedMajor, verifiedMajor),
                             (.overdueGeneral, overdueGeneral), (.overdueMajor, overdueMajor),
                             (.claimsJudged, claimsJudged), (.claimsFailed, claimsFailed),
                             (.penaltiesFiled, penaltiesFiled), (.decisions, decisions), (.fineYuan, fineYuan),
                             (.stopOrders, stopOrders), (.transfersJudicial, transfersJudicial),
                             (.transfersOther, transfersOther)] {
            try c.encode(value, forKey: key)
        }
        try c.encode(rectificationRateGeneral, forKey: .rectificationRateGeneral)
        try c.encode(rectificationRateMajor, forKey: .rectificationRateMajor)
        try c.encode(rectificationRate, forKey: .rectificationRate)
        try c.encode(selfReportReliability, forKey: .selfReportReliability)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var sums: [ProgressMeasure: Int] = [:]
        let pairs: [(CodingKeys, ProgressMeasure)] = [
            (.casesOpened, .casesOpened), (.selfChecked, .selfChecked), (.rechecked, .rechecked), (.passed, .passed),
            (.closed, .closed), (.inspections, .inspections), (.documents, .documents), (.foundGeneral, .foundGeneral),
            (.foundMajor, .foundMajor), (.rectifiedGeneral, .rectifiedGeneral), (.rectifiedMajor, .rectifiedMajor),
            (.verifiedGeneral, .verifiedGeneral), (.verifiedMajor, .verifiedMajor), (.overdueGeneral, .overdueGeneral),
            (.overdueMajor, .overdueMajor), (.claimsJudged, .claimsJudged), (.claimsFailed, .claimsFailed),
            (.penaltiesFiled, .penaltiesFiled), (.decisions, .decisions), (.fineYuan, .fineYuan),
            (.stopOrders, .stopOrders), (.transfersJudicial, .transfersJudicial), (.transfersOther, .transfersOther),
        ]
        for (key, measure) in pairs { sums[measure] = try c.decode(Int.self, forKey: key) }
        self.init(name: try c.decode(String.self, forKey: .name),
                  unitsInScope: try c.decodeIfPresent(Int.self, forKey: .unitsInScope), sums: sums)
    }
}

/// The columns of a statistics table, in the order superiors read them; terminal, CSV and report share them.
public struct ProgressColumn: Sendable {
    public var header: String
    /// Shown in the terminal table (the CSV has every column).
    public var brief: Bool
    public var value: @Sendable (ProgressFigures) -> String
    /// The same value for a spreadsheet: counts and amounts as numbers, a rate as a percentage number (61.2).
    public var cell: @Sendable (ProgressFigures) -> Sheet.Cell

    static func count(_ header: String, brief: Bool = true, _ value: @escaping @Sendable (ProgressFigures) -> Int) -> Self {
        ProgressColumn(header: header, brief: brief, value: { String(value($0)) }, cell: { .integer(value($0)) })
    }

    static func rate(_ header: String, brief: Bool = true, _ value: @escaping @Sendable (ProgressFigures) -> Double?) -> Self {
        ProgressColumn(header: header, brief: brief, value: { figures in value(figures).map(Self.percent) ?? "无" },
                       cell: { figures in value(figures).map { .number(($0 * 10).rounded() / 10) } ?? .empty })
    }

    public static func percent(_ value: Double) -> String {
        // One decimal throughout, so that a column of rates lines up (57.6%, 100.0%).
        String(format: "%.1f%%", value)
    }

    public static let all: [ProgressColumn] = [
        ProgressColumn(header: "名称", brief: true, value: { $0.name }, cell: { .text($0.name) }),
        ProgressColumn(header: "范围单位", brief: true, value: { $0.unitsInScope.map(String.init) ?? "无" },
                       cell: { $0.unitsInScope.map(Sheet.Cell.integer) ?? .empty }),
        count("立档") { $0.casesOpened },
        count("完成自查") { $0.selfChecked },
        count("完成复查") { $0.rechecked },
        count("通过验收") { $0.passed },
        count("结档", brief: false) { $0.closed },
        count("检查家次", brief: false) { $0.inspections },
        count("出动人次", brief: false) { $0.inspections * 2 },
        count("执法文书", brief: false) { $0.documents },
        count("一般隐患") { $0.foundGeneral },
        count("一般已整改") { $0.rectifiedGeneral },
        rate("一般整改率") { $0.rectificationRateGeneral },
        count("一般已销号", brief: false) { $0.verifiedGeneral },
        count("一般逾期") { $0.overdueGeneral },
        count("重大隐患") { $0.foundMajor },
        count("重大已整改") { $0.rectifiedMajor },
        rate("重大整改率") { $0.rectificationRateMajor },
        count("重大已销号", brief: false) { $0.verifiedMajor },
        count("重大逾期") { $0.overdueMajor },
        rate("整改率", brief: false) { $0.rectificationRate },
        count("自报经复查", brief: false) { $0.claimsJudged },
        count("自报未通过", brief: false) { $0.claimsFailed },
        rate("自报可靠率", brief: false) { $0.selfReportReliability },
        count("立案") { $0.penaltiesFiled },
        count("处罚决定", brief: false) { $0.decisions },
        ProgressColumn(header: "罚款(元)", brief: true, value: { String(Money(yuan: $0.fineYuan).yuanText.dropLast()) },
                       cell: { .money(Money(yuan: $0.fineYuan)) }),
        count("停产停业") { $0.stopOrders },
        count("移送司法", brief: false) { $0.transfersJudicial },
        count("移送其他部门", brief: false) { $0.transfersOther },
        count("移送") { $0.transfersJudicial + $0.transfersOther },
    ]
}
