import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Testing

/// The web application's first routes through `app.test(.router)`: sign-in, sessions, roles, the anti-forgery check
/// and the security headers.
@Suite("The web application: sign-in, sessions, roles, forgery")
struct ServerTests {
    static let today = LocalDate(year: 2026, month: 9, day: 30)!

    /// A small demo district with its demo accounts, on a clock pinned to the demo's last day.
    static func district() throws -> Rectify {
        let rectify = Rectify(database: try AppDatabase.inMemory(clock: { ServerTests.today.timestamp(hour: 10) }))
        _ = try rectify.buildDemo(units: 200, seed: DemoDistrict.defaultSeed)
        _ = try rectify.addDemoAccounts()
        return rectify
    }

    static func app(_ rectify: Rectify) throws -> some ApplicationProtocol {
        Application(router: try buildRouter(rectify))
    }

    static func form(_ fields: [String: String]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&"))
    }

    static let sameOrigin: HTTPFields = [.init("Sec-Fetch-Site")!: "same-origin", .contentType: "application/x-www-form-urlencoded"]

    /// Signs in and returns the session cookie header.
    static func signIn(_ client: some TestClientProtocol, _ login: String, password: String = Rectify.demoPassword) async throws -> HTTPFields {
        let response = try await client.execute(uri: "/signin", method: .post, headers: sameOrigin,
                                                body: form(["login": login, "password": password]))
        #expect(response.status == .seeOther, "\(String(buffer: response.body))")
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        return [.cookie: String(cookie.prefix { $0 != ";" })]
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("without a session every page leads to the sign-in page; every answer carries the security headers")
    func notSignedIn() async throws {
        let rectify = try Self.district()
        try await Self.app(rectify).test(.router) { client in
            for path in ["/", "/cases", "/cases/gas-2026-0001"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .seeOther && response.headers[.location] == "/signin", "\(path)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let page = try await client.execute(uri: "/signin", method: .get)
            #expect(page.status == .ok && Self.text(page).contains("登录名（执法证号）"))
        }
    }

    @Test("a wrong password says only that sign-in failed; five failures stop the next try; the right one signs in")
    func signInAndThrottle() async throws {
        let rectify = try Self.district()
        try await Self.app(rectify).test(.router) { client in
            let wrong = try await client.execute(uri: "/signin", method: .post, headers: Self.sameOrigin,
                                                 body: Self.form(["login": "320671000013", "password": "not-the-password"]))
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
            #expect(Self.text(wrong).contains("登录名或密码不正确") && Self.text(wrong).contains("value=\"320671000013\""))
            let unknown = try await client.execute(uri: "/signin", method: .post, headers: Self.sameOrigin,
                                                   body: Self.form(["login": "nobody", "password": "whatever-it-is"]))
            #expect(Self.text(unknown).contains("登录名或密码不正确"), "an unknown login reads the same as a wrong password")
            _ = try await Self.signIn(client, "320671000013")
            for _ in 0..<5 {
                _ = try await client.execute(uri: "/signin", method: .post, headers: Self.sameOrigin,
                                             body: Self.form(["login": "320671000014", "password": "guess-guess-guess"]))
            }
            let throttled = try await client.execute(uri: "/signin", method: .post, headers: Self.sameOrigin,
                                                     body: Self.form(["login": "320671000014", "password": Rectify.demoPassword]))
            #expect(throttled.status == .tooManyRequests && Self.text(throttled).contains("登录失败次数过多"))
        }
    }

    @Test("an officer sees their 工作台 and their own cases, and is refused another officer's case")
    func officerSeesOwnCases() async throws {
        let rectify = try Self.district()
        let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
        let mine = try rectify.cases(for: person)
        let own = try #require(mine.first)
        let other = try #require(try rectify.cases(campaign: nil, state: nil).first { listing in !mine.contains { $0.number == listing.number } })
        try await Self.app(rectify).test(.router) { client in
            let cookie = try await Self.signIn(client, "320671000013")
            let bench = try await client.execute(uri: "/", method: .get, headers: cookie)
            #expect(bench.status == .ok)
            let page = Self.text(bench)
            #expect(page.contains("许桂（320671000013）（执法人员）") && page.contains("我的案件（\(mine.count)）"))
            #expect(page.contains(own.number) && !page.contains(">\(other.number)<"))
            let refused = try await client.execute(uri: "/cases/\(other.number)", method: .get, headers: cookie)
            #expect(refused.status == .forbidden && Self.text(refused).contains("不是您承办的案件"))
            let shown = try await client.execute(uri: "/cases/\(own.number)", method: .get, headers: cookie)
            #expect(shown.status == .ok && Self.text(shown).contains("案件 \(own.number)") && Self.text(shown).contains("执法文书"))
            let missing = try await client.execute(uri: "/cases/gas-2026-9999", method: .get, headers: cookie)
            #expect(missing.status == .notFound)
        }
    }

    @Test("单位: found by three characters anywhere in the name; an officer's unit page lists only their own cases")
    func units() async throws {
        let rectify = try Self.district()
        let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
        let own = try #require(try rectify.cases(for: person).first)
        let unit = try rectify.unit(uscc: own.uscc)
        let middle = String(unit.unit.name.dropFirst().prefix(3))
        try await Self.app(rectify).test(.router) { client in
            let cookie = try await Self.signIn(client, "320671000013")
            let query = middle.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let found = try await client.execute(uri: "/units?q=\(query)", method: .get, headers: cookie)
            #expect(found.status == .ok && Self.text(found).contains(own.uscc), "\(middle): \(Self.text(found).components(separatedBy: "<main>").last!.prefix(900))")
            let none = try await client.execute(uri: "/units?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84", method: .get, headers: cookie)
            #expect(Self.text(none).contains("没有找到单位"))
            let page = try await client.execute(uri: "/units/\(own.uscc)", method: .get, headers: cookie)
            let text = Self.text(page)
            #expect(page.status == .ok && text.contains(own.number))
            for other in unit.cases where !(try rectify.cases(for: person)).contains(where: { $0.number == other.number }) {
                #expect(!text.contains(">\(other.number)<"), "\(other.number) is not the officer's")
            }
        }
    }

    @Test("登记隐患 from the case page: recorded under the signed-in officer; a bad date is refused at its field, as typed")
    func hazardForm() async throws {
        let rectify = try Self.district()
        let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
        let own = try #require(try rectify.cases(for: person).first { $0.state != .closed })
        let before = try rectify.caseDetail(number: own.number).hazards.count
        try await Self.app(rectify).test(.router) { client in
            let cookie = try await Self.signIn(client, "320671000013")
            let pageResponse = try await client.execute(uri: "/cases/\(own.number)", method: .get, headers: cookie)
            let page = Self.text(pageResponse)
            #expect(page.contains("登记隐患") && page.contains("<select name=\"item\">"))
            let formPart = page.components(separatedBy: "<summary>登记隐患</summary>").last?.components(separatedBy: "</form>").first ?? ""
            #expect(!formPart.isEmpty && !formPart.contains("class=\"error\""), "no refusal shown before anything was refused")
            let token = String(try #require(page.firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/)?.output.1))
            let version = String(try #require(page.firstMatch(of: /name="version" value="([0-9]+)"/)?.output.1))
            var headers = Self.sameOrigin
            headers[.cookie] = cookie[.cookie]
            let refused = try await client.execute(uri: "/cases/\(own.number)/acts/hazard", method: .post, headers: headers,
                                                   body: Self.form(["_csrf": token, "version": version, "item": "XF02", "description": "灭火器压力不足",
                                                                    "deadline": "10/15/2026"]))
            let refusedPage = Self.text(refused)
            #expect(refused.status == .unprocessableContent)
            #expect(!refusedPage.contains("<p class=\"error\" role=\"alert\"></p>") && !refusedPage.contains("<p class=\"error\"></p>"))
            #expect(refusedPage.contains("灭火器压力不足</textarea>") && refusedPage.contains("value=\"10/15/2026\""))
            #expect(refusedPage.refusal(under: "deadline")?.contains("10/15/2026") == true,
                    "the refusal stands under the deadline field")
            let added = try await client.execute(uri: "/cases/\(own.number)/acts/hazard", method: .post, headers: headers,
                                                 body: Self.form(["_csrf": token, "version": version, "item": "XF02", "description": "灭火器压力不足",
                                                                  "deadline": "2026年10月15日"]))
            #expect(added.status == .seeOther && added.headers[.location] == "/cases/\(own.number)", "\(Self.text(added).prefix(300))")
            let other = try await Self.signIn(client, "320671000014")
            let stranger = try #require(try rectify.cases(for: person).first { listing in
                !(try rectify.caseDetail(number: listing.number)).officers.contains { $0.credential == "320671000014" }
            })
            let otherPage = try await client.execute(uri: "/", method: .get, headers: other)
            let otherToken = String(try #require(Self.text(otherPage).firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/)?.output.1))
            var otherHeaders = Self.sameOrigin
            otherHeaders[.cookie] = other[.cookie]
            let forbidden = try await client.execute(uri: "/cases/\(stranger.number)/acts/hazard", method: .post, headers: otherHeaders,
                                                     body: Self.form(["_csrf": otherToken, "version": "1", "item": "XF02", "description": "x",
                                                                      "deadline": "2026-10-15"]))
            #expect(forbidden.status == .forbidden)
        }
        let after = try rectify.caseDetail(number: own.number).hazards
        #expect(after.count == before + 1 && after.last?.hazard.description == "灭火器压力不足")
        #expect(after.last?.hazard.deadline == LocalDate(year: 2026, month: 10, day: 15))
        let actor = try rectify.database.readDatabase {
            try String.fetchOne($0, sql: "SELECT actor FROM event WHERE action = 'hazard.add' ORDER BY seq DESC LIMIT 1")
        }
        #expect(actor == "320671000013")
        #expect(try rectify.verify().isIntact)
    }

    @Test("a lead and an administrator may read every case")
    func otherRolesRead() async throws {
        let rectify = try Self.district()
        let any = try #require(try rectify.cases(campaign: "gas-2026", state: nil).first)
        try await Self.app(rectify).test(.router) { client in
            for login in ["320671000015", "admin", "superior"] {
                let cookie = try await Self.signIn(client, login)
                let shown = try await client.execute(uri: "/cases/\(any.number)", method: .get, headers: cookie)
                #expect(shown.status == .ok, "\(login)")
            }
        }
    }

    @Test("a write without the session's token, or from another site, is refused; with it, it is done")
    func forgery() async throws {
        let rectify = try Self.district()
        try await Self.app(rectify).test(.router) { client in
            let cookie = try await Self.signIn(client, "320671000013")
            var headers = Self.sameOrigin
            headers[.cookie] = cookie[.cookie]
            let noToken = try await client.execute(uri: "/signout", method: .post, headers: headers, body: Self.form([:]))
            #expect(noToken.status == .forbidden)
            let benchResponse = try await client.execute(uri: "/", method: .get, headers: cookie)
            let bench = Self.text(benchResponse)
            let token = try #require(bench.firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/)?.output.1)
            var crossSite = headers
            crossSite[.init("Sec-Fetch-Site")!] = "cross-site"
            let forged = try await client.execute(uri: "/signout", method: .post, headers: crossSite, body: Self.form(["_csrf": String(token)]))
            #expect(forged.status == .forbidden)
            let signedOut = try await client.execute(uri: "/signout", method: .post, headers: headers, body: Self.form(["_csrf": String(token)]))
            #expect(signedOut.status == .seeOther && signedOut.headers[.location] == "/signin")
            let after = try await client.execute(uri: "/", method: .get, headers: cookie)
            #expect(after.status == .seeOther, "the session ended with the sign-out")
        }
    }

    @Test("a session outlives a restart of the server, and ends when the account is disabled")
    func sessionsPersist() async throws {
        let rectify = try Self.district()
        let cookie = try await Self.app(rectify).test(.router) { client in try await Self.signIn(client, "320671000014") }
        let restarted = try await Self.app(rectify).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: cookie).status
        }
        #expect(restarted == .ok)
        _ = try rectify.disableAccount(login: "320671000014", actor: "admin")
        let disabled = try await Self.app(rectify).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: cookie).status
        }
        #expect(disabled == .seeOther)
        // The session is kept as a hash of its token: the database alone signs no one in.
        let stored = try rectify.database.readDatabase { try String.fetchAll($0, sql: "SELECT key FROM persist WHERE key LIKE 'session:%'") }
        #expect(!stored.isEmpty && stored.allSatisfy { !cookie[.cookie]!.contains($0.dropFirst(8)) })
        #expect(try rectify.verify().isIntact)
    }
}
