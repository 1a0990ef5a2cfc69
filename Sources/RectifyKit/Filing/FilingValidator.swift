import Foundation
import RectifyCore
import RectifyXML

/// What `rectify validate` (and, at the superior, `import`) checks in a filed case file: well-formed and safe, valid
/// against the schema, signed by a trusted certificate over the whole document, every attachment's bytes matching
/// its hash and size, and the semantic rules the schema cannot express.
public struct FilingValidator {
    let schema: SchemaValidator
    let manifestSchema: SchemaValidator
    let reportSchema: SchemaValidator
    let verifier: XMLVerifier
    let digests: FileDigests

    public init(trustedCertificates: [String], schemas: String? = nil, digests: FileDigests = FileDigests()) throws {
        self.digests = digests
        schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemas))
        manifestSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.manifest, folder: schemas))
        reportSchema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.campaignReport, folder: schemas))
        verifier = try XMLVerifier(trustedCertificates: trustedCertificates)
    }

    public struct Result: Sendable {
        public var path: String
        public var problems: [XMLError]
        public var isValid: Bool { problems.isEmpty }
    }

    public func validate(path: String, sizeLimit: Int = XMLDocument.defaultSizeLimit) -> Result {
        validated(path: path, sizeLimit: sizeLimit).result
    }

    /// What checking one file gave: the result, the parsed document when it could be parsed, and the SHA-256 and
    /// size of the bytes checked (import records them; the file is read once).
    struct Checked {
        var result: Result
        var document: XMLDocument?
        var sha256: String
        var size: Int
    }

    func validated(path: String, sizeLimit: Int = XMLDocument.defaultSizeLimit) -> Checked {
        let bytes: [UInt8]
        let document: XMLDocument
        do {
            bytes = try XMLDocument.read(path: path, sizeLimit: sizeLimit)
            document = try XMLDocument.parse(bytes: bytes, name: path, sizeLimit: sizeLimit)
        } catch {
            let problem = error as? XMLError ?? XMLError(file: path, chinese: "\(error)", english: "\(error)")
            return Checked(result: Result(path: path, problems: [problem]), document: nil, sha256: "", size: 0)
        }
        let sha256 = SHA256.hex(bytes)
        digests.note(path, sha256: sha256, size: bytes.count)
        return Checked(result: check(document, path: path, sizeLimit: sizeLimit), document: document,
                       sha256: sha256, size: bytes.count)
    }

    private func check(_ document: XMLDocument, path: String, sizeLimit: Int) -> Result {
        if document.root?.name == "报送清单", document.root?.namespace == CaseFileFormat.manifestNamespace,
           let root = document.rootElement {
            var problems = manifestSchema.validate(document)
            if let refusal = verifier.verify(document) { problems.append(refusal) }
            problems += listedFileProblems(root, manifest: path)
            problems += partProblems(root, manifest: path, sizeLimit: sizeLimit)
            return Result(path: path, problems: problems)
        }
        if document.root?.name == "统计报表", document.root?.namespace == CaseFileFormat.reportNamespace,
           let root = document.rootElement {
            var problems = reportSchema.validate(document)
            if let refusal = verifier.verify(document) { problems.append(refusal) }
            if problems.isEmpty { problems += reportProblems(root, path: path) }
            return Result(path: path, problems: problems)
        }
        guard let root = document.rootElement, root.name == "案卷",
              document.root?.namespace == CaseFileFormat.namespace else {
            return Result(path: path, problems: [XMLError(
                file: path, line: 1, chinese: "根元素不是命名空间 \(CaseFileFormat.namespace) 的“案卷”",
                english: "the root is not 案卷 in namespace \(CaseFileFormat.namespace)")])
        }
        var problems = schema.validate(document)
        if let refusal = verifier.verify(document) { problems.append(refusal) }
        problems += semanticProblems(root, path: path)
        return Result(path: path, problems: problems)
    }

    /// Every file a manifest lists must be there, next to it, with the listed SHA-256 and size.
    func listedFileProblems(_ root: XMLElementRef, manifest: String) -> [XMLError] {
        let folder = (manifest as NSString).deletingLastPathComponent
        var problems: [XMLError] = []
        for entry in root.descendants("文件", namespace: CaseFileFormat.manifestNamespace) {
            let name = entry.attribute("计算机文件名") ?? ""
            guard let digest = digests.digest(of: (folder as NSString).appendingPathComponent(name)) else {
                problems.append(XMLError(file: manifest, line: entry.line, chinese: "清单列出的文件\(name)不存在",
                                         english: "listed file \(name) is missing"))
                continue
            }
            if digest.sha256 != entry.attribute("SHA256") || String(digest.size) != entry.attribute("计算机文件大小") {
                problems.append(XMLError(file: manifest, line: entry.line, chinese: "文件\(name)与清单中的SHA-256或大小不符",
                                         english: "file \(name) does not match the SHA-256 or size in the manifest"))
            }
        }
        return problems
    }

    /// A manifest's parts: each there with the listed SHA-256 and size, each valid and signed, each listing the
    /// number of files it claims, and all of them together the total the manifest states. One part is parsed at a
    /// time, so checking a large filing does not need memory for all of it.
    func partProblems(_ root: XMLElementRef, manifest: String, sizeLimit: Int) -> [XMLError] {
        let ns = CaseFileFormat.manifestNamespace
        let entries = root.descendants("分卷", namespace: ns)
        guard !entries.isEmpty else { return [] }
        let folder = (manifest as NSString).deletingLastPathComponent
        var problems: [XMLError] = []
        var listed = 0
        var allPartsRead = true
        for entry in entries {
            let name = entry.attribute("计算机文件名") ?? ""
            let partPath = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: partPath) else {
                problems.append(XMLError(file: manifest, line: entry.line, chinese: "清单列出的分卷\(name)不存在",
                                         english: "listed part \(name) is missing"))
                allPartsRead = false
                continue
            }
            guard SHA256.hex(data) == entry.attribute("SHA256"), String(data.count) == entry.attribute("计算机文件大小") else {
                problems.append(XMLError(file: manifest, line: entry.line, chinese: "分卷\(name)与清单中的SHA-256或大小不符",
                                         english: "part \(name) does not match the SHA-256 or size in the manifest"))
                allPartsRead = false
                continue
            }
            let part = validated(path: partPath, sizeLimit: sizeLimit)
            problems += part.result.problems
            let files = part.document?.rootElement?.descendants("文件", namespace: ns).count ?? 0
            if String(files) != entry.attribute("文件数") {
                problems.append(XMLError(file: manifest, line: entry.line, chinese: "分卷\(name)列出\(files)个文件，与清单不符",
                                         english: "part \(name) lists \(files) files, not the number in the manifest"))
            }
            listed += files
        }
        if allPartsRead, let total = root.child("文件总数", namespace: ns), total.text != String(listed) {
            problems.append(XMLError(file: manifest, line: total.line, chinese: "文件总数与各分卷合计\(listed)不符",
                                     english: "the total does not match the parts' \(listed) files"))
        }
        return problems
    }

    func semanticProblems(_ root: XMLElementRef, path: String) -> [XMLError] {
        let ns = CaseFileFormat.namespace
        var problems: [XMLError] = []
        func problem(_ element: XMLElementRef, _ chinese: String, _ english: String) {
            problems.append(XMLError(file: path, line: element.line, chinese: chinese, english: english))
        }
        for code in root.descendants("统一社会信用代码", namespace: ns) {
            if let issue = USCC.problem(in: code.text) { problem(code, "统一社会信用代码\(code.text)：\(issue.chinese)", "USCC \(code.text): \(issue.english)") }
        }
        for name in ["文件编号", "责令整改文号"] {
            for number in root.descendants(name, namespace: ns) where DocumentNumber(parsing: number.text) == nil {
                problem(number, "文号“\(number.text)”格式不正确", "document number '\(number.text)' is malformed")
            }
        }
        func date(_ element: XMLElementRef?) -> LocalDate? { element.flatMap { LocalDate($0.text) } }
        if let opened = date(root.child("立档日期", namespace: ns)), let closedElement = root.child("结档日期", namespace: ns),
           let closed = date(closedElement), closed < opened {
            problem(closedElement, "结档日期早于立档日期", "closed before it was opened")
        }
        for hazard in root.descendants("事故隐患", namespace: ns) {
            let found = date(hazard.child("发现日期", namespace: ns))
            let original = date(hazard.child("原整改期限", namespace: ns))
            let current = date(hazard.child("整改期限", namespace: ns))
            if let found, let original, let current, !(found <= original && original <= current) {
                problem(hazard, "隐患\(hazard.attribute("隐患编号") ?? "")的日期顺序不对（发现 ≤ 原期限 ≤ 现期限）",
                        "hazard dates out of order (found ≤ original deadline ≤ deadline)")
            }
        }
        for attachment in root.descendants("附件", namespace: ns) {
            guard let content = attachment.child("内容", namespace: ns), let hash = attachment.child("SHA256", namespace: ns),
                  let size = attachment.child("计算机文件大小", namespace: ns) else { continue }
            let text = content.text
            let allowed = text.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "+/= \n\r\t".unicodeScalars.contains($0)
            }
            guard allowed, let bytes = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                problem(content, "附件内容不是有效的base64", "attachment content is not valid base64")
                continue
            }
            if SHA256.hex(bytes) != hash.text || String(bytes.count) != size.text {
                problem(content, "附件内容与其SHA-256或大小不符", "attachment bytes do not match their SHA-256 or size")
            }
        }
        return problems
    }
}

/// The SHA-256 and size of the files read in one validation or import run, so that a manifest's listing is checked
/// against the very bytes that were validated instead of every file being read and hashed again. Shared by the
/// workers of a run.
public final class FileDigests: @unchecked Sendable {
    private var known: [String: (sha256: String, size: Int)] = [:]
    private let lock = NSLock()

    public init() {}

    func note(_ path: String, sha256: String, size: Int) {
        lock.withLock { known[path] = (sha256, size) }
    }

    /// The file's digest: as noted, or read and hashed now; nil when it cannot be read.
    func digest(of path: String) -> (sha256: String, size: Int)? {
        if let noted = lock.withLock({ known[path] }) { return noted }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let digest = (SHA256.hex(data), data.count)
        note(path, sha256: digest.0, size: digest.1)
        return digest
    }
}
