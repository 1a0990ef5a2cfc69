import Foundation
import RectifyCore
import RectifyStore
import RectifyTestSupport
import RectifyXML
import Testing
@testable import RectifyKit

/// The hostile corpus of issue 15: each file or folder is refused by `validate` and by `import`, with its reason, and
/// the superior's database stays exactly as it was. Where xmlsec1 or xmllint judge the same file, the test records
/// what they say: Rectify is stricter than xmlsec1 (which checks only the maths) wherever content hides in the
/// signature.
@Suite("The superior's trust boundary: a hostile corpus")
struct TrustBoundaryTests {
    func district() throws -> (ImportTests.District, Rectify) {
        let district = try ImportTests().exportedDistrict()
        let superior = try ImportTests().superior(trusting: district)
        return (district, superior)
    }

    /// A copy of the exported filing in a folder of its own, changed by `change`.
    func filing(_ district: ImportTests.District, _ name: String, change: (String) throws -> Void) throws -> String {
        let folder = district.folder + "/" + name
        try FileManager.default.copyItem(atPath: district.export.folder, toPath: folder)
        try change(folder)
        return folder
    }

    func firstCase(_ folder: String) throws -> String {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("gas-2026-") }.sorted()
            .map { folder + "/" + $0 }[0]
    }

    func edit(_ path: String, _ body: (String) -> String) throws {
        try body(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Import refused with a problem containing `reason`, nothing stored; validate refuses too.
    func expectRefused(_ superior: Rectify, _ district: ImportTests.District, _ paths: [String], reason: String,
                       loose: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(superior)
        let outcomes = try superior.importFilings(paths: paths, loose: loose, schemas: schemasFolder, actor: "上级")
        let problems = outcomes.flatMap(\.problems)
        #expect(outcomes.contains { $0.result == .refused }, sourceLocation: sourceLocation)
        #expect(!outcomes.contains { $0.result == .imported || $0.result == .replaced }, sourceLocation: sourceLocation)
        #expect(problems.contains { $0.contains(reason) }, "\(problems)", sourceLocation: sourceLocation)
        #expect(try snapshot(superior) == before, sourceLocation: sourceLocation)
        let checked = try FilingCheck.validate(paths: paths, trusted: [try TrustedSigner(certificateFile: district.keys.certificate)],
                                               loose: loose, schemas: schemasFolder, now: superior.database.clock())
        #expect(checked.contains { $0.result == .refused }, sourceLocation: sourceLocation)
    }

    static let forgedHazard = """
        <事故隐患 xmlns="urn:rectify:case-file:2" 隐患编号="gas-2026-0001/9"><隐患描述>伪造隐患</隐患描述></事故隐患>
        """

    @Test("content hidden in KeyInfo/X509Data: xmlsec1 says OK, xmllint (v2 schema) and Rectify refuse, nothing is stored")
    func contentInKeyInfo() throws {
        let (district, superior) = try district()
        let folder = try filing(district, "keyinfo") { folder in
            try edit(try firstCase(folder)) { $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + Self.forgedHazard) }
        }
        let file = try firstCase(folder)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", district.keys.certificate, file]).status == 0)
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.caseFile, file]).status == 3)
        // In its filing, the changed file no longer matches the signed manifest; sent alone, the signature check refuses it.
        try expectRefused(superior, district, [folder], reason: "does not match the SHA-256 or size its manifest lists")
        try expectRefused(superior, district, [file], reason: "not in the required profile", loose: true)
        #expect(try superior.filedCases().allSatisfy { $0.hazards.allSatisfy { $0.description != "伪造隐患" } })
    }

    @Test("signature-wrapping variants are refused", arguments: ["object", "second-x509", "id-attribute", "comment", "nested"])
    func wrapping(variant: String) throws {
        let (district, superior) = try district()
        let folder = try filing(district, variant) { folder in
            try edit(try firstCase(folder)) { text in
                switch variant {
                case "object": text.replacingOccurrences(of: "</KeyInfo>", with: "</KeyInfo><Object>\(Self.forgedHazard)</Object>")
                case "second-x509": text.replacingOccurrences(of: "</X509Data>", with: "</X509Data><X509Data><X509Certificate>AAAA</X509Certificate></X509Data>")
                case "id-attribute": text.replacingOccurrences(of: "<Signature xmlns", with: "<Signature Id=\"s\" xmlns")
                case "comment": text.replacingOccurrences(of: "<KeyInfo>", with: "<KeyInfo><!-- x -->")
                default: text.replacingOccurrences(of: "<X509Certificate>", with: "<X509Certificate><Signature/>")
                }
            }
        }
        try expectRefused(superior, district, [try firstCase(folder)],
                          reason: variant == "nested" ? "exactly one Signature" : "not in the required profile", loose: true)
    }

    @Test("a certificate speaks for its agency only: a file claiming another division is refused naming both")
    func crossAgency() throws {
        let (district, superior) = try district()
        let other = try SigningKeys.generate(algorithm: .ecdsa, agency: "如皋市应急管理局", divisionCode: "320684",
                                             into: district.folder + "/other-keys", validFrom: testKeysValidFrom)
        _ = try superior.addTrust(certificatePath: other.certificate, divisionCode: "320684", agencyName: nil, actor: "上级")
        // Bureau B re-signs 320671's case as its own file.
        let file = try district.export.casePaths()[1]
        let folder = district.folder + "/cross"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let unsigned = folder + "/unsigned.xml"
        try (String(text[..<text.range(of: "<Signature")!.lowerBound]) + "</案卷>").write(toFile: unsigned, atomically: true, encoding: .utf8)
        let forged = folder + "/forged.xml"
        try XMLSigner(keyPath: other.key, certificatePath: other.certificate).sign(try XMLDocument.parse(path: unsigned), savingTo: forged)
        try FileManager.default.removeItem(atPath: unsigned)
        try expectRefused(superior, district, [forged], reason: "is registered for 如皋市应急管理局 (320684)", loose: true)
        // A certificate naming 320684 cannot be registered for 320671.
        #expect(throws: RuleViolation.self) {
            try superior.addTrust(certificatePath: other.certificate, divisionCode: "320671", agencyName: nil, actor: "上级")
        }
    }

    @Test("a filing dated in the future, or signed by a certificate not valid at that time, is refused")
    func time() throws {
        let (district, _) = try district()
        // The superior's clock is a day before the district's files were made.
        let early = try ImportTests().superior(trusting: district, clock: { LocalDate(year: 2026, month: 5, day: 31)!.timestamp(hour: 9) })
        try expectRefused(early, district, [district.export.folder], reason: "a file from the future is refused")
        // A certificate that expired before the file was made.
        let expired = try SigningKeys.generate(algorithm: .ecdsa, agency: "南通经济技术开发区安全生产监督管理局", divisionCode: "320671",
                                               into: district.folder + "/expired", validYears: 0, validFrom: testKeysValidFrom)
        let superior = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try superior.addTrust(certificatePath: expired.certificate, divisionCode: "320671", agencyName: nil, actor: "上级")
        let file = try district.export.casePaths()[0]
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let unsigned = district.folder + "/late-unsigned.xml"
        try (String(text[..<text.range(of: "<Signature")!.lowerBound]) + "</案卷>").write(toFile: unsigned, atomically: true, encoding: .utf8)
        let late = district.folder + "/late.xml"
        try XMLSigner(keyPath: expired.key, certificatePath: expired.certificate).sign(try XMLDocument.parse(path: unsigned), savingTo: late)
        let outcome = try superior.importFilings(paths: [late], loose: true, schemas: schemasFolder, actor: "上级")[0]
        #expect(outcome.result == .refused && outcome.problems.joined().contains("expired or not yet valid"))
    }

    @Test("a filing is accepted whole: a missing or swapped listed file refuses all of it; no manifest needs --loose")
    func whole() throws {
        let (district, superior) = try district()
        let missing = try filing(district, "missing") { try FileManager.default.removeItem(atPath: try firstCase($0)) }
        try expectRefused(superior, district, [missing], reason: "does not exist or cannot be read")
        let swapped = try filing(district, "swapped") { folder in
            let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("gas-2026-") }.sorted()
            try FileManager.default.removeItem(atPath: folder + "/" + files[0])
            try FileManager.default.copyItem(atPath: folder + "/" + files[1], toPath: folder + "/" + files[0])
        }
        try expectRefused(superior, district, [swapped], reason: "does not match the SHA-256 or size its manifest lists")
        let noManifest = try filing(district, "no-manifest") { try FileManager.default.removeItem(atPath: $0 + "/manifest.xml") }
        try expectRefused(superior, district, [noManifest], reason: "add --loose")
        let loose = try superior.importFilings(paths: [noManifest], loose: true, schemas: schemasFolder, actor: "上级")
        #expect(loose.filter { $0.result == .imported }.count == district.export.caseCount)
    }

    @Test("files that are not files: a FIFO and a symbolic link are reported and skipped, never read")
    func notFiles() throws {
        let (district, superior) = try district()
        let fifo = try filing(district, "fifo") { folder in
            #expect(mkfifo(folder + "/case.xml", 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder + "/dirlink.xml", withDestinationPath: district.folder)
        }
        let outcomes = try superior.importFilings(paths: [fifo], schemas: schemasFolder, actor: "上级")
        let fifoOutcome = try #require(outcomes.first { $0.path.hasSuffix("/case.xml") })
        #expect(fifoOutcome.result == .refused && fifoOutcome.problems.joined().contains("not a regular file (a FIFO)"))
        let linkOutcome = try #require(outcomes.first { $0.path.hasSuffix("/dirlink.xml") })
        #expect(linkOutcome.result == .refused && linkOutcome.problems.joined().contains("not a regular file (a symbolic link)"))
        // The filing beside them is a filing like any other; nothing of the linked folder was read.
        #expect(outcomes.filter { $0.result == .imported }.count == district.export.caseCount)
        #expect(outcomes.count == district.export.caseCount + 4)
        // Named directly, a FIFO is refused without blocking.
        let direct = try superior.importFilings(paths: [fifo + "/case.xml"], loose: true, schemas: schemasFolder, actor: "上级")
        #expect(direct.first?.problems.joined().contains("not a regular file (a FIFO)") == true)
    }

    @Test("bytes as signed: a BOM, UTF-16 and GB18030 re-encodings are refused", arguments: ["bom", "utf16", "gb18030"])
    func encodings(kind: String) throws {
        let (district, superior) = try district()
        let file = try district.export.casePaths()[0]
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let target = district.folder + "/\(kind).xml"
        switch kind {
        case "bom": try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: URL(fileURLWithPath: target))
        case "utf16": try text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"").data(using: .utf16)!.write(to: URL(fileURLWithPath: target))
        default:
            try text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\"")
                .data(using: String.Encoding(rawValue: 0x80000632))!.write(to: URL(fileURLWithPath: target))
        }
        try expectRefused(superior, district, [target], reason: kind == "gb18030" ? "declares the encoding GB18030" : "only UTF-8 without a BOM", loose: true)
    }

    @Test("the schema says what is allowed: a re-signed file with 业务状态 closed-by-hacker fails xmllint and Rectify")
    func enumerations() throws {
        let (district, superior) = try district()
        let file = try district.export.casePaths()[0]
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let unsigned = district.folder + "/enum-unsigned.xml"
        let body = String(text[..<text.range(of: "<Signature")!.lowerBound]) + "</案卷>"
        let state = body.range(of: "<业务状态>")!.upperBound..<body.range(of: "</业务状态>")!.lowerBound
        try body.replacingCharacters(in: state, with: "closed-by-hacker").write(toFile: unsigned, atomically: true, encoding: .utf8)
        let forged = district.folder + "/enum.xml"
        try XMLSigner(keyPath: district.keys.key, certificatePath: district.keys.certificate).sign(try XMLDocument.parse(path: unsigned), savingTo: forged)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", district.keys.certificate, forged]).status == 0)
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemasFolder + "/" + SchemaLocator.caseFile, forged]).status == 3)
        try expectRefused(superior, district, [forged], reason: "closed-by-hacker", loose: true)
    }

    @Test("a file of tiny elements is refused before it is parsed: the markup limit")
    func hugeNodeCount() throws {
        let (district, superior) = try district()
        let file = try district.export.casePaths()[0]
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let target = district.folder + "/nodes.xml"
        try text.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + String(repeating: "<a/>", count: 300_000))
            .write(toFile: target, atomically: true, encoding: .utf8)
        try expectRefused(superior, district, [target], reason: "tags exceed the limit of 250000", loose: true)
    }

    @Test("masking reaches free text: phone and ID numbers as people type them")
    func freeTextMasking() {
        let cases: [(String, String)] = [
            ("电话13812345678", "电话138****5678"),
            ("电话 138 1234 5678。", "电话 138 **** 5678。"),
            ("手机138-1234-5678", "手机138-****-5678"),
            ("+86 138 1234 5678", "+86 138 **** 5678"),
            ("全角１３８１２３４５６７８", "全角１３８****５６７８"),
            ("座机0513-81234567", "座机051*-****4567"),
            ("身份证32068119900101123x", "身份证320681********123x"),
            ("旧证320681900101123", "旧证320681*****1123"),
            ("日期2026-06-01，罚款15000元", "日期2026-06-01，罚款15000元"),
            ("信用代码91320671MA1234567X", "信用代码91320671MA1234567X"),
            ("案件gas-2026-0001", "案件gas-2026-0001"),
        ]
        for (text, expected) in cases { #expect(PersonalData.maskFreeText(text) == expected, "\(text)") }
    }
}
