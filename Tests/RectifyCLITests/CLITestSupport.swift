import Foundation
import Testing
import RectifyCore
import RectifyTestSupport

/// Runs the built `rectify` executable, as a user would.
struct CLI {
    let folder: URL
    var database: String { folder.appendingPathComponent("rectify.sqlite").path }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary run: the one built next to the tests, unless a test copies it elsewhere.
    var executable = CLI.executable
    /// Variables set for every run, over the test process's own.
    var environment: [String: String] = [:]

    init() throws {
        folder = URL(fileURLWithPath: try makeScratchFolder("rectify-cli"))
    }

    static let executable: URL = {
        // The test bundle sits next to the products it was built with.
        var candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("rectify")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("the rectify executable was not built next to the tests (looked in \(candidates.map(\.path)))")
    }()

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RectifyKitTests/Fixtures")

    func start(_ arguments: [String], actor: String? = "admin", database: String? = nil,
               keepOutput: Bool = true) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["RECTIFY_DB"] = database ?? self.database
        environment["RECTIFY_ACTOR"] = actor
        environment.merge(self.environment) { _, given in given }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        if keepOutput {
            process.standardOutput = out
            process.standardError = err
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return (process, out, err)
    }

    @discardableResult
    func run(_ arguments: String..., actor: String? = "admin") throws -> Result {
        try run(arguments, actor: actor)
    }

    @discardableResult
    func run(_ arguments: [String], actor: String? = "admin") throws -> Result {
        let (process, out, err) = try start(arguments, actor: actor)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs each command in turn, expecting every one to succeed.
    func runSteps(_ steps: [[String]], actor: String? = "admin", sourceLocation: SourceLocation = #_sourceLocation) throws {
        for step in steps {
            let result = try run(step, actor: actor)
            #expect(result.status == 0, "\(step.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        }
    }

    /// The bytes of the database files, to prove a refused command wrote nothing.
    func databaseDigest() -> String {
        ["", "-wal"].map { suffix in
            FileManager.default.contents(atPath: database + suffix).map { SHA256.hex($0) } ?? "absent"
        }.joined(separator: "|")
    }

    func sqlite(_ sql: String) throws -> String {
        try requireTool("sqlite3")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", database, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError.sqlite(sql) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    enum CLIError: Error { case sqlite(String) }

    /// The district of `setUpDistrict` with case gas-2026-0001 opened for the restaurant by officers A and B.
    func setUpDistrictWithCase() throws {
        try setUpDistrict()
        let opened = try run(["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--officer", officerA,
                              "--officer", officerB, "--on", "2026-04-20"], actor: officerA)
        guard opened.status == 0 else { throw SetupFailed(step: ["case", "open"], result: opened) }
    }

    /// A valid register of `rows` restaurants in 竹行街道 (the district `setUpDistrict` makes).
    static func writeRegister(_ rows: Int, at path: String) throws {
        var text = "统一社会信用代码,单位名称,地址,街道,网格,类别,行业主管部门\n"
        for n in 0..<rows {
            let body = "91320671" + String(format: "%09d", n)
            text += "\(body)\(USCC.checkCharacter(for: body)!),饭店\(n),通盛大道\(n)号,竹行街道,竹行社区网格,餐饮场所,安监局\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Starts the binary on another database file, with no output kept.
    func startDetached(_ arguments: [String], database: String) throws -> Process {
        try start(arguments, database: database, keepOutput: false).0
    }

    /// A district set up entirely from the command line.
    func setUpDistrict() throws {
        let steps: [[String]] = [
            ["init"],
            ["agency", "set", "--name", "南通经济技术开发区安全生产监督管理局", "--abbreviation", "通开", "--division-code", "320671"],
            ["department", "add", "安监局"], ["department", "add", "市场监管局"],
            ["street", "add", "竹行街道", "--division-code", "320671001"], ["street", "add", "小海街道"],
            ["grid", "add", "--street", "竹行街道", "--name", "竹行社区网格", "--safety-officer", "王网格"],
            ["grid", "add", "--street", "小海街道", "--name", "朝阳小区网格"],
            ["officer", "add", "--credential", "32067100001", "--name", "张三", "--department", "安监局"],
            ["officer", "add", "--credential", "32067100002", "--name", "李四", "--department", "安监局"],
            ["unit", "import", CLI.fixtures.appendingPathComponent("units-gb18030.csv").path],
            ["campaign", "create", "--code", "gas-2026", "--kind", "燃气", "--title", "餐饮场所燃气安全专项整治",
             "--plan-number", "通开安委办〔2026〕11号", "--lead", "安监局", "--partner", "市场监管局",
             "--starts", "2026-04-01", "--ends", "2026-10-31", "--phase", "自查自改:2026-04-16:2026-05-31",
             "--category", "餐饮场所", "--category", "个体工商户", "--target", "餐饮场所:accepted:100%:2026-06-30",
             "--target", "*:transferred:2:2026-06-30"],
        ]
        for step in steps {
            let result = try run(step)
            guard result.status == 0 else { throw SetupFailed(step: step, result: result) }
        }
    }

    struct SetupFailed: Error, CustomStringConvertible {
        var step: [String]
        var result: Result
        var description: String { "\(step.joined(separator: " ")) → \(result.status): \(result.stderr)" }
    }
}

let officerA = "32067100001"
let officerB = "32067100002"
let restaurant = "91440300708461136T"
let shop = "91330100716105852F"
