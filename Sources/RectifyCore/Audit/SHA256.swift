import COpenSSL
import Foundation

/// SHA-256 from OpenSSL's libcrypto; incremental so that large attachments are hashed while they are read.
public struct SHA256: ~Copyable {
    private let context: OpaquePointer

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    public mutating func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { buffer in
            _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
        }
    }

    public consuming func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return Hex.encode(digest.prefix(Int(length)))
    }

    /// The digest fetched once: OpenSSL 3 otherwise looks the algorithm up again on every one-shot call, and the
    /// audit chain hashes twice per written row.
    nonisolated(unsafe) private static let algorithm: OpaquePointer = EVP_MD_fetch(nil, "SHA256", nil)

    public static func hex<Bytes: ContiguousBytes>(_ bytes: Bytes) -> String {
        withDigest(of: bytes) { Hex.encode($0) }
    }

    /// The 32 bytes themselves (an XML Signature's DigestValue is their base64).
    public static func digest<Bytes: ContiguousBytes>(_ bytes: Bytes) -> [UInt8] {
        withDigest(of: bytes) { Array($0) }
    }

    fileprivate static func withDigest<Bytes: ContiguousBytes, Result>(of bytes: Bytes,
                                                                   _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBytes { buffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { digest in
                var length: UInt32 = 0
                guard EVP_Digest(buffer.baseAddress, buffer.count, digest.baseAddress, &length, algorithm, nil) == 1
                else { fatalError("OpenSSL's SHA-256 failed") }
                return body(UnsafeBufferPointer(rebasing: digest[..<Int(length)]))
            }
        }
    }

    public static func hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }
}

enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func digit(_ nibble: UInt8) -> UInt8 { digits[Int(nibble)] }

    static func encode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var index = 0
            for byte in bytes {
                out[index] = digits[Int(byte >> 4)]
                out[index + 1] = digits[Int(byte & 0x0f)]
                index += 2
            }
            return index
        }
    }
}

extension SHA256 {
    /// Whether `expected` spells the digest of `bytes` in lower-case hex, compared without building a String.
    public static func matches(_ bytes: UnsafeRawBufferPointer, hex expected: UnsafeBufferPointer<UInt8>) -> Bool {
        guard expected.count == 64 else { return false }
        return withDigest(of: bytes) { digest in
            digest.count == 32 && digest.indices.allSatisfy { index in
                expected[2 * index] == Hex.digit(digest[index] >> 4) && expected[2 * index + 1] == Hex.digit(digest[index] & 0x0f)
            }
        }
    }
}
