import Foundation
import Testing
@testable import RectifyCore

@Suite("Dates, hashes and canonical JSON")
struct FoundationsTests {
    @Test("dates parse strictly")
    func strictDates() {
        #expect(LocalDate("2026-06-30") != nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2026-6-30") == nil)
        #expect(LocalDate("2026-06-31") == nil)
        #expect(LocalDate("２０２６-06-30") == nil)
        for malformed in ["", "2026-06-3", "2026-06-300", "2026/06/30", "2026-06-30 ", " 2026-06-30", "20260-6-30", "2026--06-3",
                          "+026-06-30", "2026-0a-30", "1899-12-31", "2026-00-10", "2026-13-01", "2026-01-00"] {
            #expect(LocalDate(malformed) == nil, "\(malformed)")
        }
        #expect(LocalDate("2026-12-31").map { [$0.year, $0.month, $0.day] } == [2026, 12, 31])
        #expect(LocalDate("1900-01-01")?.description == "1900-01-01")
    }

    @Test("day arithmetic and weekdays")
    func arithmetic() throws {
        let date = try #require(LocalDate("2026-02-15"))
        #expect(date.adding(days: 15).description == "2026-03-02")
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(date.isoWeekday == 7) // 2026-02-15 is a Sunday
        #expect(LocalDate("2026-10-01")!.isoWeekday == 4)
        #expect(LocalDate("2026-01-01")!.days(until: LocalDate("2026-12-31")!) == 364)
    }

    @Test("timestamps are written in China time, whatever the machine's zone")
    func timestamps() throws {
        let date = try #require(LocalDate("2026-06-01"))
        let moment = date.timestamp(hour: 9, minute: 30)
        #expect(Timestamp.string(moment) == "2026-06-01T09:30:00.000+08:00")
        #expect(LocalDate(moment) == date)
        #expect(LocalDate(date.timestamp(hour: 0, minute: 0)) == date)
        #expect(Timestamp.string(Date(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00.000+08:00")
    }

    @Test("SHA-256 from libcrypto matches the FIPS 180-2 vectors")
    func sha256() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        hasher.update(Array("c".utf8))
        #expect(hasher.finalizeHex() == SHA256.hex("abc"))
    }

    @Test("canonical JSON sorts keys and spells every value one way")
    func canonicalJSON() {
        let json = CanonicalJSON.object([("b", .integer(2)), ("a", .text("引号\"\n")), ("c", .null), ("d", .blobDigest("ff"))])
        #expect(json == #"{"a":"引号\"\n","b":2,"c":null,"d":{"sha256":"ff"}}"#)
        // Every escape, at the start, the middle and the end of a text, and runs of plain bytes between them.
        let escapes = CanonicalJSON.object([("k", .text("\\a\tb\r\u{01}c\u{1f}\"")), ("e", .text("")), ("r", .real(1.5))])
        #expect(escapes == #"{"e":"","k":"\\a\tb\r\u0001c\u001f\"","r":1.5}"#)
        #expect(CanonicalJSON.objectBytes([("a", .integer(-7))]) == Array(#"{"a":-7}"#.utf8))
    }

    @Test("the eight-byte escape test finds exactly the bytes that need an escape")
    func escapeWordTest() {
        func needs(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
        // Every byte value in every lane, among harmless neighbours and among bytes that sit next to the limits.
        for fill: UInt8 in [0x41, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0xFF, 0x80] {
            for lane in 0..<8 {
                for byte in 0...UInt8.max {
                    var lanes = [UInt8](repeating: fill, count: 8)
                    lanes[lane] = byte
                    let word = lanes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(CanonicalJSON.mayNeedEscape(word) == lanes.contains(where: needs), "\(lanes)")
                }
            }
        }
        // Texts long enough for the word path, with the escape at every offset.
        for offset in 0..<20 {
            var text = Array(repeating: Character("a"), count: 20)
            text[offset] = "\""
            let spelled = CanonicalJSON.object([("k", .text(String(text)))])
            var expected = String(repeating: "a", count: 20)
            expected.replaceSubrange(expected.index(expected.startIndex, offsetBy: offset)...expected.index(expected.startIndex, offsetBy: offset), with: "\\\"")
            #expect(spelled == "{\"k\":\"\(expected)\"}")
        }
    }

    @Test("a table's layout spells its rows as the general object writer does")
    func canonicalLayout() {
        let keys = ["name", "id", "streetId", "category", "address", "É", "a_b", "Z", "supervisors"]
        let rows: [[CanonicalValue]] = [
            [.text("南通\"星湖\"\n"), .integer(1), .integer(-42), .text("above-scale"), .text(""), .null, .real(-0.5),
             .blobDigest("ab"), .text("\u{1f}\\")],
            [.null, .integer(Int64.min), .integer(Int64.max), .integer(0), .integer(9), .integer(-1), .integer(10),
             .integer(1_000_000_007), .null],
        ]
        let layout = CanonicalJSON.Layout(keys: keys)
        for row in rows {
            #expect(layout.bytes { row[$0] } == CanonicalJSON.objectBytes(Array(zip(keys, row))))
        }
        for n: Int64 in [0, 1, -1, 9, 10, -10, 99, 100, Int64.max, Int64.min, Int64.min + 1] {
            var digits: [UInt8] = []
            CanonicalJSON.appendInteger(n, to: &digits)
            #expect(String(decoding: digits, as: UTF8.self) == String(n))
        }
    }

    @Test("bilingual enums accept the Chinese label or the English code, nothing else")
    func bilingualEnums() throws {
        #expect(try UnitCategory.parse("规上企业") == .aboveScale)
        #expect(try UnitCategory.parse("above-scale") == .aboveScale)
        #expect(throws: ValidationError.self) { try UnitCategory.parse("规上") }
        #expect(try HazardLevel.parse("重大") == .major)
    }
}
