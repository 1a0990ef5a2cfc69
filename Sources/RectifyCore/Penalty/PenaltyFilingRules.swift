/// 立案 (行政处罚法 arts. 29, 36, 54): one procedure per case (one fine per act), on an open case, for a violation
/// of the party's kind, discovered within the limitation period; or the summary procedure (art. 51), a warning or a
/// small fine decided and served on the spot.
public enum PenaltyFilingRules {
    /// What a case must be for a penalty procedure to open on it.
    public static func requireFileable(_ record: Case, hasPenalty: Bool, violation: Violation, party: PartyKind) throws {
        try CaseLifecycle.requireOpen(record.state)
        guard !hasPenalty else {
            throw RuleViolation(rule: .onePenaltyPerCase, chinese: "案件\(record.number)已有处罚程序（一事不二罚）",
                                english: "case \(record.number) already has a penalty procedure (one fine per act)")
        }
        try ActingAuthority.checkParty(violation, party: party)
    }

    /// The general procedure opened on `filedOn`. Discovered, by default, when the case was opened (the officers'
    /// first inspection), or on the day of a violation committed since (a deadline the unit let pass).
    public static func file(_ record: Case, on filedOn: LocalDate, violation: Violation, party: PartyKind, facts: String,
                            violationOn: LocalDate, discoveredOn: LocalDate?, harm: Bool,
                            officers: (Officer.ID, Officer.ID), rules: RuleSet) throws -> Penalty {
        try PenaltyProcedure.requireOnOrAfter(filedOn, record.openedOn, "立档日期", "case opening")
        try PenaltyProcedure.requireOnOrAfter(filedOn, violationOn, "违法行为发生日", "violation date")
        let discovered = discoveredOn ?? max(record.openedOn, violationOn)
        let limitation = try rules.rule(harm ? .limitationHarm : .limitation, on: filedOn)
        try Limitation.check(violationOn: violationOn, discoveredOn: discovered, years: limitation.value, source: limitation.source)
        var penalty = Penalty(caseId: record.id!, procedure: .general, party: party, violation: violation, facts: facts,
                              violationOn: violationOn, harm: harm, officers: officers)
        penalty.discoveredOn = discovered
        penalty.filedOn = filedOn
        return penalty
    }

    /// The summary procedure, decided and served on `decidedOn`.
    public static func summary(_ record: Case, on decidedOn: LocalDate, violation: Violation, party: PartyKind, facts: String,
                               fineYuan: Int, measures: String?, officers: (Officer.ID, Officer.ID), rules: RuleSet) throws -> Penalty {
        try PenaltyProcedure.requireOnOrAfter(decidedOn, record.openedOn, "立档日期", "case opening")
        let limit = try rules.rule(party == .organisation ? .summaryFineOrganisation : .summaryFineIndividual, on: decidedOn)
        guard fineYuan <= limit.value else {
            throw RuleViolation(rule: .summaryFineLimit,
                                chinese: "简易程序只能对\(party.chinese)处以警告或\(Money(yuan: limit.value).yuanText)以下罚款（\(limit.source)），\(Money(yuan: fineYuan).yuanText)须适用普通程序",
                                english: "the summary procedure allows a warning or a fine up to \(limit.value) yuan for an \(party.rawValue) (\(limit.source)); \(fineYuan) yuan needs the general procedure")
        }
        try violation.checkFine(fineYuan)
        var penalty = Penalty(caseId: record.id!, procedure: .summary, party: party, violation: violation, facts: facts,
                              violationOn: decidedOn, harm: false, officers: officers)
        penalty.discoveredOn = decidedOn
        penalty.decidedOn = decidedOn
        penalty.servedOn = decidedOn
        penalty.serviceMethod = "当场交付"
        penalty.fineYuan = fineYuan
        penalty.measures = measures ?? (fineYuan == 0 ? "警告" : nil)
        penalty.stage = .served
        return penalty
    }
}
