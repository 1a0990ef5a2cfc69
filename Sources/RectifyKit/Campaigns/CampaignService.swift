import GRDB
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
        if try Campaign.filter(Campaign.Columns.code == spec.code).fetchCount(db) > 0 {
            throw RuleViolation(rule: .campaignCodeUnique, chinese: "整治代码\(spec.code)已被使用",
                                english: "campaign code \(spec.code) is taken")
        }
        guard spec.endsOn >= spec.startsOn else {
            throw ValidationError(field: "结束日期", fieldEnglish: "end date", value: spec.endsOn.description,
                                  chinese: "不能早于开始日期\(spec.startsOn)", english: "is before the start \(spec.startsOn)")
        }
        guard spec.planNumber.nonBlank != nil else {
            throw ValidationError(field: "方案文号", fieldEnglish: "plan number", chinese: "不能为空", english: "must not be empty")
        }
        let lead = try Lookup.department(db, named: spec.leadDepartment)
        var campaign = Campaign(code: spec.code, kind: spec.kind, title: try require(spec.title, field: "标题", english: "title"),
                                planNumber: spec.planNumber.trimmed, leadDepartmentId: lead.id!,
                                startsOn: spec.startsOn, endsOn: spec.endsOn)
        let campaignId = try insert(&campaign, action: "campaign.create")
        for name in spec.partnerDepartments {
            let department = try Lookup.department(db, named: name)
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
                                      chinese: "阶段日期须在整治期限\(spec.startsOn)至\(spec.endsOn)之内且结束不早于开始",
                                      english: "phase dates must lie within \(spec.startsOn)…\(spec.endsOn) and end after they start")
            }
            var record = CampaignPhase(campaignId: campaignId, seq: index + 1, name: phase.name.trimmed,
                                       startsOn: phase.startsOn, endsOn: phase.endsOn)
            try insert(&record, action: "campaign.phase")
        }
        for name in spec.scopeStreets.uniqued() {
            var scope = CampaignScope(campaignId: campaignId, streetId: try Lookup.street(db, named: name).id!)
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
                    streetId = try Lookup.street(db, named: scope).id
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

    public struct CampaignListing: Codable, Sendable {
        public var code: String
        public var kind: CampaignKind
        public var title: String
        public var planNumber: String
        public var leadDepartment: String
        public var startsOn: LocalDate
        public var endsOn: LocalDate
        public var cases: Int
        public var closedCases: Int
    }

    public func campaigns() throws -> [CampaignListing] {
        try database.read { try Rectify.campaignListings($0) }
    }

    static func campaignListings(_ db: Database, code: String? = nil) throws -> [CampaignListing] {
        try Row.fetchAll(db, sql: """
            SELECT campaign.*, department.name AS lead,
                   (SELECT count(*) FROM "case" WHERE campaignId = campaign.id) AS cases,
                   (SELECT count(*) FROM "case" WHERE campaignId = campaign.id AND state = 'closed') AS closedCases
            FROM campaign JOIN department ON department.id = campaign.leadDepartmentId
            WHERE :code IS NULL OR campaign.code = :code ORDER BY campaign.id
            """, arguments: ["code": code]).map { row in
            CampaignListing(code: row["code"], kind: CampaignKind(rawValue: row["kind"])!, title: row["title"],
                            planNumber: row["planNumber"], leadDepartment: row["lead"], startsOn: row["startsOn"],
                            endsOn: row["endsOn"], cases: row["cases"], closedCases: row["closedCases"])
        }
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
        try database.read { db in
            let campaign = try Lookup.campaign(db, code: code)
            let listing = try Rectify.campaignListings(db, code: campaign.code)[0]
            let id = campaign.id!
            let partners = try String.fetchAll(db, sql: """
                SELECT department.name FROM campaignPartner JOIN department ON department.id = campaignPartner.departmentId
                WHERE campaignId = ? ORDER BY campaignPartner.id
                """, arguments: [id])
            let streets = try String.fetchAll(db, sql: """
                SELECT street.name FROM campaignScope JOIN street ON street.id = campaignScope.streetId
                WHERE campaignId = ? ORDER BY street.id
                """, arguments: [id])
            let categories = try String.fetchAll(db, sql: """
                SELECT category FROM campaignScope WHERE campaignId = ? AND category IS NOT NULL ORDER BY id
                """, arguments: [id]).compactMap { UnitCategory(rawValue: $0)?.chinese }
            let unitsInScope = try CampaignScopeQuery.unitCount(db, campaignId: id)
            var byState: [CaseState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM \"case\" WHERE campaignId = ? GROUP BY state",
                                        arguments: [id]) {
                byState[CaseState(rawValue: row["state"])!] = row["n"]
            }
            let targets = try CampaignTarget.filter(CampaignTarget.Columns.campaignId == id).order(Column("id")).fetchAll(db)
                .map { target in
                    let scope = try target.category?.chinese
                        ?? target.streetId.flatMap { try Street.fetchOne(db, key: $0)?.name } ?? "全部范围"
                    return CampaignDetail.TargetView(scope: scope, metric: target.metric,
                                                     amount: target.amount.description, dueOn: target.dueOn)
                }
            return CampaignDetail(
                campaign: listing, partners: partners,
                phases: try CampaignPhase.filter(CampaignPhase.Columns.campaignId == id).order(CampaignPhase.Columns.seq).fetchAll(db),
                scopeStreets: streets, scopeCategories: categories, unitsInScope: unitsInScope,
                casesByState: CaseState.allCases.map { .init(state: $0, cases: byState[$0] ?? 0) },
                targets: targets,
                checklist: try CampaignChecklistItem.filter(CampaignChecklistItem.Columns.campaignId == id)
                    .order(CampaignChecklistItem.Columns.seq).fetchAll(db))
        }
    }
}

/// Which units a campaign covers: the product of its streets and categories (none listed means all).
enum CampaignScopeQuery {
    static let unitFilter = filter(table: "unit")

    /// The scope condition on any table with `streetId` and `category` columns (`unit`, the register tally).
    static func filter(table: String) -> String {
        """
        (NOT EXISTS (SELECT 1 FROM campaignScope s WHERE s.campaignId = :campaign AND s.streetId IS NOT NULL)
         OR \(table).streetId IN (SELECT streetId FROM campaignScope WHERE campaignId = :campaign AND streetId IS NOT NULL))
        AND (NOT EXISTS (SELECT 1 FROM campaignScope s WHERE s.campaignId = :campaign AND s.category IS NOT NULL)
         OR \(table).category IN (SELECT category FROM campaignScope WHERE campaignId = :campaign AND category IS NOT NULL))
        """
    }

    static func unitCount(_ db: Database, campaignId: Campaign.ID) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE \(unitFilter)", arguments: ["campaign": campaignId])!
    }

    static func contains(_ db: Database, campaignId: Campaign.ID, unitId: BusinessUnit.ID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE id = :unit AND \(unitFilter))",
                          arguments: ["campaign": campaignId, "unit": unitId])!
    }
}
