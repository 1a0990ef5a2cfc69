import Testing
@testable import RectifyCore

@Suite("Unified social credit code (GB 32100)")
struct USCCTests {
    @Test("the real codes of the reference are accepted", arguments: [
        "914403001922038216", "91440300708461136T", "91330100716105852F", "12100000425006133D",
    ])
    func validCodes(code: String) throws {
        #expect(try USCC(code).rawValue == code)
    }

    @Test("codes circulating in mock data fail the check digit", arguments: [
        "91310115MA1H8R7C6D", "91110108717809965C",
    ])
    func invalidCheckDigit(code: String) {
        guard case .checkDigit = USCC.problem(in: code) else {
            Issue.record("expected a check-digit problem for \(code), got \(String(describing: USCC.problem(in: code)))")
            return
        }
        #expect(throws: ValidationError.self) { try USCC(code) }
    }

    @Test("lower case is refused, not fixed")
    func lowercaseRefused() {
        #expect(USCC.problem(in: "91440300708461136t") == .lowercase)
        #expect(throws: ValidationError.self) { try USCC("91440300708461136t") }
    }

    @Test("wrong length and characters outside the alphabet are refused")
    func shapeRefused() {
        #expect(USCC.problem(in: "9144030070846113") == .wrongLength(16))
        #expect(USCC.problem(in: "91440300708461136TX") == .wrongLength(19))
        #expect(USCC.problem(in: "9144030070846113IT") == .invalidCharacter("I", position: 17))
        #expect(USCC.problem(in: " 1440300708461136T") == .invalidCharacter(" ", position: 1))
    }

    @Test("the check character computed for a body makes a valid code")
    func checkCharacterGeneration() throws {
        #expect(USCC.checkCharacter(for: "91440300708461136") == "T")
        #expect(USCC.checkCharacter(for: "12100000425006133") == "D")
        let body = "92320671000000ABC"
        let code = body + String(USCC.checkCharacter(for: body)!)
        #expect(USCC.problem(in: code) == nil)
    }

    @Test("the error names the field in Chinese and English")
    func bilingualError() {
        do {
            _ = try USCC("91310115MA1H8R7C6D")
            Issue.record("accepted an invalid code")
        } catch {
            #expect(error.chinese.contains("统一社会信用代码"))
            #expect(error.chinese.contains("校验码错误"))
            #expect(error.english.contains("USCC"))
            #expect(error.english.contains("check character"))
        }
    }
}
