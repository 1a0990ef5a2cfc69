import RectifyTestSupport
import Testing

@Suite("A test whose tool is missing says which package brings it")
struct MissingToolTests {
    @Test("a missing tool is named with its Debian package; a present one runs")
    func missingToolNamed() throws {
        let error = #expect(throws: MissingTool.self) { try runTool(["env", "LANG=C", "xmllint-not-installed", "--version"]) }
        #expect(error?.description.contains("xmllint-not-installed is not installed") == true)
        #expect(MissingTool(tool: "xmllint", package: toolPackages["xmllint"]!).description
            .contains("Debian package libxml2-utils"))
        #expect(try runTool(["env", "true"]).status == 0)
    }
}
