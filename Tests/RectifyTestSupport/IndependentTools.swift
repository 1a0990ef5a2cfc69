import Foundation

/// A tool a test runs is not installed: the failure names the Debian package that brings it.
public struct MissingTool: Error, CustomStringConvertible {
    public var tool: String
    public var package: String

    public init(tool: String, package: String) {
        self.tool = tool
        self.package = package
    }

    public var description: String {
        "\(tool) is not installed: it comes with the Debian package \(package) (bash scripts/test installs it)"
    }
}

/// The Debian package of each independent tool the tests run.
public let toolPackages = ["xmllint": "libxml2-utils", "xmlsec1": "xmlsec1", "sqlite3": "sqlite3", "strace": "strace",
                           "openssl": "openssl", "python3": "python3", "script": "bsdutils",
                           "chromium": "chromium", "chromedriver": "chromium-driver", "wrk": "wrk"]

/// Throws `MissingTool` unless `tool` is on the PATH.
public func requireTool(_ tool: String) throws {
    if tool.contains("/") {
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw MissingTool(tool: tool, package: "rectify (swift build)") }
        return
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let found = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    guard found else { throw MissingTool(tool: tool, package: toolPackages[tool] ?? tool) }
}

/// Runs an independent tool (xmllint, xmlsec1) and returns its exit status and combined output. `arguments` may
/// start with `env` and VAR=value settings; the first word after them is the tool, which must be installed.
public func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    if let tool = arguments.first(where: { $0 != "env" && !$0.contains("=") }) { try requireTool(tool) }
    return try runProgram("/usr/bin/env", arguments)
}

/// Runs a program and returns its exit status and combined output; `folder` and `environment` default to the test
/// process's own.
public func runProgram(_ path: String, _ arguments: [String], in folder: URL? = nil,
                       environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
