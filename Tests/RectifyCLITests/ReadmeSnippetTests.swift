import Foundation
import RectifyTestSupport
import Testing

/// Every shell snippet of the README works as printed (issue 18). The quick start's two commands are what `.ci/run`
/// runs on a clean clone; every other snippet runs here, in order, in a scratch copy of the files it reads, with
/// `swift run PRODUCT` answered by the binaries built beside the tests.
@Suite("Every shell snippet of the README works as printed")
struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bodies of the README's ```sh blocks, in order.
    static func blocks() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        return text.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
    }

    /// `swift run [-c CONFIG] PRODUCT ARGS…` runs the product built beside the tests; nothing else is expected.
    static let swiftShim = """
        swift() {
            [ "$1" = run ] || { echo "README snippet runs swift $1: not a swift run" >&2; return 97; }
            shift
            if [ "$1" = "-c" ]; then shift 2; fi
            local product="$1"; shift
            "$RECTIFY_TEST_BIN/$product" "$@"
        }
        """

    @Test("the quick start is exactly the two commands, and both scripts exist")
    func quickStart() throws {
        let commands = try Self.blocks()[0].split(separator: "\n")
            .map { $0.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespaces) }
        #expect(commands == ["bash scripts/demo", "bash scripts/test"])
        for script in ["scripts/demo", "scripts/test", "scripts/install-packages"] {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(script).path), "\(script)")
        }
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        #expect(ci.contains("bash scripts/demo") && ci.contains("bash scripts/test"))
    }

    @Test("every other snippet runs as printed, one after the other, each succeeding")
    func snippetsRun() throws {
        let scratch = URL(fileURLWithPath: try makeScratchFolder("rectify-readme"))
        for item in ["Exports", "Schemas", "docs/examples", "Tests/Fixtures"] {
            let source = Self.root.appendingPathComponent(item)
            let target = scratch.appendingPathComponent(item)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        let bin = CLI.executable.deletingLastPathComponent().path
        // What `bash scripts/demo` leaves: the demo district in ./rectify.sqlite, with its accounts.
        let demo = try Self.bash("\"$RECTIFY_TEST_BIN/rectify\" demo --replace --accounts", in: scratch, bin: bin)
        #expect(demo.status == 0, "\(demo.output)")
        let blocks = try Self.blocks().dropFirst()
        #expect(blocks.count >= 5)
        for block in blocks {
            let run = try Self.bash(Self.swiftShim + "\n" + block, in: scratch, bin: bin)
            #expect(run.status == 0, "README snippet failed:\n\(block)\n---\n\(run.output.suffix(2_000))")
        }
    }

    /// Runs a snippet with bash's strict options, without the test process's RECTIFY_ settings.
    static func bash(_ script: String, in folder: URL, bin: String) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("RECTIFY_") { environment[key] = nil }
        environment["RECTIFY_TEST_BIN"] = bin
        return try runProgram("/bin/bash", ["-euo", "pipefail", "-c", script], in: folder, environment: environment)
    }
}
