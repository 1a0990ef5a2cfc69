import Foundation
import Hummingbird
import HummingbirdTesting
import RectifyKit
import Testing

/// One signed-in person in a router test: their session cookie and anti-forgery token, pages fetched and forms posted
/// as a browser would (same origin, form-encoded).
struct WebUser {
    let client: any TestClientProtocol
    let cookie: HTTPFields
    let csrf: String

    static func signIn(_ client: some TestClientProtocol, _ login: String) async throws -> WebUser {
        let cookie = try await ServerTests.signIn(client, login)
        let bench = try await client.execute(uri: "/", method: .get, headers: cookie)
        let token = try #require(ServerTests.text(bench).firstMatch(of: /name="_csrf" value="([0-9a-f]{64})"/)?.output.1)
        return WebUser(client: client, cookie: cookie, csrf: String(token))
    }

    func get(_ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: cookie, body: nil)
    }

    func post(_ path: String, _ fields: [String: String]) async throws -> TestResponse {
        var headers = ServerTests.sameOrigin
        headers[.cookie] = cookie[.cookie]
        var fields = fields
        if fields["_csrf"] == nil { fields["_csrf"] = csrf }
        return try await client.execute(uri: path, method: .post, headers: headers, body: ServerTests.form(fields))
    }

    /// Posts a multipart form as a browser's upload does: text fields and one file.
    func upload(_ path: String, _ fields: [String: String], file: (field: String, name: String, content: [UInt8])) async throws -> TestResponse {
        try await upload(path, fields, files: [file])
    }

    func upload(_ path: String, _ fields: [String: String], files: [(field: String, name: String, content: [UInt8])]) async throws -> TestResponse {
        let boundary = "----RectifyTestBoundary7MA4YWxkTrZu0gW"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file.content)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers: HTTPFields = [.init("Sec-Fetch-Site")!: "same-origin", .contentType: "multipart/form-data; boundary=\(boundary)"]
        headers[.cookie] = cookie[.cookie]
        return try await client.execute(uri: path, method: .post, headers: headers, body: body)
    }

    /// The case's version as its page carries it in every act's form.
    func version(of caseNumber: String) async throws -> String {
        let page = ServerTests.text(try await get("/cases/\(caseNumber)"))
        return String(try #require(page.firstMatch(of: /name="version" value="([0-9]+)"/)?.output.1))
    }

    /// Fills in the act's form on the case page as a browser would submit it untouched (the version, each select's
    /// chosen option, ticked boxes), then `fields` over it, and posts it.
    func act(_ caseNumber: String, _ act: String, _ fields: [String: String]) async throws -> TestResponse {
        let page = ServerTests.text(try await get("/cases/\(caseNumber)"))
        let form = page.actForm(act)
        try #require(!form.isEmpty, "the case page offers no form '\(act)'")
        return try await post("/cases/\(caseNumber)/acts/\(act)", form.submittedFields.merging(fields) { $1 })
    }
}

extension String {
    /// The part of a case page that is the form of `act`.
    func actForm(_ act: String) -> String {
        guard let start = range(of: "id=\"act-\(act)\"") else { return "" }
        return String(self[start.lowerBound...]).components(separatedBy: "</details>")[0]
    }

    /// The refusal shown right under the field `name` of a form, if any.
    func refusal(under name: String) -> String? {
        let pattern = #"name="\#(name)"[^\n]*?<p class="error">([^<]*)</p>"#
        guard let match = range(of: pattern, options: .regularExpression) else { return nil }
        return String(self[match]).components(separatedBy: "<p class=\"error\">").last?.replacingOccurrences(of: "</p>", with: "")
    }

    /// What a browser submits for this form untouched.
    var submittedFields: [String: String] {
        var fields: [String: String] = [:]
        for input in matches(of: /<input ([^>]*)>/) {
            let attributes = String(input.output.1)
            guard let name = attributes.firstMatch(of: /name="([^"]*)"/)?.output.1 else { continue }
            let value = attributes.firstMatch(of: /value="([^"]*)"/).map { String($0.output.1) } ?? ""
            if attributes.contains("type=\"checkbox\"") && !attributes.contains(" checked") { continue }
            fields[String(name)] = value
        }
        for textarea in matches(of: /<textarea name="([^"]*)"[^>]*>([^<]*)<\/textarea>/) {
            fields[String(textarea.output.1)] = String(textarea.output.2)
        }
        for select in matches(of: /<select name="([^"]*)">(.*?)<\/select>/) {
            let options = String(select.output.2)
            let chosen = options.firstMatch(of: /<option value="([^"]*)" selected>/) ?? options.firstMatch(of: /<option value="([^"]*)"/)
            fields[String(select.output.1)] = chosen.map { String($0.output.1) } ?? ""
        }
        return fields
    }

    /// The refusal above a form, concerning the act as a whole.
    var formRefusal: String? {
        guard let match = firstMatch(of: /<p class="error" role="alert">([^<]*)<\/p>/) else { return nil }
        return String(match.output.1)
    }
}
