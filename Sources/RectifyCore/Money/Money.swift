/// An amount of money in fen (分). Computed in fen so that 3 % of an odd fine stays exact; written as yuan with two
/// places ("15000.00"), in JSON too, never fen in one field and yuan in the next.
public struct Money: Codable, Equatable, Comparable, Hashable, Sendable {
    public var fen: Int

    public init(fen: Int) { self.fen = fen }
    public init(yuan: Int) { fen = yuan * 100 }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// Yuan as typed: "10300", "1037.2", "1037.02", with thousands separators ("1,037.02") and a trailing 元, in either
    /// width; anything else (a separator out of place, three decimals) is refused naming the field.
    public static func parse(_ text: String, field: String, fieldEnglish: String) throws(ValidationError) -> Money {
        var trimmed = TypedInput.halfWidth(text).trimmed
        if trimmed.hasSuffix("元") { trimmed = String(trimmed.dropLast()).trimmed }
        if trimmed.contains(",") {
            let whole = trimmed.split(separator: ".", omittingEmptySubsequences: false)[0]
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            // Thousands separators only where they belong: 1,500 and 12,345,678, never 15,00.
            if (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) {
                trimmed = trimmed.replacingOccurrences(of: ",", with: "")
            }
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), let yuan = Int(parts[0]),
              yuan >= 0, yuan <= 1_000_000_000,
              parts.count == 1 || ((1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
        else {
            throw ValidationError(field: field, fieldEnglish: fieldEnglish, value: text,
                                  chinese: "应为金额（元），至多两位小数，如 10300、1,037.02 或 1037.5元",
                                  english: "yuan with at most two decimals, e.g. 10300, 1,037.02 or 1037.5元")
        }
        let decimals = parts.count == 2 ? String(parts[1]) : ""
        let cents = decimals.isEmpty ? 0 : Int(decimals.count == 1 ? decimals + "0" : decimals)!
        return Money(fen: yuan * 100 + cents)
    }

    /// "15000.00".
    public var decimal: String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// "15,000.00元": how Chinese readers expect an amount in a sentence or a table (JSON keeps `decimal`).
    public var yuanText: String {
        let whole = String(fen.magnitude / 100)
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = fen.magnitude % 100
        return "\(fen < 0 ? "-" : "")\(grouped).\(cents < 10 ? "0" : "")\(cents)元"
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try Money.parse(text, field: "金额", fieldEnglish: "amount")
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an amount: \(text)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(decimal)
    }
}

extension Money {
    /// Whole yuan as typed (fines, funds): `Money.parse`'s forms, and an amount with fen is refused naming the field.
    public static func parseWholeYuan(_ text: String, field: String, fieldEnglish: String) throws(ValidationError) -> Int {
        let money = try parse(text, field: field, fieldEnglish: fieldEnglish)
        guard money.fen % 100 == 0 else {
            throw ValidationError(field: field, fieldEnglish: fieldEnglish, value: text, chinese: "应为整元金额，不含角分",
                                  english: "whole yuan, without fen")
        }
        return money.fen / 100
    }
}
