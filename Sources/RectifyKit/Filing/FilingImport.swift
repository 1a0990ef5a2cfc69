import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// A checked file handed from a worker to the writer, which is the one thread an import cannot spread over the
/// cores: a case file's content is read out of its tree here, on the worker, and the tree is freed there too.
struct CheckedFiling: @unchecked Sendable {
    var result: FilingValidator.Result
    var kind: FilingFormat.Kind?
    var signer: TrustedSigner?
    /// For a valid case file, the content to store, or why it cannot be read.
    var content: Result<FiledCaseReader, any Error>?
    var sha256: String
    var size: Int
    var caseNumber: String? { try? content?.get().caseNumber }

    /// `expectedCampaign`, `expectedSigner`: a file listed by a manifest must belong to its campaign and come from the
    /// manifest's agency.
    init(_ checked: FilingValidator.Checked, expectedCampaign: String? = nil, expectedSigner: TrustedSigner? = nil) {
        result = checked.result
        signer = checked.signer
        sha256 = checked.sha256
        size = checked.size
        guard checked.result.isValid, let format = checked.format, let root = checked.document?.rootElement else { return }
        kind = format.kind
        if format.kind == .caseFile {
            content = Result { try FiledCaseReader(root: root) }
            if let reader = try? content?.get() {
                if let expectedCampaign, reader.filedCase.campaignCode != expectedCampaign {
                    result.problems.append(XMLError(file: checked.result.path, chinese: "案卷属于专项整治\(reader.filedCase.campaignCode)，不属于清单的\(expectedCampaign)",
                                                    english: "the case file belongs to campaign \(reader.filedCase.campaignCode), not the manifest's \(expectedCampaign)"))
                }
                if let expectedSigner, signer?.divisionCode != expectedSigner.divisionCode {
                    result.problems.append(XMLError(file: checked.result.path, chinese: "案卷与清单不是同一机关签名",
                                                    english: "the case file and its manifest are not signed by the same agency"))
                }
            }
        }
    }
}

extension Rectify {
    /// The trusted signers registered with `rectify trust add`, each for its agency.
    func trustedSigners() throws -> [TrustedSigner] {
        try trustedCertificates().map { entry in
            let der = [UInt8](Data(base64Encoded: entry.pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()) ?? Data())
            return TrustedSigner(certificate: try SignerCertificate(der: der), divisionCode: entry.divisionCode,
                                 agencyName: entry.agencyName)
        }
    }

    /// The superior's import of filings: every check `validate` makes, then, per campaign filing, one transaction for
    /// the manifest's whole listing — if any listed file is refused, nothing of that filing is stored. Each case is
    /// an idempotent upsert by (filing agency, case number): the same file twice changes nothing, a newer version
    /// replaces the current one, and every file received stays in the provenance record with its signer.
    /// Certificates are those registered with `rectify trust add`.
    public func importFilings(paths: [String], loose: Bool = false, schemas: String? = nil,
                              sizeLimit: Int = XMLDocument.defaultSizeLimit, actor: String,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> [ImportOutcome] {
        let now = database.clock()
        let signers = try trustedSigners()
        let validators = try PerWorker { try FilingValidator(trusted: signers, schemas: schemas, now: now) }
        let plan = try FilingPlan(paths: paths)
        try database.prepareForBulkWrites()
        let intake = FilingIntake(validators: validators, sizeLimit: sizeLimit, loose: loose, writing: true, progress: progress)
        let outcomes = try database.announcing("报送接收 import of filings", actor: actor) {
            try intake.run(plan) { body in
                try database.write(actor: actor) { context in
                    try body { path, check in try importChecked(path: path, check, into: context) }
                }
            }
        }
        // Best effort, and only when something was written: a refused import leaves the files as they were.
        if outcomes.contains(where: { $0.result == .imported || $0.result == .replaced }) { try? database.checkpoint() }
        return outcomes
    }

    private func importChecked(path: String, _ check: CheckedFiling, into context: WriteContext) throws -> ImportOutcome.Result {
        guard let content = check.content else {
            throw XMLError(file: path, chinese: "不是案卷文件", english: "not a case file")
        }
        return try context.importFiledCase(try content.get(), sha256: check.sha256, size: check.size,
                                           fileName: (path as NSString).lastPathComponent, signer: check.signer?.certificate)
    }
}

/// `validate`: the same plan and checks as an import, nothing stored.
public enum FilingCheck {
    public static func validate(paths: [String], trusted: [TrustedSigner], loose: Bool = false, schemas: String? = nil,
                                sizeLimit: Int = XMLDocument.defaultSizeLimit, now: Date = Date()) throws -> [FileOutcome] {
        let validators = try PerWorker { try FilingValidator(trusted: trusted, schemas: schemas, now: now) }
        let intake = FilingIntake(validators: validators, sizeLimit: sizeLimit, loose: loose, writing: false)
        return try intake.run(try FilingPlan(paths: paths)) { body in try body(nil) }
    }
}
extension Rectify {
    public struct FiledCaseView: Codable, Sendable, Equatable {
        public var filedCase: FiledCase
        public var hazards: [FiledHazard]
        public var documents: [FiledDocument]
        public var records: [FiledRecord]
    }

