import Foundation
import GRDB
import RectifyCore
import RectifyStore
import RectifyXML

public struct CampaignExport: Sendable {
    public var folder: String
    public var files: [ExportedFile]
    public var manifest: ExportedFile
}

extension Rectify {
    /// Exports every case of a campaign, one signed file each, then a signed manifest listing them with their SHA-256.
    /// The manifest comes last: a filing interrupted before it is visibly incomplete, and no file is ever half-written
    /// under its final name.
    public func exportCampaign(code: String, into folder: String?, signing: SigningMaterial, internalUse: Bool = false,
                               schemas: String? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws -> CampaignExport {
        let caseSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemas))
        let manifestSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.manifest, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        let (numbers, agency) = try database.read { db in
            let campaign = try Lookup.campaign(db, code: code)
            return (try String.fetchAll(db, sql: "SELECT number FROM \"case\" WHERE campaignId = ? ORDER BY serial",
                                        arguments: [campaign.id!]), try Lookup.agency(db))
        }
        let base = folder ?? "Exports/\(code)"
        var files: [ExportedFile] = []
        for (index, number) in numbers.enumerated() {
            files.append(try exportCase(number: number, into: base, schema: caseSchema, signer: signer, internalUse: internalUse))
            progress(index + 1, numbers.count)
        }
        let target = (base as NSString).appendingPathComponent("manifest.xml")
        let written = try SignedFile(schema: manifestSchema, signer: signer).write(to: target) { w in
            try w.start("报送清单", namespace: CaseFileFormat.manifestNamespace)
            try w.attribute("版本", "1")
            try w.element("整治代码", code)
            try w.element("责任者", agency.name)
            try w.element("形成时间", Timestamp.string(database.clock()))
            for file in files {
                try w.start("文件")
                try w.attribute("计算机文件名", (file.path as NSString).lastPathComponent)
                try w.attribute("SHA256", file.sha256)
                try w.attribute("计算机文件大小", String(file.size))
                try w.attribute("归档性质", file.final ? "最终" : "阶段性")
                try w.end()
            }
            try w.end()
        }
        return CampaignExport(folder: base, files: files,
                              manifest: ExportedFile(path: target, sha256: written.sha256, size: written.size, final: false))
    }
}
