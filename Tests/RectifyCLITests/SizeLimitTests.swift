import Foundation
import RectifyTestSupport
import Testing

@Suite("Sizes a register row and a filed case may have")
struct SizeLimitTests {
    @Test("a register with a 5 MB cell is refused at once with its row and column; nothing imported")
    func hugeRegisterCell() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let before = cli.databaseDigest()
        let file = cli.folder.appendingPathComponent("huge.csv").path
        let header = "统一社会信用代码,单位名称,地址,街道,网格,类别,行业主管部门\n"
        try Data((header + "91440300708461136T,乙记面馆,\"" + String(repeating: "长", count: 1_700_000) + "\",小海街道,朝阳小区网格,餐饮场所,安监局\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try cli.run("unit", "import", file)
        #expect(result.status == 1)
        #expect(result.stderr.contains("row 2 (from column 3) exceeds the limit of 256 KiB per row"), "\(result.stderr)")
        #expect(cli.databaseDigest() == before)
    }

    @Test("attachments are refused past 22 MiB a case; a case over the import's limits is not exported, named with its total")
    func caseBudget() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        let photo = cli.folder.appendingPathComponent("photo.jpg").path
        try Data(repeating: 0xAB, count: 12 << 20).write(to: URL(fileURLWithPath: photo))
        #expect(try cli.run(["attach", "gas-2026-0001", photo], actor: officerA).status == 0)
        let before = cli.databaseDigest()
        let second = try cli.run(["attach", "gas-2026-0001", photo], actor: officerA)
        #expect(second.status == 1 && second.stderr.contains("with the case's 12582912 bytes of attachments"), "\(second.stderr)")
        #expect(cli.databaseDigest() == before)
        // A database from before the limit (here: the photo attached twice behind Rectify's back) is not exported.
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        _ = try cli.sqlite("""
            INSERT INTO attachment (fileId, caseId, fileName, mediaType, capturedAt, attachedOn)
            SELECT fileId, caseId, 'copy.jpg', mediaType, capturedAt, attachedOn FROM attachment
            """)
        let export = try cli.run("export", "case", "gas-2026-0001", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem")
        #expect(export.status == 1 && export.stderr.contains("EXPORT-CASE-TOO-LARGE") && export.stderr.contains("case gas-2026-0001 has 25165824 bytes"),
                "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("Exports/gas-2026/gas-2026-0001.xml").path))
    }
}
