import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    func addPlan(caseNumber: String, kind: PlanKind, hazardSeq: Int?, measures: String, responsible: String?,
                 fundsYuan: Int?, deadline: LocalDate?, contingency: String?, on date: LocalDate?) throws -> PlanRecord {
        _ = try actingOfficer()
        let record = try Lookup.case(store, number: caseNumber)
        try CaseLifecycle.requireOpen(record.state)
        var hazard: Hazard?
        if let seq = hazardSeq {
            hazard = try Lookup.hazard(store, reference: "\(record.number)/\(seq)").1
        }
        if let fundsYuan, fundsYuan < 0 {
            throw ValidationError(field: "整改资金", fieldEnglish: "funds", value: String(fundsYuan),
                                  chinese: "不能为负数", english: "must not be negative")
        }
        let plan = PlanRecord(caseId: record.id!, kind: kind, hazardId: hazard?.id,
                              measures: try require(measures, field: "措施", english: "measures"),
                              responsible: responsible?.nonBlank, fundsYuan: fundsYuan, deadline: deadline,
                              contingency: contingency?.nonBlank, recordedOn: try ActDate.decide(date, today: today))
        if kind == .rectification, hazard?.level == .major {
            let missing = plan.missingFiveInPlace
            guard missing.isEmpty else {
                throw RuleViolation(rule: .majorHazardFiveInPlace,
                                    chinese: "重大隐患整改方案须“五到位”，缺少：\(missing.map(\.chinese).joined(separator: "、"))",
                                    english: "a major hazard's plan needs all five in place; missing: \(missing.map(\.english).joined(separator: ", "))")
            }
        }
        if let deadline, let hazard, deadline > hazard.deadline {
            throw RuleViolation(rule: .planWithinDeadline,
                                chinese: "方案时限\(deadline.chinese)晚于隐患整改期限\(hazard.deadline.chinese)（须先批准延期）",
                                english: "plan deadline \(deadline) is after the hazard's deadline \(hazard.deadline) (extend it first)")
        }
        var stored = plan
        try insert(&stored, action: "plan.add")
        return stored
    }

    func addSelfCheck(caseNumber: String, on date: LocalDate?, checkedBy: String, findings: String, selfFixed: String?,
                      pledge: String, items: [(code: String, result: CheckResult)]) throws -> SelfCheckRecord {
        _ = try actingOfficer()
        var record = try Lookup.case(store, number: caseNumber)
        let checkedOn = try ActDate.decide(date, today: today)
        guard checkedOn >= record.openedOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "自查日期\(checkedOn.chinese)早于立档日期\(record.openedOn.chinese)",
                                english: "self-check date \(checkedOn) is before the case was opened (\(record.openedOn))")
        }
        let known = Set(try store.checklistCodes(campaignId: record.campaignId))
        var seen = Set<String>()
        for item in items {
            guard known.contains(item.code) else { throw NotFoundError("本专项整治的检查要点", "checklist item of this campaign", key: item.code) }
            guard seen.insert(item.code).inserted else {
                throw ValidationError(field: "检查要点", fieldEnglish: "checklist item", value: item.code,
                                      chinese: "重复填写", english: "given twice")
            }
        }
        try transition(&record, .selfCheckSubmitted, action: "case.self-checked")
        var selfCheck = SelfCheckRecord(caseId: record.id!, checkedOn: checkedOn,
                                        checkedBy: try require(checkedBy, field: "自查人", english: "checked by"),
                                        findings: try require(findings, field: "自查发现", english: "findings"),
                                        selfFixed: selfFixed?.nonBlank,
                                        pledge: try require(pledge, field: "承诺", english: "pledge"))
        let id = try insert(&selfCheck, action: "selfcheck.add")
        for item in items {
            var row = SelfCheckItem(selfCheckId: id, itemCode: item.code, result: item.result)
            try insert(&row, action: "selfcheck.item")
        }
        return selfCheck
    }

    func addRecheck(caseNumber: String, on date: LocalDate?, officers: [String], opinion: String,
                    verdicts: [(seq: Int, verdict: RecheckVerdict)]) throws -> RecheckRecord {
        _ = try actingOfficer()
        var record = try Lookup.case(store, number: caseNumber)
        // The lifecycle is the first rule: a case not yet self-checked, already accepted or closed takes no re-check.
        _ = try CaseLifecycle.next(from: record.state, on: .recheckRecorded(.partial))
        let (first, second) = try Lookup.officerPair(store, officers)
        try requireAuthority([first, second], in: record, act: "复查", actEnglish: "re-check")
        let checkedOn = try ActDate.decide(date, today: today)
        var hazards = try store.hazards(caseId: record.id!)
        var given: [Int: RecheckVerdict] = [:]
        for (seq, verdict) in verdicts {
            guard given.updateValue(verdict, forKey: seq) == nil else {
                throw ValidationError(field: "复查结论", fieldEnglish: "verdict", value: "\(seq)", chinese: "同一隐患给了两次结论",
                                      english: "hazard \(seq) is judged twice")
            }
            guard let hazard = hazards.first(where: { $0.seq == seq }) else {
                throw NotFoundError("隐患", "hazard", key: "\(record.number)/\(seq)")
            }
            guard hazard.status == .claimed else {
                throw RuleViolation(rule: .recheckClaimedOnly,
                                    chinese: "隐患\(seq)状态为“\(hazard.status.chinese)”，复查只针对单位已报整改的隐患",
                                    english: "hazard \(seq) is \(hazard.status.rawValue); a re-check judges only hazards reported fixed")
            }
        }
        let unjudged = hazards.filter { $0.status == .claimed && given[$0.seq] == nil }.map(\.seq)
        guard unjudged.isEmpty else {
            throw RuleViolation(rule: .recheckAllClaimed,
                                chinese: "单位已报整改的隐患\(unjudged.map(String.init).joined(separator: "、"))缺少复查结论",
                                english: "hazards \(unjudged.map(String.init).joined(separator: ", ")) were reported fixed but have no verdict")
        }
        let open = hazards.filter { !$0.status.isResolved }
        if given.isEmpty && !open.isEmpty {
            throw RuleViolation(rule: .recheckNothingClaimed,
                                chinese: "尚有\(open.count)项隐患未整改且没有单位已报整改的隐患，无可复查",
                                english: "\(open.count) hazard(s) are open and none was reported fixed: nothing to re-check")
        }
        if let early = hazards.first(where: { given[$0.seq] != nil && ($0.claimedOn ?? checkedOn) > checkedOn }) {
            throw RuleViolation(rule: .datesInOrder,
                                chinese: "复查日期\(checkedOn.chinese)早于隐患\(early.seq)的整改日期\(early.claimedOn!.chinese)",
                                english: "re-check date \(checkedOn) is before hazard \(early.seq) was reported fixed (\(early.claimedOn!))")
        }
        for index in hazards.indices {
            guard let verdict = given[hazards[index].seq] else { continue }
            switch verdict {
            case .fixed:
                hazards[index].status = .verified
                hazards[index].verifiedOn = checkedOn
            case .notFixed:
                hazards[index].status = .open
                hazards[index].failedRechecks += 1
            }
        }
        let outcome = CaseLifecycle.outcome(verdicts: Array(given.values), hazardStatusesAfter: hazards.map(\.status))
        try transition(&record, .recheckRecorded(outcome), action: "case.rechecked")
        for hazard in hazards where given[hazard.seq] != nil {
            try update(hazard, action: "hazard.recheck")
        }
        let document = try issueDocument(.recheckOpinion, caseId: record.id!, on: checkedOn)
        var recheck = RecheckRecord(caseId: record.id!, checkedOn: checkedOn, officer1Id: first.id!, officer2Id: second.id!,
                                    opinion: try require(opinion, field: "复查意见", english: "opinion"),
                                    outcome: outcome, documentId: document.id!)
        let id = try insert(&recheck, action: "recheck.add")
        for hazard in hazards {
            guard let verdict = given[hazard.seq] else { continue }
            var finding = RecheckFinding(recheckId: id, hazardId: hazard.id!, verdict: verdict)
            try insert(&finding, action: "recheck.finding")
        }
        return recheck
    }
}

