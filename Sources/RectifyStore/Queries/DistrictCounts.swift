import GRDB
import RectifyCore

/// Counts over the whole district, for the summary the demo generator prints.
extension Store {
    public func unitCountsByStreet() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT street.name, count(unit.id) AS n FROM street LEFT JOIN unit ON unit.streetId = street.id GROUP BY street.id
            """) { counts[row["name"]] = row["n"] }
        return counts
    }

    public func unitCountsByCategory() throws -> [UnitCategory: Int] {
        var counts: [UnitCategory: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT category, count(*) AS n FROM unit GROUP BY category") {
            counts[UnitCategory(rawValue: row["category"])!] = row["n"]
        }
        return counts
    }

    /// The units of the given categories with their street's name, in register order.
    public func units(in categories: [UnitCategory]) throws -> [(uscc: String, street: String)] {
        try Row.fetchAll(db, sql: """
            SELECT unit.uscc, street.name AS street FROM unit JOIN street ON street.id = unit.streetId
            WHERE unit.category IN (\(categories.map { _ in "?" }.joined(separator: ","))) ORDER BY unit.id
            """, arguments: StatementArguments(categories.map(\.rawValue))).map { ($0["uscc"], $0["street"]) }
    }

    public struct HazardCounts: Sendable {
        public var total: Int
        public var major: Int
        public var verified: Int
        /// Still open after their deadline on the date asked.
        public var overdue: Int
    }

    public func hazardCounts(campaignId: Campaign.ID, asOf: LocalDate) throws -> HazardCounts {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, sum(level = 'major') AS major, sum(status = 'verified') AS verified,
                   sum(status = 'open' AND deadline < ?) AS overdue
            FROM hazard JOIN "case" c ON c.id = hazard.caseId WHERE c.campaignId = ?
            """, arguments: [asOf, campaignId])!
        return HazardCounts(total: row["n"], major: row["major"] ?? 0, verified: row["verified"] ?? 0, overdue: row["overdue"] ?? 0)
    }

    /// The penalty procedures of a campaign, and how many of them were transferred.
    public func penaltyCounts(campaignId: Campaign.ID) throws -> (total: Int, transferred: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS n, sum(p.stage = 'transferred') AS transferred
            FROM penalty p JOIN "case" c ON c.id = p.caseId WHERE c.campaignId = ?
            """, arguments: [campaignId])!
        return (row["n"], row["transferred"] ?? 0)
    }

    /// Rows of officers, documents and audit events.
    public func recordCounts() throws -> (officers: Int, documents: Int, events: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM officer) AS officers, (SELECT count(*) FROM document) AS documents,
                   (SELECT count(*) FROM event) AS events
            """)!
        return (row["officers"], row["documents"], row["events"])
    }
}
