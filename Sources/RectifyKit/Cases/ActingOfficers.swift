import RectifyCore
import RectifyStore

extension WriteContext {
    /// Loads the campaign's lead and partner departments and lets `ActingAuthority` decide whether `officers` may act.
    func requireAuthority(_ officers: [Officer], in record: Case, act: String, actEnglish: String) throws {
        guard let campaign = try store.campaign(id: record.campaignId) else { return }
        let partners = try store.partnerDepartments(of: record.campaignId)
        try ActingAuthority.checkOfficers(officers, kind: campaign.kind, lead: campaign.leadDepartmentId, partners: partners,
                                          act: act, actEnglish: actEnglish)
    }
}
