import Foundation
import RectifyCore
import RectifyXML

/// What `rectify validate` (and, at the superior, `import`) checks in one filed file: UTF-8 as signed, well-formed and
/// safe, valid against the schema of its format and version, signed in Rectify's profile by a trusted certificate
/// that was valid when the file says it was made, by the agency the file claims to come from, not dated in the
/// future, every attachment's bytes matching its hash and size, and the semantic rules the schema cannot express.
/// A manifest's listing is checked by `FilingIntake`, which reads the manifest first.
public struct FilingValidator {
    let schemas: [FilingFormat: SchemaValidator]
    let verifier: XMLVerifier
    /// The time of the import (or the check): nothing dated after it is accepted.
    let now: Date

    public init(trusted: [TrustedSigner], schemas: String? = nil, now: Date = Date()) throws {
        var compiled: [FilingFormat: SchemaValidator] = [:]
        for format in FilingFormat.allCases {
            compiled[format] = try SchemaValidator(path: try SchemaLocator.path(format.schemaFile, folder: schemas))
        }
        self.schemas = compiled
        verifier = try XMLVerifier(trusted: trusted)
        self.now = now
    }

    /// Certificates named as PEM files (`validate --trust`), each speaking for the agency its subject names.
    public init(trustedCertificates: [String], schemas: String? = nil, now: Date = Date()) throws {
        try self.init(trusted: try trustedCertificates.map { try TrustedSigner(certificateFile: $0) }, schemas: schemas, now: now)
    }

    public struct Result: Sendable {
        public var path: String
        public var problems: [XMLError]
        public var isValid: Bool { problems.isEmpty }
    }

    public func validate(path: String, sizeLimit: Int = XMLDocument.defaultSizeLimit) -> Result {
        validated(path: path, sizeLimit: sizeLimit).result
    }

    /// What checking one file gave: the result, the parsed document when it could be parsed, its format, the signer,
    /// and the SHA-256 and size of the bytes checked (import records them; the file is read once).
    struct Checked {
        var result: Result
        var document: XMLDocument?
        var format: FilingFormat?
        var signer: TrustedSigner?
        var sha256: String
        var size: Int
    }

    /// `listed`: the SHA-256 and size a manifest gives for the file; bytes that differ are refused before they are
    /// parsed.
    func validated(path: String, sizeLimit: Int = XMLDocument.defaultSizeLimit,
                   listed: (sha256: String, size: Int)? = nil) -> Checked {
        let bytes: [UInt8]
        do {
            bytes = try XMLDocument.read(path: path, sizeLimit: sizeLimit)
        } catch {
            return Checked(result: Result(path: path, problems: [Self.problem(error, path)]), sha256: "", size: 0)
        }
        let sha256 = SHA256.hex(bytes)
        func refused(_ problem: XMLError) -> Checked {
            Checked(result: Result(path: path, problems: [problem]), sha256: sha256, size: bytes.count)
        }
        if let listed, listed.sha256 != sha256 || listed.size != bytes.count {
            return refused(XMLError(file: path, chinese: "文件与清单所列的SHA-256或大小不符（清单：\(listed.size)字节 \(listed.sha256.prefix(12))…；实际：\(bytes.count)字节 \(sha256.prefix(12))…）",
                                    english: "the file does not match the SHA-256 or size its manifest lists (listed \(listed.size) bytes \(listed.sha256.prefix(12))…, found \(bytes.count) bytes \(sha256.prefix(12))…)"))
        }
        let document: XMLDocument
        do {
            document = try XMLDocument.parse(bytes: bytes, name: path, sizeLimit: sizeLimit)
        } catch {
            return refused(Self.problem(error, path))
        }
        guard let root = document.rootElement, let format = FilingFormat(document) else {
            return Checked(result: Result(path: path, problems: [XMLError(
                file: path, line: 1, chinese: "根元素不是Rectify的报送格式（案卷、报送清单、统计报表或接收回执，及其命名空间）",
                english: "the root is not one of Rectify's filing formats (case file, manifest, report or receipt, in its namespace)")]),
                document: document, sha256: sha256, size: bytes.count)
        }
        var problems = schemas[format]!.validate(document)
        var signer: TrustedSigner?
        let formed = root.child("形成时间", namespace: format.namespace)
        let formedAt = formed.flatMap { FormedAt.moment($0.text) }
        if let formedAt, formedAt > now {
            problems.append(XMLError(file: path, line: formed?.line ?? 0,
                                     chinese: "形成时间\(formed!.text)晚于现在（\(Timestamp.string(now))）：不接受将来的文件",
                                     english: "形成时间 \(formed!.text) is after now (\(Timestamp.string(now))): a file from the future is refused"))
        } else {
            switch verifier.check(document, signedAt: formedAt, now: now) {
            case .verified(let who): signer = who
            case .refused(let refusal): problems.append(refusal)
            }
        }
        if let signer, let mismatch = agencyMismatch(root, format: format, signer: signer, path: path) {
            problems.append(mismatch)
        }
        if problems.isEmpty {
            switch format.kind {
            case .caseFile: problems += semanticProblems(root, path: path)
            case .report: problems += reportProblems(root, path: path)
            case .manifest, .receipt, .checkpoint: break
            }
        }
        return Checked(result: Result(path: path, problems: problems), document: document, format: format, signer: signer,
                       sha256: sha256, size: bytes.count)
    }

