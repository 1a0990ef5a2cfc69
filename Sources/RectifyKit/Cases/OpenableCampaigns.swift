import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    /// The campaigns a case could be opened in for this unit today: running, covering it, and without a case for it.
    /// What the unit page offers; `openCase` still decides.
    public func campaignsToOpen(uscc: String) throws -> [CampaignListing] {
        let today = LocalDate(database.clock())
        return try database.read { store in
            let unit = try Lookup.unit(store, uscc: uscc)
            return try store.campaignListings().filter { listing in
                guard listing.startsOn <= today, today <= listing.endsOn else { return false }
                let campaign = try Lookup.campaign(store, code: listing.code)
                return try store.campaignCovers(campaignId: campaign.id!, unitId: unit.id!)
                    && store.case(campaignId: campaign.id!, unitId: unit.id!) == nil
            }
        }
    }
}
