import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// What one anchor proved: a signed file (a checkpoint, a case file, a manifest, a report, a receipt) carrying this
/// agency's chain head at the time it was signed.
public struct AnchorCheck: Sendable, Equatable {
    public var path: String
    public var head: ChainHead?
    /// The certificate that signed the anchor, as `“subject”（SHA-256 …）`.
    public var signer: String?
    /// Nil when the history up to the anchor's event is what it was when the anchor was signed.
    public var problem: XMLError?

    public var holds: Bool { problem == nil }
}

extension Rectify {
    /// Signs the current chain head (`rectify checkpoint`), to be kept away from the database.
    public func writeCheckpoint(to path: String, signing: SigningMaterial, schemas: String? = nil) throws -> (ExportedFile, ChainHead) {
        let schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.checkpoint, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        let (agency, head) = try database.read { store in (try Lookup.agency(store), try ChainHead.current(store)) }
        let written = try SignedFile(schema: schema, signer: signer).write(to: path) { w in
            try w.start("审计链检查点", namespace: CaseFileFormat.checkpointNamespace)
            try w.attribute("版本", "1")
            try w.element("责任者", agency.name)
            try w.element("行政区划代码", agency.divisionCode)
            try w.element("形成时间", Timestamp.string(database.clock()))
            try ChainHeadElement.write(head, to: w)
            try w.end()
        }
        return (ExportedFile(path: path, sha256: written.sha256, size: written.size, final: true), head)
    }

    /// Checks each anchor: a valid signed file of this agency (schema, signature by the certificate it carries,
    /// the agency it names), whose chain head is still in the chain with the same hash.
    public func checkAnchors(_ paths: [String], schemas: String? = nil) throws -> [AnchorCheck] {
        guard !paths.isEmpty else { return [] }
        let agency = try database.read(Lookup.agency)
        return try paths.map { path in
            var check = AnchorCheck(path: path)
            let presented: SignerCertificate
            do { presented = try Self.presentedCertificate(path) } catch let error as XMLError {
                check.problem = error
                return check
            }
            check.signer = presented.label
            let signer = TrustedSigner(certificate: presented, divisionCode: agency.divisionCode, agencyName: agency.name)
            let validated = try FilingValidator(trusted: [signer], schemas: schemas, now: database.clock()).validated(path: path)
            guard validated.result.isValid, let root = validated.document?.rootElement else {
                check.problem = validated.result.problems.first
                return check
            }
            guard let head = ChainHeadElement.read(root) else {
                check.problem = XMLError(file: path, chinese: "文件中没有审计链头（较早版本的文件？）", english: "the file carries no chain head (an older file?)")
                return check
            }
            check.head = head
            let stored = try database.read { store in try ChainHead.hash(store, at: head.seq) }
            if stored == nil {
                check.problem = XMLError(file: path, chinese: "审计链中已没有第\(head.seq)号事件：此后的历史被删除或截断",
                                         english: "the chain no longer has event \(head.seq): history after it was deleted or cut")
            } else if stored != head.hash {
                check.problem = XMLError(file: path, chinese: "第\(head.seq)号事件的哈希与锚点不符：此前的历史被改写",
                                         english: "event \(head.seq) no longer has the anchor's hash: history up to it was rewritten")
            }
            return check
        }
    }

    /// The certificate in a signed file's KeyInfo, read by its exact path.
    static func presentedCertificate(_ path: String) throws -> SignerCertificate {
        let document = try XMLDocument.parse(path: path)
        let dsig = XMLVerifier.dsig
        guard let text = document.rootElement?.child("Signature", namespace: dsig)?.child("KeyInfo", namespace: dsig)?
                .child("X509Data", namespace: dsig)?.child("X509Certificate", namespace: dsig)?.text,
              let der = Data(base64Encoded: text, options: .ignoreUnknownCharacters),
              let certificate = try? SignerCertificate(der: Array(der))
        else {
            throw XMLError(file: path, chinese: "不是 Rectify 签名的文件（找不到签名证书）", english: "not a file Rectify signed (no signing certificate)")
        }
        return certificate
    }
}
