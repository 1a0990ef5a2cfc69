import CLibXML2
import Foundation
import RectifyCore

/// Collects libxml2's structured errors for one operation (never the process-wide handler).
final class ErrorCollector {
    var errors: [XMLError] = []
    let file: String

    init(file: String) { self.file = file }

    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
        collector.errors.append(XMLError(file: collector.file, line: Int(error.pointee.line), chinese: message, english: message))
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// A parsed document; owns its pointer. Parsing refuses DTDs (external entities, entity expansion, fetched
/// subsets) before libxml2 sees them, never substitutes entities and never touches the network.
public final class XMLDocument {
    let pointer: xmlDocPtr
    public let path: String

    init(pointer: xmlDocPtr, path: String) {
        self.pointer = pointer
        self.path = path
    }

    deinit { xmlFreeDoc(pointer) }

    /// The largest file read (32 MiB): a real case file is tens of kilobytes, and one with a dozen photos of 2 MB each
    /// about 32 MB of base64. Parsing costs a multiple of the file in memory, so the limit bounds an import's memory.
    public static let defaultSizeLimit = 32 * 1024 * 1024
    /// The most tags (`<`), and the most attributes (`=`), a file may hold (`MarkupCount`): a file of empty elements
    /// would take some 30 times its size when parsed. A case with 2,000 audit events has about 16,000 tags.
    public static let defaultMarkupLimit = 250_000

    /// `<!DOCTYPE` (any case) or `<!ENTITY` in the first bytes. Bytes, not Foundation's case-folding search, which
    /// cost more than parsing the file.
    static func declaresDTD(_ head: [UInt8]) -> Bool {
        let doctype = Array("DOCTYPE".utf8), entity = Array("ENTITY".utf8)
        var index = 0
        while index + 1 < head.count {
            if head[index] == UInt8(ascii: "<"), head[index + 1] == UInt8(ascii: "!") {
                let rest = head[(index + 2)...]
                let upper = rest.prefix(doctype.count).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
                if upper == doctype || Array(rest.prefix(entity.count)) == entity { return true }
            }
            index += 1
        }
        return false
    }

    public static func parse(path: String, sizeLimit: Int = defaultSizeLimit) throws -> XMLDocument {
        try parse(bytes: try read(path: path, sizeLimit: sizeLimit), name: path)
    }

    /// The whole file, refused before it is read if it is over the limit. Only a regular file is read: a symbolic
    /// link is not followed (it could point out of the folder, or at a folder), and a FIFO or device is refused
    /// without blocking on it.
    public static func read(path: String, sizeLimit: Int = defaultSizeLimit) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                throw XMLError(file: path, chinese: "是符号链接，不予读取（只读取普通文件）",
                               english: "a symbolic link is not followed (only regular files are read)")
            }
            throw XMLError(file: path, chinese: "文件不存在或无法读取", english: "the file does not exist or cannot be read")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw XMLError(file: path, chinese: "文件不存在或无法读取", english: "the file does not exist or cannot be read")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw XMLError(file: path, chinese: "不是普通文件（\(Self.kind(of: status.st_mode))），不予读取",
                           english: "not a regular file (\(Self.kindEnglish(of: status.st_mode))): not read")
        }
        let size = Int(status.st_size)
        guard size <= sizeLimit else {
            throw XMLError(file: path, chinese: "文件大小\(size)字节超过上限\(sizeLimit)字节", english: "\(size) bytes exceed the limit of \(sizeLimit)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + done, size - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw XMLError(file: path, chinese: "无法读取文件", english: "cannot read the file")
            }
            done += count
        }
        return bytes
    }

    /// Parses a document held in memory; `name` is what errors call it. Only UTF-8 without a byte-order mark is
    /// accepted, as Rectify writes it: the bytes a signature covers are the bytes received, never a re-encoding.
    public static func parse(bytes: [UInt8], name: String, sizeLimit: Int = defaultSizeLimit,
                             markupLimit: Int = defaultMarkupLimit) throws -> XMLDocument {
        _ = XMLLibrary.ready
        guard bytes.count <= sizeLimit else {
            throw XMLError(file: name, chinese: "文件大小\(bytes.count)字节超过上限\(sizeLimit)字节",
                           english: "\(bytes.count) bytes exceed the limit of \(sizeLimit)")
        }
        if let problem = TextEncodingCheck.problem(bytes) {
            throw XMLError(file: name, line: 1, chinese: problem.chinese, english: problem.english)
        }
        if let problem = bytes.withUnsafeBufferPointer({ MarkupCount($0) }).problem(limit: markupLimit, file: name) {
            throw problem
        }
        if declaresDTD(Array(bytes.prefix(4096))) {
            throw XMLError(file: name, line: 1, chinese: "不接受DTD或实体声明（可能是外部实体或实体膨胀攻击）",
                           english: "DTDs and entity declarations are refused (external entity or entity expansion)")
        }
        guard let context = xmlNewParserCtxt() else {
            throw XMLError(file: name, chinese: "无法创建解析器", english: "cannot create a parser")
        }
        defer { xmlFreeParserCtxt(context) }
        // NONET: never fetch; no NOENT: entities are never substituted; errors stay in this context.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), name, "UTF-8", options) }
        }
        guard let document = parsed, context.pointee.wellFormed != 0 else {
            if let parsed { xmlFreeDoc(parsed) }
            let error = xmlCtxtGetLastError(context)
            let line = error.map { Int($0.pointee.line) } ?? 0
            let message = error?.pointee.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "truncated or damaged"
            throw XMLError(file: name, line: line, chinese: "不是格式良好的XML（\(message)）",
                           english: "not well-formed XML (\(message))")
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            throw XMLError(file: name, chinese: "不接受DTD", english: "DTDs are refused")
        }
        return XMLDocument(pointer: document, path: name)
    }

    /// What a file that is not a regular file is, in Chinese and English.
    public static func kindLabel(of mode: mode_t) -> (String, String) { (kind(of: mode), kindEnglish(of: mode)) }

    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "目录"
        case S_IFIFO: "命名管道"
        case S_IFSOCK: "套接字"
        case S_IFCHR, S_IFBLK: "设备"
        default: "特殊文件"
        }
    }

    static func kindEnglish(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "a special file"
        }
    }

    /// The document as libxml2 saves it (UTF-8, no re-indentation): the bytes a signature was computed over.
    public func serialized() throws -> [UInt8] {
        var memory: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(pointer, &memory, &size, "UTF-8", 0)
        guard let memory else { throw XMLError(file: path, chinese: "无法输出文档", english: "cannot serialise the document") }
        defer { rectify_xmlFree(memory) }
        return Array(UnsafeBufferPointer(start: memory, count: Int(size)))
    }

    /// The root element's namespace URI and local name.
    public var root: (namespace: String?, name: String)? {
        guard let node = xmlDocGetRootElement(pointer) else { return nil }
        let name = String(cString: node.pointee.name)
        return (node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }, name)
    }
}

