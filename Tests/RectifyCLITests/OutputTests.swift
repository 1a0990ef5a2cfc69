import Testing
@testable import rectify

@Suite("Table output")
struct OutputTests {
    @Test("a cell with a line break is kept on one line; cells without one come back unchanged")
    func cellsStayOnOneLine() {
        #expect(Output.oneLine("南通经济技术开发区\r\n通盛大道") == "南通经济技术开发区 通盛大道")
        #expect(Output.oneLine("一\n二\r三") == "一 二 三")
        #expect(Output.oneLine("") == "")
        let plain = "南通星湖家具有限公司 (A–Z)"
        #expect(Output.oneLine(plain) == plain)
        #expect(Output.oneLine(plain).utf8.elementsEqual(plain.utf8))
    }

    @Test("columns are aligned by display width, a Chinese character taking two cells")
    func displayWidth() {
        #expect(Output.displayWidth("abc") == 3)
        #expect(Output.displayWidth("小海街道") == 8)
        #expect(Output.displayWidth("A座12号") == 7)
    }
}
