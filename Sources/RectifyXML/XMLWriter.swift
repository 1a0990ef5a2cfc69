import CLibXML2
import Foundation
import RectifyCore

/// An error from libxml2 or xmlsec, with where it happened.
public struct XMLError: UserFacingError, Equatable {
    public var file: String
    public var line: Int
    public var reasonChinese: String
    public var reasonEnglish: String

    public init(file: String, line: Int = 0, chinese: String, english: String) {
        self.file = file
        self.line = line
        reasonChinese = chinese
        reasonEnglish = english
    }

    public var chinese: String { "\(file)\(line > 0 ? " 第\(line)行" : "")：\(reasonChinese)" }
    public var english: String { "\(file)\(line > 0 ? ":\(line)" : ""): \(reasonEnglish)" }
}

/// Writes an XML document with libxml2's text writer: streamed to a file (memory stays flat however large the
/// document), or into memory for a file that is validated and signed before it is written.
public final class XMLWriter {
    private let writer: xmlTextWriterPtr
    private let buffer: xmlBufferPtr?
    public let path: String
    private var closed = false

    public init(path: String) throws {
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw XMLError(file: path, chinese: "无法创建文件", english: "cannot create the file")
        }
        self.writer = writer
        buffer = nil
        self.path = path
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    /// Into memory; `name` is what errors call the document.
    public init(inMemoryNamed name: String) throws {
        guard let buffer = xmlBufferCreate() else {
            throw XMLError(file: name, chinese: "内存不足", english: "out of memory")
        }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw XMLError(file: name, chinese: "无法创建写入器", english: "cannot create the writer")
        }
        self.writer = writer
        self.buffer = buffer
        path = name
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    deinit {
        if !closed { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    private func check(_ code: Int32, _ what: String) throws {
        guard code >= 0 else { throw XMLError(file: path, chinese: "写入失败（\(what)）", english: "write failed (\(what))") }
    }

    public func start(_ name: String, namespace: String? = nil) throws {
        if let namespace {
            try check(xmlTextWriterStartElementNS(writer, nil, name, namespace), "start \(name)")
        } else {
            try check(xmlTextWriterStartElement(writer, name), "start \(name)")
        }
    }

    public func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
    }

    public func end() throws { try check(xmlTextWriterEndElement(writer), "end element") }

    /// `<name>text</name>`; nil writes nothing (optional elements are left out, not written empty).
    public func element(_ name: String, _ text: String?) throws {
        guard let text else { return }
        try check(xmlTextWriterWriteElement(writer, name, text), "element \(name)")
    }

    public func element(_ name: String, _ number: Int?) throws {
        try element(name, number.map(String.init))
    }

    public func text(_ text: String) throws { try check(xmlTextWriterWriteString(writer, text), "text") }

    /// Base64 of `bytes`; callers stream in chunks whose size is a multiple of 3 so the pieces join correctly.
    public func base64(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                try check(xmlTextWriterWriteBase64(writer, chars.baseAddress, 0, Int32(bytes.count)), "base64")
            }
        }
    }

    /// Ends every open element and the document, and flushes the file.
    public func finish() throws {
        try check(xmlTextWriterEndDocument(writer), "end the document")
        xmlFreeTextWriter(writer)
        closed = true
    }

    /// Ends the document and hands over what an in-memory writer wrote.
    public func finishBytes() throws -> [UInt8] {
        try finish()
        guard let buffer, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }
}
