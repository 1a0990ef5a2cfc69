import GRDB
import RectifyCore

/// Where a hazard or a penalty sits, as an overdue list names it.
public struct OverduePlace: Sendable {
    public var caseNumber: String
    public var campaignCode: String
    public var unitName: String
    public var streetName: String
}

extension Store {
    /// Every hazard not yet resolved (open or reported fixed), optionally of one campaign, with its place, the kind of
    /// its campaign and its rectification order's number; handed to `body` one by one.
    public func forEachUnresolvedHazard(campaignId: Campaign.ID?, officerId: Officer.ID? = nil,
                                        _ body: (Hazard, OverduePlace, CampaignKind, _ orderNumber: String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT h.*, c.number AS caseNumber, campaign.code AS campaignCode, campaign.kind AS campaignKind,
                   unit.name AS unitName, street.name AS streetName, d.number AS orderNumber
            FROM hazard h JOIN "case" c ON c.id = h.caseId JOIN campaign ON campaign.id = c.campaignId
            JOIN unit ON unit.id = c.unitId JOIN street ON street.id = unit.streetId
            JOIN document d ON d.id = h.orderDocumentId
            WHERE h.status IN ('open', 'claimed') \(Self.caseNarrowing(campaignId: campaignId, officerId: officerId))
            """, arguments: Self.caseNarrowingArguments(campaignId: campaignId, officerId: officerId))
        while let row = try rows.next() {
            try body(try Hazard(row: row), Self.place(row), CampaignKind(rawValue: row["campaignKind"])!, row["orderNumber"])
        }
    }

    public func hazardExtensions(hazardId: Hazard.ID) throws -> [HazardExtension] {
        try all("SELECT * FROM hazardExtension WHERE hazardId = ? ORDER BY id", hazardId)
    }

    /// The penalties whose procedure still has a step with a deadline (filed, notified, decided, served).
    public func pendingPenalties(campaignId: Campaign.ID?, officerId: Officer.ID? = nil) throws -> [(Penalty, OverduePlace)] {
        try Row.fetchAll(db, sql: """
            SELECT p.*, c.number AS caseNumber, campaign.code AS campaignCode, unit.name AS unitName, street.name AS streetName
            FROM penalty p JOIN "case" c ON c.id = p.caseId JOIN campaign ON campaign.id = c.campaignId
            JOIN unit ON unit.id = c.unitId JOIN street ON street.id = unit.streetId
            WHERE p.stage IN ('filed', 'notified', 'decided', 'served') \(Self.caseNarrowing(campaignId: campaignId, officerId: officerId))
            """, arguments: Self.caseNarrowingArguments(campaignId: campaignId, officerId: officerId))
        .map { (try Penalty(row: $0), Self.place($0)) }
    }

    /// The cases of one campaign, of one officer, or both (`c` being the case).
    private static func caseNarrowing(campaignId: Campaign.ID?, officerId: Officer.ID?) -> String {
        (campaignId == nil ? "" : "AND c.campaignId = ? ") + (officerId == nil ? "" : "AND (c.officer1Id = ? OR c.officer2Id = ?)")
    }

    private static func caseNarrowingArguments(campaignId: Campaign.ID?, officerId: Officer.ID?) -> StatementArguments {
        StatementArguments((campaignId.map { [$0.databaseValue] } ?? []) + (officerId.map { [$0.databaseValue, $0.databaseValue] } ?? []))
    }

    private static func place(_ row: Row) -> OverduePlace {
        OverduePlace(caseNumber: row["caseNumber"], campaignCode: row["campaignCode"], unitName: row["unitName"],
                     streetName: row["streetName"])
    }
}
