/// The rule for every text a user gives Rectify — an argument, a register cell, later a web form: control characters
/// other than tab and line feed (C0, DEL, C1, NUL) are refused, because they cut a signed file short, break an export
/// or drive a terminal; CR LF becomes LF; and every field has a stated maximum length.
public enum TextInput {
    /// Names, codes and other short fields.
    public static let shortLimit = 200
    /// Free text: descriptions, measures, opinions, facts.
    public static let longLimit = 4_000

    public enum Problem: Error, Equatable, Sendable {
        case controlCharacter(UInt32)
        case tooLong(characters: Int, limit: Int)

        public var chinese: String {
            switch self {
            case .controlCharacter(let value): "含有控制字符 \(TextInput.codePoint(value))（只允许制表符和换行）"
            case .tooLong(let count, let limit): "长度\(count)字，超过上限\(limit)字"
            }
        }

        public var english: String {
            switch self {
            case .controlCharacter(let value): "contains the control character \(TextInput.codePoint(value)) (only tab and line feed are allowed)"
            case .tooLong(let count, let limit): "is \(count) characters long, over the limit of \(limit)"
            }
        }
    }

    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isRefused(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The text as stored (CR LF as LF), or why it is refused. Most texts hold no control character at all: their
    /// bytes are scanned once and the text is returned as it came.
    public static func normalized(_ text: String, limit: Int) -> Result<String, Problem> {
        var text = text
        let utf8 = text.utf8
        // C1 controls are U+0080–U+009F: in UTF-8, 0xC2 followed by 0x80–0x9F.
        var previous: UInt8 = 0
        var needsWork = false
        for byte in utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                needsWork = true
                break
            }
            previous = byte
        }
        if needsWork {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
            if let refused = text.unicodeScalars.first(where: { isRefused($0.value) }) {
                return .failure(.controlCharacter(refused.value))
            }
        }
        if utf8.count > limit {
            let count = text.count
            if count > limit { return .failure(.tooLong(characters: count, limit: limit)) }
        }
        return .success(text)
    }
}
