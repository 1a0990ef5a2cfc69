/// A value as the audit chain records it. Blobs are recorded by their SHA-256, not their bytes.
public enum CanonicalValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blobDigest(String)
}

/// JSON with sorted keys and one fixed spelling of every value, so that equal content always hashes the same.
public enum CanonicalJSON {
    public static func object(_ fields: [(String, CanonicalValue)]) -> String {
        var out = "{"
        for (index, field) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if index > 0 { out += "," }
            appendString(field.0, to: &out)
            out += ":"
            append(field.1, to: &out)
        }
        return out + "}"
    }

    static func append(_ value: CanonicalValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .integer(let n): out += String(n)
        case .real(let x): out += x.description
        case .text(let s): appendString(s, to: &out)
        case .blobDigest(let digest): out += "{\"sha256\":\"\(digest)\"}"
        }
    }

    public static func appendString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
