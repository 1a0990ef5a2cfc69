import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
import Testing

/// 案件: filtered by campaign, state, street and grid, officer and overdue, in pages of fifty; and the timeline of a
/// case's page.
@Suite("The web application: the case list and the timeline")
struct CaseListTests {
    /// The case numbers of a list page, in order.
    static func numbers(_ page: String) -> [String] {
        page.matches(of: /<td><a href="\/cases\/([a-z0-9-]+)">/).map { String($0.output.1) }
    }

    @Test("each filter narrows the list to what it names; pages of fifty link to each other; a street that is not known is said, not ignored")
    func filtersAndPages() async throws {
        let rectify = try ServerTests.district()
        let lead = try #require(try rectify.signIn(login: "320671000015", password: Rectify.demoPassword))
        let all = try rectify.cases(for: lead)
        try await ServerTests.app(rectify).test(.router) { client in
            let user = try await WebUser.signIn(client, "320671000015")
            let first = ServerTests.text(try await user.get("/cases"))
            #expect(first.contains("共 \(all.count) 件") && Self.numbers(first).count == min(50, all.count))
            #expect(all.count > 50 && first.contains("下一页") && !first.contains("上一页"))
            let second = ServerTests.text(try await user.get("/cases?page=2"))
            #expect(Self.numbers(second) == Array(all.dropFirst(50).prefix(50).map(\.number)) && second.contains("上一页"))
            let closed = ServerTests.text(try await user.get("/cases?state=closed&campaign=gas-2026"))
            let expectedClosed = all.filter { $0.state == .closed && $0.campaign == "gas-2026" }
            #expect(Self.numbers(closed) == Array(expectedClosed.prefix(50).map(\.number)) && !expectedClosed.isEmpty)
            let street = try #require(all.first?.street)
            let onStreet = ServerTests.text(try await user.get("/cases?street=\(street.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"))
            #expect(onStreet.contains("共 \(all.filter { $0.street == street }.count) 件"))
            let overdue = ServerTests.text(try await user.get("/cases?overdue=1"))
            #expect(overdue.contains("共 \(all.filter { $0.overdueHazards > 0 }.count) 件"))
            let officer = ServerTests.text(try await user.get("/cases?officer=320671000014"))
            #expect(officer.contains("共 \(try rectify.cases(campaign: nil, state: nil, officer: "320671000014").count) 件"))
            let unknown = ServerTests.text(try await user.get("/cases?street=%E6%97%A0%E6%AD%A4%E8%A1%97%E9%81%93"))
            #expect(unknown.formRefusal?.contains("无此街道") == true && unknown.contains("共 0 件"))
            // An officer's list is their own whatever officer the link names.
            let own = try await WebUser.signIn(client, "320671000013")
            let theirs = ServerTests.text(try await own.get("/cases?officer=320671000014"))
            let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
            #expect(theirs.contains("共 \(try rectify.cases(for: person).count) 件"))
        }
    }

    @Test("a case's timeline lists every audit event of the case with who did it, oldest first")
    func timeline() async throws {
        let rectify = try ServerTests.district()
        let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
        let number = try #require(try rectify.cases(for: person).first).number
        let events = try rectify.caseTimeline(number: number)
        #expect(events.count == (try rectify.caseDetail(number: number).events) && events.first?.action == "case.open")
        try await ServerTests.app(rectify).test(.router) { client in
            let user = try await WebUser.signIn(client, "320671000013")
            let page = ServerTests.text(try await user.get("/cases/\(number)"))
            let listed = page.components(separatedBy: "<ol class=\"timeline\">").last?.components(separatedBy: "</ol>").first ?? ""
            #expect(listed.components(separatedBy: "<li>").count - 1 == events.count)
            #expect(listed.contains("立档 · ") && !listed.contains("case.open"), "actions are labelled")
        }
    }
}
