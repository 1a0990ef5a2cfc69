import Foundation

/// Input as Chinese users type it: an IME gives full-width digits and punctuation (`：`, `，`, `＝`, `／`), which
/// mean the same as their ASCII forms in every field Rectify parses.
public enum TypedInput {
    /// Full-width ASCII (U+FF01…U+FF5E) as ASCII, and the ideographic space as a space; other text unchanged.
    public static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3000 }) else {
            return text
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The parts of a list option (`名称:开始:结束`, `A,B`), split at `separator` typed in either width (and at `、`
    /// where the separator is a comma), each trimmed.
    public static func fields(_ text: String, separatedBy separator: Character) -> [String] {
        var normal = halfWidth(text)
        if separator == "," { normal = normal.replacingOccurrences(of: "、", with: ",") }
        return normal.split(separator: separator, omittingEmptySubsequences: false).map { String($0).trimmed }
    }
}
