import Foundation
import RectifyXML
@testable import RectifyKit

/// What the fuzz targets that read files share: one scratch file per process, and a validator with the schemas.
public enum FuzzFile {
    public static func path(_ suffix: String) -> String {
        NSTemporaryDirectory() + "rectify-fuzz-\(getpid()).\(suffix)"
    }

    nonisolated(unsafe) public static let validator: FilingValidator = {
        let schemas = ProcessInfo.processInfo.environment["RECTIFY_SCHEMAS"] ?? "Schemas"
        let certificate = try! SignerCertificate(pemFile: "Tests/Fixtures/TEST-ONLY-signing-cert.pem")
        return try! FilingValidator(trusted: [TrustedSigner(certificate: certificate, divisionCode: "320671", agencyName: "测试")],
                                    schemas: schemas, now: Date())
    }()
}
