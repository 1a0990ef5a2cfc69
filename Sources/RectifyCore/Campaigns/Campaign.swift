/// A special rectification campaign (专项整治).
public struct Campaign: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Campaign>
    public var id: ID?
    /// Short ASCII code, used in case numbers and export folders, e.g. `gas-2026`.
    public var code: String
    public var kind: CampaignKind
    public var title: String
    /// 方案文号 of the plan that launched the campaign.
    public var planNumber: String
    public var leadDepartmentId: Department.ID
    public var startsOn: LocalDate
    public var endsOn: LocalDate

    public init(id: ID? = nil, code: String, kind: CampaignKind, title: String, planNumber: String,
                leadDepartmentId: Department.ID, startsOn: LocalDate, endsOn: LocalDate) {
        self.id = id
        self.code = code
        self.kind = kind
        self.title = title
        self.planNumber = planNumber
        self.leadDepartmentId = leadDepartmentId
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// Campaign codes go into file names and case numbers: lower-case ASCII letters, digits and hyphens.
    public static func validateCode(_ code: String) throws(ValidationError) {
        let allowed = code.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d }
        guard (2...32).contains(code.utf8.count), allowed, code.first != "-", code.last != "-" else {
            throw ValidationError(field: "整治代码", fieldEnglish: "campaign code", value: code,
                                  chinese: "应为2–32位小写字母、数字或连字符", english: "use 2–32 lower-case letters, digits or hyphens")
        }
    }
}

public struct CampaignPartner: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CampaignPartner>
    public var id: ID?
    public var campaignId: Campaign.ID
    public var departmentId: Department.ID

    public init(id: ID? = nil, campaignId: Campaign.ID, departmentId: Department.ID) {
        self.id = id
        self.campaignId = campaignId
        self.departmentId = departmentId
    }
}

/// A dated phase: 动员部署, 自查自改, 复查复核, 执法处罚, 总结.
public struct CampaignPhase: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CampaignPhase>
    public var id: ID?
    public var campaignId: Campaign.ID
    public var seq: Int
    public var name: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate

    public init(id: ID? = nil, campaignId: Campaign.ID, seq: Int, name: String, startsOn: LocalDate, endsOn: LocalDate) {
        self.id = id
        self.campaignId = campaignId
        self.seq = seq
        self.name = name
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// Scope is the product of its streets and categories; no rows of one kind means all of that kind.
public struct CampaignScope: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CampaignScope>
    public var id: ID?
    public var campaignId: Campaign.ID
    public var streetId: Street.ID?
    public var category: UnitCategory?

    public init(id: ID? = nil, campaignId: Campaign.ID, streetId: Street.ID? = nil, category: UnitCategory? = nil) {
        self.id = id
        self.campaignId = campaignId
        self.streetId = streetId
        self.category = category
    }
}

/// A dated, quantitative target, e.g. 6月底前规上企业100%完成并通过验收.
public struct CampaignTarget: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CampaignTarget>
    public var id: ID?
    public var campaignId: Campaign.ID
    public var metric: TargetMetric
    public var category: UnitCategory?
    public var streetId: Street.ID?
    public var percent: Int?
    public var count: Int?
    public var dueOn: LocalDate

    public init(id: ID? = nil, campaignId: Campaign.ID, metric: TargetMetric, category: UnitCategory? = nil,
                streetId: Street.ID? = nil, amount: TargetAmount, dueOn: LocalDate) {
        self.id = id
        self.campaignId = campaignId
        self.metric = metric
        self.category = category
        self.streetId = streetId
        switch amount {
        case .percent(let p): percent = p
        case .count(let n): count = n
        }
        self.dueOn = dueOn
    }

    public var amount: TargetAmount { percent.map(TargetAmount.percent) ?? .count(count ?? 0) }
}

/// A campaign's own copy of its checklist: later changes to the built-in list do not alter a running campaign.
public struct CampaignChecklistItem: Codable, Equatable, Sendable {
    public typealias ID = Identifier<CampaignChecklistItem>
    public var id: ID?
    public var campaignId: Campaign.ID
    public var seq: Int
    public var code: String
    public var text: String
    public var basis: String
    public var defaultLevel: HazardLevel

    public init(id: ID? = nil, campaignId: Campaign.ID, seq: Int, item: ChecklistItem) {
        self.id = id
        self.campaignId = campaignId
        self.seq = seq
        code = item.code
        text = item.text
        basis = item.basis
        defaultLevel = item.defaultLevel
    }
}
