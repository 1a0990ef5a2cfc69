import GRDB
import RectifyCore

/// A case as a list shows it, with its hazard counts.
public struct CaseListing: Codable, Sendable {
    public var number: String
    public var campaign: String
    public var uscc: String
    public var unit: String
    public var street: String
    public var state: CaseState
    public var openedOn: LocalDate
    public var hazards: Int
    public var openHazards: Int
    /// Hazards still open after their deadline (`HazardOverdue`'s rule, counted in SQL).
    public var overdueHazards: Int
    /// The earliest rectification deadline among the hazards still open, if any: what is due soonest.
    public var nextDeadline: LocalDate?
}

/// A unit as a list shows it, with the names of its street, grid and department.
public struct UnitListing: Codable, Sendable {
    public var uscc: String
    public var name: String
    public var address: String
    public var category: UnitCategory
    public var street: String
    public var grid: String
    public var department: String
    public var contactPerson: String?
    public var phone: String?
}

extension Store {
    /// The cases, filtered by any of campaign, state, unit and officer, in the order they were opened — or, for an
    /// officer's list, the case with the soonest deadline first.
    public func caseListings(campaignId: Campaign.ID? = nil, state: CaseState? = nil, uscc: String? = nil,
                             officerId: Officer.ID? = nil, asOf: LocalDate) throws -> [CaseListing] {
        var conditions: [String] = []
        var arguments: StatementArguments = ["asOf": asOf]
        if let officerId {
            arguments += ["officer": officerId]
            conditions.append("(c.officer1Id = :officer OR c.officer2Id = :officer)")
        }
        if let campaignId {
            arguments += ["campaign": campaignId]
            conditions.append("c.campaignId = :campaign")
        }
        if let state {
            arguments += ["state": state]
            conditions.append("c.state = :state")
        }
        if let uscc {
            arguments += ["uscc": uscc]
            conditions.append("unit.uscc = :uscc")
        }
        let order = officerId == nil ? "c.id" : "nextDeadline IS NULL, nextDeadline, c.id"
        return try Row.fetchAll(db, sql: Self.caseListingSQL(conditions: conditions, order: order), arguments: arguments).map { row in
            CaseListing(number: row["number"], campaign: row["code"], uscc: row["uscc"], unit: row["name"],
                        street: row["street"], state: CaseState(rawValue: row["state"])!,
                        openedOn: row["openedOn"], hazards: row["hazards"], openHazards: row["openHazards"],
                        overdueHazards: row["overdue"], nextDeadline: row["nextDeadline"])
        }
    }

    /// One row per case with its hazard counts. The hazards are joined by case and counted in one pass: as three
    /// subqueries, SQLite answered the overdue count from the index on (status, deadline), which walked every overdue
    /// hazard of the district for each case listed, which made a list quadratic (docs/performance.md).
    static func caseListingSQL(conditions: [String], order: String = "c.id") -> String {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return """
            SELECT c.number, campaign.code, unit.uscc, unit.name, street.name AS street, c.state, c.openedOn,
                   count(h.id) AS hazards,
                   coalesce(sum(h.status = 'open' OR h.status = 'claimed'), 0) AS openHazards,
                   coalesce(sum(h.status = 'open' AND h.deadline < :asOf), 0) AS overdue,
                   min(CASE WHEN h.status = 'open' THEN h.deadline END) AS nextDeadline
            FROM "case" c JOIN campaign ON campaign.id = c.campaignId JOIN unit ON unit.id = c.unitId
            JOIN street ON street.id = unit.streetId LEFT JOIN hazard h ON h.caseId = c.id
            \(filter) GROUP BY c.id ORDER BY \(order)
            """
    }

    /// The units, filtered by street and category, in register order, at most `limit`.
    public func unitListings(streetId: Street.ID? = nil, category: UnitCategory? = nil, limit: Int? = nil) throws -> [UnitListing] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let streetId {
            conditions.append("unit.streetId = :street")
            arguments += ["street": streetId]
        }
        if let category {
            conditions.append("unit.category = :category")
            arguments += ["category": category]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = limit.map { "LIMIT \($0)" } ?? ""
        return try Row.fetchAll(db, sql: "\(Self.unitListingSQL) \(filter) ORDER BY unit.id \(limitClause)",
                                arguments: arguments).map(Self.unitListing)
    }

    public func unitListing(id: BusinessUnit.ID) throws -> UnitListing? {
        try Row.fetchOne(db.cachedStatement(sql: "\(Self.unitListingSQL) WHERE unit.id = ?"), arguments: [id]).map(Self.unitListing)
    }

    static let unitListingSQL = """
        SELECT unit.*, street.name AS streetName, grid.name AS gridName, department.name AS departmentName
        FROM unit JOIN street ON street.id = unit.streetId JOIN grid ON grid.id = unit.gridId
        JOIN department ON department.id = unit.departmentId
        """

    static func unitListing(_ row: Row) -> UnitListing {
        UnitListing(uscc: row["uscc"], name: row["name"], address: row["address"], category: UnitCategory(rawValue: row["category"])!,
                    street: row["streetName"], grid: row["gridName"], department: row["departmentName"],
                    contactPerson: row["contactPerson"], phone: row["phone"])
    }
}
