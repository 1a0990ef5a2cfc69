import Foundation
import GRDB
import RectifyCore
import RectifyTestSupport
@testable import RectifyStore
import RectifyXML
import Testing
@testable import RectifyKit

@Suite("Import at the superior")
struct ImportTests {
    struct District {
        var app: Rectify
        var folder: String
        var keys: SigningKeys.Files
        var export: CampaignExport
    }

    /// A small demo district exported as the gas campaign.
    func exportedDistrict() throws -> District {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.buildDemo(units: 120, seed: 11)
        let folder = try makeScratchFolder("rectify-import")
        let keys = try SigningKeys.generate(algorithm: .ecdsa, agency: "南通经济技术开发区安全生产监督管理局", divisionCode: "320671",
                                            into: folder + "/keys", validFrom: testKeysValidFrom)
        let export = try app.exportCampaign(code: "gas-2026", into: folder + "/gas-2026",
                                            signing: try SigningMaterial(key: keys.key, certificate: keys.certificate), schemas: schemasFolder)
        return District(app: app, folder: folder, keys: keys, export: export)
    }

    /// A superior that trusts the district's certificate for 320671.
    func superior(trusting district: District, clock: @escaping @Sendable () -> Date = pinnedClock) throws -> Rectify {
        let superior = Rectify(database: try AppDatabase.inMemory(clock: clock))
        _ = try superior.addTrust(certificatePath: district.keys.certificate, divisionCode: "320671", agencyName: nil, actor: "上级")
        return superior
    }