/// An XSD 1.0 schema, compiled once and shared read-only; each validation gets its own context.
public final class SchemaValidator: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    public let path: String

    public init(path: String) throws {
        _ = XMLLibrary.ready
        let collector = ErrorCollector(file: path)
        guard let parser = xmlSchemaNewParserCtxt(path) else {
            throw XMLError(file: path, chinese: "找不到模式文件", english: "schema file not found")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        xmlSchemaSetParserStructuredErrors(parser, ErrorCollector.handler, collector.context)
        guard let schema = withExtendedLifetime(collector, { xmlSchemaParse(parser) }) else {
            throw XMLError(file: path, line: collector.errors.first?.line ?? 0,
                           chinese: "模式无法编译：\(collector.errors.first?.reasonEnglish ?? "")",
                           english: "the schema does not compile: \(collector.errors.first?.reasonEnglish ?? "")")
        }
        self.schema = schema
        self.path = path
    }

    deinit { xmlSchemaFree(schema) }

    /// Every schema violation, with its line; empty when the document is valid.
    public func validate(_ document: XMLDocument) -> [XMLError] {
        let collector = ErrorCollector(file: document.path)
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [XMLError(file: document.path, chinese: "无法创建校验器", english: "cannot create a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, ErrorCollector.handler, collector.context)
        let result = withExtendedLifetime(collector) { xmlSchemaValidateDoc(context, document.pointer) }
        if result != 0 && collector.errors.isEmpty {
            return [XMLError(file: document.path, chinese: "不符合模式", english: "not valid against the schema")]
        }
        return collector.errors
    }
}

/// A read-only view of one element of a parsed document; valid while its document lives.
public struct XMLElementRef {
    let pointer: xmlNodePtr
    let document: XMLDocument

    public var name: String { String(cString: pointer.pointee.name) }
    /// The element's namespace URI ("" when it has none).
    public var namespace: String { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }
    public var line: Int { Int(pointer.pointee.line) }

    public var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { rectify_xmlFree(content) }
        return String(cString: content)
    }

    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { rectify_xmlFree(value) }
        return String(cString: value)
    }

    /// Descendant elements with this local name in `namespace`, in document order.
    public func descendants(_ name: String, namespace: String) -> [XMLElementRef] {
        XMLTree.elements(in: pointer, named: name, namespace: namespace).map { XMLElementRef(pointer: $0, document: document) }
    }

    /// The child elements with this local name in `namespace`, in document order: records are read by their exact
    /// path under the root, never by a search that would also find elements placed elsewhere (inside the signature).
    public func children(_ name: String, namespace: String) -> [XMLElementRef] {
        var found: [XMLElementRef] = []
        eachChild(name, namespace: namespace) { found.append($0); return true }
        return found
    }

    /// The first child element with this local name in `namespace`. Names are compared as C strings: reading a filed
    /// case asks for dozens of children, and a Swift string per sibling visited cost more than the walk.
    public func child(_ name: String, namespace: String) -> XMLElementRef? {
        var first: XMLElementRef?
        eachChild(name, namespace: namespace) { first = $0; return false }
        return first
    }

    /// Calls `body` for each matching child until it returns false.
    private func eachChild(_ name: String, namespace: String, _ body: (XMLElementRef) -> Bool) {
        name.withCString { name in
            namespace.withCString { namespace in
                var child = pointer.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE,
                       strcmp(UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self), name) == 0,
                       let href = current.pointee.ns?.pointee.href,
                       strcmp(UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self), namespace) == 0,
                       !body(XMLElementRef(pointer: current, document: document)) {
                        return
                    }
                    child = current.pointee.next
                }
            }
        }
    }
}

extension XMLDocument {
    public var rootElement: XMLElementRef? {
        xmlDocGetRootElement(pointer).map { XMLElementRef(pointer: $0, document: self) }
    }
}
