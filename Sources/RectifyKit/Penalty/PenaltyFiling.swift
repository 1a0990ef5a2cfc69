import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    func penalty(of record: Case) throws -> Penalty {
        guard let penalty = try store.penalty(caseId: record.id!) else {
            throw RuleViolation(rule: .penaltyFiledFirst, chinese: "案件\(record.number)尚未立案处罚",
                                english: "case \(record.number) has no penalty procedure yet")
        }
        return penalty
    }

    /// The two officers of a step facing the party (notice, decision, service): those named, or else the two who
    /// filed the case, who must still hold active credentials (《行政处罚法》第42条).
    func stepOfficers(_ penalty: Penalty, named: [String]) throws {
        if !named.isEmpty {
            let (first, second) = try Lookup.officerPair(store, named)
            if let record = try store.case(id: penalty.caseId) {
                try requireAuthority([first, second], in: record, act: "行政处罚", actEnglish: "penalty")
            }
            return
        }
        for id in [penalty.officer1Id, penalty.officer2Id] {
            let officer = try store.officer(id: id)!
            guard officer.active else {
                throw RuleViolation(rule: .twoOfficers,
                                    chinese: "立案时的执法人员\(officer.name)（\(officer.credential)）已停用，请用 --officer 指定两名在岗执法人员",
                                    english: "officer \(officer.credential) of the filing is inactive: name two active officers with --officer")
            }
        }
    }

    /// What opening either procedure needs (`PenaltyFilingRules`), and two active officers who may act in it.
    private func startPenalty(caseNumber: String, officers: [String], violationCode: String, party: PartyKind)
        throws -> (Case, Officer, Officer, Violation)
    {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        let violation = try ViolationCatalogue.find(store, code: violationCode)
        try PenaltyFilingRules.requireFileable(record, hasPenalty: try store.penalty(caseId: record.id!) != nil,
                                               violation: violation, party: party)
        let (first, second) = try Lookup.officerPair(store, officers)
        try requireAuthority([first, second], in: record, act: "行政处罚", actEnglish: "penalty")
        return (record, first, second, violation)
    }

    /// 立案 (`PenaltyFilingRules`), with its 立案审批表; named hazards pass to the procedure.
    func filePenalty(caseNumber: String, on date: LocalDate?, officers: [String], violationCode: String, facts: String,
                     violationOn: LocalDate, discoveredOn: LocalDate?, party: PartyKind, harm: Bool,
                     hazardSeqs: [Int]) throws -> Penalty {
        var (record, first, second, violation) = try startPenalty(caseNumber: caseNumber, officers: officers,
                                                                  violationCode: violationCode, party: party)
        let filedOn = try ActDate.decide(date, today: today)
        if let discoveredOn { _ = try ActDate.decide(discoveredOn, today: today) }
        var penalty = try PenaltyFilingRules.file(record, on: filedOn, violation: violation, party: party,
                                                  facts: try require(facts, field: "违法事实", english: "facts"),
                                                  violationOn: violationOn, discoveredOn: discoveredOn, harm: harm,
                                                  officers: (first.id!, second.id!), rules: try LegalContext.rules(store))
        penalty.filingDocumentId = try issueDocument(.penaltyFiling, caseId: record.id!, on: filedOn).id
        try insert(&penalty, action: "penalty.file")
        try referHazards(&record, seqs: hazardSeqs)
        return penalty
    }

    /// The penalty hook of the case lifecycle: named hazards are handed to the procedure and no longer hold the case.
    func referHazards(_ record: inout Case, seqs: [Int]) throws {
        for seq in seqs.uniqued() {
            var hazard = try Lookup.hazard(store, reference: "\(record.number)/\(seq)").1
            guard !hazard.status.isResolved else {
                throw RuleViolation(rule: .referOpenHazard, chinese: "隐患\(seq)已\(hazard.status.chinese)，不能转入处罚程序",
                                    english: "hazard \(seq) is already \(hazard.status.rawValue)")
            }
            hazard.status = .penalty
            try update(hazard, action: "hazard.refer-to-penalty")
        }
        guard !seqs.isEmpty else { return }
        let unresolved = try store.unresolvedHazardCount(caseId: record.id!)
        try transition(&record, .hazardReferredToPenalty(allResolved: unresolved == 0), action: "case.penalty-hook")
    }

    /// 简易程序（当场处罚） (`PenaltyFilingRules`), with its decision.
    func summaryPenalty(caseNumber: String, on date: LocalDate?, officers: [String], violationCode: String, facts: String,
                        party: PartyKind, fineYuan: Int, measures: String?) throws -> Penalty {
        let (record, first, second, violation) = try startPenalty(caseNumber: caseNumber, officers: officers,
                                                                  violationCode: violationCode, party: party)
        let decidedOn = try ActDate.decide(date, today: today)
        var penalty = try PenaltyFilingRules.summary(record, on: decidedOn, violation: violation, party: party,
                                                     facts: try require(facts, field: "违法事实", english: "facts"),
                                                     fineYuan: fineYuan, measures: measures?.nonBlank,
                                                     officers: (first.id!, second.id!), rules: try LegalContext.rules(store))
        penalty.decisionDocumentId = try issueDocument(.penaltyDecision, caseId: record.id!, on: decidedOn).id
        try insert(&penalty, action: "penalty.summary")
        return penalty
    }
}
