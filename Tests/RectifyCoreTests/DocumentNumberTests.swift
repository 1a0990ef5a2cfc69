import Foundation
import Testing
@testable import RectifyCore

@Suite("Document numbers （简称）代字〔年〕序号号")
struct DocumentNumberTests {
    @Test("numbers are written with full-width parentheses and 六角括号")
    func format() {
        #expect(DocumentNumber(agency: "通开", code: "应急责改", year: 2026, serial: 7).description == "（通开）应急责改〔2026〕7号")
    }

    @Test("full- and half-width forms parse to the same number")
    func parse() throws {
        let full = try #require(DocumentNumber(parsing: "（通开）应急责改〔2026〕7号"))
        let half = try #require(DocumentNumber(parsing: "(通开)应急责改[2026]7号"))
        #expect(full == half)
        #expect(full.agency == "通开" && full.code == "应急责改" && full.year == 2026 && full.serial == 7)
        let bare = try #require(DocumentNumber(parsing: "深龙华应急罚〔2026〕1号"))
        #expect(bare.agency == "" && bare.code == "深龙华应急罚" && bare.serial == 1)
        // Spaces and tabs around the number are not part of it (line breaks are).
        #expect(DocumentNumber(parsing: " \t（通开）应急责改［2026］12号\u{3000}") == DocumentNumber(agency: "通开", code: "应急责改", year: 2026, serial: 12))
    }

    @Test("the spaces trimmed are Foundation's whitespaces, scalar for scalar")
    func inlineSpaces() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isInlineSpace == CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("malformed numbers are refused", arguments: [
        "（通开）应急责改〔2026〕07号", "（通开）应急责改〔26〕7号", "（通开）应急责改〔2026〕7", "（）应急责改〔2026〕7号",
        "（通开应急责改〔2026〕7号", "（通开）〔2026〕7号", "（通开）应急责改〔２０２６〕7号",
        "（通开）应急责改〔2026〕7号\n", "（通开）应急责改〔2026〕0号", "（通开）应急责改〕2026〔7号", "（通开）应急责改〔2026〕号",
        "（通开）应急责改〔2026〕7号\u{301}",
    ])
    func malformed(text: String) {
        #expect(DocumentNumber(parsing: text) == nil)
    }
}
