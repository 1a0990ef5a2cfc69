import CXMLSec
import Foundation
import RectifyCore

/// Generates a bureau's signing key and a self-signed certificate naming the agency, with OpenSSL's libcrypto.
public enum SigningKeys {
    public struct Files: Sendable {
        public var key: String
        public var certificate: String
    }

    public static func generate(algorithm: SignatureAlgorithm, agency: String, divisionCode: String, into folder: String,
                                validYears: Int = 10, validFrom: Date = Date()) throws -> Files {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = Files(key: (folder as NSString).appendingPathComponent("signing-key.pem"),
                          certificate: (folder as NSString).appendingPathComponent("signing-cert.pem"))
        for path in [files.key, files.certificate] where FileManager.default.fileExists(atPath: path) {
            throw XMLError(file: path, chinese: "文件已存在，不会覆盖已有密钥", english: "the file exists: an existing key is never overwritten")
        }
        func fail(_ what: String) -> XMLError {
            XMLError(file: folder, chinese: "生成密钥失败（\(what)）", english: "key generation failed (\(what))")
        }
        guard let context = EVP_PKEY_CTX_new_id(algorithm == .ecdsa ? EVP_PKEY_EC : EVP_PKEY_RSA, nil) else { throw fail("context") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) > 0 else { throw fail("init") }
        switch algorithm {
        case .ecdsa: guard EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context, NID_X9_62_prime256v1) > 0 else { throw fail("P-256") }
        case .rsa: guard EVP_PKEY_CTX_set_rsa_keygen_bits(context, 3072) > 0 else { throw fail("RSA-3072") }
        }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen(context, &key) > 0, let key else { throw fail("keygen") }
        defer { EVP_PKEY_free(key) }

        guard let certificate = X509_new() else { throw fail("X509") }
        defer { X509_free(certificate) }
        var serial = [UInt8](repeating: 0, count: 8)
        guard RAND_bytes(&serial, 8) > 0 else { throw fail("serial") }
        let serialNumber = serial.reduce(0) { ($0 << 8) | Int($1) } & 0x7fff_ffff_ffff
        guard X509_set_version(certificate, 2) > 0,
              ASN1_INTEGER_set(X509_get_serialNumber(certificate), serialNumber) > 0,
              ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(validFrom.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(certificate),
                            time_t(validFrom.timeIntervalSince1970) + validYears * 365 * 24 * 3600) != nil,
              X509_set_pubkey(certificate, key) > 0,
              let name = X509_get_subject_name(certificate)
        else { throw fail("certificate fields") }
        for (field, value) in [("C", "CN"), ("O", agency), ("OU", divisionCode), ("CN", "\(agency) 案卷签名")] {
            guard X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, value, -1, -1, 0) > 0 else { throw fail("name \(field)") }
        }
        guard X509_set_issuer_name(certificate, name) > 0, X509_sign(certificate, key, EVP_sha256()) > 0 else {
            throw fail("self-signature")
        }
        try write(files.key, mode: 0o600) { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }
        try write(files.certificate, mode: 0o644) { PEM_write_bio_X509($0, certificate) }
        return files
    }

    private static func write(_ path: String, mode: Int, _ body: (OpaquePointer) -> Int32) throws {
        guard let bio = BIO_new_file(path, "w") else {
            throw XMLError(file: path, chinese: "无法写入", english: "cannot write")
        }
        let ok = body(bio)
        BIO_free_all(bio)
        guard ok > 0 else { throw XMLError(file: path, chinese: "写入PEM失败", english: "writing the PEM failed") }
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }
}
