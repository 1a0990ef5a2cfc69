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

/// Writes an XML document: streamed to a file with libxml2's text writer (memory stays flat however large the
/// document), or built directly as a document tree for a file that is validated and signed before it is written —
/// writing text only to parse it back cost as much as validating it.
public final class XMLWriter {
    private enum Output {
        case file(xmlTextWriterPtr)
        case tree(XMLTreeBuilder)
    }

    private let output: Output
    public let path: String
    private var closed = false

    public init(path: String) throws {
        guard let writer = xmlNewTextWriterFilename(path, 0) else {
            throw XMLError(file: path, chinese: "无法创建文件", english: "cannot create the file")
        }
        output = .file(writer)
        self.path = path
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start the document")
    }

    /// Into a document tree in memory; `name` is what errors (and the document) call it.
    public init(treeNamed name: String) throws {
        guard let builder = XMLTreeBuilder(name: name) else {
            throw XMLError(file: name, chinese: "内存不足", english: "out of memory")
        }
        output = .tree(builder)
        path = name
    }

    deinit {
        if !closed, case .file(let writer) = output { xmlFreeTextWriter(writer) }
    }

    private func check(_ code: Int32, _ what: String) throws {
        guard code >= 0 else { throw XMLError(file: path, chinese: "写入失败（\(what)）", english: "write failed (\(what))") }
    }

    public func start(_ name: String, namespace: String? = nil) throws {
        switch output {
        case .file(let writer):
            if let namespace {
                try check(xmlTextWriterStartElementNS(writer, nil, name, namespace), "start \(name)")
            } else {
                try check(xmlTextWriterStartElement(writer, name), "start \(name)")
            }
        case .tree(let builder):
            try builder.start(name, namespace: namespace)
        }
    }

    public func attribute(_ name: String, _ value: String) throws {
        switch output {
        case .file(let writer): try check(xmlTextWriterWriteAttribute(writer, name, value), "attribute \(name)")
        case .tree(let builder): try builder.attribute(name, value)
        }
    }

    public func end() throws {
        switch output {
        case .file(let writer): try check(xmlTextWriterEndElement(writer), "end element")
        case .tree(let builder): try builder.end()
        }
    }

    /// `<name>text</name>`; nil writes nothing (optional elements are left out, not written empty).
    public func element(_ name: String, _ text: String?) throws {
        guard let text else { return }
        switch output {
        case .file(let writer): try check(xmlTextWriterWriteElement(writer, name, text), "element \(name)")
        case .tree(let builder):
            try builder.start(name, namespace: nil)
            try builder.text(text)
            try builder.end()
        }
    }

    public func element(_ name: String, _ number: Int?) throws {
        try element(name, number.map(String.init))
    }

    public func text(_ text: String) throws {
        switch output {
        case .file(let writer): try check(xmlTextWriterWriteString(writer, text), "text")
        case .tree(let builder): try builder.text(text)
        }
    }

    /// Base64 of `bytes`; callers stream in chunks whose size is a multiple of 3 so the pieces join correctly.
    public func base64(_ bytes: [UInt8]) throws {
        switch output {
        case .file(let writer):
            try bytes.withUnsafeBufferPointer { buffer in
                try buffer.withMemoryRebound(to: CChar.self) { chars in
                    try check(xmlTextWriterWriteBase64(writer, chars.baseAddress, 0, Int32(bytes.count)), "base64")
                }
            }
        case .tree(let builder):
            // As the text writer spells it once parsed: a line break after every 72 characters of a chunk.
            let encoded = Array(Data(bytes).base64EncodedString().utf8)
            var lines: [UInt8] = []
            lines.reserveCapacity(encoded.count + encoded.count / 72)
            for (index, byte) in encoded.enumerated() {
                if index > 0 && index % 72 == 0 { lines.append(UInt8(ascii: "\n")) }
                lines.append(byte)
            }
            try builder.text(String(decoding: lines, as: UTF8.self))
        }
    }

    /// Ends every open element and the document, and flushes the file.
    public func finish() throws {
        guard case .file(let writer) = output else { return }
        try check(xmlTextWriterEndDocument(writer), "end the document")
        xmlFreeTextWriter(writer)
        closed = true
    }

