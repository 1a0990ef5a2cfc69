import GRDB
import RectifyCore

/// A campaign as a list shows it, with its lead department and case counts.
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

extension Store {
    /// Every campaign, or the one with `code`, in the order they were created.
    public func campaignListings(code: String? = nil) throws -> [CampaignListing] {
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

    public func campaignExists(code: String) throws -> Bool {
        try exists("SELECT 1 FROM campaign WHERE code = ?", code)
    }

    /// The names of the partner departments, in the order they were named.
    public func partnerNames(campaignId: Campaign.ID) throws -> [String] {
        try values("""
            SELECT department.name FROM campaignPartner JOIN department ON department.id = campaignPartner.departmentId
            WHERE campaignId = ? ORDER BY campaignPartner.id
            """, campaignId)
    }

    /// The streets the campaign is limited to (none: all streets).
    public func scopeStreetNames(campaignId: Campaign.ID) throws -> [String] {
        try values("""
            SELECT street.name FROM campaignScope JOIN street ON street.id = campaignScope.streetId
            WHERE campaignId = ? ORDER BY street.id
            """, campaignId)
    }

    /// The unit categories the campaign is limited to (none: all categories).
    public func scopeCategories(campaignId: Campaign.ID) throws -> [UnitCategory] {
        try (values("SELECT category FROM campaignScope WHERE campaignId = ? AND category IS NOT NULL ORDER BY id",
                    campaignId) as [String]).compactMap(UnitCategory.init(rawValue:))
    }

    public func caseCountsByState(campaignId: Campaign.ID) throws -> [CaseState: Int] {
        var counts: [CaseState: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM \"case\" WHERE campaignId = ? GROUP BY state",
                                    arguments: [campaignId]) {
            counts[CaseState(rawValue: row["state"])!] = row["n"]
        }
        return counts
    }

    public func targets(campaignId: Campaign.ID) throws -> [CampaignTarget] {
        try all("SELECT * FROM campaignTarget WHERE campaignId = ? ORDER BY id", campaignId)
    }

    public func checklist(campaignId: Campaign.ID) throws -> [CampaignChecklistItem] {
        try all("SELECT * FROM campaignChecklistItem WHERE campaignId = ? ORDER BY seq", campaignId)
    }

    /// How many units of the register the campaign covers now.
    public func unitsInScope(campaignId: Campaign.ID) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE \(CampaignScope.unitFilter)", arguments: ["campaign": campaignId])!
    }

    public func campaignCovers(campaignId: Campaign.ID, unitId: BusinessUnit.ID) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE id = :unit AND \(CampaignScope.unitFilter))",
                          arguments: ["campaign": campaignId, "unit": unitId])!
    }
}

/// Which units a campaign covers: the product of its streets and categories (none listed means all).
extension CampaignScope {
    static let unitFilter = sqlFilter(table: "unit")

    /// The scope condition on any table with `streetId` and `category` columns (`unit`, the register tally), for
    /// the campaign bound to `:campaign`.
    static func sqlFilter(table: String) -> String {
        """
        (NOT EXISTS (SELECT 1 FROM campaignScope s WHERE s.campaignId = :campaign AND s.streetId IS NOT NULL)
         OR \(table).streetId IN (SELECT streetId FROM campaignScope WHERE campaignId = :campaign AND streetId IS NOT NULL))
        AND (NOT EXISTS (SELECT 1 FROM campaignScope s WHERE s.campaignId = :campaign AND s.category IS NOT NULL)
         OR \(table).category IN (SELECT category FROM campaignScope WHERE campaignId = :campaign AND category IS NOT NULL))
        """
    }
}
