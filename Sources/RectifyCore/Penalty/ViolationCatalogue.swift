/// Who is penalised: the fine ranges and the summary-procedure limits differ.
public enum PartyKind: String, CaseIterable, Codable, Sendable, BilingualEnum {
    case organisation
    case individual

    public var chinese: String { self == .organisation ? "单位" : "个人" }
    public static let fieldChinese = "当事人类型"
    public static let fieldEnglish = "party"
}

/// A common violation with its penalty basis and fine range (`reference/domain.md` §2); `decide` cites one.
public struct Violation: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Violation>
    public var id: ID?
    public var code: String
    public var kind: CampaignKind?
    public var title: String
    public var basis: String
    public var party: PartyKind
    public var minFineYuan: Int
    public var maxFineYuan: Int

    public init(id: ID? = nil, code: String, kind: CampaignKind?, title: String, basis: String, party: PartyKind,
                minFineYuan: Int, maxFineYuan: Int) {
        self.id = id
        self.code = code
        self.kind = kind
        self.title = title
        self.basis = basis
        self.party = party
        self.minFineYuan = minFineYuan
        self.maxFineYuan = maxFineYuan
    }

    /// A fine outside the cited basis's range is refused (a warning, fine 0, is allowed where the minimum is 0).
    public func checkFine(_ fine: Int) throws(RuleViolation) {
        guard (minFineYuan...maxFineYuan).contains(fine) else {
            throw RuleViolation(rule: .fineInRange,
                                chinese: "罚款\(Money(yuan: fine).yuanText)超出\(basis)规定的\(Money(yuan: minFineYuan).yuanText)至\(Money(yuan: maxFineYuan).yuanText)",
                                english: "a fine of \(fine) yuan is outside \(minFineYuan)–\(maxFineYuan) yuan set by \(basis)")
        }
    }
}

public enum ShippedViolations {
    public static let all: [Violation] = [
        .init(code: "AQ99-8", kind: .gas, title: "餐饮等场所使用燃气未安装可燃气体报警装置", basis: "《安全生产法》第99条第8项",
              party: .organisation, minFineYuan: 0, maxFineYuan: 50_000),
        .init(code: "AQ99-8R", kind: .gas, title: "未安装可燃气体报警装置，逾期未改正", basis: "《安全生产法》第99条第8项",
              party: .organisation, minFineYuan: 50_000, maxFineYuan: 200_000),
        .init(code: "RQ49", kind: .gas, title: "燃气用户违规使用、私接燃气设施，逾期未改正", basis: "《城镇燃气管理条例》第49条",
              party: .organisation, minFineYuan: 0, maxFineYuan: 100_000),
        .init(code: "RQ49-P", kind: .gas, title: "个人燃气用户违规使用燃气设施，逾期未改正", basis: "《城镇燃气管理条例》第49条",
              party: .individual, minFineYuan: 0, maxFineYuan: 1_000),
        .init(code: "GC47", kind: .eBike, title: "经营单位在高层建筑违规停放、充电电动自行车", basis: "《高层民用建筑消防安全管理规定》第47条",
              party: .organisation, minFineYuan: 2_000, maxFineYuan: 10_000),
        .init(code: "XF60", kind: .fire, title: "占用、堵塞、封闭疏散通道、安全出口或消防设施不符合标准", basis: "《消防法》第60条",
              party: .organisation, minFineYuan: 5_000, maxFineYuan: 50_000),
        .init(code: "JS65", kind: .pumpTruck, title: "施工起重机械、整体提升脚手架等未经检验或违规使用，逾期未改正",
              basis: "《建设工程安全生产管理条例》第65条", party: .organisation, minFineYuan: 100_000, maxFineYuan: 300_000),
        .init(code: "TS83", kind: .specialEquipment, title: "特种设备未办理使用登记或未定期检验，逾期未改正", basis: "《特种设备安全法》第83条",
              party: .organisation, minFineYuan: 10_000, maxFineYuan: 100_000),
        .init(code: "TS84", kind: .specialEquipment, title: "使用未取得许可、未经检验、检验不合格或已报废的特种设备",
              basis: "《特种设备安全法》第84条", party: .organisation, minFineYuan: 30_000, maxFineYuan: 300_000),
        .init(code: "TS86", kind: .specialEquipment, title: "特种设备作业人员未取得相应资格，逾期未改正", basis: "《特种设备安全法》第86条",
              party: .organisation, minFineYuan: 10_000, maxFineYuan: 50_000),
        .init(code: "TSJC35", kind: .specialEquipment, title: "未按要求开展特种设备自查，逾期未改正", basis: "《特种设备安全监督检查办法》第35条",
              party: .organisation, minFineYuan: 5_000, maxFineYuan: 30_000),
        .init(code: "AQ102", kind: nil, title: "未采取措施消除事故隐患", basis: "《安全生产法》第102条",
              party: .organisation, minFineYuan: 0, maxFineYuan: 50_000),
    ]
}
