import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
import RectifyXML
import RectifyTestSupport
import Testing
@testable import RectifyKit

let schemasFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Schemas").path

@Suite("Filing: export, independent checks and validation")
struct FilingTests {
    /// A closed case with a hazard, a re-check, a photo, exported and signed.
    func exported(internalUse: Bool = false) throws -> (folder: String, file: ExportedFile, keys: SigningKeys.Files, app: Rectify) {
        let app = try makeCampaignDistrict()
        let number = try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: [officerA, officerB],
                                      on: date("2026-04-20"), actor: officerA).number
        _ = try app.addHazard(caseNumber: number, checklistCode: "RQ03", description: "软管老化", level: nil, criterion: nil,
                              foundOn: date("2026-04-20"), deadline: date("2026-05-05"), listedSupervision: false,
                              supervisingBody: nil, actor: officerA)
        _ = try app.addSelfCheck(caseNumber: number, on: date("2026-04-22"), checkedBy: "店主",
                                 findings: "软管老化，店主身份证号11010519491231002X", selfFixed: nil,
                                 pledge: "按期整改", items: [], actor: officerA)
        _ = try app.claimRectification(reference: "\(number)/1", on: date("2026-04-28"), measures: "已更换", actor: officerA)
        _ = try app.addRecheck(caseNumber: number, on: date("2026-04-30"), officers: [officerA, officerB], opinion: "整改到位",
                               verdicts: [(1, .fixed)], actor: officerA)
        let folder = try makeScratchFolder("rectify-filing")
        let photo = folder + "/现场照片.jpg"
        try Data((0..<100_000).map { UInt8($0 % 253) }).write(to: URL(fileURLWithPath: photo))
        _ = try app.attach(caseNumber: number, files: [URL(fileURLWithPath: photo)], target: .hazard(seq: 1),
                           capturedAt: "2026-04-28T10:00:00+08:00", actor: officerA)
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "南通经济技术开发区安全生产监督管理局", divisionCode: "320671",
                                            into: folder + "/keys", validFrom: testKeysValidFrom)
        let file = try app.exportCase(number: number, into: folder + "/out",
                                      signing: try SigningMaterial(key: keys.key, certificate: keys.certificate),
                                      internalUse: internalUse, schemas: schemasFolder)
        return (folder, file, keys, app)
    }

    @Test("an exported case validates with xmllint and verifies with xmlsec1, and with Rectify's validator")
    func independentTools() throws {
        let (folder, file, keys, _) = try exported()
        #expect(!file.final)
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.caseFile, file.path]).status == 0)
        let verify = try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, file.path])
        #expect(verify.status == 0, "\(verify.output)")
        let validator = try FilingValidator(trustedCertificates: [keys.certificate], schemas: schemasFolder)
        #expect(validator.validate(path: file.path).problems.isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("<归档性质>阶段性</归档性质>"))
        #expect(text.contains("051*****4567"))   // masked phone: its first 3 and last 4 digits kept
        #expect(text.contains("110105********002X") && !text.contains("11010519491231002X"))
        #expect(!text.contains("0513-81234567"))
        #expect(text.contains("（通开）应急责改〔2026〕1号") && text.contains("<名称>整改期限</名称>"))
        #expect(text.contains("<自查自改记录><日期>2026-04-22</日期>") && text.contains("<复查结果>复查通过</复查结果>"))
        #expect(text.contains("<SHA256>\(SHA256.hex(Data((0..<100_000).map { UInt8($0 % 253) })))</SHA256>"))
    }

    @Test("a case file lists every audit event of its case, read from the listing index without the events' rows")
    func eventListing() throws {
        let (_, file, _, app) = try exported()
        let number = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let (plan, hashes) = try app.database.readDatabase { db in
            let id = try Int64.fetchOne(db, sql: #"SELECT id FROM "case" WHERE number = ?"#, arguments: [number])!
            let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Store.caseEventListingSQL, arguments: ["id": id])
                .map { $0["detail"] as String }
            // Independently of the listing: the events whose object is the case or one of its rows.
            let hashes = try String.fetchAll(db, sql: """
                SELECT hash FROM event NOT INDEXED WHERE \(Store.caseEventFilter) ORDER BY seq
                """, arguments: ["id": id])
            return (plan, hashes)
        }
        let searches = plan.filter { $0.contains("SEARCH event") }
        #expect(searches.count == 9, "\(plan)")
        #expect(searches.allSatisfy { $0.contains("USING COVERING INDEX event_entity_listing") }, "\(plan)")
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        let listed = text.components(separatedBy: "<哈希>").dropFirst().map { String($0.prefix(64)) }
        #expect(hashes.count >= 5)
        #expect(listed == hashes)
    }

    @Test("citizen ID numbers in free text are masked wherever they stand, and nothing else is")
    func citizenIDMasking() {
        let cases: [(String, String)] = [
            ("店主身份证号11010519491231002X。", "店主身份证号110105********002X。"),
            ("320681199001011234", "320681********1234"),
            ("甲320681199001011234、乙11010519491231002X", "甲320681********1234、乙110105********002X"),
            ("十九位3206811990010112345不是", "十九位3206811990010112345不是"),
            ("十七位32068119900101123", "十七位32068119900101123"),
            ("中间有X的1101051949X231002X", "中间有X的1101051949X231002X"),
            ("全角３２０６８１１９９００１０１１２３４", "全角３２０６８１********１２３４"),
            ("没有号码", "没有号码"),
            ("", ""),
        ]
        for (text, expected) in cases { #expect(PersonalData.maskCitizenIDs(text) == expected, "\(text)") }
    }

    @Test("a demo case with its penalty procedure exports valid for xmllint and xmlsec1")
    func penaltyCaseFile() throws {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 200, seed: 5)
        let number = try #require(try app.database.readDatabase {
            try String.fetchOne($0, sql: "SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.stage = 'closed'")
        })
        let folder = try makeScratchFolder("rectify-penalty")
        let keys = try SigningKeys.generate(algorithm: .rsa, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let file = try app.exportCase(number: number, into: folder, signing: try SigningMaterial(key: keys.key, certificate: keys.certificate),
                                      schemas: schemasFolder)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("<处罚阶段>已结案</处罚阶段>") && text.contains("<名称>作出决定期限</名称>"))
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.caseFile, file.path]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, file.path]).status == 0)
    }

    @Test("an officer's name holding full-width brackets is filed as typed: the read model names officers, nothing parses a label")
    func officerNamesAreNotParsed() throws {
        let app = try makeCampaignDistrict()
        _ = try app.addOfficer(credential: "32067100009", name: "王（大）五", department: "安监局", actor: admin)
        let opened = try app.openCase(campaign: "gas-2026", uscc: restaurantUSCC, officers: ["32067100009", officerB],
                                      on: date("2026-04-20"), actor: officerA)
        #expect(try app.caseDetail(number: opened.number).officers.first == .init(name: "王（大）五", credential: "32067100009"))
        let folder = try makeScratchFolder("rectify-officer-name")
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let file = try app.exportCase(number: opened.number, into: folder, signing: try SigningMaterial(key: keys.key, certificate: keys.certificate),
                                      schemas: schemasFolder)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(text.contains("<姓名>王（大）五</姓名>") && text.contains("<执法证号>32067100009</执法证号>"))
    }

    @Test("the campaign report schema takes the national indicator columns and goes through the same signing path")
    func campaignReportSigningPath() throws {
        let folder = try makeScratchFolder("rectify-report")
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "机关", divisionCode: "320671", into: folder + "/keys", validFrom: testKeysValidFrom)
        let schema = try SchemaValidator(path: schemasFolder + "/" + SchemaLocator.campaignReport)
        let signer = try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate)
        let target = folder + "/report.xml"
        let columns = ["检查组数", "出动人次", "检查单位数", "检查单位家次", "一般隐患", "重大隐患", "一般隐患已整改", "重大隐患已整改",
                       "整改率", "重大隐患整改率", "下达执法文书数", "立案数", "罚款金额万元", "责令停产停业", "暂扣吊销证照",
                       "关闭取缔", "纳入黑名单", "公开曝光", "移送司法机关", "移送其他部门"]
        _ = try SignedFile(schema: schema, signer: signer).write(to: target) { w in
            try w.start("统计报表", namespace: "urn:rectify:campaign-report:2")
            try w.attribute("版本", "2")
            for (name, value) in [("整治代码", "gas-2026"), ("题名", "燃气整治"), ("责任者", "机关"), ("行政区划代码", "320671"),
                                  ("统计截止日期", "2026-06-30"), ("形成时间", "2026-07-01T09:00:00.000+08:00")] {
                try w.element(name, value)
            }
            try w.start("合计")
            try w.attribute("名称", "合计")
            for column in columns { try w.element(column, "0") }
            try w.end()
            try ChainHeadElement.write(ChainHead(seq: 0, hash: AuditEvent.genesisHash), to: w)
            try w.end()
        }
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.campaignReport, target]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", keys.certificate, target]).status == 0)
        // Valid and signed, but a 整改率 of 0 % over nothing found is not the rate its counts give.
        let validation = try FilingValidator(trustedCertificates: [keys.certificate], schemas: schemasFolder).validate(path: target)
        #expect(validation.problems.map(\.english) == [
            "\(target):2: row 合计: 整改率 does not match 0 rectified of 0 found",
            "\(target):2: row 合计: 重大隐患整改率 does not match 0 rectified of 0 found",
        ])
        // A rate above 100 % is not a rate: the path refuses to sign an invalid report.
        #expect(throws: XMLError.self) {
            try SignedFile(schema: schema, signer: signer).write(to: folder + "/bad.xml") { w in
                try w.start("统计报表", namespace: "urn:rectify:campaign-report:2")
                for (name, value) in [("整治代码", "x"), ("题名", "x"), ("责任者", "x"), ("行政区划代码", "320671"),
                                      ("统计截止日期", "2026-06-30"), ("形成时间", "2026-07-01T09:00:00+08:00")] {
                    try w.element(name, value)
                }
                try w.start("合计")
                try w.attribute("名称", "合计")
                for column in columns { try w.element(column, column == "整改率" ? "120" : "0") }
                try w.end()
                try ChainHeadElement.write(ChainHead(seq: 0, hash: AuditEvent.genesisHash), to: w)
                try w.end()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/bad.xml"))
    }

    @Test("an internal export keeps personal data; without a key nothing is exported")
    func internalAndUnsigned() throws {
        let (_, file, _, _) = try exported(internalUse: true)
        let internalText = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(internalText.contains("0513-81234567") && internalText.contains("11010519491231002X"))
        let saved = ProcessInfo.processInfo.environment["RECTIFY_SIGNING_KEY"]
        #expect(saved == nil)
        #expect { try SigningMaterial(key: nil, certificate: nil) } throws: { ($0 as? RuleViolation)?.rule == "SIGNING-KEY-REQUIRED" }
    }

    @Test("a changed byte, a wrong namespace and an attachment whose bytes do not match its hash are refused")
    func refusals() throws {
        let (folder, file, keys, _) = try exported()
        let validator = try FilingValidator(trustedCertificates: [keys.certificate], schemas: schemasFolder)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)

        let changed = folder + "/changed.xml"
        try text.replacingOccurrences(of: "软管老化", with: "软管完好").write(toFile: changed, atomically: true, encoding: .utf8)
        #expect(validator.validate(path: changed).problems.contains { $0.reasonEnglish.contains("does not verify") })

        let namespace = folder + "/namespace.xml"
        try text.replacingOccurrences(of: "urn:rectify:case-file:2", with: "urn:other:1").write(toFile: namespace, atomically: true, encoding: .utf8)
        #expect(validator.validate(path: namespace).problems.first?.reasonEnglish.contains("namespace") == true)

        // Re-sign a file whose attachment content was swapped: the signature holds, the hash does not.
        let unsigned = folder + "/unsigned.xml"
        let start = text.range(of: "<Signature")!.lowerBound
        var body = String(text[..<start]) + "</案卷>"
        let contentStart = body.range(of: "<内容>")!.upperBound
        body.replaceSubrange(contentStart..<body.index(contentStart, offsetBy: 4), with: "AAAA")
        try body.write(toFile: unsigned, atomically: true, encoding: .utf8)
        let forged = folder + "/forged.xml"
        try XMLSigner(keyPath: keys.key, certificatePath: keys.certificate).sign(try XMLDocument.parse(path: unsigned), savingTo: forged)
        let problems = validator.validate(path: forged).problems
        #expect(problems.count == 1)
        #expect(problems.first?.reasonEnglish.contains("SHA-256") == true)
    }
}