extension Rectify {
    public func addPlan(caseNumber: String, kind: PlanKind, hazardSeq: Int?, measures: String, responsible: String?,
                        fundsYuan: Int?, deadline: LocalDate?, contingency: String?, on date: LocalDate?,
                        actor: String) throws -> PlanRecord {
        try database.write(actor: actor) {
            try $0.addPlan(caseNumber: caseNumber, kind: kind, hazardSeq: hazardSeq, measures: measures,
                           responsible: responsible, fundsYuan: fundsYuan, deadline: deadline,
                           contingency: contingency, on: date)
        }
    }

    public func addSelfCheck(caseNumber: String, on date: LocalDate?, checkedBy: String, findings: String,
                             selfFixed: String?, pledge: String, items: [(code: String, result: CheckResult)],
                             actor: String) throws -> SelfCheckRecord {
        try database.write(actor: actor) {
            try $0.addSelfCheck(caseNumber: caseNumber, on: date, checkedBy: checkedBy, findings: findings,
                                selfFixed: selfFixed, pledge: pledge, items: items)
        }
    }

    public func addRecheck(caseNumber: String, on date: LocalDate?, officers: [String], opinion: String,
                           verdicts: [(seq: Int, verdict: RecheckVerdict)], actor: String) throws -> RecheckRecord {
        try database.write(actor: actor) {
            try $0.addRecheck(caseNumber: caseNumber, on: date, officers: officers, opinion: opinion, verdicts: verdicts)
        }
    }
}
