import CXMLSec
import Foundation
import RectifyCore

/// What a superior needs to know of a signing certificate to trust it and to name it in a message: the DER bytes, the
/// SHA-256 fingerprint, the subject, the validity and the division code the bureau's certificate carries (its OU, as
/// `rectify keys generate` writes it).
public struct SignerCertificate: Sendable, Equatable {
    public let der: [UInt8]
    /// SHA-256 of the DER bytes, lower-case hex.
    public let fingerprint: String
    /// The subject as one line, e.g. `C=CN, O=…, OU=320671, CN=…`.
    public let subject: String
    public let organization: String?
    public let organizationalUnit: String?
    public let notBefore: Date
    public let notAfter: Date

    public init(der: [UInt8]) throws {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let certificate = parsed else {
            throw XMLError(file: "X509Certificate", chinese: "证书无法解析（不是DER格式的X.509证书）",
                           english: "the certificate cannot be parsed (not a DER X.509 certificate)")
        }
        defer { X509_free(certificate) }
        try self.init(certificate, der: der)
    }

    /// The first certificate in a PEM file.
    public init(pemFile path: String) throws {
        guard let bio = BIO_new_file(path, "r") else {
            throw XMLError(file: path, chinese: "无法读取证书文件", english: "cannot read the certificate file")
        }
        defer { BIO_free_all(bio) }
        guard let certificate = PEM_read_bio_X509(bio, nil, nil, nil) else {
            throw XMLError(file: path, chinese: "不是PEM格式的X.509证书", english: "not a PEM X.509 certificate")
        }
        defer { X509_free(certificate) }
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(certificate, &buffer)
        guard length > 0, let buffer else {
            throw XMLError(file: path, chinese: "证书无法编码", english: "the certificate cannot be encoded")
        }
        defer { rectify_opensslFree(buffer) }
        try self.init(certificate, der: Array(UnsafeBufferPointer(start: buffer, count: Int(length))))
    }

    private init(_ certificate: OpaquePointer, der: [UInt8]) throws {
        self.der = der
        fingerprint = SHA256.hex(der)
        var parts: [(String, String)] = []
        if let name = X509_get_subject_name(certificate) {
            for index in 0..<X509_NAME_entry_count(name) {
                guard let entry = X509_NAME_get_entry(name, index),
                      let short = OBJ_nid2sn(OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry))) else { continue }
                var utf8: UnsafeMutablePointer<UInt8>?
                let length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry))
                guard length >= 0, let utf8 else { continue }
                parts.append((String(cString: short), String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)))
                rectify_opensslFree(utf8)
            }
        }
        subject = parts.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
        organization = parts.first { $0.0 == "O" }?.1
        organizationalUnit = parts.first { $0.0 == "OU" }?.1
        guard let from = Self.date(X509_get0_notBefore(certificate)), let until = Self.date(X509_get0_notAfter(certificate)) else {
            throw XMLError(file: "X509Certificate", chinese: "证书的有效期无法读取", english: "the certificate's validity cannot be read")
        }
        notBefore = from
        notAfter = until
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    /// The certificate as PEM text.
    public var pem: String {
        let body = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN CERTIFICATE-----\n\(body)\n-----END CERTIFICATE-----\n"
    }

    /// How messages name it: the subject and the fingerprint.
    public var label: String { "“\(subject)”（SHA-256 \(fingerprint)）" }
    public var labelEnglish: String { "'\(subject)' (SHA-256 \(fingerprint))" }
}

/// A certificate the superior trusts, and the one filing agency it speaks for.
public struct TrustedSigner: Sendable, Equatable {
    public var certificate: SignerCertificate
    public var divisionCode: String
    public var agencyName: String

    public init(certificate: SignerCertificate, divisionCode: String, agencyName: String) {
        self.certificate = certificate
        self.divisionCode = divisionCode
        self.agencyName = agencyName
    }

    /// A certificate named on the command line (`validate --trust`): it speaks for the agency its own subject names
    /// (O and OU, as `rectify keys generate` writes them); a certificate that names no division code cannot be used so.
    public init(certificateFile path: String) throws {
        let certificate = try SignerCertificate(pemFile: path)
        guard let division = certificate.organizationalUnit, DivisionCode.isValid(division) else {
            throw XMLError(file: path, chinese: "证书\(certificate.label)未写明行政区划代码（OU）：请用 rectify trust add 登记它所代表的机关",
                           english: "the certificate \(certificate.labelEnglish) names no division code (OU): register its agency with rectify trust add")
        }
        self.init(certificate: certificate, divisionCode: division, agencyName: certificate.organization ?? division)
    }
}

/// GB/T 2260 division codes as filings carry them: 6 digits, or 9 for a township.
public enum DivisionCode {
    public static func isValid(_ code: String) -> Bool {
        (code.utf8.count == 6 || code.utf8.count == 9) && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
