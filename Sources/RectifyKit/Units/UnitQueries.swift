import RectifyCore
import RectifyStore

extension Rectify {
    public typealias UnitListing = RectifyStore.UnitListing

    public func units(street: String?, category: UnitCategory?, limit: Int?) throws -> [UnitListing] {
        try database.read { store in
            try store.unitListings(streetId: try street.map { try Lookup.street(store, named: $0).id! }, category: category,
                                   limit: limit)
        }
    }

    /// Units by any part of their name or address, or the start of their USCC (`Store.findUnits`).
    public func findUnits(_ text: String, limit: Int = 20) throws -> [UnitListing] {
        try database.read { try $0.findUnits(text, limit: limit) }
    }

    public struct UnitDetail: Codable, Sendable {
        public var unit: UnitListing
        public var address: String
        public var legalRepresentative: String?
        public var supervisors: String?
        public var cases: [CaseListing]
    }

    public func unit(uscc: String) throws -> UnitDetail {
        let asOf = LocalDate(database.clock())
        return try database.read { store in
            let unit = try Lookup.unit(store, uscc: uscc)
            return UnitDetail(unit: try store.unitListing(id: unit.id!)!, address: unit.address,
                              legalRepresentative: unit.legalRepresentative, supervisors: unit.supervisors,
                              cases: try store.caseListings(uscc: unit.uscc.rawValue, asOf: asOf))
        }
    }
}
