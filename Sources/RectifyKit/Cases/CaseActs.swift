import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    /// Today in China, by the clock of this transaction.
    var today: LocalDate { LocalDate(now) }

    /// Case acts are done by registered officers: the actor must be one.
    func actingOfficer() throws -> Officer {
        do {
            return try Lookup.actingOfficer(store, credential: actor)
        } catch is NotFoundError {
            throw RuleViolation(rule: .actorIsOfficer,
                                chinese: "操作人“\(actor)”不是已登记的执法人员（--as 应为执法证号）",
                                english: "actor '\(actor)' is not a registered officer (--as takes a credential number)")
        }
    }

    func issueDocument(_ kind: DocumentKind, caseId: Case.ID, on date: LocalDate) throws -> Document {
        let agency = try Lookup.agency(store)
        let number = try nextDocumentNumber(agency: agency.abbreviation, code: kind.code, year: date.year)
        var document = Document(kind: kind, number: number, caseId: caseId, issuedOn: date)
        try insert(&document, action: "document.issue")
        return document
    }

    /// Moves a case through its lifecycle; an illegal transition throws before anything is written.
    func transition(_ record: inout Case, _ event: CaseEvent, action: String) throws {
        let next = try CaseLifecycle.next(from: record.state, on: event)
        guard next != record.state else { return }
        record.state = next
        try update(record, action: action)
    }

    func openCase(campaignCode: String, uscc: String, officers: [String], on date: LocalDate?) throws -> Case {
        _ = try actingOfficer()
        let campaign = try Lookup.campaign(store, code: campaignCode)
        let unit = try Lookup.unit(store, uscc: uscc)
        let (first, second) = try Lookup.officerPair(store, officers)
        let openedOn = try ActDate.decide(date, today: today)
        guard openedOn >= campaign.startsOn, openedOn <= campaign.endsOn else {
            throw RuleViolation(rule: .caseInCampaignPeriod,
                                chinese: "立档日期\(openedOn.chinese)不在整治期限\(campaign.startsOn.chinese)至\(campaign.endsOn.chinese)之内",
                                english: "opening date \(openedOn) lies outside the campaign \(campaign.startsOn)…\(campaign.endsOn)")
        }
        guard try store.campaignCovers(campaignId: campaign.id!, unitId: unit.id!) else {
            throw RuleViolation(rule: .caseInScope, chinese: "单位“\(unit.name)”不在该专项整治的范围（街道/类别）之内",
                                english: "unit \(unit.uscc) is outside the campaign's scope (streets/categories)")
        }
        if let existing = try store.case(campaignId: campaign.id!, unitId: unit.id!) {
            throw RuleViolation(rule: .oneCasePerUnit, chinese: "该单位在本专项整治中已有案件\(existing.number)",
                                english: "this unit already has case \(existing.number) in this campaign")
        }
        let serial = try store.nextCaseSerial(campaignId: campaign.id!)
        var record = Case(number: Case.number(campaignCode: campaign.code, serial: serial), serial: serial,
                          campaignId: campaign.id!, unitId: unit.id!, openedOn: openedOn,
                          officer1Id: first.id!, officer2Id: second.id!)
        try insert(&record, action: "case.open")
        return record
    }

    func closeCase(number: String, on date: LocalDate?) throws -> Case {
        _ = try actingOfficer()
        var record = try Lookup.case(store, number: number)
        let closedOn = try ActDate.decide(date, today: today)
        guard closedOn >= record.openedOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "结档日期\(closedOn.chinese)早于立档日期\(record.openedOn.chinese)",
                                english: "closing date \(closedOn) is before the opening date \(record.openedOn)")
        }
        let unresolved = try store.unresolvedHazardCount(caseId: record.id!)
        let next = try CaseLifecycle.next(from: record.state, on: .closeRequested(unresolvedHazards: unresolved))
        record.state = next
        record.closedOn = closedOn
        try update(record, action: "case.close")
        return record
    }

    func addHazard(caseNumber: String, checklistCode: String?, description: String, level: HazardLevel?,
                   criterion: String?, foundOn: LocalDate?, deadline: LocalDate, listedSupervision: Bool,
                   supervisingBody: String?) throws -> Hazard {
        _ = try actingOfficer()
        var record = try Lookup.case(store, number: caseNumber)
        try transition(&record, .hazardAdded, action: "case.reopen-rectification")
        var item: CampaignChecklistItem?
        if let code = checklistCode?.nonBlank {
            item = try store.checklistItem(campaignId: record.campaignId, code: code)
            if item == nil { throw NotFoundError("本专项整治的检查要点", "checklist item of this campaign", key: code) }
        }
        guard let level = level ?? item?.defaultLevel else {
            throw ValidationError(field: "隐患等级", fieldEnglish: "hazard level", chinese: "未引用检查要点时必须注明一般或重大",
                                  english: "required when no checklist item is cited")
        }
        guard let criterion = criterion?.nonBlank ?? item?.basis else {
            throw ValidationError(field: "判定依据", fieldEnglish: "criterion", chinese: "未引用检查要点时必须注明判定依据",
                                  english: "required when no checklist item is cited")
        }
        let foundOn = try ActDate.decide(foundOn, today: today)
        guard foundOn >= record.openedOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "发现日期\(foundOn.chinese)早于立档日期\(record.openedOn.chinese)",
                                english: "found date \(foundOn) is before the case was opened (\(record.openedOn))")
        }
        guard deadline >= foundOn else {
            throw RuleViolation(rule: .deadlineAfterFound, chinese: "整改期限\(deadline.chinese)早于发现日期\(foundOn.chinese)",
                                english: "deadline \(deadline) is before the found date \(foundOn)")
        }
        if !listedSupervision && supervisingBody?.nonBlank != nil {
            throw ValidationError(field: "督办单位", fieldEnglish: "supervising body", chinese: "只有挂牌督办的隐患才有督办单位",
                                  english: "only a listed hazard has a supervising body")
        }
        let order = try issueDocument(.rectificationOrder, caseId: record.id!, on: foundOn)
        let seq = try store.nextHazardSeq(caseId: record.id!)
        var hazard = Hazard(caseId: record.id!, seq: seq, checklistCode: item?.code,
                            description: try require(description, field: "隐患描述", english: "description"),
                            level: level, criterion: criterion, foundOn: foundOn, deadline: deadline,
                            listedSupervision: listedSupervision, supervisingBody: supervisingBody?.nonBlank,
                            orderDocumentId: order.id!)
        try insert(&hazard, action: "hazard.add")
        return hazard
    }

    func extendHazard(reference: String, to newDeadline: LocalDate, reason: String, on date: LocalDate?) throws -> Hazard {
        let officer = try actingOfficer()
        let (record, found) = try Lookup.hazard(store, reference: reference)
        var hazard = found
        try CaseLifecycle.requireOpen(record.state)
        guard !hazard.status.isResolved else {
            throw RuleViolation(rule: .extendOpenHazard, chinese: "隐患已\(hazard.status.chinese)，不能延期",
                                english: "the hazard is already \(hazard.status.rawValue); it cannot be extended")
        }
        let grantedOn = try ActDate.decide(date, today: today)
        guard grantedOn <= hazard.deadline else {
            throw RuleViolation(rule: .extendBeforeDeadline,
                                chinese: "整改期限\(hazard.deadline.chinese)已过，延期须在期限届满前批准",
                                english: "the deadline \(hazard.deadline) has passed; an extension must be granted before it")
        }
        guard newDeadline > hazard.deadline else {
            throw RuleViolation(rule: .extendLater, chinese: "新期限\(newDeadline.chinese)须晚于当前期限\(hazard.deadline.chinese)",
                                english: "the new deadline \(newDeadline) must be after the current \(hazard.deadline)")
        }
        var extensionRecord = HazardExtension(hazardId: hazard.id!, fromDeadline: hazard.deadline, toDeadline: newDeadline,
                                              reason: try require(reason, field: "延期理由", english: "reason"),
                                              approvedBy: officer.id!, grantedOn: grantedOn)
        try insert(&extensionRecord, action: "hazard.extend")
        hazard.deadline = newDeadline
        try update(hazard, action: "hazard.extend")
        return hazard
    }

    func claimRectification(reference: String, on date: LocalDate?, measures: String) throws -> Hazard {
        _ = try actingOfficer()
        let (record, found) = try Lookup.hazard(store, reference: reference)
        try CaseLifecycle.requireOpen(record.state)
        var hazard = found
        guard hazard.status == .open else {
            throw RuleViolation(rule: .claimOpenHazard, chinese: "隐患状态为“\(hazard.status.chinese)”，只有待整改的隐患可报整改",
                                english: "the hazard is \(hazard.status.rawValue); only an open hazard can be reported fixed")
        }
        let claimedOn = try ActDate.decide(date, today: today)
        guard claimedOn >= hazard.foundOn else {
            throw RuleViolation(rule: .datesInOrder, chinese: "整改日期\(claimedOn.chinese)早于发现日期\(hazard.foundOn.chinese)",
                                english: "fix date \(claimedOn) is before the found date \(hazard.foundOn)")
        }
        hazard.status = .claimed
        hazard.claimedOn = claimedOn
        hazard.claimMeasures = try require(measures, field: "整改措施", english: "measures")
        try update(hazard, action: "hazard.rectify")
        return hazard
    }
}