    /// The cases this authority holds from filings, current versions only.
    public func filedCases() throws -> [FiledCaseView] {
        try database.read { store in
            try store.filedCases().map { filed in
                FiledCaseView(filedCase: filed, hazards: try store.filedHazards(of: filed.id!),
                              documents: try store.filedDocuments(of: filed.id!), records: try store.filedRecords(of: filed.id!))
            }
        }
    }

    public func filings() throws -> [Filing] {
        try database.read { try $0.filings() }
    }
}

/// Reads a validated case file into the superior's rows.
struct FiledCaseReader {
    var agencyName = ""
    var divisionCode = ""
    var caseNumber = ""
    var formedAt = ""
    var nature = ""
    /// The filing agency's chain head the file was signed with.
    var chainHead: ChainHead?
    var filedCase: (campaignCode: String, campaignTitle: String, campaignKind: String, uscc: String, unitName: String,
                    street: String, category: String, state: String, openedOn: LocalDate, closedOn: LocalDate?)
    var hazards: [(reference: String, description: String, level: String, criterion: String, foundOn: LocalDate,
                   originalDeadline: LocalDate, deadline: LocalDate, status: String, listed: Bool, orderNumber: String)] = []
    var documents: [(number: String, kind: String, issuedOn: LocalDate)] = []
    var records: [(kind: String, date: LocalDate, summary: String)] = []

