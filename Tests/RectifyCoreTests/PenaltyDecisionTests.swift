import Testing
@testable import RectifyCore

/// The decision's rules as a pure function of the loaded procedure and the date.
@Suite("Penalty decision, decided in Core")
struct PenaltyDecisionTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// Filed 2026-06-01, notified 2026-06-03 with a 60,000 yuan fine (a hearing right), defence waived.
    func notified() -> (Penalty, PenaltyDecision.Context) {
        let violation = ShippedViolations.all.first { $0.code == "AQ99-8R" }!
        var penalty = Penalty(caseId: .init(1), procedure: .general, party: .organisation, violation: violation, facts: "x",
                              violationOn: day("2026-05-21"), harm: false, officers: (.init(1), .init(2)))
        penalty.filedOn = day("2026-06-01")
        penalty.noticeOn = day("2026-06-03")
        penalty.proposedFineYuan = 60_000
        penalty.hearingRight = true
        penalty.defenceOn = day("2026-06-04")
        penalty.defenceWaived = true
        penalty.stage = .notified
        return (penalty, .init(violation: violation, hearingWaiver: nil, approvedExtension: nil, extensionDocument: nil,
                               engine: DeadlineEngine()))
    }

    func rule(_ body: () throws -> Penalty) -> String? {
        do { _ = try body(); return nil } catch { return (error as? RuleViolation)?.rule }
    }

    @Test("each rule refuses on its own facts; with them met, the procedure comes back decided")
    func rules() throws {
        var (penalty, context) = notified()
        // Inside the hearing window (06-04 … 06-10).
        #expect(rule { try PenaltyDecision.decide(penalty, on: day("2026-06-10"), fineYuan: 60_000, measures: nil, stopOrder: false,
                                                  context: context) } == "HEARING-WINDOW")
        // After it, a large fine still needs review and discussion.
        #expect(rule { try PenaltyDecision.decide(penalty, on: day("2026-06-11"), fineYuan: 60_000, measures: nil, stopOrder: false,
                                                  context: context) } == "REVIEW-AND-DISCUSSION")
        penalty.reviewOn = day("2026-06-11")
        penalty.discussionOn = day("2026-06-11")
        #expect(rule { try PenaltyDecision.decide(penalty, on: day("2026-06-12"), fineYuan: 70_000, measures: nil, stopOrder: false,
                                                  context: context) } == "NO-HEAVIER-THAN-NOTIFIED")
        #expect(rule { try PenaltyDecision.decide(penalty, on: day("2026-09-01"), fineYuan: 60_000, measures: nil, stopOrder: false,
                                                  context: context) } == "DECISION-DEADLINE")
        context.approvedExtension = DecisionExtension(penaltyId: .init(1), approvedOn: day("2026-08-20"),
                                                      newDeadline: day("2026-09-30"), approver: "局长", reason: "复杂",
                                                      documentId: .init(9))
        let decided = try PenaltyDecision.decide(penalty, on: day("2026-09-01"), fineYuan: 60_000, measures: "责令改正",
                                                 stopOrder: false, context: context)
        #expect(decided.stage == .decided && decided.decidedOn == day("2026-09-01") && decided.fineYuan == 60_000)
        penalty.stage = .filed
        #expect(rule { try PenaltyDecision.decide(penalty, on: day("2026-06-12"), fineYuan: 60_000, measures: nil, stopOrder: false,
                                                  context: context) } == "DECISION-AFTER-NOTICE")
    }
}