    static func problem(_ error: any Error, _ path: String) -> XMLError {
        error as? XMLError ?? XMLError(file: path, chinese: "无法读取：\(error)", english: "cannot be read: \(error)")
    }

    /// A file speaks for the agency it names; its signer's certificate must be registered for that agency.
    func agencyMismatch(_ root: XMLElementRef, format: FilingFormat, signer: TrustedSigner, path: String) -> XMLError? {
        let ns = format.namespace
        let claimed: (name: String, code: String?)
        switch format.kind {
        case .caseFile:
            let agency = root.child("责任者", namespace: ns)
            claimed = (agency?.child("机构名称", namespace: ns)?.text ?? "", agency?.child("行政区划代码", namespace: ns)?.text)
        case .manifest, .report, .checkpoint:
            claimed = (root.child("责任者", namespace: ns)?.text ?? "", root.child("行政区划代码", namespace: ns)?.text)
        case .receipt:
            return nil
        }
        // A version 1 manifest names its agency only; its name must then be the registered one.
        let matches = claimed.code.map { $0 == signer.divisionCode } ?? (claimed.name == signer.agencyName)
        guard !matches else { return nil }
        let who = "\(claimed.name)（\(claimed.code ?? "未写区划代码")）"
        return XMLError(file: path, chinese: "文件称来自\(who)，但签名证书\(signer.certificate.label)登记为\(signer.agencyName)（\(signer.divisionCode)）的证书",
                        english: "the file claims to come from \(claimed.name) (\(claimed.code ?? "no division code")), but its signing certificate \(signer.certificate.labelEnglish) is registered for \(signer.agencyName) (\(signer.divisionCode))")
    }

    /// Records are found by their exact path under the root, never by a search of all descendants.
    func semanticProblems(_ root: XMLElementRef, path: String) -> [XMLError] {
        let ns = root.namespace
        var problems: [XMLError] = []
        func problem(_ element: XMLElementRef, _ chinese: String, _ english: String) {
            problems.append(XMLError(file: path, line: element.line, chinese: chinese, english: english))
        }
        if let code = root.child("生产经营单位", namespace: ns)?.child("统一社会信用代码", namespace: ns),
           let issue = USCC.problem(in: code.text) {
            problem(code, "统一社会信用代码\(code.text)：\(issue.chinese)", "USCC \(code.text): \(issue.english)")
        }
        let hazards = root.child("事故隐患列表", namespace: ns)?.children("事故隐患", namespace: ns) ?? []
        let numbers = (root.child("文件列表", namespace: ns)?.children("文件", namespace: ns) ?? []).compactMap { $0.child("文件编号", namespace: ns) }
            + hazards.compactMap { $0.child("责令整改文号", namespace: ns) }
            + root.children("复查复核记录", namespace: ns).compactMap { $0.child("文件编号", namespace: ns) }
        for number in numbers where DocumentNumber(parsing: number.text) == nil {
            problem(number, "文号“\(number.text)”格式不正确", "document number '\(number.text)' is malformed")
        }
        func date(_ element: XMLElementRef?) -> LocalDate? { element.flatMap { LocalDate($0.text) } }
        if let opened = date(root.child("立档日期", namespace: ns)), let closedElement = root.child("结档日期", namespace: ns),
           let closed = date(closedElement), closed < opened {
            problem(closedElement, "结档日期早于立档日期", "closed before it was opened")
        }
        for hazard in hazards {
            let found = date(hazard.child("发现日期", namespace: ns))
            let original = date(hazard.child("原整改期限", namespace: ns))
            let current = date(hazard.child("整改期限", namespace: ns))
            if let found, let original, let current, !(found <= original && original <= current) {
                problem(hazard, "隐患\(hazard.attribute("隐患编号") ?? "")的日期顺序不对（发现 ≤ 原期限 ≤ 现期限）",
                        "hazard dates out of order (found ≤ original deadline ≤ deadline)")
            }
        }
        for attachment in root.child("附件列表", namespace: ns)?.children("附件", namespace: ns) ?? [] {
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

/// 形成时间 as a moment, whatever offset it was written with.
enum FormedAt {
    static func moment(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

