import Foundation
import Testing
@testable import RectifyCore

/// Inputs the fuzz targets (`scripts/fuzz`) crashed on, replayed through the same checks: each stays fixed.
@Suite("Fuzz crashes, kept as tests")
struct FuzzCrashTests {
    static let crashes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes")

    static func inputs(_ target: String) -> [Data] {
        let folder = crashes.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
    }

    @Test("document numbers: what the parser accepts reads back the same (an agency-less number printed as （）…, a year 0506)")
    func documentNumbers() {
        let inputs = Self.inputs("document-number")
        #expect(!inputs.isEmpty)
        for input in inputs {
            let text = String(decoding: input, as: UTF8.self)
            // Either refused (a year such as 0506 is no document's year) or read back the same.
            if let number = DocumentNumber(parsing: text) { #expect(DocumentNumber(parsing: number.description) == number, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) → \(number) → \(String(describing: DocumentNumber(parsing: number.description)))") }
        }
        let agencyless = DocumentNumber(parsing: "深龙华应急罚〔2026〕1号")
        #expect(agencyless?.description == "深龙华应急罚〔2026〕1号")
        #expect(DocumentNumber(parsing: "（通开）应急罚〔0506〕12号") == nil)
    }

    @Test("a moment outside the years a LocalDate holds is still written as a time, not a crash")
    func farTimestamps() {
        let year1013 = Date(timeIntervalSince1970: -30_200_000_000)
        #expect(Timestamp.string(year1013).hasPrefix("1013-"))
        let year9999 = Date(timeIntervalSince1970: 253_402_214_400)  // 9999-12-31T00:00Z
        #expect(Timestamp.string(year9999) == "9999-12-31T08:00:00.000+08:00")
    }
}
