import Foundation

/// Personal data leaves the bureau masked (`reference/domain.md` §4): phone numbers keep their first 3 and last 4
/// digits, citizen ID numbers their first 6 and last 4 — in the phone field and in every free text, written the ways
/// people type them (spaces, dashes, full-width digits, +86, a lower-case x, the old 15-digit IDs).
public enum PersonalData {
    /// The phone field: its digits (full-width ones read as digits, a +86 / 0086 prefix dropped), first 3 and last 4 kept.
    public static func maskPhone(_ phone: String) -> String {
        var digits = phone.compactMap(asciiDigit)
        if digits.count == 13, digits.starts(with: ["8", "6"]) { digits.removeFirst(2) }
        if digits.count == 15, digits.starts(with: ["0", "0", "8", "6"]) { digits.removeFirst(4) }
        guard digits.count > 7 else { return String(repeating: "*", count: max(1, min(digits.count, 7))) }
        return String(digits.prefix(3)) + String(repeating: "*", count: digits.count - 7) + String(digits.suffix(4))
    }

    /// Every phone number and citizen ID number inside free text, masked where it stands; the rest of the text, and
    /// text with no such number, comes back as it was.
    public static func maskFreeText(_ text: String) -> String {
        var characters = Array(text)
        var masked = false
        var index = 0
        while index < characters.count {
            guard asciiDigit(characters[index]) != nil || (isPlus(characters[index]) && index + 1 < characters.count
                                                             && asciiDigit(characters[index + 1]) != nil) else {
                index += 1
                continue
            }
            // A run: digits with single separators between them, an optional leading +, an optional final X.
            let start = index
            var positions: [Int] = []
            var cursor = isPlus(characters[index]) ? index + 1 : index
            while cursor < characters.count {
                if asciiDigit(characters[cursor]) != nil {
                    positions.append(cursor)
                    cursor += 1
                } else if isSeparator(characters[cursor]), cursor + 1 < characters.count, asciiDigit(characters[cursor + 1]) != nil,
                          !positions.isEmpty {
                    cursor += 1
                } else if (characters[cursor] == "X" || characters[cursor] == "x" || characters[cursor] == "Ｘ" || characters[cursor] == "ｘ"),
                          positions.count == 17 {
                    positions.append(cursor)
                    cursor += 1
                    break
                } else {
                    break
                }
            }
            index = max(cursor, start + 1)
            // Part of a longer code (a USCC, a document or case number with letters): not a personal number.
            if start > 0, isASCIILetter(characters[start - 1]) { continue }
            if cursor < characters.count, isASCIILetter(characters[cursor]) || asciiDigit(characters[cursor]) != nil { continue }
            let digits = positions.map { asciiDigit(characters[$0]) ?? "X" }
            guard let hidden = hiddenPositions(digits) else { continue }
            for position in hidden { characters[positions[position]] = "*" }
            masked = true
        }
        return masked ? String(characters) : text
    }

    /// Which digits of a run to hide, if the run is a personal number.
    static func hiddenPositions(_ digits: [Character]) -> Range<Int>? {
        func number(_ range: Range<Int>) -> Int? { Int(String(digits[range])) }
        func plausibleDay(_ month: Int?, _ day: Int?) -> Bool {
            guard let month, let day else { return false }
            return (1...12).contains(month) && (1...31).contains(day)
        }
        if digits.count == 18, let year = number(6..<10), (1900...2099).contains(year),
           plausibleDay(number(10..<12), number(12..<14)), digits[0..<17].allSatisfy({ $0 != "X" }) {
            return 6..<14
        }
        if digits.count == 15, digits.allSatisfy({ $0 != "X" }), plausibleDay(number(8..<10), number(10..<12)) {
            return 6..<11
        }
        var body = digits
        var offset = 0
        if body.count == 13, body.starts(with: ["8", "6"]) { offset = 2 }
        if body.count == 15, body.starts(with: ["0", "0", "8", "6"]) { offset = 4 }
        body.removeFirst(offset)
        if body.count == 11, body[0] == "1", ("3"..."9").contains(body[1]) { return offset + 3..<offset + 7 }
        if body.first == "0", (10...12).contains(body.count), body.allSatisfy({ $0 != "X" }) { return offset + 3..<offset + body.count - 4 }
        return nil
    }

    /// The earlier name: free text is masked for every personal number, not only citizen IDs.
    public static func maskCitizenIDs(_ text: String) -> String { maskFreeText(text) }

    static func asciiDigit(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        if ("0"..."9").contains(scalar) { return character }
        if (0xFF10...0xFF19).contains(scalar.value) { return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!) }
        return nil
    }

    static func isSeparator(_ character: Character) -> Bool { [" ", "-", "－", "　", "—", "‐"].contains(character) }
    static func isPlus(_ character: Character) -> Bool { character == "+" || character == "＋" }
    static func isASCIILetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
}
