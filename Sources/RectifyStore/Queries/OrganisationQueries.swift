import GRDB
import RectifyCore

/// A grid with its street and how many units it holds.
public struct GridListing: Codable, Sendable {
    public var street: String
    public var grid: String
    public var community: String
    public var safetyOfficer: String?
    public var units: Int
}

/// An officer with the name of their department.
public struct OfficerListing: Codable, Sendable {
    public var credential: String
    public var name: String
    public var department: String
    public var active: Bool
}

/// The bureau's own organisation: agency, departments, streets and grids, officers.
extension Store {
    public func agency() throws -> Agency? {
        try one("SELECT * FROM agency WHERE id = ?", 1)
    }

    public func departments() throws -> [Department] {
        try all("SELECT * FROM department ORDER BY id")
    }

    public func streets() throws -> [Street] {
        try all("SELECT * FROM street ORDER BY id")
    }

    public func grids() throws -> [Grid] {
        try all("SELECT * FROM grid ORDER BY id")
    }

    /// The unit registered under `uscc`, if any: the one lookup a register import makes for every row.
    public func unit(uscc: USCC) throws -> BusinessUnit? {
        try one("SELECT * FROM unit WHERE uscc = ?", uscc)
    }

    public func street(id: Street.ID) throws -> Street? {
        try one("SELECT * FROM street WHERE id = ?", id)
    }

    public func departmentExists(named name: String) throws -> Bool {
        try exists("SELECT 1 FROM department WHERE name = ?", name)
    }

    public func streetExists(named name: String) throws -> Bool {
        try exists("SELECT 1 FROM street WHERE name = ?", name)
    }

    public func gridExists(named name: String, streetId: Street.ID) throws -> Bool {
        try exists("SELECT 1 FROM grid WHERE streetId = ? AND name = ?", streetId, name)
    }

    public func officerExists(credential: String) throws -> Bool {
        try exists("SELECT 1 FROM officer WHERE credential = ?", credential)
    }

    public func gridListings() throws -> [GridListing] {
        try Row.fetchAll(db, sql: """
            SELECT street.name AS street, grid.name AS grid, grid.community, grid.safetyOfficer,
                   (SELECT count(*) FROM unit WHERE unit.gridId = grid.id) AS units
            FROM grid JOIN street ON street.id = grid.streetId ORDER BY grid.id
            """).map {
            GridListing(street: $0["street"], grid: $0["grid"], community: $0["community"],
                        safetyOfficer: $0["safetyOfficer"], units: $0["units"])
        }
    }

    public func officerListings() throws -> [OfficerListing] {
        try Row.fetchAll(db, sql: """
            SELECT officer.credential, officer.name, department.name AS department, officer.active
            FROM officer JOIN department ON department.id = officer.departmentId ORDER BY officer.id
            """).map {
            OfficerListing(credential: $0["credential"], name: $0["name"], department: $0["department"], active: $0["active"])
        }
    }

    /// Whether `sql` (a SELECT of at least one row) finds one.
    func exists(_ sql: String, _ values: any DatabaseValueConvertible...) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (\(sql))"), arguments: StatementArguments(values)) ?? false
    }
}
