import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Testing

/// A case worked from its pages alone: 立档 on the unit page, then every act's form, each first refused (the refusal at
/// the field it concerns, what was typed kept, nothing written) and then done.
@Suite("The web application: every act's form")
struct CaseActFormTests {
    /// A unit with no case yet in the fire campaign (the demo officers' own), which covers it.
    static func freshUnit(_ rectify: Rectify) throws -> (uscc: String, campaign: String) {
        for unit in try rectify.units(street: nil, category: nil, limit: nil) {
            if let campaign = try rectify.campaignsToOpen(uscc: unit.uscc).first(where: { $0.code == "fire-2026" }) {
                return (unit.uscc, campaign.code)
            }
        }
        throw NotFoundError("可立档的单位", "unit to open a case for", key: "demo")
    }

    /// The refusal under `field`, asserting nothing was recorded (the case's events did not change).
    static func refused(_ response: TestResponse, under field: String, contains text: String,
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let page = ServerTests.text(response)
        #expect(response.status == .unprocessableContent, "\(page.formRefusal ?? "")", sourceLocation: sourceLocation)
        let refusal = page.refusal(under: field)
        #expect(refusal?.contains(text) == true, "under \(field): \(refusal ?? "nothing"); above: \(page.formRefusal ?? "")",
                sourceLocation: sourceLocation)
        return page
    }

    static func done(_ response: TestResponse, _ caseNumber: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let page = ServerTests.text(response)
        #expect(response.status == .seeOther && response.headers[.location] == "/cases/\(caseNumber)",
                "\(response.status) \(page.formRefusal ?? "") \(page.firstMatch(of: /<p class="error">[^<]*/)?.output ?? "")",
                sourceLocation: sourceLocation)
    }

    @Test("立档, hazard, extension, plan, rectification report, self-check, re-checks failed then passed, penalty steps, each refused at its field first")
    func caseFromItsPages() async throws {
        let rectify = try ServerTests.district()
        let (uscc, campaign) = try Self.freshUnit(rectify)
        let lastEvent = try rectify.database.readDatabase { try Int64.fetchOne($0, sql: "SELECT max(seq) FROM event") }
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, "320671000013")
            let unitPage = ServerTests.text(try await officer.get("/units/\(uscc)"))
            #expect(unitPage.contains("<summary>立档</summary>") && unitPage.contains("value=\"\(campaign)\""))
            _ = Self.refused(try await officer.post("/units/\(uscc)/cases", ["campaign": campaign, "partner": "320671000014",
                                                                            "date": "2026-13-01"]),
                             under: "date", contains: "立档日期")
            let opened = try await officer.post("/units/\(uscc)/cases", ["campaign": campaign, "partner": "320671000014"])
            #expect(opened.status == .seeOther)
            let number = String(try #require(opened.headers[.location]).dropFirst("/cases/".count))
            let detail = try rectify.caseDetail(number: number)
            #expect(Set(detail.officers.map(\.credential)) == ["320671000013", "320671000014"] && detail.unit.uscc.rawValue == uscc)

            let page = Self.refused(try await officer.act(number, "hazard", ["description": "疏散通道堆放杂物", "deadline": "10/15/2026"]),
                                    under: "deadline", contains: "10/15/2026")
            #expect(page.actForm("hazard").contains("疏散通道堆放杂物</textarea>"), "what was typed is kept")
            #expect(!page.actForm("plan").contains("class=\"error\""), "only the refused form shows a refusal")
            Self.done(try await officer.act(number, "hazard", ["description": "疏散通道堆放杂物", "deadline": "2026-10-15"]), number)

            _ = Self.refused(try await officer.act(number, "extend", ["hazard": "1", "deadline": "2026-10-01", "reason": "待采购"]),
                             under: "deadline", contains: "EXTEND-LATER")
            Self.done(try await officer.act(number, "extend", ["hazard": "1", "deadline": "2026-10-20", "reason": "待采购"]), number)

            _ = Self.refused(try await officer.act(number, "plan", ["kind": "rectification", "hazard": "1", "measures": "清理通道",
                                                                  "funds": "12.5"]),
                             under: "funds", contains: "整元")
            Self.done(try await officer.act(number, "plan", ["kind": "rectification", "hazard": "1", "measures": "清理通道",
                                                           "funds": "1,200元", "responsible": "王经理", "deadline": "2026-10-18",
                                                           "contingency": "专人值守"]), number)

            _ = Self.refused(try await officer.act(number, "rectified", ["hazard": "1", "measures": "已清理", "date": "2027-01-04"]),
                             under: "date", contains: "ACT-NOT-IN-FUTURE")
            Self.done(try await officer.act(number, "rectified", ["hazard": "1", "measures": "已清理"]), number)

            let selfCheck = ["checkedBy": "单位负责人", "findings": "通道已清理", "pledge": ""]
            _ = Self.refused(try await officer.act(number, "selfcheck", selfCheck), under: "pledge", contains: "承诺")
            Self.done(try await officer.act(number, "selfcheck", selfCheck.merging(["pledge": "保持通道畅通"]) { $1 }), number)

            _ = Self.refused(try await officer.act(number, "recheck", ["verdict-1": "not-fixed", "opinion": "",
                                                                     "officers": "320671000013,320671000014"]),
                             under: "opinion", contains: "复查意见")
            Self.done(try await officer.act(number, "recheck", ["verdict-1": "not-fixed", "opinion": "仍有杂物",
                                                              "officers": "320671000013,320671000014"]), number)
            #expect(try rectify.caseDetail(number: number).hazards[0].hazard.status == .open)
            Self.done(try await officer.act(number, "rectified", ["hazard": "1", "measures": "彻底清理"]), number)
            Self.done(try await officer.act(number, "recheck", ["verdict-1": "fixed", "opinion": "已整改",
                                                              "officers": "320671000013、320671000014"]), number)
            #expect(try rectify.caseDetail(number: number).hazards[0].hazard.status == .verified)

            let filing = ServerTests.text(try await officer.get("/cases/\(number)")).actForm("penalty-file")
            let violation = String(try #require(filing.firstMatch(of: /name="violation"><option value="([^"]+)"/)?.output.1))
            let file = ["violation": violation, "party": "organisation", "facts": "疏散通道堆放杂物",
                        "officers": "320671000013,320671000014", "violationOn": "2026-09-31"]
            _ = Self.refused(try await officer.act(number, "penalty-file", file), under: "violationOn", contains: "2026-09-31")
            Self.done(try await officer.act(number, "penalty-file", file.merging(["violationOn": "2026-09-30"]) { $1 }), number)
            _ = Self.refused(try await officer.act(number, "penalty-notify", ["fine": "一千"]), under: "fine", contains: "罚款金额")
            let range = try #require(try rectify.violations().first { $0.code == violation })
            Self.done(try await officer.act(number, "penalty-notify", ["fine": "\(range.minFineYuan)"]), number)
            #expect(try rectify.caseDetail(number: number).penalty?.penalty.stage == .notified)
            // The decision cannot come on the day of the notice.
            _ = Self.refused(try await officer.act(number, "penalty-decide", ["fine": "\(range.minFineYuan)"]),
                             under: "date", contains: "DECISION-AFTER-NOTICE")
        }
        #expect(try rectify.verify().isIntact)
        let actors = try rectify.database.readDatabase {
            try Set(String.fetchAll($0, sql: "SELECT actor FROM event WHERE seq > ?", arguments: [lastEvent]))
        }
        #expect(actors == ["320671000013"], "every web write carries the signed-in officer")
    }

    @Test("a form based on an older state of the case is refused with 409, shows the case as it is now, and writes nothing")
    func staleForm() async throws {
        let rectify = try ServerTests.district()
        let person = try #require(try rectify.signIn(login: "320671000013", password: Rectify.demoPassword))
        let shared = try rectify.cases(for: person).filter { listing in
            let officers = try rectify.caseDetail(number: listing.number).officers.map(\.credential)
            return listing.state != .closed && officers.contains("320671000014")
        }
        let own = try #require(shared.first, "a case the two demo officers share")
        try await ServerTests.app(rectify).test(.router) { client in
            let first = try await WebUser.signIn(client, "320671000013")
            let second = try await WebUser.signIn(client, "320671000014")
            let seen = try await first.version(of: own.number)
            let secondVersion = try await second.version(of: own.number)
            #expect(seen == secondVersion)
            Self.done(try await second.act(own.number, "hazard", ["description": "配电箱未上锁", "deadline": "2026-10-20",
                                                                  "version": secondVersion]), own.number)
            let events = try rectify.caseDetail(number: own.number).events
            let stale = try await first.act(own.number, "hazard", ["description": "灭火器过期", "deadline": "2026-10-20",
                                                                   "version": seen])
            let page = ServerTests.text(stale)
            #expect(stale.status == .conflict)
            #expect(page.formRefusal?.contains("已有他人办理") == true && page.contains("配电箱未上锁"),
                    "the refusal, and the case as it is now")
            #expect(page.actForm("hazard").contains("灭火器过期</textarea>"), "what was typed is kept to submit again")
            #expect(try rectify.caseDetail(number: own.number).events == events, "nothing was written")
        }
    }
}

