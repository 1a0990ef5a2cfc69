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

    /// Import refused with a problem containing `reason`, nothing stored; validate, with the same trusted
    /// certificates, refuses for the same reason.
    func expectRefused(_ superior: Rectify, _ district: ImportTests.District, _ paths: [String], reason: String,
                       loose: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(superior)
        let outcomes = try superior.importFilings(paths: paths, loose: loose, schemas: schemasFolder, actor: "上级")
        let problems = outcomes.flatMap(\.problems)
        #expect(outcomes.contains { $0.result == .refused }, sourceLocation: sourceLocation)
        #expect(!outcomes.contains { $0.result == .imported || $0.result == .replaced }, sourceLocation: sourceLocation)
        #expect(problems.contains { $0.contains(reason) }, "\(problems)", sourceLocation: sourceLocation)
        #expect(try snapshot(superior) == before, sourceLocation: sourceLocation)
        let checked = try FilingCheck.validate(paths: paths, trusted: try superior.trustedSignerList(), loose: loose,
                                               schemas: schemasFolder, now: superior.database.clock())
        #expect(checked.contains { $0.result == .refused }, sourceLocation: sourceLocation)
        #expect(checked.flatMap(\.problems).contains { $0.contains(reason) }, "\(checked)", sourceLocation: sourceLocation)
    }

    @Test("the hostile corpus: xmlsec1 and xmllint judge as the table says; validate and import refuse each, naming why, storing nothing")
    func corpus() throws {
        let (district, superior) = try district()
        let corpus = try HostileCorpus(district: district)
        _ = try superior.addTrust(certificatePath: corpus.otherKeys.certificate, divisionCode: "320684", agencyName: nil, actor: "上级")
        _ = try superior.addTrust(certificatePath: corpus.expiredKeys.certificate, divisionCode: "320671", agencyName: nil, actor: "上级")
        let schema = schemasFolder + "/" + SchemaLocator.caseFile
        for entry in corpus.entries {
            if let expected = entry.xmlsec1 {
                let run = try runTool(["xmlsec1", "--verify", "--trusted-pem", entry.trustedPEM, entry.path])
                #expect(run.status == expected, "xmlsec1 on \(entry.name): \(run.output.prefix(300))")
            }
            if let expected = entry.xmllint {
                let run = try runTool(["xmllint", "--nonet", "--noout", "--schema", schema, entry.path])
                #expect(run.status == expected, "xmllint on \(entry.name): \(run.output.prefix(300))")
            }
            try expectRefused(superior, district, [entry.path], reason: entry.reason, loose: true)
        }
        // The whole corpus as one folder: every file refused, each for its own reason, nothing stored.
        let before = try snapshot(superior)
        let outcomes = try superior.importFilings(paths: [corpus.folder], loose: true, schemas: schemasFolder, actor: "上级")
        #expect(outcomes.count == corpus.entries.count && outcomes.allSatisfy { $0.result == .refused })
        for entry in corpus.entries {
            // In a folder a link is reported with the other things that are not regular files.
            let reason = entry.name == "symlink-to-folder" ? "not a regular file (a symbolic link)" : entry.reason
            let outcome = outcomes.first { $0.path == entry.path }
            #expect(outcome?.problems.contains { $0.contains(reason) } == true, "\(entry.name): \(outcome?.problems ?? [])")
        }
        #expect(try snapshot(superior) == before)
        #expect(try superior.filedCases().allSatisfy { $0.hazards.allSatisfy { $0.description != "伪造隐患" } })
    }

    @Test("content moved out of a filing's signed files: a changed file no longer matches its signed manifest")
    func contentInKeyInfoInFiling() throws {
        let (district, superior) = try district()
        let folder = try filing(district, "keyinfo") { folder in
            try edit(try firstCase(folder)) { $0.replacingOccurrences(of: "<X509Data>", with: "<X509Data>" + HostileCorpus.forgedHazard) }
        }
        try expectRefused(superior, district, [folder], reason: "does not match the SHA-256 or size its manifest lists")
    }

    @Test("a certificate is registered only for the division its OU names")
    func registrationNamesItsDivision() throws {
        let (district, superior) = try district()
        let other = try SigningKeys.generate(algorithm: .ecdsa, agency: "如皋市应急管理局", divisionCode: "320684",
                                             into: district.folder + "/other-keys", validFrom: testKeysValidFrom)
        let before = try snapshot(superior)
        #expect(throws: RuleViolation.self) {
            try superior.addTrust(certificatePath: other.certificate, divisionCode: "320671", agencyName: nil, actor: "上级")
        }
        #expect(try snapshot(superior) == before)
    }

    @Test("a whole filing made after the superior's clock is refused as from the future")
    func futureFiling() throws {
        let (district, _) = try district()
        // The superior's clock is a day before the district's files were made.
        let early = try ImportTests().superior(trusting: district, clock: { LocalDate(year: 2026, month: 5, day: 31)!.timestamp(hour: 9) })
        try expectRefused(early, district, [district.export.folder], reason: "a file from the future is refused")
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
