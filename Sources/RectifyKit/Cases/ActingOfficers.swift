import GRDB
import RectifyCore
import RectifyStore

extension WriteContext {
    /// Loads the campaign's lead and partner departments and lets `ActingAuthority` decide whether `officers` may act.
    func requireAuthority(_ officers: [Officer], in record: Case, act: String, actEnglish: String) throws {
        guard let campaign = try Campaign.fetchOne(db, key: record.campaignId) else { return }
        let partners = try CampaignPartner.filter(CampaignPartner.Columns.campaignId == record.campaignId).fetchAll(db)
            .map(\.departmentId)
        try ActingAuthority.checkOfficers(officers, kind: campaign.kind, lead: campaign.leadDepartmentId, partners: partners,
                                          act: act, actEnglish: actEnglish)
    }
}
