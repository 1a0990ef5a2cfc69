/// Text the user typed: empty or blank is absent.
extension String {
    /// Without surrounding white space. Register imports trim every cell, so the common case (nothing to trim)
    /// returns at once instead of going through Foundation.
    public var trimmed: String {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if !Self.mayStartWhiteSpace(firstByte) && !Self.mayEndWhiteSpace(lastByte) { return self }
        let scalars = unicodeScalars
        if !scalars.first!.isWhiteSpace && !scalars.last!.isWhiteSpace { return self }
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }),
              let end = scalars.lastIndex(where: { !$0.isWhiteSpace })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether a scalar starting with this UTF-8 byte can be white space (ASCII ones, or U+0085 and up).
    private static func mayStartWhiteSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3: true
        default: false
        }
    }

    /// Whether a scalar ending with this UTF-8 byte can be white space: the ASCII ones, and the last bytes of the
    /// others' encodings (U+0085 C2 85, U+00A0 C2 A0, U+1680 E1 9A 80, U+2000…200A E2 80 80…8A, U+2028/2029/202F
    /// E2 80 A8/A9/AF, U+205F E2 81 9F, U+3000 E3 80 80).
    private static func mayEndWhiteSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0x80...0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF: true
        default: false
        }
    }

    public var nonBlank: String? {
        let text = trimmed
        return text.isEmpty ? nil : text
    }
}

public func require(_ value: String, field: String, english: String) throws(ValidationError) -> String {
    guard let text = value.nonBlank else {
        throw ValidationError(field: field, fieldEnglish: english, chinese: "不能为空", english: "must not be empty")
    }
    return text
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, spelled out: the property is stable, and the library's lookup of it was the
    /// largest single cost of trimming a register's cells.
    public var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
