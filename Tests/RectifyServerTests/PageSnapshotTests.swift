import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Testing

/// The main pages as they render on the demo district with the clock pinned, compared with the HTML kept in
/// `Snapshots/`: a misspelt template key, which Mustache renders as nothing, changes a page and fails here.
/// `RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests` writes them anew, to be read before committing.
@Suite("The main pages, as kept in Snapshots/")
struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The page with its session's random token replaced.
    static func stable(_ html: String) -> String {
        html.replacing(/value="[0-9a-f]{64}"/, with: "value=\"TOKEN\"")
    }

    static func check(_ name: String, _ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name + ".html")
        let page = stable(html)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try Data(page.utf8).write(to: file)
            return
        }
        let kept = try String(contentsOf: file, encoding: .utf8)
        #expect(page == kept, "\(name).html differs from the page (RECORD_SNAPSHOTS=1 to write it anew)", sourceLocation: sourceLocation)
    }

    @Test("sign-in, 工作台, a case page, the case list and a unit search render as kept")
    func mainPages() async throws {
        let rectify = try ServerTests.district()
        try await ServerTests.app(rectify).test(.router) { client in
            try Self.check("signin", ServerTests.text(try await client.execute(uri: "/signin", method: .get)))
            let cookie = try await ServerTests.signIn(client, "320671000013")
            try Self.check("workbench", ServerTests.text(try await client.execute(uri: "/", method: .get, headers: cookie)))
            try Self.check("cases", ServerTests.text(try await client.execute(uri: "/cases", method: .get, headers: cookie)))
            try Self.check("case", ServerTests.text(try await client.execute(uri: "/cases/fire-2026-0002", method: .get, headers: cookie)))
            try Self.check("units", ServerTests.text(try await client.execute(uri: "/units?q=%E5%9F%B9%E8%AE%AD%E5%AD%A6", method: .get,
                                                                              headers: cookie)))
        }
    }
}
