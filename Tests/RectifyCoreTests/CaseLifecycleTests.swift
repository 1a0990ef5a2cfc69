import Testing
@testable import RectifyCore

@Suite("Case lifecycle")
struct CaseLifecycleTests {
    @Test("the main path: opened → self-checked → re-checked → rectified → closed")
    func mainPath() throws {
        var state = CaseState.opened
        state = try CaseLifecycle.next(from: state, on: .selfCheckSubmitted)
        #expect(state == .selfChecked)
        state = try CaseLifecycle.next(from: state, on: .recheckRecorded(.partial))
        #expect(state == .rechecked)
        state = try CaseLifecycle.next(from: state, on: .recheckRecorded(.passed))
        #expect(state == .rectified)
        state = try CaseLifecycle.next(from: state, on: .closeRequested(unresolvedHazards: 0))
        #expect(state == .closed)
    }

    @Test("a failed re-check loops back to rectification", arguments: [CaseState.selfChecked, .rechecked])
    func failureLoopsBack(from state: CaseState) throws {
        #expect(try CaseLifecycle.next(from: state, on: .recheckRecorded(.failed)) == .selfChecked)
    }

    @Test("a re-check before the self-check is refused with its rule")
    func recheckBeforeSelfCheck() {
        #expect {
            try CaseLifecycle.next(from: .opened, on: .recheckRecorded(.passed))
        } throws: { ($0 as? RuleViolation)?.rule == "RECHECK-AFTER-SELFCHECK" }
    }

    @Test("closing needs a passed re-check and every hazard resolved")
    func closeRules() {
        for state in [CaseState.opened, .selfChecked, .rechecked] {
            #expect {
                try CaseLifecycle.next(from: state, on: .closeRequested(unresolvedHazards: 0))
            } throws: { ($0 as? RuleViolation)?.rule == "CLOSE-AFTER-ACCEPTANCE" }
        }
        #expect {
            try CaseLifecycle.next(from: .rectified, on: .closeRequested(unresolvedHazards: 2))
        } throws: { ($0 as? RuleViolation)?.rule == "CLOSE-ALL-HAZARDS-RESOLVED" }
    }

    @Test("a closed case refuses every event")
    func closedIsFrozen() {
        let events: [CaseEvent] = [.selfCheckSubmitted, .hazardAdded, .recheckRecorded(.passed),
                                   .hazardReferredToPenalty(allResolved: true), .closeRequested(unresolvedHazards: 0)]
        for event in events {
            #expect {
                try CaseLifecycle.next(from: .closed, on: event)
            } throws: { ($0 as? RuleViolation)?.rule == "CASE-CLOSED-FROZEN" }
        }
        #expect(throws: RuleViolation.self) { try CaseLifecycle.requireOpen(.closed) }
    }

    @Test("the penalty hook: handing the last open hazard to the penalty procedure lets the case be accepted")
    func penaltyHook() throws {
        #expect(try CaseLifecycle.next(from: .rechecked, on: .hazardReferredToPenalty(allResolved: true)) == .rectified)
        #expect(try CaseLifecycle.next(from: .rechecked, on: .hazardReferredToPenalty(allResolved: false)) == .rechecked)
        #expect(HazardStatus.penalty.isResolved)
        #expect(CaseLifecycle.outcome(verdicts: [.fixed], hazardStatusesAfter: [.verified, .penalty]) == .passed)
    }

    @Test("a new hazard after acceptance reopens rectification")
    func hazardAfterAcceptance() throws {
        #expect(try CaseLifecycle.next(from: .rectified, on: .hazardAdded) == .rechecked)
    }

    @Test("re-check outcomes follow the verdicts and the hazards left")
    func outcomes() {
        #expect(CaseLifecycle.outcome(verdicts: [.fixed, .notFixed], hazardStatusesAfter: [.verified, .open]) == .failed)
        #expect(CaseLifecycle.outcome(verdicts: [.fixed], hazardStatusesAfter: [.verified, .open]) == .partial)
        #expect(CaseLifecycle.outcome(verdicts: [.fixed], hazardStatusesAfter: [.verified]) == .passed)
        #expect(CaseLifecycle.outcome(verdicts: [], hazardStatusesAfter: []) == .passed)
    }
}