/// Photos and scans uploaded from the case page: typed by their content, shown as thumbnails to whoever may see the
/// case, refused when they are neither.
@Suite("The web application: uploads")
struct UploadTests {
    /// The smallest PNG there is: one transparent pixel.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
                               0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
                               0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
                               0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
                               0x42, 0x60, 0x82]

    @Test("a photo is stored as the type its bytes show, whatever its name, and shown as a thumbnail; a text file named .jpg is refused at the file field; a stranger gets 403; no token, no upload")
    func photoUpload() async throws {
        let rectify = try ServerTests.district()
        let (number, _) = try RoleMatrixTests.fixtures(rectify)
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, RoleMatrixTests.Who.officer.rawValue)
            let version = try await officer.version(of: number)
            let path = "/cases/\(number)/acts/attach"
            let fake = try await officer.upload(path, ["_csrf": officer.csrf, "version": version, "hazard": ""],
                                                file: ("file", "现场.jpg", Array("这不是照片".utf8)))
            let refused = CaseActFormTests.refused(fake, under: "file", contains: "只接受")
            #expect(refused.contains("enctype=\"multipart/form-data\""))
            let forged = try await officer.upload(path, ["version": version], file: ("file", "现场.png", Self.png))
            #expect(forged.status == .forbidden, "an upload without the session's token")
            let done = try await officer.upload(path, ["_csrf": officer.csrf, "version": version, "hazard": ""],
                                                file: ("file", "现场照片.dat", Self.png))
            CaseActFormTests.done(done, number)
            let stored = try #require(try rectify.caseDetail(number: number).attachments.last)
            #expect(stored.mediaType == "image/png" && stored.fileName == "现场照片.dat")
            let page = ServerTests.text(try await officer.get("/cases/\(number)"))
            let url = "/cases/\(number)/attachments/\(stored.id!.rawValue)"
            #expect(page.contains("<img src=\"\(url)\""), "shown as a thumbnail")
            let image = try await officer.get(url)
            #expect(image.status == .ok && image.headers[.contentType] == "image/png" && Array(image.body.readableBytesView) == Self.png)
            let stranger = try await WebUser.signIn(client, RoleMatrixTests.Who.otherOfficer.rawValue)
            #expect(try await stranger.get(url).status == .forbidden)
        }
        #expect(try rectify.verify().isIntact)
    }
}

