/// One numbered check of a campaign (检查要点) with its legal basis and the level a failure usually has.
public struct ChecklistItem: Codable, Equatable, Sendable {
    public var code: String
    public var text: String
    public var basis: String
    public var defaultLevel: HazardLevel

    public init(code: String, text: String, basis: String, defaultLevel: HazardLevel) {
        self.code = code
        self.text = text
        self.basis = basis
        self.defaultLevel = defaultLevel
    }
}

/// The built-in checklists, drawn from the seed's campaign tasks and the statutes in `reference/domain.md` §2.
public enum BuiltInChecklist {
    public static func items(for kind: CampaignKind) -> [ChecklistItem] {
        switch kind {
        case .gas: gas
        case .eBike: eBike
        case .pumpTruck: pumpTruck
        case .specialEquipment: specialEquipment
        case .fire: fire
        case .other: []
        }
    }

    static let gas: [ChecklistItem] = [
        .init(code: "RQ01", text: "使用燃气的餐饮场所安装可燃气体报警装置并保障正常使用",
              basis: "《安全生产法》第36条第3款、第99条第8项", defaultLevel: .major),
        .init(code: "RQ02", text: "液化石油气钢瓶不在地下室、半地下室、居民小区车库内存放或使用",
              basis: "《城镇燃气管理条例》第28条、第49条", defaultLevel: .major),
        .init(code: "RQ03", text: "燃气软管无老化、龟裂，长度不超过2米，不穿墙、不暗设，两端卡箍紧固",
              basis: "《城镇燃气管理条例》第28条；GB 50028", defaultLevel: .general),
        .init(code: "RQ04", text: "燃气阀门、调压器完好，用气结束后及时关闭阀门",
              basis: "《城镇燃气管理条例》第28条", defaultLevel: .general),
        .init(code: "RQ05", text: "无私接燃气管道、无擅自改装燃气设施",
              basis: "《城镇燃气管理条例》第28条、第49条", defaultLevel: .major),
        .init(code: "RQ06", text: "无液化气带充点、无非法倒灌充装液化石油气",
              basis: "《城镇燃气管理条例》第15条、第45条", defaultLevel: .major),
        .init(code: "RQ07", text: "钢瓶来源合法、在检验有效期内，不使用报废或过期钢瓶",
              basis: "《特种设备安全法》第84条", defaultLevel: .major),
        .init(code: "RQ08", text: "用气场所通风良好，燃气具与可燃物保持安全距离",
              basis: "《城镇燃气管理条例》第28条", defaultLevel: .general),
        .init(code: "RQ09", text: "落实燃气安全管理制度，从业人员经安全培训、会正确使用和应急处置",
              basis: "《安全生产法》第28条", defaultLevel: .general),
    ]

    static let eBike: [ChecklistItem] = [
        .init(code: "DD01", text: "电动自行车不在楼道、楼梯间停放或充电",
              basis: "《高层民用建筑消防安全管理规定》第37条、第47条", defaultLevel: .major),
        .init(code: "DD02", text: "电动自行车不在疏散通道、安全出口处停放或充电",
              basis: "《消防法》第28条、第60条", defaultLevel: .major),
        .init(code: "DD03", text: "无“飞线充电”（私拉电线、插线板入户充电）",
              basis: "《高层民用建筑消防安全管理规定》第37条", defaultLevel: .general),
        .init(code: "DD04", text: "群租房内无电动自行车及电池停放、充电",
              basis: "《消防法》第28条", defaultLevel: .major),
        .init(code: "DD05", text: "设置集中停放场所和充电设施，具备定时断电、过充保护等功能",
              basis: "《高层民用建筑消防安全管理规定》第37条", defaultLevel: .general),
        .init(code: "DD06", text: "集中充电场所配置灭火器材并保持完好有效",
              basis: "《消防法》第16条", defaultLevel: .general),
        .init(code: "DD07", text: "物业服务企业开展日常巡查、张贴通告、劝阻违规停放充电",
              basis: "《高层民用建筑消防安全管理规定》第47条", defaultLevel: .general),
        .init(code: "DD08", text: "电动自行车销售点不销售不符合强制性国家标准的车辆和电池",
              basis: "《产品质量法》第13条；GB 17761", defaultLevel: .general),
    ]

