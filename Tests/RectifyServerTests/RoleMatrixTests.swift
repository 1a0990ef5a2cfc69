import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyCore
import RectifyKit
@testable import RectifyServer
@testable import RectifyStore
import Testing

/// Every route of the pages and of the API, for every role: allowed, forbidden, or not signed in.
@Suite("Every route for every role")
struct RoleMatrixTests {
    /// The people of the matrix: the case's officer, an officer not on it, a lead not on it, an administrator, a
    /// superior, and nobody.
    enum Who: String, CaseIterable {
        case officer = "320671000013", otherOfficer = "320671000014", lead = "320671000015", admin, superior, nobody
    }

    /// A case of the first demo officer that neither the second officer nor the lead is named on, and its unit.
    static func fixtures(_ rectify: Rectify) throws -> (caseNumber: String, uscc: String) {
        let person = try #require(try rectify.signIn(login: Who.officer.rawValue, password: Rectify.demoPassword))
        let number = try #require(try rectify.cases(for: person).first { listing in
            let officers = try rectify.caseDetail(number: listing.number).officers.map(\.credential)
            return listing.state != .closed && !officers.contains(Who.otherOfficer.rawValue) && !officers.contains(Who.lead.rawValue)
        }).number
        let uscc = try rectify.caseDetail(number: number).unit.uscc.rawValue
        return (number, uscc)
    }

    @Test("pages: each role gets what it may, the others a refusal or the sign-in page")
    func pages() async throws {
        let rectify = try ServerTests.district()
        let (number, uscc) = try Self.fixtures(rectify)
        let reads = ["/", "/cases", "/cases/\(number)", "/units?q=\(uscc.prefix(8))", "/units/\(uscc)", "/campaigns",
                     "/campaigns/fire-2026"]
        try await ServerTests.app(rectify).test(.router) { client in
            for who in Who.allCases {
                let user = who == .nobody ? nil : try await WebUser.signIn(client, who.rawValue)
                for path in reads {
                    let status: HTTPResponse.Status
                    if let user { status = try await user.get(path).status } else {
                        status = try await client.execute(uri: path, method: .get).status
                    }
                    let expected: HTTPResponse.Status = switch who {
                    case .nobody: .seeOther
                    case .otherOfficer where path == "/cases/\(number)": .forbidden
                    default: .ok
                    }
                    #expect(status == expected, "\(who) GET \(path)")
                }
                // An act on the case: only its officers; a page's POST without a session leads to the sign-in page.
                let hazard = ["description": "矩阵测试", "deadline": "2026-10-20", "item": "XF02"]
                let acted: TestResponse
                if let user {
                    acted = try await user.post("/cases/\(number)/acts/hazard",
                                                hazard.merging(["version": "\(try rectify.caseDetail(number: number).events!)"]) { $1 })
                } else {
                    acted = try await client.execute(uri: "/cases/\(number)/acts/hazard", method: .post, headers: ServerTests.sameOrigin,
                                                     body: ServerTests.form(hazard))
                }
                // The lead's department (消防大队) leads fire-2026: a lead acts on every case of it.
                let expectedAct: HTTPResponse.Status = switch who {
                case .officer, .lead, .nobody: .seeOther
                default: .forbidden
                }
                #expect(acted.status == expectedAct, "\(who) POST act")
                if who == .nobody { #expect(acted.headers[.location] == "/signin") }
                if who == .lead {
                    // …and on none of a campaign another department leads.
                    let gas = try #require(try rectify.cases(campaign: "gas-2026", state: .opened).first).number
                    let refused = try await user!.post("/cases/\(gas)/acts/close", ["version": "\(try rectify.caseDetail(number: gas).events!)"])
                    #expect(refused.status == .forbidden, "lead POST act on another department's campaign")
                }
                // 立档 from a unit's page: officers and leads (who act as an officer), not the read-only roles.
                // Each tries a unit of its own, so that one opening does not decide the next.
                if let user, who != .officer {
                    let unit = try CaseActFormTests.freshUnit(rectify).uscc
                    let opened = try await user.post("/units/\(unit)/cases", ["campaign": "fire-2026", "partner": Who.officer.rawValue])
                    let expected: HTTPResponse.Status = [.admin, .superior].contains(who) ? .forbidden : .seeOther
                    #expect(opened.status == expected, "\(who) POST 立档")
                }
            }
        }
        #expect(try rectify.verify().isIntact)
    }

    @Test("API: each role with its token gets what it may; no token, a revoked one, or a disabled account gets 401")
    func api() async throws {
        let rectify = try ServerTests.district()
        let (number, uscc) = try Self.fixtures(rectify)
        var made: [Who: String] = [:]
        for who in Who.allCases where who != .nobody {
            made[who] = try rectify.addAPIToken(name: "matrix-\(who)", login: who.rawValue, actor: "admin").secret
        }
        let tokens = made
        let reads = ["/api/v1/me", "/api/v1/cases", "/api/v1/cases/\(number)", "/api/v1/units?q=\(uscc.prefix(8))",
                     "/api/v1/units/\(uscc)", "/api/v1/campaigns", "/api/v1/campaigns/fire-2026/progress"]
        try await ServerTests.app(rectify).test(.router) { client in
            for who in Who.allCases {
                let headers: HTTPFields = tokens[who].map { [.authorization: "Bearer \($0)"] } ?? [:]
                for path in reads {
                    let response = try await client.execute(uri: path, method: .get, headers: headers)
                    let expected: HTTPResponse.Status = switch who {
                    case .nobody: .unauthorized
                    case .otherOfficer where path == "/api/v1/cases/\(number)": .forbidden
                    default: .ok
                    }
                    #expect(response.status == expected, "\(who) GET \(path)")
                    if response.status != .ok {
                        #expect(response.headers[.contentType] == "application/problem+json", "\(who) GET \(path)")
                    }
                }
                var post = headers
                post[.contentType] = "application/json"
                let version = try rectify.caseDetail(number: number).events!
                let body = #"{"version": \#(version), "checklistCode": "XF02", "description": "接口矩阵", "deadline": "2026-10-20"}"#
                let acted = try await client.execute(uri: "/api/v1/cases/\(number)/hazards", method: .post, headers: post,
                                                     body: ByteBuffer(string: body))
                let expected: HTTPResponse.Status = switch who {
                case .officer, .lead: .created
                case .nobody: .unauthorized
                default: .forbidden
                }
                #expect(acted.status == expected, "\(who) POST hazard: \(String(buffer: acted.body))")
            }
            _ = try rectify.revokeAPIToken(name: "matrix-officer", actor: "admin")
            _ = try rectify.disableAccount(login: Who.otherOfficer.rawValue, actor: "admin")
            for who in [Who.officer, .otherOfficer] {
                let response = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(tokens[who]!)"])
                #expect(response.status == .unauthorized && response.headers[.wwwAuthenticate] != nil, "\(who)")
            }
        }
        #expect(try rectify.verify().isIntact)
    }

    @Test("API acts: done with the case's version (201, the new version); a stale version 409; a bad value 422 naming its field; a body that is not JSON 400; nothing written when refused")
    func apiActs() async throws {
        let rectify = try ServerTests.district()
        let (number, _) = try Self.fixtures(rectify)
        let token = try rectify.addAPIToken(name: "acts", login: Who.officer.rawValue, actor: "admin").secret
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await ServerTests.app(rectify).test(.router) { client in
            func post(_ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                let response = try await client.execute(uri: "/api/v1/cases/\(number)/hazards", method: .post, headers: headers,
                                                        body: ByteBuffer(string: body))
                let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
                return (response.status, json)
            }
            let read = try await client.execute(uri: "/api/v1/cases/\(number)", method: .get, headers: headers)
            let version = try #require(try rectify.caseDetail(number: number).events)
            #expect(read.headers[.eTag] == "\"\(version)\"")
            let (badDate, problem) = try await post(#"{"version": \#(version), "checklistCode": "XF02", "description": "灭火器失效", "deadline": "10/20/2026"}"#)
            #expect(badDate == .unprocessableContent && problem["field"] as? String == "deadline" && problem["fieldLabel"] as? String == "整改期限")
            #expect((problem["detail"] as? String)?.contains("10/20/2026") == true && problem["detailEnglish"] != nil)
            let (notJSON, _) = try await post("description=x")
            #expect(notJSON == .badRequest)
            let (ruled, ruleProblem) = try await post(#"{"version": \#(version), "checklistCode": "XF02", "description": "灭火器失效", "deadline": "2026-01-01", "foundOn": "2026-09-30"}"#)
            #expect(ruled == .unprocessableContent && ruleProblem["rule"] as? String == "DEADLINE-AFTER-FOUND")
            #expect(try rectify.caseDetail(number: number).events == version, "nothing written by the refusals")
            let (done, result) = try await post(#"{"version": \#(version), "checklistCode": "XF02", "description": "灭火器失效", "deadline": "2026-10-20"}"#)
            let after = try rectify.caseDetail(number: number).events
            #expect(done == .created && result["version"] as? Int == after)
            let (stale, staleProblem) = try await post(#"{"version": \#(version), "checklistCode": "XF02", "description": "又一项", "deadline": "2026-10-20"}"#)
            #expect(stale == .conflict && staleProblem["currentVersion"] as? Int == result["version"] as? Int)
        }
        #expect(try rectify.caseDetail(number: number).hazards.filter { $0.hazard.description == "灭火器失效" }.count == 1)
    }
}

@Suite("The JSON API: the penalty procedure")
struct APIPenaltyTests {
    @Test("立案 and 告知 through /penalty/{step}, read by the rules of the steps' forms; a bad date is refused naming `on`; an unknown step is 404")
    func penaltySteps() async throws {
        let rectify = try ServerTests.district()
        let number = try PenaltyFormTests.freshCase(rectify, openedOn: LocalDate(year: 2026, month: 9, day: 1)!)
        let token = try rectify.addAPIToken(name: "penalty", login: "320671000013", actor: "admin").secret
        let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await ServerTests.app(rectify).test(.router) { client in
            func post(_ step: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                let response = try await client.execute(uri: "/api/v1/cases/\(number)/penalty/\(step)", method: .post, headers: headers,
                                                        body: ByteBuffer(string: body))
                return (response.status, (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:])
            }
            var version = try #require(try rectify.caseDetail(number: number).events)
            let file = #""violation": "XF60", "party": "organisation", "facts": "疏散通道堵塞", "violationOn": "2026-09-01", "officers": ["320671000013", "320671000014"]"#
            let (badDate, problem) = try await post("file", #"{"version": \#(version), \#(file), "on": "2026/13/02"}"#)
            #expect(badDate == .unprocessableContent && problem["field"] as? String == "on", "\(problem)")
            let (filed, result) = try await post("file", #"{"version": \#(version), \#(file), "on": "2026-09-02"}"#)
            #expect(filed == .created, "\(result)")
            version = try #require(result["version"] as? Int)
            let (notified, _) = try await post("notify", #"{"version": \#(version), "fine": "5000", "stopOrder": false, "on": "2026-09-03"}"#)
            #expect(notified == .created)
            let (unknown, _) = try await post("appeal", #"{"version": 1}"#)
            #expect(unknown == .notFound)
        }
        #expect(try rectify.caseDetail(number: number).penalty?.penalty.stage == .notified)
    }
}
