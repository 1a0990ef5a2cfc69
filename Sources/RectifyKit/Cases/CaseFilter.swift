import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    /// What a case list is narrowed by, as typed or chosen: names and codes, resolved here.
    public struct CaseFilter: Sendable, Equatable {
        public var campaign: String?
        public var state: CaseState?
        public var street: String?
        /// A grid of `street` (grid names repeat across streets).
        public var grid: String?
        public var officer: String?
        public var overdueOnly = false

        public init(campaign: String? = nil, state: CaseState? = nil, street: String? = nil, grid: String? = nil,
                    officer: String? = nil, overdueOnly: Bool = false) {
            self.campaign = campaign
            self.state = state
            self.street = street
            self.grid = grid
            self.officer = officer
            self.overdueOnly = overdueOnly
        }
    }

    /// One page of a case list, with how many cases the filter selects in all.
    public struct CaseListingPage: Sendable {
        public var cases: [CaseListing]
        public var total: Int
        public var page: Int
        public var pageSize: Int
        public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

        public init(cases: [CaseListing], total: Int, page: Int, pageSize: Int) {
            self.cases = cases
            self.total = total
            self.page = page
            self.pageSize = pageSize
        }
    }

    /// A page (from 1) of the cases a signed-in person may see that the filter selects; an officer sees only their own,
    /// whatever officer the filter names.
    public func cases(for person: SignedIn, filter: CaseFilter, page: Int, pageSize: Int = 50) throws -> CaseListingPage {
        let asOf = LocalDate(database.clock())
        let page = max(1, page)
        return try database.read { store in
            var query = CaseListingQuery(state: filter.state, overdueOnly: filter.overdueOnly, limit: pageSize,
                                         offset: (page - 1) * pageSize)
            query.campaignId = try filter.campaign?.nonBlank.map { try Lookup.campaign(store, code: $0).id! }
            let officer = person.role == .officer ? person.officer?.credential : filter.officer?.nonBlank
            query.officerId = try officer.map { try Lookup.officer(store, credential: $0).id! }
            if let streetName = filter.street?.nonBlank {
                let street = try Lookup.street(store, named: streetName)
                query.streetId = street.id
                query.gridId = try filter.grid?.nonBlank.map { try Lookup.grid(store, named: $0, in: street).id! }
            }
            return CaseListingPage(cases: try store.caseListings(query, asOf: asOf), total: try store.caseListingCount(query, asOf: asOf),
                            page: page, pageSize: pageSize)
        }
    }
}
