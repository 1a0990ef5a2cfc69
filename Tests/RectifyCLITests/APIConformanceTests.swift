import Foundation
import RectifyKit
import RectifyTestSupport
import Testing

/// The JSON API against its document: `Scripts/api_conformance.py` validates `Schemas/openapi.yaml` and runs
/// schemathesis against `rectify serve --demo` for every operation, with an officer's token.
@Suite("The JSON API keeps to its OpenAPI document", .serialized)
struct APIConformanceTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Scripts/api_conformance.py").path
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schemas/openapi.yaml").path

    @Test("the document validates; schemathesis finds no 500 and no answer that contradicts it; the audit chain stays intact")
    func schemathesis() throws {
        try requireTool("python3")
        guard try runProgram("/usr/bin/env", ["python3", "-c", "import schemathesis, openapi_spec_validator"]).status == 0 else {
            throw MissingTool(tool: "schemathesis, openapi-spec-validator (PyPI)", package: "`python3 -m pip install schemathesis openapi-spec-validator`")
        }
        let cli = try CLI()
        let server = try DemoServer(cli: cli)
        defer { server.stop() }
        let made = try cli.run(["token", "add", "schemathesis", "--login", "320671000013"], actor: "admin")
        #expect(made.status == 0, "\(made.stderr)")
        let token = made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let base = String(server.address.dropLast())
        let result = try runProgram("/usr/bin/env", ["python3", Self.script, Self.document, base, token])
        #expect(result.status == 0, "\(result.output.suffix(6000))")
        #expect(result.output.contains(" passed"), "\(result.output.suffix(2000))")
        #expect(!server.log.contains("API "), "no server error was logged: \(server.log.suffix(2000))")
        #expect(try Rectify.openForReading(path: cli.database).verify().isIntact)
    }
}
