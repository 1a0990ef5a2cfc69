import Foundation
import RectifyXML
import RectifyTestSupport
import Testing
@testable import RectifyKit

@Suite("The example filings in Exports/")
struct ExportsExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let certificate = root.appendingPathComponent("Tests/Fixtures/TEST-ONLY-signing-cert.pem").path

    @Test("every example file validates: schema, signature by the test certificate, hashes, manifest")
    func examplesValidate() throws {
        let folder = ExportsExamplesTests.root.appendingPathComponent("Exports/pump-2026").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.contains("manifest.xml") && files.count > 10)
        let validator = try FilingValidator(trustedCertificates: [ExportsExamplesTests.certificate], schemas: schemasFolder)
        for file in files {
            let result = validator.validate(path: folder + "/" + file)
            #expect(result.isValid, "\(file): \(result.problems.map(\.english))")
        }
        let manifest = try runTool(["xmlsec1", "--verify", "--trusted-pem", ExportsExamplesTests.certificate, folder + "/manifest.xml"])
        #expect(manifest.status == 0)
        let schema = try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.caseFile,
                               folder + "/" + files.first { $0.hasPrefix("pump-") }!])
        #expect(schema.status == 0)
        let report = folder + "/pump-2026-report-2026-06-30.xml"
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.campaignReport,
                             report]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", ExportsExamplesTests.certificate, report]).status == 0)
        for manifest in ["manifest.xml", "manifest-part-0001.xml"] {
            #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.manifest,
                              folder + "/" + manifest]).status == 0)
            #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", ExportsExamplesTests.certificate, folder + "/" + manifest]).status == 0)
        }
    }

    @Test("a manifest whose listed file changed is refused")
    func manifestCatchesChangedFile() throws {
        let source = ExportsExamplesTests.root.appendingPathComponent("Exports/pump-2026").path
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-manifest-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.removeItem(atPath: copy + "/pump-2026-0001.xml")
        let outcomes = try FilingCheck.validate(paths: [copy], trusted: [try TrustedSigner(certificateFile: ExportsExamplesTests.certificate)],
                                                schemas: schemasFolder)
        let missing = try #require(outcomes.first { $0.path.hasSuffix("/pump-2026-0001.xml") })
        #expect(missing.result == .refused && missing.problems.first?.contains("does not exist or cannot be read") == true)
        // The filing is refused whole: the other listed files are not accepted either.
        #expect(outcomes.filter { $0.path.contains("/pump-2026-00") }.allSatisfy { $0.result == .refused })
    }
}
