import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit
import RectifyServer

/// `rectify serve` under load (issue 19), with `wrk` on loopback: the case page, the 工作台 and a JSON case read, each
/// as throughput and p99 latency against a static route of the same server in the same run; and officers' writes
/// (hazard add through the API from 8 clients, each on a case of its own) against the same number of writes through
/// `sqlite3`, one transaction each. The server runs in this process, on a copy of the district.
struct ServeBench {
    let district: District
    let work: String
    let seconds: Int

    struct Load: Codable {
        var measure: String
        var units: Int
        var connections: Int
        var requestsPerSecond: Double
        var p99Milliseconds: Double
        var errors: Int
        /// Against the static route (reads) or sqlite3 (writes): throughput as a share of the reference's, and the
        /// p99 as a multiple of the reference's.
        var throughputRatio: Double
        var p99Ratio: Double?

        var json: [String: Any] {
            ["measure": measure, "units": units, "connections": connections, "requests_per_s": (requestsPerSecond * 10).rounded() / 10,
             "p99_ms": (p99Milliseconds * 100).rounded() / 100, "errors": errors,
             "throughput_ratio": (throughputRatio * 1000).rounded() / 1000,
             "p99_ratio": p99Ratio.map { ($0 * 1000).rounded() / 1000 } ?? NSNull()]
        }
    }

    /// What `wrk --latency` printed.
    struct WrkResult {
        var requestsPerSecond: Double
        var p99Milliseconds: Double
        var requests: Int
        var errors: Int

