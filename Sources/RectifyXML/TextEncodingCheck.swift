import Foundation

/// Filed XML is accepted only as Rectify writes it: UTF-8, no byte-order mark, and an XML declaration that names no
/// other encoding. A re-encoded copy (GB18030, UTF-16) would parse to the same tree and verify, but it is not the file
/// that was signed and listed by its SHA-256.
enum TextEncodingCheck {
    static func problem(_ bytes: [UInt8]) -> (chinese: String, english: String)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return ("文件以字节顺序标记（BOM）开头：只接受无BOM的UTF-8", "the file starts with a byte-order mark: only UTF-8 without a BOM is accepted")
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x00, 0x3C])
            || bytes.starts(with: [0x3C, 0x00]) {
            return ("文件是UTF-16编码：只接受无BOM的UTF-8", "the file is UTF-16: only UTF-8 without a BOM is accepted")
        }
        if let declared = declaredEncoding(bytes), declared.uppercased() != "UTF-8" {
            return ("文件声明的编码是\(declared)：只接受UTF-8", "the file declares the encoding \(declared): only UTF-8 is accepted")
        }
        if String(validating: bytes, as: UTF8.self) == nil {
            return ("文件不是有效的UTF-8（可能是GB18030等其他编码）", "the file is not valid UTF-8 (another encoding such as GB18030?)")
        }
        return nil
    }

    /// The value of `encoding` in a leading `<?xml … ?>`, if it names one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(256)
        guard head.starts(with: Array("<?xml".utf8)), let close = head.firstRange(of: Array("?>".utf8)) else { return nil }
        let declaration = String(decoding: head[head.startIndex..<close.lowerBound], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
