import Foundation
import RectifyCore
import RectifyStore
import Testing
@testable import RectifyKit

/// The legal gaps an independent check of the rules engine found (issue 17 §3), each refused by the library.
@Suite("Legal gaps: hearing window and acts in the future")
struct LegalGapTests {
    /// The fixture restaurant's case in the gas campaign, opened by officers A and B.
    func openRestaurantCase(_ app: Rectify, on day: String) throws -> Case {
        try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: [officerA, officerB], on: date(day), actor: officerA)
    }

    /// A penalty filing by officers A and B against the unit as an organisation.
    func filing(_ violation: String, violationOn: String, facts: String = "未安装可燃气体报警装置", hazards: [Int] = [])
        -> Rectify.PenaltyFiling
    {
        Rectify.PenaltyFiling(officers: [officerA, officerB], violationCode: violation, facts: facts,
                              violationOn: date(violationOn), party: .organisation, harm: false, hazardSeqs: hazards)
    }

    /// A case filed 2026-06-01 and notified 2026-06-03 with a 60,000 yuan fine (a hearing right), its legal review
    /// and collective discussion done, and the defence waived: only the hearing window stands before a decision.
    func notifiedWithHearingRight() throws -> (Rectify, String) {
        let app = try makeCampaignDistrict(clock: autumnClock)
        let opened = try openRestaurantCase(app, on: "2026-04-20")
        _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "未安装可燃气体报警器", level: nil,
                              criterion: nil, foundOn: date("2026-04-20"), deadline: date("2026-05-20"), listedSupervision: true,
                              supervisingBody: "开发区安委办", actor: officerA)
        _ = try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing("AQ99-8R", violationOn: "2026-05-21", facts: "逾期未安装可燃气体报警装置", hazards: [1]), actor: officerA)
        let notified = try app.notifyPenalty(caseNumber: opened.number, on: date("2026-06-03"), fineYuan: 60_000,
                                             measures: nil, stopOrder: false, actor: officerA)
        #expect(notified.hearingRight)
        _ = try app.recordDefence(caseNumber: opened.number, on: date("2026-06-04"), statement: nil, waived: true, actor: officerA)
        _ = try app.recordReview(caseNumber: opened.number, on: date("2026-06-04"), reviewer: "法制科 王审核", discussion: false,
                                 actor: officerA)
        _ = try app.recordReview(caseNumber: opened.number, on: date("2026-06-05"), reviewer: nil, discussion: true, actor: officerA)
        return (app, opened.number)
    }

    func decide(_ app: Rectify, _ number: String, on day: String) throws -> Penalty {
        try app.decidePenalty(caseNumber: number, on: date(day), fineYuan: 60_000, measures: nil, stopOrder: false, actor: officerA)
    }

    @Test("no decision while the party may still ask for a hearing (art. 64): waiving the defence is not waiving it")
    func hearingWindow() throws {
        let (app, number) = try notifiedWithHearingRight()
        let before = try snapshot(app)
        // Five working days after Wednesday 06-03: 06-04, 05, 08, 09, 10.
        #expect {
            try decide(app, number, on: "2026-06-10")
        } throws: { error in
            let violation = error as? RuleViolation
            return violation?.rule == "HEARING-WINDOW" && violation!.chinese.contains("2026年6月10日")
                && violation!.chinese.contains("放弃陈述申辩不等于放弃听证")
        }
        #expect(try snapshot(app) == before)
        #expect(try decide(app, number, on: "2026-06-11").stage == .decided)
    }

    @Test("a written waiver of the hearing lets the decision come inside the window; it is audited and recorded once")
    func hearingWaived() throws {
        let (app, number) = try notifiedWithHearingRight()
        #expect {
            try app.waiveHearing(caseNumber: number, on: date("2026-06-02"), statement: "放弃听证", actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "DATES-IN-ORDER" }
        let waiver = try app.waiveHearing(caseNumber: number, on: date("2026-06-05"), statement: "当事人书面声明放弃听证",
                                          actor: officerA)
        #expect(waiver.waivedOn == date("2026-06-05"))
        let before = try snapshot(app)
        #expect {
            try app.waiveHearing(caseNumber: number, on: date("2026-06-05"), statement: "再次放弃", actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "HEARING-WAIVER-ONCE" }
        #expect {
            try app.recordHearing(caseNumber: number, requestedOn: date("2026-06-08"), notifiedOn: date("2026-06-08"),
                                  heldOn: date("2026-06-18"), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "HEARING-WAIVER-ONCE" }
        #expect(try snapshot(app) == before)
        #expect(try decide(app, number, on: "2026-06-08").stage == .decided)
        #expect(try app.verify().isIntact)
    }

    @Test("a penalty without a hearing right has no window and no waiver")
    func noHearingRight() throws {
        let app = try makeCampaignDistrict(clock: autumnClock)
        let opened = try openRestaurantCase(app, on: "2026-04-20")
        _ = try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing("AQ99-8", violationOn: "2026-05-21"), actor: officerA)
        _ = try app.notifyPenalty(caseNumber: opened.number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil,
                                  stopOrder: false, actor: officerA)
        #expect {
            try app.waiveHearing(caseNumber: opened.number, on: nil, statement: "放弃", actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "HEARING-RIGHT" }
        _ = try app.recordDefence(caseNumber: opened.number, on: date("2026-06-04"), statement: nil, waived: true, actor: officerA)
        #expect(try app.decidePenalty(caseNumber: opened.number, on: date("2026-06-05"), fineYuan: 20_000, measures: nil,
                                      stopOrder: false, actor: officerA).stage == .decided)
    }

    @Test("an act dated after today (China time) is refused, whatever the act, and writes nothing")
    func actsInTheFuture() throws {
        // pinnedClock: 2026-06-01 09:00 in China.
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app, on: "2026-05-20")
        let before = try snapshot(app)
        func isFuture(_ error: any Error) -> Bool {
            guard let violation = error as? RuleViolation, violation.rule == "ACT-NOT-IN-FUTURE" else { return false }
            return violation.chinese.contains("2026年6月2日") && violation.english.contains("2026-06-01")
        }
        #expect(performing: {
            try app.openCase(campaign: "gas-2026", uscc: shopUSCC, officers: [officerA, officerB], on: date("2026-06-02"),
                             actor: officerA)
        }, throws: isFuture)
        #expect(performing: {
            try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "未安装报警器", level: nil,
                              criterion: nil, foundOn: date("2026-06-02"), deadline: date("2026-06-30"),
                              listedSupervision: false, supervisingBody: nil, actor: officerA)
        }, throws: isFuture)
        #expect(performing: {
            try app.addPlan(caseNumber: opened.number, kind: .rectification, hazardSeq: nil, measures: "整改方案", responsible: nil,
                            fundsYuan: nil, deadline: nil, contingency: nil, on: date("2026-06-02"), actor: officerA)
        }, throws: isFuture)
        #expect(performing: {
            try app.filePenalty(caseNumber: opened.number, on: date("2026-06-02"), Rectify.PenaltyFiling(
                officers: [officerA, officerB], violationCode: "AQ99-8", facts: "x", violationOn: date("2026-05-21"),
                party: .organisation, harm: false, hazardSeqs: []), actor: officerA)
        }, throws: isFuture)
        #expect(try snapshot(app) == before)
        // Today itself is allowed.
        #expect(try app.addPlan(caseNumber: opened.number, kind: .rectification, hazardSeq: nil, measures: "整改方案",
                                responsible: nil, fundsYuan: nil, deadline: nil, contingency: nil, on: date("2026-06-01"),
                                actor: officerA).recordedOn == date("2026-06-01"))
    }

    @Test("one overdue rule: a hazard reported fixed before its deadline is not overdue anywhere; its late re-check is, everywhere")
    func oneOverdueRule() throws {
        let app = try makeCampaignDistrict()
        let opened = try openRestaurantCase(app, on: "2026-04-20")
        _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "未安装可燃气体报警器", level: nil,
                              criterion: nil, foundOn: date("2026-04-20"), deadline: date("2026-05-20"), listedSupervision: false,
                              supervisingBody: nil, actor: officerA)
        _ = try app.claimRectification(reference: "\(opened.number)/1", on: date("2026-05-10"), measures: "已安装报警器",
                                       actor: officerA)
        // Past the rectification deadline (05-20), inside the re-check window (10 days from 05-10: 05-20 … a
        // Wednesday) only on 05-20 itself; on 05-25 the re-check is 5 days late and the rectification is not late.
        let asOf = date("2026-05-25")
        let view = try #require(try app.caseDetail(number: opened.number, asOf: asOf).hazards.first)
        #expect(view.daysOverdue == nil)
        #expect(view.recheckDaysOverdue == 5)
        let overdue = try app.overdue(asOf: asOf)
        #expect(overdue.items.map(\.what) == [.recheck])
        #expect(try app.cases(campaign: "gas-2026", state: nil, asOf: asOf).first?.overdueHazards == 0)
        let lint = Set(try app.lint(number: opened.number, asOf: asOf).findings.map(\.rule))
        #expect(lint.contains("RECHECK-OVERDUE") && !lint.contains("HAZARD-OVERDUE"))
        // On the deadline's own day nothing is late.
        let onTheDay = try #require(try app.caseDetail(number: opened.number, asOf: date("2026-05-20")).hazards.first)
        #expect(onTheDay.daysOverdue == nil && onTheDay.recheckDaysOverdue == nil)
        #expect(try app.overdue(asOf: date("2026-05-20")).items.isEmpty)
    }

    @Test("the limitation of art. 36 runs to the day the violation was discovered (by default the case's opening), not to 立案")
    func limitationFromDiscovery() throws {
        let app = try makeCampaignDistrict(clock: autumnClock)
        let opened = try openRestaurantCase(app, on: "2026-04-20")
        func filing(discoveredOn: String?) -> Rectify.PenaltyFiling {
            Rectify.PenaltyFiling(officers: [officerA, officerB], violationCode: "AQ99-8", facts: "未安装可燃气体报警装置",
                                  violationOn: date("2024-05-20"), discoveredOn: discoveredOn.map(date), party: .organisation,
                                  harm: false, hazardSeqs: [])
        }
        let before = try snapshot(app)
        // Discovered on 05-21, a day after the two years ran out on 2026-05-20.
        #expect {
            try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing(discoveredOn: "2026-05-21"), actor: officerA)
        } throws: { error in
            let violation = error as? RuleViolation
            return violation?.rule == "LIMITATION-PERIOD" && violation!.chinese.contains("2026年5月20日")
        }
        #expect {
            try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing(discoveredOn: "2024-05-19"), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "DATES-IN-ORDER" }
        #expect(try snapshot(app) == before)
        // Filed after the two years, discovered inside them (when the case was opened): lawful.
        let filed = try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing(discoveredOn: nil), actor: officerA)
        #expect(filed.discoveredOn == date("2026-04-20"))
        #expect(try app.verify().isIntact)
    }

    @Test("a decision on 2026-12-07 in a case filed on 2026-11-16 is lawful although its 90 days end in 2027, which has no schedule")
    func provisionalDecisionDeadline() throws {
        let app = try makeCampaignDistrict(clock: { LocalDate(year: 2026, month: 12, day: 7)!.timestamp(hour: 9) })
        let opened = try openRestaurantCase(app, on: "2026-10-20")
        _ = try app.filePenalty(caseNumber: opened.number, on: date("2026-11-16"), filing("AQ99-8", violationOn: "2026-10-20"), actor: officerA)
        _ = try app.notifyPenalty(caseNumber: opened.number, on: date("2026-11-20"), fineYuan: 20_000, measures: nil,
                                  stopOrder: false, actor: officerA)
        _ = try app.recordDefence(caseNumber: opened.number, on: date("2026-11-23"), statement: nil, waived: true, actor: officerA)
        let shown = try #require(try app.caseDetail(number: opened.number).penalty?.deadlines.first { $0.name == "作出决定期限" })
        #expect(shown.isProvisional && shown.due == date("2027-02-14") && shown.latestDue == date("2027-02-25"))
        let decided = try app.decidePenalty(caseNumber: opened.number, on: date("2026-12-07"), fineYuan: 20_000, measures: nil,
                                            stopOrder: false, actor: officerA)
        #expect(decided.stage == .decided)
    }

    @Test("special-equipment re-checks and penalties are done by officers of the leading or a partner department; a violation is cited against its kind of party only")
    func whoMayAct() throws {
        let app = try makeCampaignDistrict(clock: autumnClock)
        _ = try app.addDepartment(name: "消防大队", actor: admin)
        let (fireC, fireD) = ("32067100031", "32067100032")
        _ = try app.addOfficer(credential: fireC, name: "赵六", department: "消防大队", actor: admin)
        _ = try app.addOfficer(credential: fireD, name: "钱七", department: "消防大队", actor: admin)
        _ = try app.createCampaign(CampaignSpec(
            code: "se-2026", kind: .specialEquipment, title: "特种设备安全专项整治", planNumber: "通开安委办〔2026〕12号",
            leadDepartment: "市场监管局", partnerDepartments: ["安监局"], startsOn: date("2026-04-01"), endsOn: date("2026-10-31"),
            phases: [], scopeCategories: [.aboveScale], targets: []), actor: admin)
        let factory = "914403001922038216"
        let opened = try app.openCase(campaign: "se-2026", uscc: factory, officers: [officerA, officerB], on: date("2026-05-06"),
                                      actor: officerA)
        _ = try app.addHazard(caseNumber: opened.number, checklistCode: "TS02", description: "叉车未定期检验", level: .general,
                              criterion: nil, foundOn: date("2026-05-06"), deadline: date("2026-05-20"), listedSupervision: false,
                              supervisingBody: nil, actor: officerA)
        _ = try app.addSelfCheck(caseNumber: opened.number, on: date("2026-05-08"), checkedBy: "设备科", findings: "一项问题",
                                 selfFixed: nil, pledge: "按期整改", items: [("TS02", .fail)], actor: officerA)
        _ = try app.claimRectification(reference: "\(opened.number)/1", on: date("2026-05-15"), measures: "已检验", actor: officerA)
        let before = try snapshot(app)
        func isAuthority(_ error: any Error) -> Bool {
            guard let violation = error as? RuleViolation, violation.rule == "OFFICER-OF-AUTHORITY" else { return false }
            return violation.chinese.contains(fireC) && violation.chinese.contains("第57条")
        }
        #expect(performing: {
            try app.addRecheck(caseNumber: opened.number, on: date("2026-05-18"), officers: [fireC, fireD], opinion: "整改到位",
                               verdicts: [(1, .fixed)], actor: fireC)
        }, throws: isAuthority)
        #expect(performing: {
            try app.filePenalty(caseNumber: opened.number, on: date("2026-05-18"), Rectify.PenaltyFiling(
                officers: [fireC, fireD], violationCode: "TS83", facts: "未定期检验", violationOn: date("2026-05-06"),
                party: .organisation, harm: false, hazardSeqs: []), actor: fireC)
        }, throws: isAuthority)
        #expect(try snapshot(app) == before)
        // An individual's violation against an organisation.
        let restaurant = try openRestaurantCase(app, on: "2026-04-20")
        let beforeParty = try snapshot(app)
        #expect {
            try app.filePenalty(caseNumber: restaurant.number, on: date("2026-06-01"), Rectify.PenaltyFiling(
                officers: [officerA, officerB], violationCode: "RQ49-P", facts: "违规使用燃气设施", violationOn: date("2026-05-21"),
                party: .organisation, harm: false, hazardSeqs: []), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "VIOLATION-PARTY" }
        #expect(try snapshot(app) == beforeParty)
        // Officers of the partner department (安监局) may.
        let recheck = try app.addRecheck(caseNumber: opened.number, on: date("2026-05-18"), officers: [officerA, officerB],
                                         opinion: "整改到位", verdicts: [(1, .fixed)], actor: officerA)
        #expect(recheck.outcome == .passed)
    }

    @Test("an extension of the decision period (art. 60) is approved in time, with its document, and the decision is judged against it")
    func decisionPeriodExtension() throws {
        let app = try makeCampaignDistrict(clock: autumnClock)
        let opened = try openRestaurantCase(app, on: "2026-04-20")
        _ = try app.filePenalty(caseNumber: opened.number, on: date("2026-06-01"), filing("AQ99-8", violationOn: "2026-05-21"), actor: officerA)
        _ = try app.notifyPenalty(caseNumber: opened.number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil,
                                  stopOrder: false, actor: officerA)
        _ = try app.recordDefence(caseNumber: opened.number, on: date("2026-06-04"), statement: nil, waived: true, actor: officerA)
        func extend(on day: String, until: String) throws -> DecisionExtension {
            try app.extendDecisionPeriod(caseNumber: opened.number, on: date(day), until: date(until), approver: "局长 周正",
                                         reason: "案情复杂，依《安全生产违法行为行政处罚办法》延长", actor: officerA)
        }
        func decide(on day: String) throws -> Penalty {
            try app.decidePenalty(caseNumber: opened.number, on: date(day), fineYuan: 20_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        }
        let before = try snapshot(app)
        // 90 days from 06-01 end on 08-30, a Sunday: 08-31.
        #expect { try decide(on: "2026-09-10") } throws: { ($0 as? RuleViolation)?.rule == "DECISION-DEADLINE" }
        #expect { try extend(on: "2026-09-01", until: "2026-09-30") } throws: { ($0 as? RuleViolation)?.rule == "DECISION-EXTENSION-IN-TIME" }
        #expect { try extend(on: "2026-08-20", until: "2026-08-25") } throws: { ($0 as? RuleViolation)?.rule == "DECISION-EXTENSION-LATER" }
        #expect(try snapshot(app) == before)
        let approved = try extend(on: "2026-08-20", until: "2026-09-30")
        #expect(approved.newDeadline == date("2026-09-30"))
        #expect { try extend(on: "2026-08-21", until: "2026-10-30") } throws: { ($0 as? RuleViolation)?.rule == "DECISION-EXTENSION-ONCE" }
        let detail = try app.caseDetail(number: opened.number, asOf: date("2026-09-10"))
        #expect(detail.documents.contains { $0.kind == .decisionExtension && $0.number == "（通开）应急延〔2026〕1号" })
        let shown = try #require(detail.penalty?.deadlines.first { $0.name == "作出决定期限" })
        #expect(shown.due == date("2026-09-30") && shown.explanation.contains("经局长 周正于2026年8月20日批准延长"))
        #expect(shown.explanation.contains("法定期限为2026年8月31日"))
        #expect { try decide(on: "2026-10-08") } throws: { ($0 as? RuleViolation)?.rule == "DECISION-DEADLINE" }
        #expect(try decide(on: "2026-09-10").stage == .decided)
        #expect(try app.verify().isIntact)
    }
}
