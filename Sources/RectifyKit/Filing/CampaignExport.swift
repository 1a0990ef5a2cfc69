import Foundation
import GRDB
import RectifyCore
import RectifyStore
import RectifyXML

public struct CampaignExport: Sendable {
    public var folder: String
    public var caseCount: Int
    public var manifest: ExportedFile

    /// The case files written, from the folder (the export itself keeps none of them in memory).
    public func casePaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".xml") && $0 != "manifest.xml" }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}

extension Rectify {
    /// Exports every case of a campaign, one signed file each, while streaming the manifest that lists them with their
    /// SHA-256; the manifest is signed and named last. Memory does not grow with the number of cases, and a filing
    /// interrupted before the manifest is visibly incomplete — no file is ever half-written under its final name.
    public func exportCampaign(code: String, into folder: String?, signing: SigningMaterial, internalUse: Bool = false,
                               schemas: String? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws -> CampaignExport {
        let caseSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemas))
        let manifestSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.manifest, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        let (campaignId, total, agency) = try database.read { db in
            let campaign = try Lookup.campaign(db, code: code)
            return (campaign.id!, try Case.filter(Case.Columns.campaignId == campaign.id!).fetchCount(db), try Lookup.agency(db))
        }
        let base = folder ?? "Exports/\(code)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let target = (base as NSString).appendingPathComponent("manifest.xml")
        var exported = 0
        let written = try SignedFile(schema: manifestSchema, signer: signer).write(to: target) { w in
            try w.start("报送清单", namespace: CaseFileFormat.manifestNamespace)
            try w.attribute("版本", "1")
            try w.element("整治代码", code)
            try w.element("责任者", agency.name)
            try w.element("形成时间", Timestamp.string(database.clock()))
            var lastSerial = 0
            // One case at a time, by serial: nothing about the campaign's cases is held while they are written.
            while let next = try database.read({ db in
                try Row.fetchOne(db, sql: """
                    SELECT serial, number FROM "case" WHERE campaignId = ? AND serial > ? ORDER BY serial LIMIT 1
                    """, arguments: [campaignId, lastSerial])
            }) {
                let number: String = next["number"]
                let file = try exportCase(number: number, into: base, schema: caseSchema, signer: signer, internalUse: internalUse)
                try w.start("文件")
                try w.attribute("计算机文件名", (file.path as NSString).lastPathComponent)
                try w.attribute("SHA256", file.sha256)
                try w.attribute("计算机文件大小", String(file.size))
                try w.attribute("归档性质", file.final ? "最终" : "阶段性")
                try w.end()
                lastSerial = next["serial"]
                exported += 1
                progress(exported, total)
            }
            try w.end()
        }
        return CampaignExport(folder: base, caseCount: exported,
                              manifest: ExportedFile(path: target, sha256: written.sha256, size: written.size, final: false))
    }
}
