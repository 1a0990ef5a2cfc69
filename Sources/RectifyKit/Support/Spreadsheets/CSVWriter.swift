import Foundation
/// CSV as Excel in China opens it: UTF-8 with a byte-order mark (without one Excel assumes GBK), CRLF line ends,
/// RFC 4180 quoting. A cell that a spreadsheet would run as a formula (=, +, -, @) is written as text.
public enum CSVWriter {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(header: [String], rows: [[String]]) -> String {
        var out = byteOrderMark
        for row in [header] + rows {
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
