import Foundation
import RectifyKit
import RectifyTestSupport
import Testing

/// The web application in a real browser: `Scripts/browser_flow.py` drives Chromium through Selenium against
/// `rectify serve --demo` on loopback, and leaves a screenshot of every page in `.build/artifacts/browser/`.
@Suite("A real browser", .serialized)
struct BrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/browser_flow.py").path
    static let shots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/artifacts/browser")

    @Test("an officer signs in, finds a unit by three characters, opens its case, adds a hazard, records a failed and a passed re-check and sees the campaign's figures change; another officer is refused the case; a lead follows a chart's bar to its cases")
    func officersFirstCase() throws {
        for tool in ["python3", "chromium", "chromedriver"] { try requireTool(tool) }
        guard try runProgram("/usr/bin/env", ["python3", "-c", "import selenium"]).status == 0 else {
            throw MissingTool(tool: "selenium (PyPI)", package: "python3-selenium or `python3 -m pip install selenium`")
        }
        let cli = try CLI()
        let server = try DemoServer(cli: cli)
        defer { server.stop() }
        let (query, uscc, partner) = try Self.choices(database: cli.database)
        try? FileManager.default.removeItem(at: Self.shots)
        try FileManager.default.createDirectory(at: Self.shots, withIntermediateDirectories: true)
        let result = try runProgram("/usr/bin/env", ["python3", Self.script, server.address, query, uscc, partner, Self.shots.path])
        #expect(result.status == 0, "\(result.output)\nserver log:\n\(server.log.suffix(2000))")
        let saved = try FileManager.default.contentsOfDirectory(atPath: Self.shots.path).filter { $0.hasSuffix(".png") }
        #expect(saved.count >= 15, "a screenshot of every page: \(saved.sorted())")
        #expect(server.stop(), "rectify serve stops on SIGTERM")
        #expect(try Rectify.openForReading(path: cli.database).verify().isIntact)
    }

    /// A unit the demo officer can open a fire case for, three characters of its name that find it, and a colleague
    /// of the same department (not the second demo officer, who must be refused the case).
    static func choices(database: String) throws -> (query: String, uscc: String, partner: String) {
        let rectify = try Rectify.openForReading(path: database)
        let officers = try rectify.officers()
        let department = try #require(officers.first { $0.credential == "320671000013" }).department
        let partner = try #require(officers.first {
            $0.active && $0.department == department && !["320671000013", "320671000014"].contains($0.credential)
        })
        for unit in try rectify.units(street: nil, category: nil, limit: nil)
        where try rectify.campaignsToOpen(uscc: unit.uscc).contains(where: { $0.code == "fire-2026" }) {
            let name = Array(unit.name)
            let windows = (0..<max(0, name.count - 2)).map { String(name[$0..<$0 + 3]) }
            let found = try windows.map { ($0, try rectify.findUnits($0, limit: 50)) }
                .filter { $0.1.contains { $0.uscc == unit.uscc } }
                .min { $0.1.count < $1.1.count }
            if let (query, _) = found { return (query, unit.uscc, partner.credential) }
        }
        throw MissingTool(tool: "a demo unit to open a fire case for", package: "rectify demo")
    }
}

/// `rectify serve --demo --port 0` on the CLI's scratch database, its address read from what it prints.
final class DemoServer {
    let process = Process()
    let logURL: URL
    private(set) var address = ""

    init(cli: CLI) throws {
        logURL = cli.folder.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.executableURL = cli.executable
        process.arguments = ["serve", "--demo", "--port", "0", "--db", cli.database]
        process.currentDirectoryURL = cli.folder
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        // Building the demo district takes a while; the address is printed once the server listens.
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline, process.isRunning {
            if let match = self.log.firstMatch(of: /open (http:\/\/127\.0\.0\.1:[0-9]+\/)/) {
                address = String(match.output.1)
                return
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
        stop()
        throw MissingTool(tool: "rectify serve (did not start: \(self.log.suffix(1000)))", package: "rectify")
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Asks the server to stop as a service manager does (SIGTERM) and waits half a minute; true if it stopped then,
    /// false if it had to be killed.
    @discardableResult
    func stop() -> Bool {
        guard process.isRunning else { return true }
        process.terminate()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}
