import RectifyCore
import Testing

@Suite("Progress timeline of a case")
struct ProgressTimelineTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    func contributions(_ hazard: CaseHistory.HazardHistory, rechecks: [CaseHistory.Recheck] = []) -> [ProgressContribution] {
        CaseHistory(openedOn: hazard.foundOn, rechecks: rechecks, hazards: [hazard]).contributions()
            .filter { ![.casesOpened, .inspections, .rechecked, .passed].contains($0.measure) }
    }

    @Test("an extension granted after the deadline passed ends the overdue days until the new deadline passes")
    func lateExtension() {
        let hazard = CaseHistory.HazardHistory(id: 1, level: .general, foundOn: day("2026-04-01"),
                                               originalDeadline: day("2026-04-10"),
                                               extensions: [(day("2026-04-15"), day("2026-04-30"))])
        #expect(contributions(hazard) == [
            .init(.foundGeneral, day("2026-04-01")),
            .init(.overdueGeneral, day("2026-04-11")), .init(.overdueGeneral, day("2026-04-15"), -1),
            .init(.overdueGeneral, day("2026-05-01")),
        ])
    }

    @Test("a claim refuted on the day it was made leaves no rectification, but counts against the unit's reports")
    func sameDayRefutation() {
        let hazard = CaseHistory.HazardHistory(id: 7, level: .major, foundOn: day("2026-04-01"),
                                               originalDeadline: day("2026-04-20"), claims: [day("2026-04-05")])
        let recheck = CaseHistory.Recheck(on: day("2026-04-05"), outcome: .failed, verdicts: [7: .notFixed])
        #expect(contributions(hazard, rechecks: [recheck]) == [
            .init(.foundMajor, day("2026-04-01")),
            .init(.claimsFailed, day("2026-04-05")), .init(.claimsJudged, day("2026-04-05")),
            .init(.overdueMajor, day("2026-04-21")),
        ])
    }

    @Test("a hazard referred to the penalty procedure stops being overdue on the filing day")
    func referral() {
        let hazard = CaseHistory.HazardHistory(id: 1, level: .major, foundOn: day("2026-04-01"),
                                               originalDeadline: day("2026-04-10"), referredOn: day("2026-04-20"))
        #expect(contributions(hazard) == [
            .init(.foundMajor, day("2026-04-01")), .init(.overdueMajor, day("2026-04-11")),
            .init(.overdueMajor, day("2026-04-20"), -1),
        ])
    }

    @Test("a case opened before its unit was entered in the register counts the unit from the opening")
    func caseBeforeRegisterEntry() {
        var history = CaseHistory(openedOn: day("2026-04-20"))
        history.unitEnteredOn = day("2026-11-29")
        #expect(history.contributions().filter { $0.measure == .unitsBeforeEntry } == [
            .init(.unitsBeforeEntry, day("2026-04-20")), .init(.unitsBeforeEntry, day("2026-11-29"), -1),
        ])
        history.unitEnteredOn = day("2026-03-01")
        #expect(!history.contributions().contains { $0.measure == .unitsBeforeEntry })
    }

    @Test("transfers to public security, the procuratorate or a court are judicial; others go to departments")
    func transfers() {
        #expect(TransferReceiver.isJudicial("南通市公安局开发区分局"))
        #expect(TransferReceiver.isJudicial("开发区人民检察院"))
        #expect(!TransferReceiver.isJudicial("开发区建设局"))
    }

    @Test("a percentage target rounds half up, as the seed's 461家规下企业30%（138家）does")
    func requiredCounts() {
        #expect(TargetJudgement.required(.percent(30), of: 461) == 138)
        #expect(TargetJudgement.required(.percent(100), of: 393) == 393)
        #expect(TargetJudgement.required(.percent(50), of: 3) == 2)
        #expect(TargetJudgement.required(.count(2), of: 0) == 2)
    }

    @Test("status from the pace: on track, at risk, achieved early, missed after the due date")
    func statuses() {
        let start = day("2026-04-01"), due = day("2026-04-10")
        func status(_ reached: Int, byDue: Int = 0, on asOf: String) -> TargetStatus {
            TargetJudgement.status(required: 10, reached: reached, reachedByDue: byDue, asOf: day(asOf), startsOn: start, dueOn: due)
        }
        #expect(status(5, on: "2026-04-05") == .onTrack)  // 5 in 5 of 10 days
        #expect(status(4, on: "2026-04-05") == .atRisk)
        #expect(status(10, on: "2026-04-02") == .achieved)
        #expect(status(12, byDue: 9, on: "2026-04-11") == .missed)  // reached after the due date
        #expect(status(9, byDue: 10, on: "2026-04-20") == .achieved)
        #expect(status(0, on: "2026-03-20") == .onTrack)  // not started
        #expect(TargetJudgement.attainment(reached: 1, required: 3) == 33.33)
    }
}
