import Foundation

/// A calendar date in China (Asia/Shanghai), written `yyyy-MM-dd`: deadlines and acts are dated, not timed.
public struct LocalDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int


    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd` strictly (zero-padded), refusing impossible dates such as 2026-02-30.
    /// On UTF-8 bytes: every date read from the database or a filed case comes through here.
    public init?(_ text: String) {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        var count = 0
        for byte in text.utf8 {
            switch (count, byte) {
            case (4, UInt8(ascii: "-")), (7, UInt8(ascii: "-")): break
            case (0..<10, UInt8(ascii: "0")...UInt8(ascii: "9")) where count != 4 && count != 7:
                digits.append(Int(byte - UInt8(ascii: "0")))
            default: return nil
            }
            count += 1
        }
        guard count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        self.init(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    /// Parses a user-supplied date as people type it — `2026-06-01`, `2026-6-1`, `2026/6/1`, `2026年6月1日` (or 号),
    /// in either width — naming the field when it is not one. The year comes first and has four digits, so no form
    /// is ambiguous; `6/1/2026`, `26-6-1` and the like are refused.
    public static func parse(_ text: String, field: String, fieldEnglish: String) throws(ValidationError) -> LocalDate {
        guard let date = LocalDate(text) ?? LocalDate(typed: text) else {
            throw ValidationError(field: field, fieldEnglish: fieldEnglish, value: text,
                                  chinese: "应为真实日期，年份在前，如 2026-06-01、2026-6-1、2026/6/1 或 2026年6月1日",
                                  english: "a real date, year first: 2026-06-01, 2026-6-1, 2026/6/1 or 2026年6月1日")
        }
        return date
    }

    /// `Y-M-D` or `Y/M/D` with one or two digits for month and day, or `Y年M月D日`.
    init?(typed text: String) {
        var normal = TypedInput.halfWidth(text).trimmed
        if normal.hasSuffix("日") || normal.hasSuffix("号") {
            normal = String(normal.dropLast()).replacingOccurrences(of: "年", with: "-").replacingOccurrences(of: "月", with: "-")
            guard !normal.contains("/") else { return nil }
        }
        let separator: Character = normal.contains("/") ? "/" : "-"
        let parts = normal.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "2026年6月15日": a date as it reads inside a Chinese sentence (tables and files keep YYYY-MM-DD).
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// China keeps one offset all year (no daylight saving), so dates are plain arithmetic on UTC+8.
    static let offsetSeconds = 8 * 3600

    public init(_ date: Date) {
        let local = Int((date.timeIntervalSince1970 + Double(LocalDate.offsetSeconds)).rounded(.down))
        self.init(dayNumber: Int((Double(local) / 86400).rounded(.down)))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm, no time zone involved).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber: Int) {
        let (year, month, day) = Self.civil(dayNumber: dayNumber)
        self.init(year: year, month: month, day: day)!
    }

    /// The proleptic Gregorian year, month and day of a day number, for any day (a `LocalDate` holds 1900–2999).
    static func civil(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// A moment of this date in China, for timestamps of acts that carry only a date.
    public func timestamp(hour: Int = 9, minute: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber * 86400 + hour * 3600 + minute * 60 - LocalDate.offsetSeconds))
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}

/// Timestamps stored and hashed as ISO 8601 with the China offset, so that the audit chain never depends on the
/// machine's time zone.
public enum Timestamp {
    /// `2026-06-01T09:30:00.000+08:00`
    public static func string(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) + LocalDate.offsetSeconds * 1000
        let day = Int((Double(millis) / 86_400_000).rounded(.down))
        let inDay = millis - day * 86_400_000
        let (h, m, s, ms) = (inDay / 3_600_000, inDay / 60_000 % 60, inDay / 1000 % 60, inDay % 1000)
        // Any moment, not only those a LocalDate holds: a certificate valid until 9999, or a 形成时间 in year 1013
        // written by someone else, is shown as it is.
        let (year, month, dayOfMonth) = LocalDate.civil(dayNumber: day)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(ms, 3))+08:00"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