    @Test("the per-file lookups use indexes: a scan per file would make a large import quadratic")
    func lookupsUseIndexes() throws {
        let database = try AppDatabase.inMemory(clock: pinnedClock)
        func plan(_ sql: String, _ arguments: StatementArguments) throws -> String {
            try database.readDatabase { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
                    .joined(separator: "; ")
            }
        }
        let plans = [try plan(Store.currentFilingSQL, ["320671", "通开应急〔2026〕1号"]),
                     try plan(#"SELECT id FROM "filing" WHERE "sha256" = ?"#, ["0"])]
        #expect(plans[0].contains("USING INDEX filing_current"), "\(plans[0])")
        #expect(plans[1].contains("USING COVERING INDEX") || plans[1].contains("USING INDEX"), "\(plans[1])")
        #expect(plans.allSatisfy { !$0.contains("SCAN") }, "\(plans)")
    }

    @Test("round trip: cases, hazards, records and documents compare equal; importing again changes nothing")
    func roundTrip() throws {
        let district = try exportedDistrict()
        let superior = try superior(trusting: district)
        let paths = [district.export.folder]
        let outcomes = try superior.importFilings(paths: paths, schemas: schemasFolder, actor: "上级")
        #expect(outcomes.filter { $0.result == .imported }.count == district.export.caseCount)
        #expect(outcomes.first?.result == .manifestChecked && outcomes.first?.path.hasSuffix("manifest.xml") == true)
        #expect(try superior.filings().allSatisfy { $0.signerSubject?.contains("OU=320671") == true && $0.signerFingerprint?.count == 64 })
        let filed = try superior.filedCases()
        #expect(filed.count == district.export.caseCount)
        for view in filed {
            let original = try district.app.caseDetail(number: view.filedCase.caseNumber)
            #expect(view.filedCase.uscc == original.unit.uscc.rawValue)
            #expect(view.filedCase.state == original.state.chinese && view.filedCase.openedOn == original.openedOn
                    && view.filedCase.closedOn == original.closedOn)
            #expect(view.hazards.map(\.reference) == original.hazards.map(\.reference).sorted())
            for hazard in view.hazards {
                let source = try #require(original.hazards.first { $0.reference == hazard.reference })
                #expect(hazard.description == source.hazard.description && hazard.deadline == source.hazard.deadline
                        && hazard.originalDeadline == source.hazard.originalDeadline && hazard.status == source.hazard.status.chinese
                        && hazard.orderNumber == source.orderNumber && hazard.listed == source.hazard.listedSupervision)
            }
            #expect(Set(view.documents.map { "\($0.number)|\($0.kind)|\($0.issuedOn)" })
                    == Set(original.documents.map { "\($0.number)|\($0.kind.chinese)|\($0.issuedOn)" }))
            let expectedRecords = original.plans.map { "plan|\($0.recordedOn)" } + original.selfChecks.map { "self-check|\($0.record.checkedOn)" }
                + original.rechecks.map { "recheck|\($0.record.checkedOn)" }
                + (original.penalty.map { ["penalty|\(($0.penalty.filedOn ?? $0.penalty.decidedOn)!)"] } ?? [])
            #expect(view.records.map { "\($0.kind)|\($0.date)" }.sorted() == expectedRecords.sorted())
        }
        let events = try superior.database.readDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") }
        let again = try superior.importFilings(paths: paths, schemas: schemasFolder, actor: "上级")
        #expect(again.filter { $0.result != .manifestChecked }.allSatisfy { $0.result == .unchanged })
        #expect(try superior.database.readDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") } == events)
        #expect(try superior.verify().isIntact)
    }

    @Test("a newer version of a case replaces the older; both stay in the provenance record; an older one arriving late is only recorded")
    func versions() throws {
        let district = try exportedDistrict()
        // The superior receives the versions after the later one was made: a file from its future is refused.
        let superior = try superior(trusting: district, clock: { LocalDate(year: 2026, month: 7, day: 2)!.timestamp(hour: 9) })
        let number = try #require(try district.app.cases(campaign: "gas-2026", state: .opened).first?.number)
        let signing = try SigningMaterial(key: district.keys.key, certificate: district.keys.certificate)
        let first = try district.app.exportCase(number: number, into: district.folder + "/v1", signing: signing, schemas: schemasFolder)
        // The clock is pinned, so the newer version's 形成时间 is made later by exporting from a later clock.
        let later = Rectify(database: try AppDatabase(district.app.database.writer, clock: {
            LocalDate(year: 2026, month: 7, day: 1)!.timestamp(hour: 9)
        }))
        _ = try later.addSelfCheck(caseNumber: number, on: date("2026-06-20"), checkedBy: "店主", findings: "已自查", selfFixed: nil,
                                   pledge: "承诺", items: [], actor: try later.caseDetail(number: number).officers[0].credential)
        let second = try later.exportCase(number: number, into: district.folder + "/v2", signing: signing, schemas: schemasFolder)
        #expect(try superior.importFilings(paths: [first.path], loose: true, schemas: schemasFolder, actor: "上级")[0].result == .imported)
        #expect(try superior.importFilings(paths: [second.path], loose: true, schemas: schemasFolder, actor: "上级")[0].result == .replaced)
        #expect(try superior.filedCases().first?.records.contains { $0.kind == "self-check" } == true)
        let older = try district.app.exportCase(number: number, into: district.folder + "/v0", signing: signing, schemas: schemasFolder)
        #expect(try superior.importFilings(paths: [older.path], loose: true, schemas: schemasFolder, actor: "上级")[0].result == .olderKept)
        let filings = try superior.filings()
        #expect(filings.count == 3 && filings.filter(\.current).count == 1 && filings.first { $0.current }?.sha256 == second.sha256)
        #expect(try superior.verify().isIntact)
    }

    @Test("hostile or broken files are refused whole, with their reason, and the database stays as it was", arguments: [
        "external-entity", "billion-laughs", "remote-dtd", "truncated", "wrong-namespace", "changed-byte", "moved-signature",
        "forged-attachment", "oversized",
    ])
    func hostile(kind: String) throws {
        let district = try exportedDistrict()
        let superior = try superior(trusting: district)
        let source = try district.export.casePaths()[0]
        var text = try String(contentsOfFile: source, encoding: .utf8)
        let secret = district.folder + "/secret.txt"
        try "LOCAL-SECRET-42".write(toFile: secret, atomically: true, encoding: .utf8)
        var sizeLimit = XMLDocument.defaultSizeLimit
        switch kind {
        case "external-entity":
            text = text.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                             with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE 案卷 [<!ENTITY s SYSTEM \"file://\(secret)\">]>")
                .replacingOccurrences(of: "<题名>", with: "<题名>&s;")
        case "billion-laughs":
            text = "<?xml version=\"1.0\"?><!DOCTYPE 案卷 [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><案卷 xmlns=\"urn:rectify:case-file:2\">&c;</案卷>"
        case "remote-dtd":
            text = text.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                                             with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE 案卷 SYSTEM \"http://127.0.0.1:9/evil.dtd\">")
        case "truncated": text = String(text.prefix(text.count / 2))
        case "wrong-namespace": text = text.replacingOccurrences(of: "urn:rectify:case-file:2", with: "urn:rectify:case-file:9")
        case "changed-byte": text = text.replacingOccurrences(of: "<业务状态>", with: "<业务状态>改")
        case "moved-signature":
            let body = String(text[text.range(of: "<案卷")!.lowerBound...])
            text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<案卷 xmlns=\"urn:rectify:case-file:2\"><电子文件号>伪造</电子文件号><原件>\(body)</原件></案卷>"
        case "forged-attachment":
            // No attachment in demo files: forge one into the unsigned body, then sign it with the bureau's key.
            let start = text.range(of: "<Signature")!.lowerBound
            var body = String(text[..<start]) + "</案卷>"
            body = body.replacingOccurrences(of: "<附件列表/>", with: "<附件列表></附件列表>")
                .replacingOccurrences(of: "<附件列表></附件列表>", with: """
                    <附件列表><附件><计算机文件名>a.jpg</计算机文件名><格式信息>image/jpeg</格式信息><拍摄时间>2026-05-01T10:00:00+08:00</拍摄时间>\
                    <计算机文件大小>3</计算机文件大小><SHA256>\(String(repeating: "0", count: 64))</SHA256><内容>AAAA</内容></附件></附件列表>
                    """)
            let unsigned = district.folder + "/unsigned.xml"
            try body.write(toFile: unsigned, atomically: true, encoding: .utf8)
            let forged = district.folder + "/forged.xml"
            try XMLSigner(keyPath: district.keys.key, certificatePath: district.keys.certificate)
                .sign(try XMLDocument.parse(path: unsigned), savingTo: forged)
            text = try String(contentsOfFile: forged, encoding: .utf8)
        case "oversized": sizeLimit = 1_000
        default: Issue.record("unknown kind")
        }
        let path = district.folder + "/\(kind).xml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try snapshot(superior)
        let outcome = try superior.importFilings(paths: [path], loose: true, schemas: schemasFolder,
                                                 sizeLimit: sizeLimit, actor: "上级")[0]
        #expect(outcome.result == .refused)
        #expect(!outcome.problems.isEmpty)
        #expect(!outcome.problems.joined().contains("LOCAL-SECRET-42"))
        #expect(try snapshot(superior) == before)
    }
}