        init(_ output: String) throws {
            guard let rate = output.firstMatch(of: /Requests\/sec:\s+([0-9.]+)/).flatMap({ Double($0.output.1) }),
                  let p99 = output.firstMatch(of: /99%\s+([0-9.]+)(us|ms|s)/) else {
                throw ValidationError("wrk printed no rate or latency:\n\(output.suffix(1000))")
            }
            requestsPerSecond = rate
            let value = Double(p99.output.1) ?? 0
            p99Milliseconds = switch p99.output.2 { case "us": value / 1000; case "s": value * 1000; default: value }
            requests = output.firstMatch(of: /([0-9]+) requests in/).flatMap { Int($0.output.1) } ?? 0
            let non2xx = output.firstMatch(of: /Non-2xx or 3xx responses: ([0-9]+)/).flatMap { Int($0.output.1) } ?? 0
            let socket = output.firstMatch(of: /Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)/)
                .map { (Int($0.output.1) ?? 0) + (Int($0.output.2) ?? 0) + (Int($0.output.3) ?? 0) + (Int($0.output.4) ?? 0) } ?? 0
            errors = non2xx + socket
        }
    }

    func measure() throws -> [Load] {
        guard (try? Subprocess.run(["wrk", "--version"], mustSucceed: false))?.output.contains("wrk") == true else {
            throw ValidationError("wrk is not installed (apt-get install wrk)")
        }
        let copy = "\(work)/runs-\(district.units)/serve.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        try FileManager.default.copyItem(atPath: district.database, toPath: copy)
        let rectify = try Rectify.open(path: copy)
        let (officer, cases, item) = try busiestOfficer(rectify)
        _ = try rectify.addAccount(login: officer, role: .officer, officer: officer, password: Self.password, actor: "bench")
        let token = try rectify.addAPIToken(name: "bench", login: officer, actor: "bench").secret
        let server = try InProcessServer(rectify)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let cookie = try signIn(base: base, login: officer)
        log("serve: \(district.units) units, officer \(officer) with \(cases.count) open cases, \(seconds) s a row")

        func load(_ path: String, headers: [String] = [], connections: Int = 16) throws -> WrkResult {
            let run = try Subprocess.run(["wrk", "-t2", "-c\(connections)", "-d\(seconds)s", "--latency"]
                                         + headers.flatMap { ["-H", $0] } + [base + path])
            return try WrkResult(run.output)
        }
        let staticRoute = try load("/static/app.css")
        var rows = [Load(measure: "serve-static", units: district.units, connections: 16, requestsPerSecond: staticRoute.requestsPerSecond,
                         p99Milliseconds: staticRoute.p99Milliseconds, errors: staticRoute.errors, throughputRatio: 1, p99Ratio: 1)]
        for (measure, path, header) in [("serve-case-page", "/cases/\(cases[0])", "Cookie: \(cookie)"),
                                        ("serve-workbench", "/", "Cookie: \(cookie)"),
                                        ("serve-api-case", "/api/v1/cases/\(cases[0])", "Authorization: Bearer \(token)")] {
            let result = try load(path, headers: [header])
            rows.append(Load(measure: measure, units: district.units, connections: 16, requestsPerSecond: result.requestsPerSecond,
                             p99Milliseconds: result.p99Milliseconds, errors: result.errors,
                             throughputRatio: result.requestsPerSecond / staticRoute.requestsPerSecond,
                             p99Ratio: result.p99Milliseconds / staticRoute.p99Milliseconds))
        }
        rows.append(try writes(rectify: rectify, base: base, token: token, cases: Array(cases.prefix(8)), item: item))
        let verified = try rectify.verify()
        guard verified.isIntact else { throw ValidationError("serve: verify failed after the load") }
        log("serve: verify intact afterwards (\(verified.eventCount) events)")
        return rows
    }

    static let password = "bench-password-2026"

    /// The officer with the most open cases, those cases (one campaign's), and a checklist item of that campaign.
    private func busiestOfficer(_ rectify: Rectify) throws -> (String, [String], String) {
        let open = try rectify.cases(campaign: nil, state: nil).filter { $0.state != .closed }
        let campaign = Dictionary(grouping: open, by: \.campaign).max { $0.value.count < $1.value.count }!.key
        var best: (String, [String]) = ("", [])
        for officer in try rectify.officers() where officer.active {
            let theirs = try rectify.cases(campaign: campaign, state: nil, officer: officer.credential)
                .filter { $0.state != .closed }.map(\.number)
            if theirs.count > best.1.count { best = (officer.credential, theirs) }
        }
        guard best.1.count >= 8, let item = try rectify.campaign(code: campaign).checklist.first?.code else {
            throw ValidationError("serve: no officer has 8 open cases in \(campaign)")
        }
        return (best.0, best.1, item)
    }

    private func signIn(base: String, login: String) throws -> String {
        let run = try Subprocess.run(["curl", "-s", "-i", "-H", "Sec-Fetch-Site: same-origin", "--data",
                                      "login=\(login)&password=\(Self.password)", "\(base)/signin"])
        guard let cookie = run.output.firstMatch(of: /[Ss]et-[Cc]ookie: (rectify_session=[^;]+)/)?.output.1 else {
            throw ValidationError("serve: sign-in failed:\n\(run.output.prefix(500))")
        }
        return String(cookie)
    }

    /// Hazards added through the API by 8 clients, each on its own case and following that case's version from each
    /// answer; against sqlite3 inserting as many hazard and document rows, one transaction each.
    private func writes(rectify: Rectify, base: String, token: String, cases: [String], item: String) throws -> Load {
        let versions = try cases.map { try rectify.caseDetail(number: $0).events ?? 0 }
        let deadline = LocalDate(Date()).adding(days: 30)
        let script = "\(work)/runs-\(district.units)/serve-writes.lua"
        try """
            local cases = {\(cases.map { "\"\($0)\"" }.joined(separator: ","))}
            local versions = {\(versions.map(String.init).joined(separator: ","))}
            local next = 0
            function setup(thread)
              next = next + 1
              thread:set("case", cases[next])
              thread:set("version", versions[next])
            end
            function request()
              local body = string.format('{"version": %d, "checklistCode": "\(item)", "description": "压测隐患", "deadline": "\(deadline)"}', version)
              return wrk.format("POST", "/api/v1/cases/" .. case .. "/hazards",
                {["Content-Type"] = "application/json", ["Authorization"] = "Bearer \(token)"}, body)
            end
            function response(status, headers, body)
              local v = body:match('"version"%s*:%s*(%d+)')
              if v then version = tonumber(v) end
            end
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let before = try rectify.verify().eventCount
        let run = try Subprocess.run(["wrk", "-t8", "-c8", "-d\(seconds)s", "--latency", "-s", script, base])
        let result = try WrkResult(run.output)
        let written = try rectify.verify().eventCount - before
        // The same number of writes through sqlite3, each its own durable transaction, on a scratch database.
        let scratch = "\(work)/runs-\(district.units)/serve-reference.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        let count = max(result.requests, 1)
        var sql = """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
            CREATE TABLE document (id INTEGER PRIMARY KEY, caseId INTEGER, kind TEXT, number TEXT, issuedOn TEXT);
            CREATE TABLE hazard (id INTEGER PRIMARY KEY, caseId INTEGER, seq INTEGER, checklistCode TEXT, description TEXT,
                                 level TEXT, criterion TEXT, foundOn TEXT, deadline TEXT, orderDocumentId INTEGER);

            """
        for n in 0..<count {
            sql += "BEGIN; INSERT INTO document VALUES (NULL, \(n % 8), 'rectification-order', '（通开）应急责改〔2026〕\(n)号', '2026-12-08'); "
                + "INSERT INTO hazard VALUES (NULL, \(n % 8), \(n), '\(item)', '压测隐患', 'general', '依据', '2026-12-08', '\(deadline)', last_insert_rowid()); COMMIT;\n"
        }
        let reference = try Subprocess.run(["sqlite3", scratch], input: sql)
        let referenceRate = Double(count) / reference.seconds
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        log("serve writes: \(result.requests) answered, \(written) audit events written, \(result.errors) errors; sqlite3 \(Int(referenceRate)) writes/s")
        return Load(measure: "serve-api-writes", units: district.units, connections: 8, requestsPerSecond: result.requestsPerSecond,
                    p99Milliseconds: result.p99Milliseconds, errors: result.errors,
                    throughputRatio: result.requestsPerSecond / referenceRate, p99Ratio: nil)
    }
}

/// The web application on a free port of loopback, in this process.
final class InProcessServer: @unchecked Sendable {
    private(set) var port = 0
    private let task: Task<Void, Never>

    init(_ rectify: Rectify) throws {
        let ready = DispatchSemaphore(value: 0)
        let found = PortBox()
        let application = try buildApplication(rectify, settings: ServerSettings(port: 0)) { port in
            found.port = port
            ready.signal()
        }
        task = Task { try? await application.runService() }
        guard ready.wait(timeout: .now() + 60) == .success else { throw ValidationError("serve: the server did not start") }
        port = found.port
    }

    func stop() { task.cancel() }

    private final class PortBox: @unchecked Sendable { var port = 0 }
}
