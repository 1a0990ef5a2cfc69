import RectifyCore
import RectifyFuzzSupport

// libFuzzer target: the document number parser, which must round-trip what it accepts.
FuzzDriver.run { data, size in
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    if let number = DocumentNumber(parsing: text) {
        precondition(DocumentNumber(parsing: number.description) == number, "a parsed number does not round-trip: \(text)")
    }
    return 0
}
