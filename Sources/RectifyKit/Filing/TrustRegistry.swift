import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// The superior's registry of signing certificates: each one trusted for exactly one filing agency (division code
/// and name). A file signed by a certificate is accepted only as that agency's. Every change is audited; a removed
/// certificate keeps its row, so that the filings it signed still name it.
extension Rectify {
    public func addTrust(certificatePath: String, divisionCode: String, agencyName: String?, actor: String) throws -> TrustedCertificate {
        guard DivisionCode.isValid(divisionCode) else {
            throw ValidationError(field: "报送机关行政区划代码", fieldEnglish: "agency division code", value: divisionCode,
                                  chinese: "应为6位或9位数字", english: "must be 6 or 9 digits")
        }
        let certificate = try SignerCertificate(pemFile: certificatePath)
        if let named = certificate.organizationalUnit, DivisionCode.isValid(named), named != divisionCode {
            throw RuleViolation(rule: .trustAgency,
                                chinese: "证书\(certificate.label)写明的行政区划代码是\(named)，不能登记为\(divisionCode)的证书",
                                english: "the certificate \(certificate.labelEnglish) names division code \(named); it cannot be registered for \(divisionCode)")
        }
        guard let name = (agencyName ?? certificate.organization)?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw ValidationError(field: "报送机关名称", fieldEnglish: "agency name", value: "",
                                  chinese: "证书未写明机关名称，请用 --name 给出", english: "the certificate names no agency: give --name")
        }
        return try database.write(actor: actor) { context in
            let existing = try context.store.trustedCertificate(fingerprint: certificate.fingerprint)
            if var existing {
                guard existing.removedAt != nil else {
                    throw RuleViolation(rule: .trustOnce,
                                        chinese: "证书\(certificate.label)已登记为\(existing.agencyName)（\(existing.divisionCode)）的证书",
                                        english: "the certificate \(certificate.labelEnglish) is already trusted for \(existing.agencyName) (\(existing.divisionCode))")
                }
                existing.divisionCode = divisionCode
                existing.agencyName = name
                existing.removedAt = nil
                existing.addedAt = Timestamp.string(context.now)
                try context.update(existing, action: "trust.add")
                return existing
            }
            var entry = TrustedCertificate(fingerprint: certificate.fingerprint, subject: certificate.subject, pem: certificate.pem,
                                           divisionCode: divisionCode, agencyName: name,
                                           notBefore: Timestamp.string(certificate.notBefore), notAfter: Timestamp.string(certificate.notAfter),
                                           addedAt: Timestamp.string(context.now))
            try context.insert(&entry, action: "trust.add")
            return entry
        }
    }

    /// The certificates trusted now (or, with `includeRemoved`, every one ever registered), by agency.
    public func trustedCertificates(includeRemoved: Bool = false) throws -> [TrustedCertificate] {
        try database.read { try $0.trustedCertificates(includeRemoved: includeRemoved) }
    }

    /// `key`: the fingerprint (or at least its first 8 hex digits), or the certificate's PEM file.
    public func removeTrust(_ key: String, actor: String) throws -> TrustedCertificate {
        let fingerprint = FileManager.default.fileExists(atPath: key) ? try SignerCertificate(pemFile: key).fingerprint : key.lowercased()
        return try database.write(actor: actor) { context in
            let matches = try context.store.trustedCertificates(includeRemoved: false)
                .filter { $0.fingerprint.hasPrefix(fingerprint) }
            guard fingerprint.count >= 8, matches.count == 1, var entry = matches.first else {
                throw NotFoundError("受信任证书（指纹至少8位，或证书文件）", "trusted certificate (a fingerprint of 8+ hex digits, or the PEM file)", key: key)
            }
            entry.removedAt = Timestamp.string(context.now)
            try context.update(entry, action: "trust.remove")
            return entry
        }
    }
}

extension Rectify {
    /// The registry as the verifier takes it.
    public func trustedSignerList() throws -> [TrustedSigner] { try trustedSigners() }
}
