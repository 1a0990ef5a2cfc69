import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// The one path every filed XML takes: built in memory, signed, validated against its schema (which requires the
/// signature), and only then
/// written to a side file and renamed to its name — an interrupted or failed export never leaves a half-written
/// file named as done, and the disk sees each file once.
struct SignedFile {
    let schema: SchemaValidator
    let signer: XMLSigner

    func write(to target: String, _ body: (XMLWriter) throws -> Void) throws -> (sha256: String, size: Int) {
        let rendered = try render(target, body)
        try rendered.write()
        return (rendered.sha256, rendered.bytes.count)
    }

    /// Validated and signed in memory; written by `Rendered.write()`, possibly on another thread.
    func render(_ target: String, _ body: (XMLWriter) throws -> Void) throws -> Rendered {
        let pending = try begin(target)
        try body(pending.writer)
        return try pending.render()
    }

    struct Rendered: Sendable {
        let target: String
        let bytes: [UInt8]
        let sha256: String

        func write() throws { try FileWriter.replace(target, with: bytes) }

        /// Written under its side name only, not yet flushed: `FileWriter.publish` names many such files at once.
        func writeSide() throws -> FileWriter.SideFile { try FileWriter.writeSide(target, with: bytes) }
    }

    /// For files written piece by piece (manifest parts): the writer now, validation and signing at `commit`.
    func begin(_ target: String) throws -> Pending {
        Pending(file: self, target: target, writer: try XMLWriter(treeNamed: target))
    }

    final class Pending {
        let file: SignedFile
        let target: String
        let writer: XMLWriter

        init(file: SignedFile, target: String, writer: XMLWriter) {
            self.file = file
            self.target = target
            self.writer = writer
        }

        func commit() throws -> (sha256: String, size: Int) {
            let rendered = try render()
            try rendered.write()
            return (rendered.sha256, rendered.bytes.count)
        }

        func render() throws -> Rendered {
            let document = try writer.finishDocument()
            try file.signer.sign(document)
            if let error = file.schema.validate(document).first {
                throw XMLError(file: target, line: error.line, chinese: "导出的文件不符合模式：\(error.reasonChinese)",
                               english: "the exported file is not valid against its schema: \(error.reasonEnglish)")
            }
            let bytes = try document.serialized()
            return Rendered(target: target, bytes: bytes, sha256: SHA256.hex(bytes))
        }
    }
}

/// Writes a file whole under a side name, flushes it to the disk, and renames it into place, so the name never shows
/// a partial file, even after a power cut; then flushes the folder, which makes the rename durable. The many files of a
/// campaign export are written under their side names first and published together (`publish`): one flush of the
/// file system instead of one per file, which doubled an export's time (docs/performance.md).
enum FileWriter {
    struct SideFile: Sendable {
        let side: String
        let target: String
    }

    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let file = try writeSide(path, with: bytes)
        try DurableFiles.sync(file.side)
        try publishRenamed([file])
    }

    static func writeSide(_ path: String, with bytes: [UInt8]) throws -> SideFile {
        let side = path + ".partial"
        let descriptor = open(side, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "无法创建文件", "cannot create the file") }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        guard close(descriptor) == 0, ok else {
            unlink(side)
            throw failure(path, "写入失败（磁盘已满或无权限？）", "the write failed (disk full or no permission?)")
        }
        return SideFile(side: side, target: path)
    }

    /// Flushes the file system the files are on (`syncfs`), then gives each its name and flushes their folders.
    static func publish(_ files: [SideFile]) throws {
        guard let first = files.first else { return }
        try DurableFiles.syncFileSystem(of: first.side)
        try publishRenamed(files)
    }

    private static func publishRenamed(_ files: [SideFile]) throws {
        for file in files {
            guard rename(file.side, file.target) == 0 else {
                unlink(file.side)
                throw failure(file.target, "无法将文件改为正式名称", "cannot give the file its name")
            }
        }
        for folder in Set(files.map { ($0.target as NSString).deletingLastPathComponent }) {
            try DurableFiles.syncFolder(of: folder + "/.")
        }
    }

    private static func failure(_ path: String, _ chinese: String, _ english: String) -> XMLError {
        XMLError(file: path, chinese: chinese, english: english)
    }
}
