/// A value as the audit chain records it. Blobs are recorded by their SHA-256, not their bytes.
public enum CanonicalValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blobDigest(String)
}

/// JSON with sorted keys and one fixed spelling of every value, so that equal content always hashes the same.
/// Built on UTF-8 bytes: every write of Rectify goes through here, twice (the row, then the event around it).
public enum CanonicalJSON {
    public static func object(_ fields: [(String, CanonicalValue)]) -> String {
        String(decoding: objectBytes(fields), as: UTF8.self)
    }

    /// The same object as UTF-8 bytes, for hashing without a detour through `String`.
    public static func objectBytes(_ fields: [(String, CanonicalValue)]) -> [UInt8] {
        objectBytes(sortedFields: fields.sorted(by: { $0.0 < $1.0 }))
    }

    /// For callers whose keys are already in order (checked in debug builds).
    public static func objectBytes(sortedFields fields: [(String, CanonicalValue)]) -> [UInt8] {
        assert(zip(fields, fields.dropFirst()).allSatisfy { $0.0 < $1.0 }, "keys out of order")
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out.append(UInt8(ascii: "{"))
        var first = true
        for field in fields {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            appendString(field.0, to: &out)
            out.append(UInt8(ascii: ":"))
            append(field.1, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    static func append(_ value: CanonicalValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .real(let x): out.append(contentsOf: x.description.utf8)
        case .text(let s): appendString(s, to: &out)
        case .blobDigest(let digest):
            out.append(contentsOf: "{\"sha256\":".utf8)
            appendString(digest, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Copies runs of bytes that need no escape in one go; multi-byte UTF-8 passes through unchanged.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = string
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0f)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
