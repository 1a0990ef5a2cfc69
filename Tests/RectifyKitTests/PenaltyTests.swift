import Foundation
import GRDB
import RectifyCore
import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Penalty procedure")
struct PenaltyTests {
    /// A restaurant case with one open hazard (no gas alarm), opened 2026-04-20.
    func caseWithHazard() throws -> (Rectify, String) {
        let app = try makeCampaignDistrict(clock: autumnClock)
        let opened = try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: [officerA, officerB],
                                      on: date("2026-04-20"), actor: officerA)
        _ = try app.addHazard(caseNumber: opened.number, checklistCode: "RQ01", description: "未安装可燃气体报警器", level: nil,
                              criterion: nil, foundOn: date("2026-04-20"), deadline: date("2026-05-20"), listedSupervision: true,
                              supervisingBody: "开发区安委办", actor: officerA)
        return (app, opened.number)
    }

    func file(_ app: Rectify, _ number: String, on day: String = "2026-06-01", hazards: [Int] = [1],
              violation: String = "AQ99-8R") throws -> Penalty {
        try app.filePenalty(caseNumber: number, on: date(day), Rectify.PenaltyFiling(
            officers: [officerA, officerB], violationCode: violation, facts: "逾期未安装可燃气体报警装置",
            violationOn: date("2026-05-21"), party: .organisation, harm: false, hazardSeqs: hazards), actor: officerA)
    }

    @Test("the general procedure from 立案 to 结案, with a hearing, review, discussion and a late payment")
    func generalProcedure() throws {
        let (app, number) = try caseWithHazard()
        _ = try file(app, number)
        // The hook: the hazard passed to the procedure no longer holds the case.
        #expect(try app.caseDetail(number: number).hazards[0].hazard.status == .penalty)
        let notified = try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 60_000, measures: nil,
                                             stopOrder: false, actor: officerA)
        #expect(notified.hearingRight)
        // Requested on day 5 of the window (06-04, 05, 08, 09, 10); notified 06-11; 7 working days later is 06-23
        // (06-19 … 06-21 are the Dragon Boat holiday).
        #expect {
            try app.recordHearing(caseNumber: number, requestedOn: date("2026-06-11"), notifiedOn: date("2026-06-11"),
                                  heldOn: date("2026-06-25"), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "HEARING-REQUEST-WINDOW" }
        #expect {
            try app.recordHearing(caseNumber: number, requestedOn: date("2026-06-10"), notifiedOn: date("2026-06-11"),
                                  heldOn: date("2026-06-22"), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "HEARING-NOTICE" }
        _ = try app.recordHearing(caseNumber: number, requestedOn: date("2026-06-10"), notifiedOn: date("2026-06-11"),
                                  heldOn: date("2026-06-23"), actor: officerA)
        #expect {
            try app.decidePenalty(caseNumber: number, on: date("2026-06-24"), fineYuan: 60_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "REVIEW-AND-DISCUSSION" }
        _ = try app.recordReview(caseNumber: number, on: date("2026-06-24"), reviewer: "法制科 王审核", discussion: false, actor: officerA)
        _ = try app.recordReview(caseNumber: number, on: date("2026-06-25"), reviewer: nil, discussion: true, actor: officerA)
        #expect {
            try app.decidePenalty(caseNumber: number, on: date("2026-06-26"), fineYuan: 80_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "NO-HEAVIER-THAN-NOTIFIED" }
        _ = try app.decidePenalty(caseNumber: number, on: date("2026-06-26"), fineYuan: 60_000, measures: "责令限期改正",
                                  stopOrder: false, actor: officerA)
        _ = try app.servePenalty(caseNumber: number, on: date("2026-06-29"), method: "直接送达", actor: officerA)
        // Due 15 days after 06-29: 07-14. Paid 07-16: 2 days × 3 % × 60,000 = 3,600 yuan.
        #expect {
            try app.payPenalty(caseNumber: number, on: date("2026-07-16"), amountFen: 6_000_000, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "PAYMENT-AMOUNT" }
        let (_, surcharge) = try app.payPenalty(caseNumber: number, on: date("2026-07-16"), amountFen: 6_360_000, actor: officerA)
        #expect(surcharge.daysLate == 2 && surcharge.amountFen == 360_000)
        _ = try app.closePenalty(caseNumber: number, on: date("2026-07-17"), actor: officerA)
        let detail = try app.caseDetail(number: number, asOf: date("2026-07-17"))
        #expect(detail.documents.map(\.kind) == [.rectificationOrder, .penaltyFiling, .penaltyNotice, .hearingNotice,
                                                 .discussionRecord, .penaltyDecision, .closingApproval])
        #expect(detail.documents.first { $0.kind == .penaltyDecision }?.number == "（通开）应急罚〔2026〕1号")
        let decision = try #require(detail.penalty?.deadlines.first { $0.name == "作出决定期限" })
        // 90 days from 06-01 plus the 13 hearing days (06-10 … 06-23): 09-12, a Saturday → 09-14.
        #expect(decision.due == date("2026-09-14"))
        #expect(decision.explanation.contains("扣除听证时间13日"))
        #expect(try app.verify().isIntact)
    }

    @Test("a decision before the notice is refused and writes nothing")
    func decisionBeforeNotice() throws {
        let (app, number) = try caseWithHazard()
        _ = try file(app, number)
        let before = try snapshot(app)
        #expect {
            try app.decidePenalty(caseNumber: number, on: date("2026-06-05"), fineYuan: 50_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "DECISION-AFTER-NOTICE" }
        #expect(try snapshot(app) == before)
    }

    @Test("no decision inside the defence window unless the party waives it")
    func defenceWindow() throws {
        let (app, number) = try caseWithHazard()
        _ = try file(app, number, violation: "AQ99-8")
        _ = try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        // 3 working days after Wednesday 06-03: 06-08; a decision on 06-08 is still inside.
        #expect {
            try app.decidePenalty(caseNumber: number, on: date("2026-06-08"), fineYuan: 20_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "DEFENCE-WINDOW" }
        _ = try app.recordDefence(caseNumber: number, on: date("2026-06-04"), statement: nil, waived: true, actor: officerA)
        let decided = try app.decidePenalty(caseNumber: number, on: date("2026-06-05"), fineYuan: 20_000, measures: nil,
                                            stopOrder: false, actor: officerA)
        #expect(decided.stage == .decided)
    }

    @Test("a summary-procedure fine above its limit is refused and writes nothing; within it, it is decided on the spot")
    func summaryLimit() throws {
        let (app, number) = try caseWithHazard()
        let before = try snapshot(app)
        #expect {
            try app.summaryPenalty(caseNumber: number, on: date("2026-05-25"), officers: [officerA, officerB], violationCode: "AQ99-8",
                                   facts: "未安装报警器", party: .organisation, fineYuan: 3_001, measures: nil, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "SUMMARY-FINE-LIMIT" }
        #expect {
            try app.summaryPenalty(caseNumber: number, on: date("2026-05-25"), officers: [officerA, officerB], violationCode: "RQ49-P",
                                   facts: "个人违规使用燃气", party: .individual, fineYuan: 201, measures: nil, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "SUMMARY-FINE-LIMIT" }
        #expect(try snapshot(app) == before)
        let penalty = try app.summaryPenalty(caseNumber: number, on: date("2026-05-25"), officers: [officerA, officerB],
                                             violationCode: "AQ99-8", facts: "未安装报警器", party: .organisation, fineYuan: 3_000,
                                             measures: nil, actor: officerA)
        #expect(penalty.stage == .served && penalty.procedure == .summary)
    }

    @Test("an act with one officer is refused and writes nothing")
    func oneOfficer() throws {
        let (app, number) = try caseWithHazard()
        let before = try snapshot(app)
        #expect {
            try app.filePenalty(caseNumber: number, on: date("2026-06-01"), Rectify.PenaltyFiling(
                officers: [officerA], violationCode: "AQ99-8R", facts: "x", violationOn: date("2026-05-21"), party: .organisation,
                harm: false, hazardSeqs: [1]), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "TWO-OFFICERS" }
        #expect {
            try app.summaryPenalty(caseNumber: number, on: nil, officers: [officerA, officerA], violationCode: "AQ99-8", facts: "x",
                                   party: .organisation, fineYuan: 100, measures: nil, actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "TWO-OFFICERS" }
        #expect(try snapshot(app) == before)
    }

    @Test("a fine outside the cited range and an act beyond the limitation period are refused")
    func rangeAndLimitation() throws {
        let (app, number) = try caseWithHazard()
        // Discovered when the case was opened, 2026-04-20: two years and a day after the act.
        #expect {
            try app.filePenalty(caseNumber: number, on: date("2026-06-01"), Rectify.PenaltyFiling(
                officers: [officerA, officerB], violationCode: "AQ99-8R", facts: "x", violationOn: date("2024-04-19"),
                party: .organisation, harm: false, hazardSeqs: []), actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "LIMITATION-PERIOD" }
        _ = try file(app, number)
        #expect {
            try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 250_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "FINE-IN-RANGE" }
    }

    @Test("overdue and lint report a decision past its deadline and the gaps of the file")
    func overdueAndLint() throws {
        let (app, number) = try caseWithHazard()
        _ = try file(app, number, on: "2026-06-01", hazards: [])
        let overdue = try app.overdue(asOf: date("2026-09-20"))
        let decision = try #require(overdue.items.first { $0.what == .decision })
        #expect(decision.deadline.due == date("2026-08-31") && decision.daysOverdue == 20)
        let lint = try app.lint(number: number, asOf: date("2026-09-20"))
        let rules = Set(lint.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["DECISION-OVERDUE", "HAZARD-OVERDUE", "RECHECK-OVERDUE", "MAJOR-HAZARD-PLAN", "SELFCHECK-MISSING"]))
        #expect(!rules.contains("MAJOR-HAZARD-SUPERVISION"))
        #expect(lint.findings.allSatisfy { !$0.chinese.isEmpty && !$0.english.isEmpty })
    }
}

extension PenaltyTests {
    @Test("a step facing the party needs two active officers: the filing's, or two named")
    func stepOfficers() throws {
        let (app, number) = try caseWithHazard()
        _ = try app.addOfficer(credential: "32067100003", name: "王五", department: "安监局", actor: admin)
        _ = try file(app, number, violation: "AQ99-8")
        _ = try app.deactivateOfficer(credential: officerB, actor: admin)
        let before = try snapshot(app)
        #expect {
            try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil, stopOrder: false,
                                  actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "TWO-OFFICERS" }
        #expect {
            try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil, stopOrder: false,
                                  officers: [officerA, officerB], actor: officerA)
        } throws: { ($0 as? RuleViolation)?.rule == "OFFICER-ACTIVE" }
        #expect(try snapshot(app) == before)
        let notified = try app.notifyPenalty(caseNumber: number, on: date("2026-06-03"), fineYuan: 20_000, measures: nil,
                                             stopOrder: false, officers: [officerA, "32067100003"], actor: officerA)
        #expect(notified.stage == .notified)
    }
}