@Suite("The web application: what was typed comes back escaped")
struct FormEscapingTests {
    @Test("a refused form shows markup typed into it as text, in a field and in its refusal")
    func typedMarkupIsText() async throws {
        let rectify = try ServerTests.district()
        let (number, _) = try RoleMatrixTests.fixtures(rectify)
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, RoleMatrixTests.Who.officer.rawValue)
            let typed = #"<script>alert("x")</script>"#
            let response = try await officer.act(number, "hazard", ["description": typed, "deadline": typed])
            let form = ServerTests.text(response).actForm("hazard")
            #expect(response.status == .unprocessableContent)
            #expect(!form.contains("<script>") && form.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</textarea>"))
            #expect(form.refusal(under: "deadline")?.contains("&lt;script&gt;") == true)
        }
        #expect(HTMLText.escape(#"a&b<c>"d'"#) == "a&amp;b&lt;c&gt;&quot;d&#39;" && HTMLText.escape("整改期限") == "整改期限")
    }
}

@Suite("The web application: the penalty procedure from its forms")
struct PenaltyFormTests {
    /// A fresh fire case of the two demo officers, opened on `openedOn` through the use case.
    static func freshCase(_ rectify: Rectify, openedOn: LocalDate) throws -> String {
        let (uscc, campaign) = try CaseActFormTests.freshUnit(rectify)
        return try rectify.openCase(campaign: campaign, uscc: uscc, officers: ["320671000013", "320671000014"], on: openedOn,
                                    actor: "320671000013").number
    }

