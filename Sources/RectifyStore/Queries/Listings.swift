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
    /// Hazards the unit reported fixed that wait for the authority's re-check.
    public var claimedHazards: Int
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
        try caseListings(CaseListingQuery(campaignId: campaignId, state: state, uscc: uscc, officerId: officerId), asOf: asOf)
    }

    /// The cases a query selects, a page of them when it names one.
    public func caseListings(_ query: CaseListingQuery, asOf: LocalDate) throws -> [CaseListing] {
        let (conditions, having, arguments) = query.sql(asOf: asOf)
        var sql = Self.caseListingSQL(conditions: conditions, having: having,
                                      order: query.officerId == nil ? "c.id" : "nextDeadline IS NULL, nextDeadline, c.id")
        if let limit = query.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, query.offset))" }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            CaseListing(number: row["number"], campaign: row["code"], uscc: row["uscc"], unit: row["name"],
                        street: row["street"], state: CaseState(rawValue: row["state"])!,
                        openedOn: row["openedOn"], hazards: row["hazards"], openHazards: row["openHazards"],
                        claimedHazards: row["claimed"], overdueHazards: row["overdue"], nextDeadline: row["nextDeadline"])
        }
    }

    /// How many cases the query selects, whatever its page.
    public func caseListingCount(_ query: CaseListingQuery, asOf: LocalDate) throws -> Int {
        let (conditions, having, arguments) = query.sql(asOf: asOf)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(Self.caseListingSQL(conditions: conditions, having: having)))",
                                arguments: arguments) ?? 0
    }

    /// One row per case with its hazard counts. The hazards are joined by case and counted in one pass: as three
    /// subqueries, SQLite answered the overdue count from the index on (status, deadline), which walked every overdue
    /// hazard of the district for each case listed, which made a list quadratic (docs/performance.md).
    static func caseListingSQL(conditions: [String], having: String? = nil, order: String = "c.id") -> String {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return """
            SELECT c.number, campaign.code, unit.uscc, unit.name, street.name AS street, c.state, c.openedOn,
                   count(h.id) AS hazards,
                   coalesce(sum(h.status = 'open' OR h.status = 'claimed'), 0) AS openHazards,
                   coalesce(sum(h.status = 'claimed'), 0) AS claimed,
                   coalesce(sum(h.status = 'open' AND h.deadline < :asOf), 0) AS overdue,
                   min(CASE WHEN h.status = 'open' THEN h.deadline END) AS nextDeadline
            FROM "case" c JOIN campaign ON campaign.id = c.campaignId JOIN unit ON unit.id = c.unitId
            JOIN street ON street.id = unit.streetId LEFT JOIN hazard h ON h.caseId = c.id
            \(filter) GROUP BY c.id \(having.map { "HAVING \($0)" } ?? "") ORDER BY \(order)
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

/// Which cases a list shows: each filter narrows it; `limit` and `offset` page it.
public struct CaseListingQuery: Sendable {
    public var campaignId: Campaign.ID?
    public var state: CaseState?
    public var uscc: String?
    public var officerId: Officer.ID?
    public var streetId: Street.ID?
    public var gridId: Grid.ID?
    /// Only cases with a hazard still open after its deadline.
    public var overdueOnly = false
    public var limit: Int?
    public var offset = 0

    public init(campaignId: Campaign.ID? = nil, state: CaseState? = nil, uscc: String? = nil, officerId: Officer.ID? = nil,
                streetId: Street.ID? = nil, gridId: Grid.ID? = nil, overdueOnly: Bool = false, limit: Int? = nil, offset: Int = 0) {
        self.campaignId = campaignId
        self.state = state
        self.uscc = uscc
        self.officerId = officerId
        self.streetId = streetId
        self.gridId = gridId
        self.overdueOnly = overdueOnly
        self.limit = limit
        self.offset = offset
    }

    func sql(asOf: LocalDate) -> (conditions: [String], having: String?, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = ["asOf": asOf]
        func add(_ condition: String, _ name: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            arguments += [name: value]
            conditions.append(condition)
        }
        add("(c.officer1Id = :officer OR c.officer2Id = :officer)", "officer", officerId)
        add("c.campaignId = :campaign", "campaign", campaignId)
        add("c.state = :state", "state", state)
        add("unit.uscc = :uscc", "uscc", uscc)
        add("unit.streetId = :street", "street", streetId)
        add("unit.gridId = :grid", "grid", gridId)
        return (conditions, overdueOnly ? "overdue > 0" : nil, arguments)
    }
}
