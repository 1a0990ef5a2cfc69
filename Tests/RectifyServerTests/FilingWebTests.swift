import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Testing

/// 报送接收 in the browser: the superior uploads a district's filing and it is imported as `rectify import` would,
/// whole or not at all, with a signed receipt to download.
@Suite("The web application: the superior receives a filing")
struct FilingWebTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The superior's own Rectify: the district's test certificate trusted, a superior's account, today's clock.
    static func superior() throws -> (Rectify, ServerSettings) {
        let rectify = Rectify(database: try AppDatabase.inMemory(clock: { Date() }))
        let fixtures = root.appendingPathComponent("Tests/Fixtures").path
        _ = try rectify.addTrust(certificatePath: fixtures + "/TEST-ONLY-signing-cert.pem", divisionCode: "320671", agencyName: nil,
                                 actor: "admin")
        _ = try rectify.addAccount(login: "superior", role: .superior, officer: nil, password: Rectify.demoPassword, actor: "admin")
        let receipts = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-receipts-\(UUID().uuidString)").path
        let signing = try SigningMaterial(key: fixtures + "/TEST-ONLY-signing-key.pem", certificate: fixtures + "/TEST-ONLY-signing-cert.pem")
        return (rectify, ServerSettings(receiptSigning: signing, receiptsFolder: receipts))
    }

    static func filing() throws -> [(field: String, name: String, content: [UInt8])] {
        let folder = root.appendingPathComponent("Exports/pump-2026")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ("files", $0, Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    @Test("the whole filing is imported with a signed receipt; a tampered one is refused whole and nothing is stored; only the superior imports")
    func receiveFiling() async throws {
        let (rectify, settings) = try Self.superior()
        let files = try Self.filing()
        // One byte changed in one case file: the signature no longer holds, and the filing is refused whole.
        let tamperedAt = try #require(files.firstIndex { $0.name.hasPrefix("pump-2026-0003") })
        var tampered = files
        tampered[tamperedAt].content = Array(String(decoding: files[tamperedAt].content, as: UTF8.self)
            .replacingOccurrences(of: "泵车", with: "泵东").utf8)
        #expect(tampered[tamperedAt].content != files[tamperedAt].content)
        let tamperedFiles = tampered
        try await Application(router: try buildRouter(rectify, settings: settings)).test(.router) { client in
            let superior = try await WebUser.signIn(client, "superior")
            let refused = try await superior.upload("/filings", ["_csrf": superior.csrf], files: tamperedFiles)
            let refusedPage = ServerTests.text(refused)
            #expect(refused.status == .unprocessableContent && refusedPage.contains("拒绝") && refusedPage.contains("receipt-"))
            #expect(try rectify.filings().isEmpty, "nothing of a refused filing is stored")
            let done = try await superior.upload("/filings", ["_csrf": superior.csrf], files: files)
            let page = ServerTests.text(done)
            #expect(done.status == .ok && page.contains("已导入") && !page.contains("role=\"alert\""), "\(page.formRefusal ?? "")")
            let receiptName = String(try #require(page.firstMatch(of: /href="\/filings\/receipts\/(receipt-[0-9-]+\.xml)"/)?.output.1))
            let receipt = try await superior.get("/filings/receipts/\(receiptName)")
            #expect(receipt.status == .ok && String(buffer: receipt.body).contains("接收回执") && String(buffer: receipt.body).contains("Signature"))
            #expect(try await superior.get("/filings/receipts/..%2F..%2Fetc%2Fpasswd").status == .notFound)
        }
        let filings = try rectify.filings()
        #expect(filings.count == files.filter { $0.name.wholeMatch(of: /pump-2026-[0-9]+\.xml/) != nil }.count, "\(filings.count) of \(files.count)")
        #expect(try rectify.verify().isIntact)
    }

    @Test("an officer neither sees nor imports filings")
    func officerRefused() async throws {
        let rectify = try ServerTests.district()
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, "320671000013")
            #expect(try await officer.get("/filings").status == .forbidden)
            let posted = try await officer.upload("/filings", ["_csrf": officer.csrf], files: try Self.filing().prefix(1).map { $0 })
            #expect(posted.status == .forbidden)
            let admin = try await WebUser.signIn(client, "admin")
            let page = ServerTests.text(try await admin.get("/filings"))
            #expect(page.contains("已接收的案卷") && !page.contains("接收报送</h2>"), "an administrator reads, and does not import")
        }
    }
}