    /// Every record is read by its exact path under the root: nothing elsewhere in the file (inside the signature,
    /// where no digest covers it) can be taken for part of the case.
    init(root: XMLElementRef) throws {
        let ns = root.namespace
        func text(_ element: XMLElementRef?, _ name: String) -> String { element?.child(name, namespace: ns)?.text ?? "" }
        func date(_ element: XMLElementRef?, _ name: String) -> LocalDate? { LocalDate(text(element, name)) }
        let agency = root.child("责任者", namespace: ns)
        agencyName = text(agency, "机构名称")
        divisionCode = text(agency, "行政区划代码")
        caseNumber = text(root, "电子文件号")
        formedAt = text(root, "形成时间")
        nature = text(root, "归档性质") == "最终" ? "final" : "interim"
        chainHead = ChainHeadElement.read(root)
        let unit = root.child("生产经营单位", namespace: ns)
        let campaign = root.child("专项整治", namespace: ns)
        guard let opened = date(root, "立档日期") else {
            throw XMLError(file: caseNumber, chinese: "缺少立档日期", english: "no opening date")
        }
        filedCase = (text(campaign, "整治代码"), text(campaign, "题名"), text(campaign, "整治类型"), text(unit, "统一社会信用代码"),
                     text(unit, "单位名称"), text(unit, "街道"), text(unit, "类别"), text(root, "业务状态"), opened,
                     date(root, "结档日期"))
        for hazard in root.child("事故隐患列表", namespace: ns)?.children("事故隐患", namespace: ns) ?? [] {
            guard let found = date(hazard, "发现日期"), let original = date(hazard, "原整改期限"), let current = date(hazard, "整改期限")
            else { continue }
            hazards.append((hazard.attribute("隐患编号") ?? "", text(hazard, "隐患描述"), text(hazard, "隐患等级"),
                            text(hazard, "判定依据"), found, original, current, text(hazard, "隐患状态"),
                            text(hazard, "挂牌督办") == "true", text(hazard, "责令整改文号")))
        }
        for document in root.child("文件列表", namespace: ns)?.children("文件", namespace: ns) ?? [] {
            if let issued = date(document, "日期") {
                documents.append((text(document, "文件编号"), text(document, "文种"), issued))
            }
        }
        for plan in root.children("整改计划", namespace: ns) {
            if let day = date(plan, "登记日期") { records.append(("plan", day, "\(text(plan, "类型"))：\(text(plan, "措施"))")) }
        }
        for check in root.children("自查自改记录", namespace: ns) {
            if let day = date(check, "日期") { records.append(("self-check", day, text(check, "自查发现"))) }
        }
        for recheck in root.children("复查复核记录", namespace: ns) {
            if let day = date(recheck, "日期") {
                records.append(("recheck", day, "\(text(recheck, "复查结果"))：\(text(recheck, "复查意见"))"))
            }
        }
        if let penalty = root.child("行政处罚", namespace: ns), let day = date(penalty, "立案日期") ?? date(penalty, "决定日期") {
            records.append(("penalty", day, "\(text(penalty, "处罚程序"))·\(text(penalty, "处罚阶段"))·罚款\(text(penalty, "罚款"))"))
        }
    }
}

extension WriteContext {
    func importFiledCase(_ filed: FiledCaseReader, sha256: String, size: Int, fileName: String,
                         signer: SignerCertificate?) throws -> ImportOutcome.Result {
        if try store.filingReceived(sha256: sha256) { return .unchanged }
        var filing = Filing(agencyName: filed.agencyName, divisionCode: filed.divisionCode, caseNumber: filed.caseNumber,
                            formedAt: filed.formedAt, nature: filed.nature, sha256: sha256, size: size, fileName: fileName,
                            receivedAt: Timestamp.string(now), current: true, signerFingerprint: signer?.fingerprint,
                            signerSubject: signer?.subject, chainSeq: filed.chainHead?.seq, chainHash: filed.chainHead?.hash)
        let existing = try store.currentFiling(divisionCode: filed.divisionCode, caseNumber: filed.caseNumber)
        if var existing {
            guard (FormedAt.moment(filed.formedAt) ?? .distantPast) > (FormedAt.moment(existing.formedAt) ?? .distantPast) else {
                filing.current = false
                try insert(&filing, action: "filing.receive-older")
                return .olderKept
            }
            if let old = try store.filedCase(filingId: existing.id!) {
                for hazard in try store.filedHazards(of: old.id!) { try delete(hazard, action: "filing.replace") }
                for document in try store.filedDocuments(of: old.id!) { try delete(document, action: "filing.replace") }
                for record in try store.filedRecords(of: old.id!) { try delete(record, action: "filing.replace") }
                try delete(old, action: "filing.replace")
            }
            existing.current = false
            try update(existing, action: "filing.superseded")
        }
        let filingId = try insert(&filing, action: "filing.receive")
        let c = filed.filedCase
        var row = FiledCase(filingId: filingId, divisionCode: filed.divisionCode, caseNumber: filed.caseNumber,
                            campaignCode: c.campaignCode, campaignTitle: c.campaignTitle, campaignKind: c.campaignKind,
                            uscc: c.uscc, unitName: c.unitName, street: c.street, category: c.category, state: c.state,
                            openedOn: c.openedOn, closedOn: c.closedOn)
        let caseId = try insert(&row, action: "filing.case")
        for h in filed.hazards {
            var hazard = FiledHazard(filedCaseId: caseId, reference: h.reference, description: h.description, level: h.level,
                                     criterion: h.criterion, foundOn: h.foundOn, originalDeadline: h.originalDeadline,
                                     deadline: h.deadline, status: h.status, listed: h.listed, orderNumber: h.orderNumber)
            try insert(&hazard, action: "filing.hazard")
        }
        for d in filed.documents {
            var document = FiledDocument(filedCaseId: caseId, number: d.number, kind: d.kind, issuedOn: d.issuedOn)
            try insert(&document, action: "filing.document")
        }
        for r in filed.records {
            var record = FiledRecord(filedCaseId: caseId, kind: r.kind, date: r.date, summary: r.summary)
            try insert(&record, action: "filing.record")
        }
        return existing == nil ? .imported : .replaced
    }
}

