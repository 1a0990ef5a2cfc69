/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check character.
public struct USCC: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    private static let values: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    public enum Problem: Equatable, Sendable {
        case wrongLength(Int)
        case lowercase
        case invalidCharacter(Character, position: Int)
        case checkDigit(expected: Character, found: Character)

        public var chinese: String {
            switch self {
            case .wrongLength(let n): "长度应为18位，实际为\(n)位"
            case .lowercase: "含小写字母（不自动转换，请改为大写）"
            case .invalidCharacter(let c, let p): "第\(p)位字符“\(c)”不在允许字符集内"
            case .checkDigit(let e, let f): "校验码错误：应为\(e)，实际为\(f)"
            }
        }

        public var english: String {
            switch self {
            case .wrongLength(let n): "must be 18 characters, found \(n)"
            case .lowercase: "contains lower-case letters (not converted; use upper case)"
            case .invalidCharacter(let c, let p): "character '\(c)' at position \(p) is not allowed"
            case .checkDigit(let e, let f): "check character should be \(e), found \(f)"
            }
        }
    }

    public let rawValue: String

    /// Validates without fixing anything: lower case, spaces or a wrong check character are refused.
    public init(_ text: String) throws(ValidationError) {
        if let problem = USCC.problem(in: text) {
            throw ValidationError(field: "统一社会信用代码", fieldEnglish: "USCC", value: text,
                                  chinese: problem.chinese, english: problem.english)
        }
        rawValue = text
    }

    /// Alphabet positions by ASCII byte (-1: not in the alphabet).
    private static let byteValues: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (index, character) in alphabet.enumerated() { table[Int(character.asciiValue!)] = Int8(index) }
        return table
    }()

    public static func problem(in text: String) -> Problem? {
        // The common case on bytes; anything wrong is described by the character-wise pass below.
        if text.utf8.count == 18 {
            var sum = 0, index = 0, last = -1
            for byte in text.utf8 {
                guard byte < 128, case let value = Int(byteValues[Int(byte)]), value >= 0 else { sum = -1; break }
                if index < 17 { sum += value * weights[index] } else { last = value }
                index += 1
            }
            if sum >= 0, last == (31 - sum % 31) % 31 { return nil }
        }
        let characters = Array(text)
        guard characters.count == 18 else { return .wrongLength(characters.count) }
        if characters.contains(where: { $0.isLowercase }) { return .lowercase }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = values[character] else {
                return .invalidCharacter(character, position: index + 1)
            }
            if index < 17 { sum += value * weights[index] }
        }
        let expected = checkCharacter(forWeightedSum: sum)
        return expected == characters[17] ? nil : .checkDigit(expected: expected, found: characters[17])
    }

    /// The check character for the first 17 characters (used by generators of demo data).
    public static func checkCharacter(for body: String) -> Character? {
        let characters = Array(body)
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (index, character) in characters.enumerated() {
            guard let value = values[character] else { return nil }
            sum += value * weights[index]
        }
        return checkCharacter(forWeightedSum: sum)
    }

    private static func checkCharacter(forWeightedSum sum: Int) -> Character {
        alphabet[(31 - sum % 31) % 31]
    }

    /// Prefix 91 company, 92 individual business, 93 cooperative, 12 public institution; others are unusual.
    public var isKnownPrefix: Bool {
        ["91", "92", "93", "12", "11", "13", "19", "51", "52", "53", "59", "31", "A1", "N1", "N2", "N3", "Y1"]
            .contains(String(rawValue.prefix(2)))
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.english))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: USCC, rhs: USCC) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
