import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

/// `rectify-bench worker page-cost DB OFFICER CASE` (on the serve rows' copy of a district): what each read behind the case page and the 工作台 costs, in
/// milliseconds per call (median of 20), on one thread — where a page's time goes, to direct the work on it.
struct PageCost: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "page-cost")
    @Argument var database: String
    @Argument var officer: String
    @Argument var caseNumber: String

    func run() throws {
        let rectify = try Rectify.open(path: database)
        // The account the serve rows made for the officer, in their copy of the district.
        guard let person = try rectify.signIn(login: officer, password: ServeBench.password) else {
            throw ValidationError("no account \(officer) with the serve rows' password in \(database)")
        }
        let detail = try rectify.caseDetail(number: caseNumber, for: person)
        let steps: [(String, () throws -> Void)] = [
            ("caseDetail", { _ = try rectify.caseDetail(number: caseNumber, for: person) }),
            ("lint", { _ = try rectify.lint(detail) }),
            ("caseTimeline", { _ = try rectify.caseTimeline(number: caseNumber) }),
            ("campaign(code:)", { _ = try rectify.campaign(code: detail.campaign) }),
            ("violations", { _ = try rectify.violations() }),
            ("mayAct", { _ = try rectify.mayAct(onCase: caseNumber, by: person) }),
            ("cases(for:)", { _ = try rectify.cases(for: person) }),
            ("overdue(officer:)", { _ = try rectify.overdue(officer: officer) }),
            ("workingCalendar", { _ = try rectify.workingCalendar() }),
        ]
        for (name, step) in steps {
            var times: [Double] = []
            for _ in 0..<20 {
                let start = DispatchTime.now()
                try step()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
            print(name.padding(toLength: 22, withPad: " ", startingAt: 0), String(format: "%8.2f ms", times.sorted()[10]))
        }
    }
}
