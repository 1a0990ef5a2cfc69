import GRDB
import RectifyCore
import RectifyStore

extension Rectify {
    public struct UnitListing: Codable, Sendable {
        public var uscc: String
        public var name: String
        public var category: UnitCategory
        public var street: String
        public var grid: String
        public var department: String
        public var contactPerson: String?
        public var phone: String?
    }

    static let unitListingSQL = """
        SELECT unit.*, street.name AS streetName, grid.name AS gridName, department.name AS departmentName
        FROM unit JOIN street ON street.id = unit.streetId JOIN grid ON grid.id = unit.gridId
        JOIN department ON department.id = unit.departmentId
        """

    static func unitListing(_ row: Row) -> UnitListing {
        UnitListing(uscc: row["uscc"], name: row["name"], category: UnitCategory(rawValue: row["category"])!,
                    street: row["streetName"], grid: row["gridName"], department: row["departmentName"],
                    contactPerson: row["contactPerson"], phone: row["phone"])
    }

    public func units(street: String?, category: UnitCategory?, limit: Int?) throws -> [UnitListing] {
        try database.read { db in
            var conditions: [String] = []
            var arguments = StatementArguments()
            if let street {
                conditions.append("unit.streetId = :street")
                arguments += ["street": try Lookup.street(db, named: street).id!]
            }
            if let category {
                conditions.append("unit.category = :category")
                arguments += ["category": category]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limitClause = limit.map { "LIMIT \($0)" } ?? ""
            return try Row.fetchAll(db, sql: "\(Rectify.unitListingSQL) \(filter) ORDER BY unit.id \(limitClause)",
                                    arguments: arguments).map(Rectify.unitListing)
        }
    }

    public struct UnitDetail: Codable, Sendable {
        public var unit: UnitListing
        public var address: String
        public var legalRepresentative: String?
        public var supervisors: String?
        public var cases: [CaseListing]
    }

    public func unit(uscc: String) throws -> UnitDetail {
        let (listing, unit) = try database.read { db in
            let unit = try Lookup.unit(db, uscc: uscc)
            let row = try Row.fetchOne(db, sql: "\(Rectify.unitListingSQL) WHERE unit.id = ?", arguments: [unit.id!])!
            return (Rectify.unitListing(row), unit)
        }
        return UnitDetail(unit: listing, address: unit.address, legalRepresentative: unit.legalRepresentative,
                          supervisors: unit.supervisors,
                          cases: try cases(campaign: nil, state: nil, uscc: unit.uscc.rawValue))
    }
}
