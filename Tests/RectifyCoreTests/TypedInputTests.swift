import RectifyCore
import Testing

@Suite("Dates, amounts and lists as Chinese users type them")
struct TypedInputTests {
    @Test("year-first dates in every typed form; ambiguous and impossible ones refused",
          arguments: ["2026-06-01", "2026-6-1", "2026/6/1", "2026/06/01", "2026年6月1日", "2026年06月01号", " 2026-6-1 ",
                      "２０２６－６－１", "２０２６年６月１日"])
    func typedDates(text: String) throws {
        #expect(try LocalDate.parse(text, field: "日期", fieldEnglish: "date") == LocalDate(year: 2026, month: 6, day: 1))
    }

    @Test("refused: month or day first, two-digit years, mixed separators, impossible days",
          arguments: ["6/1/2026", "1/6/2026", "26-6-1", "2026-6/1", "20260601", "2026年6月1", "2026-2-30", "2026-13-1",
                      "2026年6/1日", "2026-006-01", ""])
    func refusedDates(text: String) {
        #expect(throws: ValidationError.self) { try LocalDate.parse(text, field: "日期", fieldEnglish: "date") }
    }

    @Test("amounts with thousands separators, a trailing 元 and full-width digits",
          arguments: [("1500.50", 150_050), ("1,500.50", 150_050), ("1500.5元", 150_050), ("1,500元", 150_000),
                      ("12,345,678", 1_234_567_800), ("１，５００．５０元", 150_050), ("0", 0)])
    func typedMoney(text: String, fen: Int) throws {
        #expect(try Money.parse(text, field: "金额", fieldEnglish: "amount").fen == fen)
    }

    @Test("refused: separators out of place, three decimals, negative or empty amounts",
          arguments: ["15,00", "1,5000", ",500", "1500.505", "-5", "", "元", "1500元元", "1.500,50"])
    func refusedMoney(text: String) {
        #expect(throws: ValidationError.self) { try Money.parse(text, field: "金额", fieldEnglish: "amount") }
    }

    @Test("list fields split at either width of their separator, and at 、 for commas")
    func fields() {
        #expect(TypedInput.fields("规上企业：accepted：100％：2026-06-30", separatedBy: ":") == ["规上企业", "accepted", "100%", "2026-06-30"])
        #expect(TypedInput.fields("A，B", separatedBy: ",") == ["A", "B"])
        #expect(TypedInput.fields("A、B", separatedBy: ",") == ["A", "B"])
        #expect(TypedInput.fields("1＝fixed", separatedBy: "=") == ["1", "fixed"])
    }
}