    /// The document a tree writer built; the writer is done with it.
    public func finishDocument() throws -> XMLDocument {
        guard case .tree(let builder) = output else {
            throw XMLError(file: path, chinese: "不是文档树写入器", english: "not a tree writer")
        }
        return try builder.finish()
    }
}

/// Builds a document tree with libxml2's tree API, as the parser would build it from the text writer's output:
/// elements in their parent's default namespace unless given one, adjacent text merged, no entity parsing.
final class XMLTreeBuilder {
    private let name: String
    private var document: xmlDocPtr?
    private var open: [(node: xmlNodePtr, namespace: xmlNsPtr?)] = []

    init?(name: String) {
        guard let document = xmlNewDoc("1.0") else { return nil }
        // As the parser does: element and attribute names are interned in the document's dictionary instead of
        // copied for every node (a case file repeats a few dozen names hundreds of times). xmlFreeDoc frees it.
        document.pointee.dict = xmlDictCreate()
        self.document = document
        self.name = name
    }

    deinit { if let document { xmlFreeDoc(document) } }

    private func failure(_ chinese: String, _ english: String) -> XMLError {
        XMLError(file: name, chinese: chinese, english: english)
    }

    func start(_ element: String, namespace: String?) throws {
        guard let document, let node = xmlNewDocNode(document, nil, element, nil) else {
            throw failure("无法建立元素\(element)", "cannot create element \(element)")
        }
        var ns = open.last?.namespace
        if let namespace {
            ns = xmlNewNs(node, namespace, nil)
            guard ns != nil else { throw failure("无法声明命名空间", "cannot declare the namespace") }
        }
        xmlSetNs(node, ns)
        if let parent = open.last?.node {
            guard xmlAddChild(parent, node) != nil else { throw failure("无法添加元素\(element)", "cannot add element \(element)") }
        } else {
            guard xmlDocGetRootElement(document) == nil else {
                xmlFreeNode(node)
                throw failure("文档只能有一个根元素", "a document has one root element")
            }
            xmlDocSetRootElement(document, node)
        }
        open.append((node, ns))
    }

    func attribute(_ attribute: String, _ value: String) throws {
        guard let node = open.last?.node else { throw failure("属性不在元素内", "an attribute outside an element") }
        try checkCharacters(value)
        guard xmlNewProp(node, attribute, value) != nil else {
            throw failure("无法写入属性\(attribute)", "cannot write attribute \(attribute)")
        }
    }

    func text(_ text: String) throws {
        guard let node = open.last?.node else { throw failure("文本不在元素内", "text outside an element") }
        var text = text
        try text.withUTF8 { bytes in
            try checkCharacters(bytes)
            bytes.withMemoryRebound(to: xmlChar.self) { xmlNodeAddContentLen(node, $0.baseAddress, Int32($0.count)) }
        }
    }

    func end() throws {
        guard open.popLast() != nil else { throw failure("没有未结束的元素", "no open element to end") }
    }

    func finish() throws -> XMLDocument {
        guard let built = document, open.isEmpty, xmlDocGetRootElement(built) != nil else {
            throw failure("文档未写完", "the document is incomplete")
        }
        document = nil
        return XMLDocument(pointer: built, path: name)
    }

    /// XML 1.0 allows no control characters but tab, line feed and carriage return, and neither U+FFFE nor U+FFFF:
    /// the text writer would write them and the parser refuse the file; here they are refused at once.
    private func checkCharacters(_ text: String) throws {
        var text = text
        try text.withUTF8 { try checkCharacters($0) }
    }

    private func checkCharacters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte >= 0x20 && byte != 0xEF { continue }
            if byte == 0xEF {
                // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                if index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF) {
                    throw failure("含有XML不允许的字符（U+FFFE/U+FFFF）", "contains U+FFFE or U+FFFF, which XML does not allow")
                }
            } else if byte != 0x09 && byte != 0x0A && byte != 0x0D {
                throw failure("含有XML不允许的控制字符（U+\(String(byte, radix: 16, uppercase: true))）",
                              "contains a control character XML does not allow (U+\(String(byte, radix: 16, uppercase: true)))")
            }
        }
    }
}
