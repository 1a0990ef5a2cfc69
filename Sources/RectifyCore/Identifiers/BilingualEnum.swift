import Foundation

/// An enumeration stored by an English code and shown in Chinese; users may type either.
public protocol BilingualEnum: RawRepresentable<String>, CaseIterable, Sendable {
    var chinese: String { get }
    static var fieldChinese: String { get }
    static var fieldEnglish: String { get }
}

extension BilingualEnum {
    /// Accepts the Chinese label or the English code exactly (no case folding beyond the code's own spelling).
    public static func parse(_ text: String) throws(ValidationError) -> Self {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let match = allCases.first(where: { $0.chinese == trimmed || $0.rawValue == trimmed }) {
            return match
        }
        let choices = allCases.map { "\($0.chinese)(\($0.rawValue))" }.joined(separator: ", ")
        throw ValidationError(field: fieldChinese, fieldEnglish: fieldEnglish, value: text,
                              chinese: "应为以下之一：\(choices)", english: "must be one of: \(choices)")
    }
}
