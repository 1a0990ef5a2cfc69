import Foundation
import RectifyKit
import RectifyCore

enum Output {
    /// In the one JSON vocabulary (`JSONConventions`); a list is given under the name of what it lists.
    static func json<T: Encodable>(_ value: T) throws {
        print(String(decoding: try JSONConventions.encode(value), as: UTF8.self))
    }

    static func json<T: Encodable>(_ list: [T], as name: String) throws {
        try json([name: list])
    }

    /// Columns aligned by display width: a Chinese character takes two terminal cells.
    static func table(_ headers: [String], _ rows: [[String]]) {
        // Escaped before measuring, so that a row with an escaped character stays aligned.
        let rows = rows.map { $0.map { TerminalText.standardOutput ? TerminalText.escaped(oneLine($0)) : oneLine($0) } }
        var widths = headers.map(displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - displayWidth(cell))
            }.joined(separator: "  ")
        }
        print(line(headers))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { print(line(row)) }
    }

    /// A field may hold a line break (a quoted CSV field); a table row must stay on one line. Most cells have none,
    /// and Foundation's replacing bridges every cell it is given, which a long list pays for on every cell.
    static func oneLine(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return cell.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// Reads `KEY=VALUE` options such as `--item RQ01=fail` or `--verdict 2=fixed`.
    static func keyValue<Key>(_ text: String, field: String, english: String, form: String, formEnglish: String,
                              key: (String) -> Key? = { $0 }) throws -> (Key, String) {
        let parts = TypedInput.fields(text, separatedBy: "=")
        guard parts.count == 2, let parsed = key(parts[0]) else {
            throw ValidationError(field: field, fieldEnglish: english, value: text, chinese: "应写作 \(form)",
                                  english: "write \(formEnglish)")
        }
        return (parsed, parts[1])
    }

    static func date(_ text: String?, _ field: String, _ english: String) throws -> LocalDate? {
        guard let text else { return nil }
        return try LocalDate.parse(text, field: field, fieldEnglish: english)
    }
}

/// An error whose exit status is not the usual 1 (refused).
protocol CommandExitStatus {
    var exitStatus: Int32 { get }
}
