import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// The signed receipt of an import (接收回执, `Schemas/rectify-receipt-v1.xsd`): every file given, with the SHA-256
/// and size of the bytes read and its fate, and the totals. The district keeps it and can check it with xmllint and
/// xmlsec1, or `rectify validate --trust` the superior's certificate.
extension Rectify {
    public func writeReceipt(_ outcomes: [FileOutcome], to path: String, signing: SigningMaterial, actor: String,
                             schemas: String? = nil) throws -> ExportedFile {
        let schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.receipt, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        let receiver = try agency().map { "\($0.name)（\($0.divisionCode)）" } ?? "未设置本机关 / agency not set"
        let formedAt = Timestamp.string(database.clock())
        let head = try database.read { try ChainHead.current($0) }
        let written = try SignedFile(schema: schema, signer: signer).write(to: path) { w in
            try w.start("接收回执", namespace: CaseFileFormat.receiptNamespace)
            try w.attribute("版本", "1")
            try w.element("接收机关", receiver)
            try w.element("操作人", actor)
            try w.element("形成时间", formedAt)
            for outcome in outcomes {
                try w.start("文件")
                try w.attribute("计算机文件名", outcome.path)
                if let sha256 = outcome.sha256 { try w.attribute("SHA256", sha256) }
                if let size = outcome.size { try w.attribute("计算机文件大小", String(size)) }
                try w.attribute("结果", outcome.result.rawValue)
                if let number = outcome.caseNumber { try w.attribute("案件编号", number) }
                for problem in outcome.problems { try w.element("原因", problem) }
                try w.end()
            }
            try w.start("合计")
            let fates: [FileOutcome.Result] = [.imported, .replaced, .olderKept, .unchanged, .refused, .manifestChecked, .reportChecked]
            for fate in fates { try w.attribute(fate.rawValue, String(outcomes.filter { $0.result == fate }.count)) }
            try w.end()
            try ChainHeadElement.write(head, to: w)
            try w.end()
        }
        return ExportedFile(path: path, sha256: written.sha256, size: written.size, final: true)
    }

    /// `receipt-<date>-<time>.xml`, in China time.
    public func defaultReceiptName() -> String {
        let stamp = Timestamp.string(database.clock())   // 2026-12-07T17:20:01.123+08:00
        let compact = stamp.prefix(19).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: "T", with: "-")
        return "receipt-\(compact).xml"
    }
}
