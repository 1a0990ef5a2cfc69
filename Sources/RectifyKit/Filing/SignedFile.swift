import Foundation
import RectifyCore
import RectifyXML

/// The one path every filed XML takes: streamed to a side file, validated against its schema, signed, and only then
/// moved to its name — an interrupted or failed export never leaves a half-written file named as done.
struct SignedFile {
    let schema: SchemaValidator
    let signer: XMLSigner

    func write(to target: String, _ body: (XMLWriter) throws -> Void) throws -> (sha256: String, size: Int) {
        let unsigned = target + ".unsigned.partial"
        let signed = target + ".partial"
        defer {
            try? FileManager.default.removeItem(atPath: unsigned)
            try? FileManager.default.removeItem(atPath: signed)
        }
        let writer = try XMLWriter(path: unsigned)
        try body(writer)
        try writer.finish()
        let document = try XMLDocument.parse(path: unsigned)
        if let error = schema.validate(document).first {
            throw XMLError(file: target, line: error.line, chinese: "导出的文件不符合模式：\(error.reasonChinese)",
                           english: "the exported file is not valid against its schema: \(error.reasonEnglish)")
        }
        try signer.sign(document, savingTo: signed)
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.moveItem(atPath: signed, toPath: target)
        let data = FileManager.default.contents(atPath: target) ?? Data()
        return (SHA256.hex(data), data.count)
    }
}
