import Foundation
import RectifyTestSupport
import Testing

/// The schemas travel inside the binary (issue 18): a `rectify` copied alone exports, validates and imports, and
/// `rectify schemas --out` writes the same files as `Schemas/`.
@Suite("The schemas inside the binary")
struct SchemasTests {
    static let schemas = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas")

    static func schemaFiles(in folder: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xsd") }
        return Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) })
    }

    /// A CLI whose binary is a copy of rectify alone in a folder of its own, with no Schemas/ anywhere above it.
    static func copiedAlone() throws -> CLI {
        var cli = try CLI()
        let bin = cli.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("rectify")
        try FileManager.default.copyItem(at: CLI.executable, to: copy)
        cli.executable = copy
        return cli
    }

    @Test("a rectify copied alone exports a campaign, validates it and a superior's copy imports it")
    func copiedBinaryFiles() throws {
        let district = try Self.copiedAlone()
        try district.runSteps([["demo", "--units", "80"], ["keys", "generate", "--out", "keys"]])
        let signing = ["--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem"]
        try district.runSteps([["export", "campaign", "pump-2026", "--out", "filing"] + signing,
                               ["validate", "filing", "--trust", "keys/signing-cert.pem"]])
        let superior = try Self.copiedAlone()
        let certificate = district.folder.appendingPathComponent("keys/signing-cert.pem").path
        try superior.runSteps([
            ["init"],
            ["agency", "set", "--name", "南通市应急管理局", "--abbreviation", "通应", "--division-code", "320600"],
            ["keys", "generate", "--out", "keys"],
            ["trust", "add", certificate, "--agency", "320671"],
            ["import", district.folder.appendingPathComponent("filing").path, "--key", "keys/signing-key.pem",
             "--cert", "keys/signing-cert.pem"],
        ], actor: "上级")
        #expect(Int(try superior.sqlite("SELECT count(*) FROM filedCase")) ?? 0 > 0)
    }

    @Test("schemas --out writes Schemas/ byte for byte, again without complaint, and never over a different file")
    func writtenOut() throws {
        let cli = try Self.copiedAlone()
        let first = try cli.run("schemas", "--out", "xsd")
        #expect(first.status == 0, "\(first.stderr)")
        let folder = cli.folder.appendingPathComponent("xsd")
        let expected = try Self.schemaFiles(in: Self.schemas)
        #expect(expected.count >= 9)
        #expect(try Self.schemaFiles(in: folder) == expected)
        #expect(try cli.run("schemas", "--out", "xsd").status == 0)
        // A file changed there is refused, named, and nothing else is written (a removed file is not put back).
        let changed = folder.appendingPathComponent("rectify-case-file-v2.xsd")
        try Data("<xs:schema/>".utf8).write(to: changed)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("rectify-manifest-v2.xsd"))
        let refused = try cli.run("schemas", "--out", "xsd")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("rectify-case-file-v2.xsd") && refused.stderr.contains("SCHEMA-FILE-DIFFERS"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rectify-manifest-v2.xsd").path))
        #expect(try Data(contentsOf: changed) == Data("<xs:schema/>".utf8))
    }
}
