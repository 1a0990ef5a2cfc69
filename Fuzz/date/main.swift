import RectifyCore
import RectifyFuzzSupport

// libFuzzer target: the date parser, which must round-trip what it accepts and refuse the rest with a message.
FuzzDriver.run { data, size in
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    if let date = LocalDate(text) {
        precondition(LocalDate(date.description) == date, "a parsed date does not round-trip: \(text)")
    }
    _ = try? LocalDate.parse(text, field: "日期", fieldEnglish: "date")
    return 0
}