    static let pumpTruck: [ChecklistItem] = [
        .init(code: "BC01", text: "泵车作业时臂架下严禁站人",
              basis: "《建设工程安全生产管理条例》第28条、第65条；JGJ 33", defaultLevel: .major),
        .init(code: "BC02", text: "支腿全部伸出并垫设枕木或钢板，地基承载力满足要求",
              basis: "JGJ 33《建筑机械使用安全技术规程》", defaultLevel: .major),
        .init(code: "BC03", text: "泵车操作人员持有效操作证上岗",
              basis: "《建设工程安全生产管理条例》第25条", defaultLevel: .major),
        .init(code: "BC04", text: "泵车与架空输电线路保持安全距离",
              basis: "JGJ 46《施工现场临时用电安全技术规范》", defaultLevel: .major),
        .init(code: "BC05", text: "臂架、输送管、卡箍无裂纹、磨损超限，安全装置齐全有效",
              basis: "《建设工程安全生产管理条例》第34条", defaultLevel: .general),
        .init(code: "BC06", text: "作业前进行安全技术交底并留存记录",
              basis: "《建设工程安全生产管理条例》第27条", defaultLevel: .general),
        .init(code: "BC07", text: "作业区域设置警戒线并有专人指挥",
              basis: "《建设工程安全生产管理条例》第28条", defaultLevel: .general),
        .init(code: "BC08", text: "泵车进场查验登记、定期检查维修保养记录齐全",
              basis: "《建设工程安全生产管理条例》第35条", defaultLevel: .general),
        .init(code: "BC09", text: "风力六级及以上、雷雨天气停止臂架作业",
              basis: "JGJ 33《建筑机械使用安全技术规程》", defaultLevel: .general),
    ]

    static let specialEquipment: [ChecklistItem] = [
        .init(code: "TS01", text: "特种设备办理使用登记，登记标志置于显著位置",
              basis: "《特种设备安全法》第33条、第83条", defaultLevel: .major),
        .init(code: "TS02", text: "特种设备按期定期检验，未检或检验不合格的不得使用",
              basis: "《特种设备安全法》第40条、第83条", defaultLevel: .major),
        .init(code: "TS03", text: "特种设备作业人员（叉车司机、电梯安全管理员等）持证上岗",
              basis: "《特种设备安全法》第14条、第86条", defaultLevel: .major),
        .init(code: "TS04", text: "不使用报废、超过检验期或不合格的气瓶，报废气瓶交回收",
              basis: "《特种设备安全法》第48条、第84条", defaultLevel: .major),
        .init(code: "TS05", text: "电梯有日常维护保养单位，每15日至少维保一次",
              basis: "《特种设备安全法》第45条；国办发〔2018〕8号", defaultLevel: .general),
        .init(code: "TS06", text: "建立特种设备安全技术档案和安全管理制度",
              basis: "《特种设备安全法》第35条", defaultLevel: .general),
        .init(code: "TS07", text: "配备特种设备安全管理人员并开展经常性维护保养和自行检查",
              basis: "《特种设备安全法》第36条、第39条；《特种设备安全监督检查办法》第11条", defaultLevel: .general),
        .init(code: "TS08", text: "制定特种设备事故应急专项预案并定期演练",
              basis: "《特种设备安全法》第69条", defaultLevel: .general),
        .init(code: "TS09", text: "按要求开展专项检查中的自查并报送自查情况",
              basis: "《特种设备安全监督检查办法》第20条、第35条", defaultLevel: .general),
    ]

    static let fire: [ChecklistItem] = [
        .init(code: "XF01", text: "疏散通道、安全出口畅通，未锁闭、堵塞、占用",
              basis: "《消防法》第28条、第60条", defaultLevel: .major),
        .init(code: "XF02", text: "按标准配置灭火器并保持完好有效",
              basis: "《消防法》第16条、第60条", defaultLevel: .general),
        .init(code: "XF03", text: "电气线路敷设规范，无私拉乱接、超负荷用电",
              basis: "《消防法》第27条；电气火灾综合治理要求", defaultLevel: .major),
        .init(code: "XF04", text: "消防设施（自动报警、喷淋、消火栓）完好有效",
              basis: "《消防法》第16条、第60条", defaultLevel: .major),
        .init(code: "XF05", text: "应急照明、疏散指示标志完好",
              basis: "《消防法》第16条", defaultLevel: .general),
        .init(code: "XF06", text: "建成微型消防站，人员、器材到位",
              basis: "《高层民用建筑消防安全管理规定》第39条", defaultLevel: .general),
        .init(code: "XF07", text: "高层建筑落实楼长制，明确消防安全责任人和管理人",
              basis: "《高层民用建筑消防安全管理规定》第4条、第6条", defaultLevel: .general),
        .init(code: "XF08", text: "防火门、防火卷帘完好，常闭式防火门保持关闭",
              basis: "《消防法》第28条", defaultLevel: .general),
        .init(code: "XF09", text: "开展防火巡查检查并留存记录，员工经消防安全培训",
              basis: "《消防法》第16条、第17条", defaultLevel: .general),
    ]
}
