import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
import Testing

@Suite("The web application: the campaign page")
struct CampaignPageTests {
    @Test("as of a chosen date: the figures of campaign progress for that date, the charts with their text (burn-ups ending at the targets' counts), bars leading to the street's cases, a table sorted by the column clicked; a date that is none is said")
    func campaignPage() async throws {
        let rectify = try ServerTests.district()
        let asOf = LocalDate(year: 2026, month: 6, day: 30)!
        let expected = try rectify.campaignProgress(code: "se-2026", by: .street, asOf: asOf)
        try await ServerTests.app(rectify).test(.router) { client in
            let lead = try await WebUser.signIn(client, "320671000015")
            let page = ServerTests.text(try await lead.get("/campaigns/se-2026?asOf=2026-06-30&by=street&sort=2"))
            #expect(page.contains("截至2026年6月30日"))
            #expect(page.contains("<dt>立档</dt><dd>\(expected.total.casesOpened)</dd>"))
            // By street, the weekly trend, a burn-up for each target, reliability by category: each labelled.
            #expect(page.matches(of: /<svg [^>]*role="img" aria-label="[^"]+"/).count == 3 + expected.targets.count)
            let target = try #require(expected.targets.first)
            let burnUp = page.components(separatedBy: "<title>目标进度：\(target.scope)").dropFirst().first ?? ""
            #expect(burnUp.contains(">已完成 \(target.reached)<") && burnUp.contains(">应达进度 \(target.required)<"),
                    "the burn-up ends where the target stands on its due date, its line at the count required")
            #expect(page.contains("<title>各街道整改率</title>") && page.contains("<desc>"))
            let street = try #require(expected.rows.first?.name)
            #expect(page.contains("href=\"/cases?campaign=se-2026&amp;street=\(street.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)\""))
            // Sorted by 立档 (the third column), largest first.
            let opened = expected.rows.map(\.casesOpened).sorted(by: >)
            let cells = page.components(separatedBy: "<h2>分项进展</h2>").last ?? ""
            let firstColumn = cells.matches(of: /<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>([0-9]+)<\/td>/).map { Int($0.output.1)! }
            #expect(firstColumn == opened)
            let bad = ServerTests.text(try await lead.get("/campaigns/se-2026?asOf=2026-02-30"))
            #expect(bad.formRefusal?.contains("截至日期") == true)
            #expect(try await lead.get("/campaigns/none-2026").status == .notFound)
            // The downloads: the page's date and breakdown, every column, the totals first.
            #expect(page.contains("href=\"/campaigns/se-2026/progress.csv?asOf=2026-06-30&amp;by=street\""))
            let csv = try await lead.get("/campaigns/se-2026/progress.csv?asOf=2026-06-30&by=street")
            let text = String(buffer: csv.body)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"se-2026-progress-street-2026-06-30.csv\"")
            #expect(text.hasPrefix("\u{FEFF}专项整治,截至日期,分组,名称") && text.split(whereSeparator: \.isNewline).count == expected.rows.count + 2)
            let xlsx = try await lead.get("/campaigns/se-2026/progress.xlsx?asOf=2026-06-30&by=street")
            #expect(xlsx.status == .ok && Array(xlsx.body.readableBytesView.prefix(2)) == Array("PK".utf8))
        }
    }
}
