import Foundation
import RectifyCore
import RectifyXML
import RectifyTestSupport
import Testing
@testable import RectifyKit

@Suite("Campaign report and CSV")
struct ReportExportTests {
    @Test("the report of the hand-worked district validates, verifies with xmllint and xmlsec1, and holds its numbers")
    func signedReport() throws {
        let district = try HandWorkedDistrict.played()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "南通经济技术开发区安全生产监督管理局", divisionCode: "320671",
                                            into: folder + "/keys", validFrom: testKeysValidFrom)
        let file = try district.app.exportReport(code: "gas-2026", asOf: date("2026-06-05"), into: folder,
                                                 signing: try SigningMaterial(key: keys.key, certificate: keys.certificate),
                                                 schemas: schemasFolder)
        #expect(file.path.hasSuffix("gas-2026-report-2026-06-05.xml"))
        let schema = schemasFolder + "/" + SchemaLocator.campaignReport
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schema, file.path]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, file.path]).status == 0)
        #expect(try FilingValidator(trustedCertificates: [keys.certificate], schemas: schemasFolder).validate(path: file.path).isValid)

        let document = try XMLDocument.parse(path: file.path)
        let ns = CaseFileFormat.reportNamespace
        let total = try #require(document.rootElement?.child("合计", namespace: ns))
        func value(_ row: XMLElementRef, _ name: String) -> String? { row.child(name, namespace: ns)?.text }
        let expected: [(String, String?)] = [
            ("检查组数", "7"), ("出动人次", "14"), ("检查单位数", "4"), ("检查单位家次", "7"), ("一般隐患", "2"), ("重大隐患", "2"),
            ("一般隐患已整改", "1"), ("重大隐患已整改", "1"), ("整改率", "50.00"), ("一般隐患整改率", "50.00"),
            ("重大隐患整改率", "50.00"), ("下达执法文书数", "13"), ("立案数", "1"), ("罚款金额万元", "5.0000"),
            ("责令停产停业", "1"), ("移送司法机关", "1"), ("移送其他部门", "0"), ("关闭取缔", nil), ("纳入黑名单", nil),
        ]
        for (name, text) in expected { #expect(value(total, name) == text, "\(name)") }
        let streets = document.rootElement!.descendants("分组", namespace: ns).first { $0.attribute("维度") == "街道" }
        let rows = try #require(streets).descendants("行", namespace: ns)
        #expect(rows.map { $0.attribute("名称") } == ["竹行街道", "小海街道"])
        // 小海街道 found no general hazard: its general rate is left out rather than invented.
        #expect(value(rows[1], "一般隐患整改率") == nil && value(rows[1], "重大隐患整改率") == "0.00")
        let targets = document.rootElement!.descendants("目标", namespace: ns)
        #expect(targets.map { value($0, "状态") } == ["有风险", "有风险", "已完成", "未完成"])
        #expect(targets.map { value($0, "完成率") } == ["50.00", "0.00", "100.00", "33.33"])
    }

    @Test("CSV for Excel: byte-order mark, CRLF, quotes doubled, fields with commas or line breaks quoted, formulas defused")
    func csv() {
        let text = CSVWriter.document(header: ["名称", "数"], rows: [["竹行街道", "3"], ["乙记面馆,分店", "1"],
                                                                   ["说\"好\"的", "2"], ["两行\n地址", "0"], ["=1+1", "-5"]])
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.dropFirst() == "名称,数\r\n竹行街道,3\r\n\"乙记面馆,分店\",1\r\n\"说\"\"好\"\"的\",2\r\n\"两行\n地址\",0\r\n'=1+1,-5\r\n")
    }

    @Test("wan yuan are exact to the yuan")
    func wan() {
        #expect(ReportRow.wan(50_000) == "5.0000")
        #expect(ReportRow.wan(1_234_567) == "123.4567")
        #expect(ReportRow.wan(5) == "0.0005")
    }
}
