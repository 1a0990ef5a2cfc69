import Foundation
import RectifyXML
import Testing
@testable import RectifyKit

@Suite("Fuzz crashes of the superior's checks, kept as tests")
struct FuzzCrashFilingTests {
    @Test("a case file dated in the year 1013 (xml crash) is refused with a reason, not a crash")
    func filingCrashes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes/xml")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!files.isEmpty)
        let certificate = try SignerCertificate(pemFile: schemasFolder + "/../Tests/Fixtures/TEST-ONLY-signing-cert.pem")
        let validator = try FilingValidator(trusted: [TrustedSigner(certificate: certificate, divisionCode: "320671", agencyName: "测试")],
                                            schemas: schemasFolder, now: Date())
        for file in files {
            let checked = validator.validated(path: folder.appendingPathComponent(file).path)
            #expect(!checked.result.isValid)
            #expect(checked.result.problems.contains { $0.reasonEnglish.contains("expired or not yet valid at 1013-") },
                    "\(checked.result.problems)")
        }
    }
}
