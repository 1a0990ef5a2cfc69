import RectifyCore
import RectifyStore

/// What a lead states when creating a campaign. Names refer to departments, streets and categories by name.
public struct CampaignSpec: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var startsOn: LocalDate
        public var endsOn: LocalDate
        public init(name: String, startsOn: LocalDate, endsOn: LocalDate) {
            self.name = name
            self.startsOn = startsOn
            self.endsOn = endsOn
        }
    }

    public struct Target: Sendable {
        /// A unit category or a street name that narrows the target; nil for the whole scope.
        public var scope: String?
        public var metric: TargetMetric
        public var amount: TargetAmount
        public var dueOn: LocalDate
        public init(scope: String?, metric: TargetMetric, amount: TargetAmount, dueOn: LocalDate) {
            self.scope = scope
            self.metric = metric
            self.amount = amount
            self.dueOn = dueOn
        }
    }

    public var code: String
    public var kind: CampaignKind
    public var title: String
    public var planNumber: String
    public var leadDepartment: String
    public var partnerDepartments: [String]
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var phases: [Phase]
    public var scopeStreets: [String]
    public var scopeCategories: [UnitCategory]
    public var targets: [Target]

    public init(code: String, kind: CampaignKind, title: String, planNumber: String, leadDepartment: String,
                partnerDepartments: [String] = [], startsOn: LocalDate, endsOn: LocalDate, phases: [Phase] = [],
                scopeStreets: [String] = [], scopeCategories: [UnitCategory] = [], targets: [Target] = []) {
        self.code = code
        self.kind = kind
        self.title = title
        self.planNumber = planNumber
        self.leadDepartment = leadDepartment
        self.partnerDepartments = partnerDepartments
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.phases = phases
        self.scopeStreets = scopeStreets
        self.scopeCategories = scopeCategories
        self.targets = targets
    }
}

extension TargetAmount {
    /// `100%` or `138`.
    public static func parse(_ text: String) throws(ValidationError) -> TargetAmount {
        let trimmed = text.trimmed
        if trimmed.hasSuffix("%") || trimmed.hasSuffix("％"), let p = Int(trimmed.dropLast()), (1...100).contains(p) {
            return .percent(p)
        }
        if let n = Int(trimmed), n > 0 { return .count(n) }
        throw ValidationError(field: "目标数量", fieldEnglish: "target amount", value: text,
                              chinese: "应为1%–100%的百分比或正整数", english: "a percentage 1%–100% or a positive count")
    }
}

extension WriteContext {
    func createCampaign(_ spec: CampaignSpec) throws -> Campaign {
        try Campaign.validateCode(spec.code)
        if try store.campaignExists(code: spec.code) {
            throw RuleViolation(rule: .campaignCodeUnique, chinese: "整治代码\(spec.code)已被使用",
                                english: "campaign code \(spec.code) is taken")
        }
        guard spec.endsOn >= spec.startsOn else {
            throw ValidationError(field: "结束日期", fieldEnglish: "end date", value: spec.endsOn.description,
                                  chinese: "不能早于开始日期\(spec.startsOn.chinese)", english: "is before the start \(spec.startsOn)")
        }
        guard spec.planNumber.nonBlank != nil else {
            throw ValidationError(field: "方案文号", fieldEnglish: "plan number", chinese: "不能为空", english: "must not be empty")
        }
        let lead = try Lookup.department(store, named: spec.leadDepartment)
        var campaign = Campaign(code: spec.code, kind: spec.kind, title: try require(spec.title, field: "标题", english: "title"),
                                planNumber: spec.planNumber.trimmed, leadDepartmentId: lead.id!,
                                startsOn: spec.startsOn, endsOn: spec.endsOn)
        let campaignId = try insert(&campaign, action: "campaign.create")
        for name in spec.partnerDepartments {
            let department = try Lookup.department(store, named: name)
            guard department.id != lead.id else {
                throw RuleViolation(rule: .partnerNotLead, chinese: "牵头部门不能同时是配合部门",
                                    english: "the lead department cannot also be a partner")
            }
            var partner = CampaignPartner(campaignId: campaignId, departmentId: department.id!)
            try insert(&partner, action: "campaign.partner")
        }
        for (index, phase) in spec.phases.enumerated() {
            guard phase.endsOn >= phase.startsOn, phase.startsOn >= spec.startsOn, phase.endsOn <= spec.endsOn else {
                throw ValidationError(field: "阶段", fieldEnglish: "phase", value: phase.name,
                                      chinese: "阶段日期须在整治期限\(spec.startsOn.chinese)至\(spec.endsOn.chinese)之内且结束不早于开始",
                                      english: "phase dates must lie within \(spec.startsOn)…\(spec.endsOn) and end after they start")
            }
            var record = CampaignPhase(campaignId: campaignId, seq: index + 1, name: phase.name.trimmed,
                                       startsOn: phase.startsOn, endsOn: phase.endsOn)
            try insert(&record, action: "campaign.phase")
        }
        for name in spec.scopeStreets.uniqued() {
            var scope = CampaignScope(campaignId: campaignId, streetId: try Lookup.street(store, named: name).id!)
            try insert(&scope, action: "campaign.scope")
        }
        for category in spec.scopeCategories.uniqued() {
            var scope = CampaignScope(campaignId: campaignId, category: category)
            try insert(&scope, action: "campaign.scope")
        }
        for target in spec.targets {
            guard target.dueOn >= spec.startsOn, target.dueOn <= spec.endsOn else {
                throw ValidationError(field: "目标截止日期", fieldEnglish: "target due date", value: target.dueOn.description,
                                      chinese: "须在整治期限之内", english: "must lie within the campaign")
            }
            if target.metric == .transferred, case .percent = target.amount {
                throw ValidationError(field: "目标数量", fieldEnglish: "target amount", value: target.amount.description,
                                      chinese: "移送目标应为件数（如 2），不能是百分比",
                                      english: "a transfer target is a count (e.g. 2), not a percentage")
            }
            var category: UnitCategory?
            var streetId: Street.ID?
            if let scope = target.scope?.nonBlank {
                if let parsed = try? UnitCategory.parse(scope) {
                    category = parsed
                } else {
                    streetId = try Lookup.street(store, named: scope).id
                }
            }
            var record = CampaignTarget(campaignId: campaignId, metric: target.metric, category: category,
                                        streetId: streetId, amount: target.amount, dueOn: target.dueOn)
            try insert(&record, action: "campaign.target")
        }
        for (index, item) in BuiltInChecklist.items(for: spec.kind).enumerated() {
            var record = CampaignChecklistItem(campaignId: campaignId, seq: index + 1, item: item)
            try insert(&record, action: "campaign.checklist")
        }
        return campaign
    }
}

