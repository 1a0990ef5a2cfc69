/// A value as the audit chain records it. Blobs are recorded by their SHA-256, not their bytes.
public enum CanonicalValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blobDigest(String)
}

/// JSON with sorted keys and one fixed spelling of every value, so that equal content always hashes the same.
/// Built on UTF-8 bytes: every write of Rectify goes through here.
public enum CanonicalJSON {
    public static func object(_ fields: [(String, CanonicalValue)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(UInt8(ascii: "{"))
        for (index, field) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendString(field.0, to: &out)
            out.append(UInt8(ascii: ":"))
            append(field.1, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ value: CanonicalValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .integer(let n): out.append(contentsOf: String(n).utf8)
        case .real(let x): out.append(contentsOf: x.description.utf8)
        case .text(let s): appendString(s, to: &out)
        case .blobDigest(let digest): out.append(contentsOf: "{\"sha256\":\"\(digest)\"}".utf8)
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte) // multi-byte UTF-8 passes through unchanged
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
