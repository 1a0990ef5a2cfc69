import Foundation
import RectifyCore
import RectifyXML

/// The one path every filed XML takes: streamed to a side file, validated against its schema, signed, and only then
/// moved to its name — an interrupted or failed export never leaves a half-written file named as done.
struct SignedFile {
    let schema: SchemaValidator
    let signer: XMLSigner

    func write(to target: String, _ body: (XMLWriter) throws -> Void) throws -> (sha256: String, size: Int) {
        let pending = try begin(target)
        try body(pending.writer)
        return try pending.commit()
    }

    /// For files written piece by piece (manifest parts): the writer now, validation and signing at `commit`.
    func begin(_ target: String) throws -> Pending {
        Pending(file: self, target: target, writer: try XMLWriter(path: target + ".unsigned.partial"))
    }

    final class Pending {
        let file: SignedFile
        let target: String
        let writer: XMLWriter
        private var committed = false

        init(file: SignedFile, target: String, writer: XMLWriter) {
            self.file = file
            self.target = target
            self.writer = writer
        }

        deinit {
            if !committed {
                try? FileManager.default.removeItem(atPath: target + ".unsigned.partial")
                try? FileManager.default.removeItem(atPath: target + ".partial")
            }
        }

        func commit() throws -> (sha256: String, size: Int) {
            let unsigned = target + ".unsigned.partial"
            let signed = target + ".partial"
            defer {
                committed = true
                try? FileManager.default.removeItem(atPath: unsigned)
                try? FileManager.default.removeItem(atPath: signed)
            }
            try writer.finish()
            let document = try XMLDocument.parse(path: unsigned)
            if let error = file.schema.validate(document).first {
                throw XMLError(file: target, line: error.line, chinese: "导出的文件不符合模式：\(error.reasonChinese)",
                               english: "the exported file is not valid against its schema: \(error.reasonEnglish)")
            }
            try file.signer.sign(document, savingTo: signed)
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.moveItem(atPath: signed, toPath: target)
            let data = FileManager.default.contents(atPath: target) ?? Data()
            return (SHA256.hex(data), data.count)
        }
    }
}
