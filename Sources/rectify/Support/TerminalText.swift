import Foundation

/// Text a user stored is shown on a terminal, never obeyed by it: escape sequences (ESC, OSC), other control
/// characters and the bidirectional overrides that make a line read differently from what it holds are printed as
/// `\u` and four hex digits (`\u001B`) — which is also what they are in JSON. Output to a pipe or a file is left byte for byte as stored.
enum TerminalText {
    static let standardOutput = isatty(STDOUT_FILENO) == 1
    static let standardError = isatty(STDERR_FILENO) == 1

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: String(format: "\\u%04X", scalar.value).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// Every line the `rectify` command prints goes through here (it shadows the standard library's `print` in this
/// module), so no command can forget to escape.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(TerminalText.standardOutput ? TerminalText.escaped(text) : text, terminator: terminator)
}
