/// Who may act. Special equipment is supervised by its own authority (《特种设备安全法》第57条): its re-checks and
/// penalties are done by officers of the department that leads the campaign or of a partner department, never by
/// officers another department lent. And a violation catalogued for a natural person is never cited against an
/// organisation, nor the other way round.
public enum ActingAuthority {
    /// The departments whose officers may act in a campaign of `kind`; nil when any department's may.
    public static func departments(kind: CampaignKind, lead: Department.ID, partners: [Department.ID]) -> Set<Department.ID>? {
        kind == .specialEquipment ? Set([lead] + partners) : nil
    }

    public static func checkOfficers(_ officers: [Officer], kind: CampaignKind, lead: Department.ID,
                                     partners: [Department.ID], act: String, actEnglish: String) throws {
        guard let allowed = departments(kind: kind, lead: lead, partners: partners) else { return }
        for officer in officers where !allowed.contains(officer.departmentId) {
            throw RuleViolation(rule: .officerOfAuthority,
                                chinese: "特种设备的\(act)须由牵头部门或配合部门的执法人员实施（《特种设备安全法》第57条），\(officer.name)（\(officer.credential)）不属于这些部门",
                                english: "a special-equipment \(actEnglish) is done by officers of the leading or a partner department; \(officer.credential) belongs to another department")
        }
    }

    public static func checkParty(_ violation: Violation, party: PartyKind) throws {
        guard violation.party == party else {
            throw RuleViolation(rule: .violationParty,
                                chinese: "违法行为\(violation.code)（\(violation.title)）适用于\(violation.party.chinese)，不能对\(party.chinese)适用",
                                english: "violation \(violation.code) applies to an \(violation.party.rawValue), not to an \(party.rawValue)")
        }
    }
}
