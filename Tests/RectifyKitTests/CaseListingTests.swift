import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Case listing")
struct CaseListingTests {
    private func demoDistrict() throws -> Rectify {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 300, seed: 11)
        return app
    }

    @Test("every case is listed once, with its hazards, open hazards and overdue hazards counted as the domain counts them")
    func countsMatchHazards() throws {
        let app = try demoDistrict()
        let asOf = date("2026-07-15")
        let (numbers, hazards) = try app.database.readDatabase { db in
            (try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, number FROM \"case\"").map {
                (Case.ID($0["id"] as Int64), $0["number"] as String)
            }), try Hazard.fetchAll(db))
        }
        let byCase = Dictionary(grouping: hazards) { numbers[$0.caseId]! }
        let listing = try app.cases(campaign: nil, state: nil, asOf: asOf)
        #expect(listing.map(\.number).sorted() == numbers.values.sorted())
        for listed in listing {
            let own = byCase[listed.number] ?? []
            #expect(listed.hazards == own.count, "\(listed.number)")
            let open = own.filter { hazard in hazard.status == .open || hazard.status == .claimed }
            #expect(listed.openHazards == open.count, "\(listed.number)")
            #expect(listed.overdueHazards == own.filter { $0.isOverdue(asOf: asOf) }.count, "\(listed.number)")
        }
        // The district has cases without hazards and cases with overdue ones, so both ends are exercised.
        #expect(listing.contains { $0.hazards == 0 })
        #expect(listing.contains { $0.overdueHazards > 0 })

        let campaign = try #require(listing.first?.campaign)
        #expect(try app.cases(campaign: campaign, state: nil, asOf: asOf).map(\.number)
                == listing.filter { $0.campaign == campaign }.map(\.number))
        let opened = listing.filter { $0.state == .opened }
        #expect(!opened.isEmpty)
        #expect(try app.cases(campaign: nil, state: .opened, asOf: asOf).map(\.number) == opened.map(\.number))
        let unit = listing[listing.count / 2].uscc
        #expect(try app.cases(campaign: nil, state: nil, uscc: unit, asOf: asOf).map(\.number)
                == listing.filter { $0.uscc == unit }.map(\.number))
    }

    @Test("hazards are found by their case, never by walking the district's hazards once per case listed")
    func hazardsLookedUpByCase() throws {
        let app = try demoDistrict()
        let filters = ["c.campaignId = :campaign", "c.state = :state", "unit.uscc = :uscc"]
        for conditions in [[]] + filters.map { [$0] } + [filters] {
            let plan = try app.database.readDatabase { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.caseListingSQL(conditions: conditions),
                                 arguments: ["asOf": "2026-07-15", "campaign": 1, "state": "opened", "uscc": "x"])
                    .map { $0["detail"] as String }
            }
            let hazardSteps = plan.filter { $0.contains(" h ") || $0.hasSuffix(" h") }
            #expect(hazardSteps.count == 1, "\(plan)")
            #expect(hazardSteps.allSatisfy { $0.hasPrefix("SEARCH h ") && $0.contains("(caseId=?)") }, "\(plan)")
        }
    }
}
