import Foundation
import Testing
@testable import RectifyCore

@Suite("Money in fen, written as yuan")
struct MoneyTests {
    @Test("yuan as typed becomes fen; anything else is refused naming the field")
    func parsing() throws {
        #expect(try Money.parse("10300", field: "缴款金额", fieldEnglish: "amount").fen == 1_030_000)
        #expect(try Money.parse("1037.02", field: "缴款金额", fieldEnglish: "amount").fen == 103_702)
        #expect(try Money.parse("1037.2", field: "缴款金额", fieldEnglish: "amount").fen == 103_720)
        // Typed forms (issue 18): thousands separators and full-width digits are amounts too.
        #expect(try Money.parse("1,000", field: "缴款金额", fieldEnglish: "amount").fen == 100_000)
        #expect(try Money.parse("１００", field: "缴款金额", fieldEnglish: "amount").fen == 10_000)
        for bad in ["", "-5", "1.234", "10,00", "12.", ".5", "1e3", "abc"] {
            #expect(throws: ValidationError.self, "\(bad)") { try Money.parse(bad, field: "缴款金额", fieldEnglish: "amount") }
        }
        do {
            _ = try Money.parse("1.234", field: "缴款金额", fieldEnglish: "amount")
        } catch {
            #expect(error.chinese.contains("缴款金额") && error.english.contains("amount"))
        }
    }

    @Test("written with two places, in JSON as a decimal string")
    func writing() throws {
        #expect(Money(fen: 1_500_000).decimal == "15000.00")
        #expect(Money(fen: 5).decimal == "0.05" && Money(fen: 5).yuanText == "0.05元")
        #expect(Money(fen: 1_234_567_890).yuanText == "12,345,678.90元" && Money(yuan: 15_000).yuanText == "15,000.00元")
        #expect(Money(fen: 100_000).yuanText == "1,000.00元" && Money(fen: 99_999).yuanText == "999.99元")
        let json = String(decoding: try JSONEncoder().encode([Money(yuan: 15_000)]), as: UTF8.self)
        #expect(json == #"["15000.00"]"#)
        #expect(try JSONDecoder().decode([Money].self, from: Data(json.utf8)) == [Money(yuan: 15_000)])
    }
}