extension Rectify {
    public func openCase(campaign: String, uscc: String, officers: [String], on date: LocalDate?, actor: String) throws -> Case {
        try database.write(actor: actor) { try $0.openCase(campaignCode: campaign, uscc: uscc, officers: officers, on: date) }
    }

    public func closeCase(number: String, on date: LocalDate?, actor: String) throws -> Case {
        try database.write(actor: actor) { try $0.closeCase(number: number, on: date) }
    }

    public func addHazard(caseNumber: String, checklistCode: String?, description: String, level: HazardLevel?,
                          criterion: String?, foundOn: LocalDate?, deadline: LocalDate, listedSupervision: Bool,
                          supervisingBody: String?, actor: String) throws -> Hazard {
        try database.write(actor: actor) {
            try $0.addHazard(caseNumber: caseNumber, checklistCode: checklistCode, description: description, level: level,
                             criterion: criterion, foundOn: foundOn, deadline: deadline,
                             listedSupervision: listedSupervision, supervisingBody: supervisingBody)
        }
    }

    public func extendHazard(reference: String, to deadline: LocalDate, reason: String, on date: LocalDate?,
                             actor: String) throws -> Hazard {
        try database.write(actor: actor) { try $0.extendHazard(reference: reference, to: deadline, reason: reason, on: date) }
    }

    public func claimRectification(reference: String, on date: LocalDate?, measures: String, actor: String) throws -> Hazard {
        try database.write(actor: actor) { try $0.claimRectification(reference: reference, on: date, measures: measures) }
    }
}