extension Rectify {
    public func createCampaign(_ spec: CampaignSpec, actor: String) throws -> Campaign {
        try database.write(actor: actor) { try $0.createCampaign(spec) }
    }

    public typealias CampaignListing = RectifyStore.CampaignListing

    public func campaigns() throws -> [CampaignListing] {
        try database.read { try $0.campaignListings() }
    }

    public struct CampaignDetail: Codable, Sendable {
        public struct TargetView: Codable, Sendable {
            public var scope: String
            public var metric: TargetMetric
            public var amount: String
            public var dueOn: LocalDate
        }

        public var campaign: CampaignListing
        public var partners: [String]
        public var phases: [CampaignPhase]
        public var scopeStreets: [String]
        public var scopeCategories: [String]
        public var unitsInScope: Int
        public var casesByState: [StateCount]
        public var targets: [TargetView]
        public var checklist: [CampaignChecklistItem]

        public struct StateCount: Codable, Sendable {
            public var state: CaseState
            public var cases: Int
        }
    }

    public func campaign(code: String) throws -> CampaignDetail {
        try database.read { store in
            let campaign = try Lookup.campaign(store, code: code)
            let listing = try store.campaignListings(code: campaign.code)[0]
            let id = campaign.id!
            let streets = Dictionary(uniqueKeysWithValues: try store.streets().map { ($0.id!, $0.name) })
            let byState = try store.caseCountsByState(campaignId: id)
            let targets = try store.targets(campaignId: id).map { target in
                CampaignDetail.TargetView(scope: target.category?.chinese ?? target.streetId.flatMap { streets[$0] } ?? "全部范围",
                                          metric: target.metric, amount: target.amount.description, dueOn: target.dueOn)
            }
            return CampaignDetail(
                campaign: listing, partners: try store.partnerNames(campaignId: id), phases: try store.phases(campaignId: id),
                scopeStreets: try store.scopeStreetNames(campaignId: id),
                scopeCategories: try store.scopeCategories(campaignId: id).map(\.chinese),
                unitsInScope: try store.unitsInScope(campaignId: id),
                casesByState: CaseState.allCases.map { .init(state: $0, cases: byState[$0] ?? 0) },
                targets: targets,
                checklist: try store.checklist(campaignId: id))
        }
    }
}

extension Rectify {
    /// What an act's form needs of a campaign — its kind and its checklist — without the counts `campaign(code:)`
    /// makes over every case of it, which a case page must not pay for on every load (docs/performance.md).
    public func campaignChecklist(code: String) throws -> (kind: CampaignKind, checklist: [CampaignChecklistItem]) {
        try database.read { store in
            let campaign = try Lookup.campaign(store, code: code)
            return (campaign.kind, try store.checklist(campaignId: campaign.id!))
        }
    }
}
