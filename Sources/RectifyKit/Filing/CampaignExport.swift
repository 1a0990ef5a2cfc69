import Foundation
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
            .filter { $0.hasSuffix(".xml") && !$0.hasPrefix("manifest") }.sorted()
            .map { (folder as NSString).appendingPathComponent($0) }
    }
}

extension Rectify {
    /// Case files listed per manifest part: small enough that signing a part (which needs its DOM) stays cheap.
    public static let manifestPartSize = 2_000
    /// Cases handed out at a time to the export workers (one per core).
    static let exportBatch = 64

    /// Exports every case of a campaign, one signed file each, listing them in signed manifest parts of at most
    /// `manifestPartSize` files, and finally `manifest.xml`, which lists the parts with their SHA-256. Memory does not
    /// grow with the number of cases, and a filing interrupted before `manifest.xml` is visibly incomplete.
    public func exportCampaign(code: String, into folder: String?, signing: SigningMaterial, internalUse: Bool = false,
                               schemas: String? = nil, progress: (Int, Int) -> Void = { _, _ in }) throws -> CampaignExport {
        let caseSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemas))
        let manifests = SignedFile(schema: try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.manifest, folder: schemas)),
                                   signer: try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate))
        let (campaignId, total, agency, engine) = try database.read { store in
            let campaign = try Lookup.campaign(store, code: code)
            return (campaign.id!, try store.caseCount(campaignId: campaign.id!), try Lookup.agency(store),
                    try LegalContext.engine(store))
        }
        let base = folder ?? "Exports/\(code)"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let formedAt = Timestamp.string(database.clock())
        // The manifests carry the chain head as it stood when the export began (reading never moves it).
        let head = try database.read { try ChainHead.current($0) }
        func header(_ w: XMLWriter) throws {
            try w.start("报送清单", namespace: CaseFileFormat.manifestNamespace)
            try w.attribute("版本", "2")
            try w.element("整治代码", code)
            try w.element("责任者", agency.name)
            try w.element("行政区划代码", agency.divisionCode)
            try w.element("形成时间", formedAt)
        }
        var parts: [(name: String, sha256: String, size: Int, files: Int)] = []
        var part: SignedFile.Pending?
        var inPart = 0
        func closePart() throws {
            guard let open = part else { return }
            try ChainHeadElement.write(head, to: open.writer)
            try open.writer.end()
            let written = try open.commit()
            parts.append(((open.target as NSString).lastPathComponent, written.sha256, written.size, inPart))
            part = nil
            inPart = 0
        }
        // Every case number up front (a few bytes each), then a batch at a time: the workers (one per core, each
        // with its own signer) render, validate, sign and write the next batch under side names while this thread
        // lists the current one in the manifest, in serial order. Memory holds two batches.
        let numbers = try database.read { store in
            try store.caseNumbers(campaignId: campaignId)
        }
        let batches = stride(from: 0, to: numbers.count, by: Self.exportBatch).map {
            Array(numbers[$0..<min($0 + Self.exportBatch, numbers.count)])
        }
        let signers = try PerWorker { try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate) }
        let caches = PerWorker { CaseReadingCache() }
        var exported = 0
        var sideFiles: [FileWriter.SideFile] = []
        try Parallel.pipeline(batches.count, produce: { index in
            try Parallel.map(batches[index].count) { worker, item in
                let rendered = try renderCase(number: batches[index][item], into: base, schema: caseSchema, signer: signers[worker],
                                              internalUse: internalUse, engine: engine, cache: caches[worker], createFolder: false)
                return (rendered.file, try rendered.signed.writeSide())
            }
        }, consume: { _, rendered in
            for (file, side) in rendered {
                sideFiles.append(side)
                if part == nil {
                    let name = "manifest-part-" + String(format: "%04d", parts.count + 1) + ".xml"
                    let opened = try manifests.begin((base as NSString).appendingPathComponent(name))
                    try header(opened.writer)
                    try opened.writer.element("分卷序号", parts.count + 1)
                    part = opened
                }
                let w = part!.writer
                try w.start("文件")
                try w.attribute("计算机文件名", (file.path as NSString).lastPathComponent)
                try w.attribute("SHA256", file.sha256)
                try w.attribute("计算机文件大小", String(file.size))
                try w.attribute("归档性质", file.final ? "最终" : "阶段性")
                try w.end()
                inPart += 1
                if inPart == Rectify.manifestPartSize { try closePart() }
                exported += 1
            }
            progress(exported, total)
        })
        try closePart()
        // The case files take their names only now, all flushed to the disk first; the manifest, last, completes
        // the filing.
        try FileWriter.publish(sideFiles)
        let target = (base as NSString).appendingPathComponent("manifest.xml")
        let written = try manifests.write(to: target) { w in
            try header(w)
            try w.element("文件总数", exported)
            for entry in parts {
                try w.start("分卷")
                try w.attribute("计算机文件名", entry.name)
                try w.attribute("SHA256", entry.sha256)
                try w.attribute("计算机文件大小", String(entry.size))
                try w.attribute("文件数", String(entry.files))
                try w.end()
            }
            try ChainHeadElement.write(head, to: w)
            try w.end()
        }
        return CampaignExport(folder: base, caseCount: exported,
                              manifest: ExportedFile(path: target, sha256: written.sha256, size: written.size, final: false))
    }
}