extension ImportTests {
    @Test("a large campaign is listed in manifest parts; a changed or missing part is caught through the signed manifest")
    func manifestParts() throws {
        let district = try exportedDistrict()
        let folder = district.export.folder
        let parts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("manifest-part-") }
        #expect(parts == ["manifest-part-0001.xml"])
        let trusted = [try TrustedSigner(certificateFile: district.keys.certificate)]
        func manifestProblems() throws -> [String] {
            let outcomes = try FilingCheck.validate(paths: [folder], trusted: trusted, schemas: schemasFolder)
            return outcomes.first { $0.path.hasSuffix("/manifest.xml") }?.problems ?? []
        }
        #expect(try manifestProblems().isEmpty)
        let part = folder + "/manifest-part-0001.xml"
        let text = try String(contentsOfFile: part, encoding: .utf8)
        try text.replacingOccurrences(of: "阶段性", with: "最终").write(toFile: part, atomically: true, encoding: .utf8)
        #expect(try manifestProblems().count == 1)
        #expect(try manifestProblems().first?.contains("does not match the SHA-256 or size its manifest lists") == true)
        try FileManager.default.removeItem(atPath: part)
        #expect(try manifestProblems().first?.contains("manifest-part-0001.xml") == true)
        #expect(try manifestProblems().first?.contains("does not exist or cannot be read") == true)
    }
}