    @Test("general procedure: 立案, 告知, 放弃陈述申辩, 法制审核, 决定, 送达, 缴款, 结案 — each from its form")
    func generalProcedure() async throws {
        let rectify = try ServerTests.district()
        let number = try Self.freshCase(rectify, openedOn: LocalDate(year: 2026, month: 9, day: 1)!)
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, "320671000013")
            let filing = ServerTests.text(try await officer.get("/cases/\(number)")).actForm("penalty-file")
            let violation = String(try #require(filing.firstMatch(of: /name="violation"><option value="([^"]+)"/)?.output.1))
            let fine = try #require(try rectify.violations().first { $0.code == violation }).minFineYuan
            let steps: [(String, [String: String])] = [
                ("penalty-file", ["facts": "疏散通道堵塞", "violationOn": "2026-09-01", "date": "2026-09-02"]),
                ("penalty-notify", ["fine": "\(max(fine, 1000))", "date": "2026-09-03"]),
                ("penalty-defence", ["waived": "1", "date": "2026-09-04"]),
                ("penalty-review", ["reviewer": "法制科", "date": "2026-09-07"]),
                ("penalty-decide", ["fine": "\(max(fine, 1000))", "date": "2026-09-08"]),
                ("penalty-serve", ["method": "直接送达", "date": "2026-09-09"]),
                ("penalty-pay", ["amount": "\(max(fine, 1000))", "date": "2026-09-10"]),
                ("penalty-close", ["date": "2026-09-11"]),
            ]
            for (act, fields) in steps {
                CaseActFormTests.done(try await officer.act(number, act, fields), number)
            }
        }
        let penalty = try #require(try rectify.caseDetail(number: number).penalty)
        #expect(penalty.penalty.stage == .closed)
        #expect(try rectify.verify().isIntact)
    }

    @Test("summary procedure on the spot; a fine over its limit refused at the fine's field")
    func summaryProcedure() async throws {
        let rectify = try ServerTests.district()
        let number = try Self.freshCase(rectify, openedOn: LocalDate(year: 2026, month: 9, day: 1)!)
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, "320671000013")
            // AQ102 (未采取措施消除事故隐患) ranges from 0 yuan, so the summary procedure's own limit is what refuses.
            let over = ["violation": "AQ102", "facts": "灭火器过期", "fine": "5000", "party": "organisation"]
            _ = CaseActFormTests.refused(try await officer.act(number, "penalty-summary", over), under: "fine", contains: "SUMMARY-FINE-LIMIT")
            CaseActFormTests.done(try await officer.act(number, "penalty-summary", over.merging(["fine": "1000"]) { $1 }), number)
        }
        #expect(try rectify.caseDetail(number: number).penalty?.penalty.procedure == .summary)
    }
}

@Suite("The web application: every form's refusal at its field")
struct EveryFormRefusalTests {
    /// Each act with a field and a value its reading refuses, and the words the refusal must hold.
    static let refusals: [(act: String, field: String, value: String)] = [
        ("hazard", "deadline", "2026-02-30"), ("extend", "deadline", "明天"), ("rectified", "date", "2026-13-01"),
("plan", "funds", "-5"), ("selfcheck", "date", "9/30"), ("recheck", "date", "2026-9-31"), ("close", "date", "昨天"),
        ("penalty-file", "violationOn", "2026"), ("penalty-summary", "fine", "三千"), ("penalty-notify", "fine", "1.5"),
        ("penalty-defence", "date", "x"), ("penalty-waive-hearing", "date", "x"), ("penalty-hearing", "requestedOn", "x"),
        ("penalty-review", "date", "x"), ("penalty-extend-decision", "until", "x"), ("penalty-decide", "fine", "x"),
        ("penalty-serve", "date", "x"), ("penalty-delay", "until", "x"), ("penalty-pause", "from", "x"),
        ("penalty-pay", "amount", "x"), ("penalty-demand", "date", "x"), ("penalty-transfer", "date", "x"),
        ("penalty-close", "date", "x"), ("attach", "file", ""),
    ]

    @Test("a value an act cannot read is refused under its field, the form shown open with what was typed, nothing written")
    func everyForm() async throws {
        let rectify = try ServerTests.district()
        let (number, _) = try RoleMatrixTests.fixtures(rectify)
        #expect(Set(Self.refusals.map(\.act)).count == Self.refusals.count)
        let before = try rectify.caseDetail(number: number).events
        try await ServerTests.app(rectify).test(.router) { client in
            let officer = try await WebUser.signIn(client, RoleMatrixTests.Who.officer.rawValue)
            let version = try await officer.version(of: number)
            for (act, given, value) in Self.refusals {
                // The fields read before the one tested hold values they accept.
                var fields = ["version": version, "hazard": "1", "kind": "rectification", "party": "organisation", given: value]
                var field = given
                if act == "recheck",
                   let verdict = ServerTests.text(try await officer.get("/cases/\(number)")).firstMatch(of: /name="(verdict-[0-9]+)"/) {
                    field = String(verdict.output.1)  // the verdicts are read first
                    fields[field] = "maybe"
                }
                let response = try await officer.post("/cases/\(number)/acts/\(act)", fields)
                let page = ServerTests.text(response)
                let form = page.actForm(act)
                #expect(response.status == .unprocessableContent, "\(act)")
                #expect(page.contains("<details class=\"act\" open id=\"act-\(act)\">"), "\(act): the refused form is open")
                #expect(form.refusal(under: field) != nil, "\(act): refusal under \(field): \(form.formRefusal ?? "none above")")
                if !value.isEmpty, field == given { #expect(form.contains("value=\"\(value)\""), "\(act): \(value) kept") }
            }
        }
        #expect(try rectify.caseDetail(number: number).events == before, "nothing written")
    }
}
