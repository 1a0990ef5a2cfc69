import Testing
@testable import RectifyXML

@Suite("Markup counted before parsing")
struct MarkupCountTests {
    func count(_ text: String) -> MarkupCount {
        Array(text.utf8).withUnsafeBufferPointer { MarkupCount($0) }
    }

    @Test("attributes are counted per element even when a value hides a '>'")
    func hiddenAttributes() {
        let counted = count(#"<r><a x=">" b="1" c="2"/>text = x<b/></r>"#)
        #expect(counted.tags == 4)
        // An upper bound: the '=' in the text after <a> counts with its attributes.
        #expect(counted.mostAttributesOnOneElement == 4)
        #expect(counted.attributes == 4)
    }

    @Test("each limit names what it counted")
    func limits() {
        let many = "<a " + (0..<1_001).map { "a\($0)=\"\"" }.joined(separator: " ") + "/>"
        #expect(count(many).problem(limit: 250_000, file: "f")?.reasonEnglish == "an element carries 1001 attributes, over the limit of 1000")
        #expect(count(String(repeating: "<a/>", count: 11)).problem(limit: 10, file: "f")?.reasonEnglish == "11 tags exceed the limit of 10 (too many elements)")
        #expect(count("<a " + String(repeating: "x=\"\" ", count: 11) + "/>").problem(limit: 10, file: "f")?.reasonEnglish
            == "11 attributes exceed the limit of 10 (too many attributes)")
        #expect(count("<a b=\"1\"/>").problem(limit: 10, file: "f") == nil)
    }
}
