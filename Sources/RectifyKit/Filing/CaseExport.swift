import Foundation
import RectifyCore
import RectifyStore
import RectifyXML

/// Where the signing key and certificate are.
public struct SigningMaterial: Sendable {
    public var key: String
    public var certificate: String

    public init(key: String?, certificate: String?) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let key = key ?? environment["RECTIFY_SIGNING_KEY"], let certificate = certificate ?? environment["RECTIFY_SIGNING_CERT"] else {
            throw RuleViolation(rule: .signingKeyRequired,
                                chinese: "报送文件必须签名：请用 --key 与 --cert（或 RECTIFY_SIGNING_KEY / RECTIFY_SIGNING_CERT）指定签名私钥和证书",
                                english: "filed XML must be signed: give --key and --cert (or RECTIFY_SIGNING_KEY / RECTIFY_SIGNING_CERT)")
        }
        self.key = key
        self.certificate = certificate
    }
}

public struct ExportedFile: Codable, Sendable {
    public var path: String
    public var sha256: String
    public var size: Int
    public var final: Bool
}

extension Rectify {
    /// Writes one signed case file: streamed, validated against the schema, signed, and only then moved to its name,
    /// so an interrupted export never leaves a half-written file named as done.
    public func exportCase(number: String, into folder: String?, signing: SigningMaterial, internalUse: Bool = false,
                           schemas: String? = nil) throws -> ExportedFile {
        let schema = try SchemaValidator(path: try SchemaLocator.path(SchemaLocator.caseFile, folder: schemas))
        let signer = try XMLSigner(keyPath: signing.key, certificatePath: signing.certificate)
        return try exportCase(number: number, into: folder, schema: schema, signer: signer, internalUse: internalUse)
    }

    func exportCase(number: String, into folder: String?, schema: SchemaValidator, signer: XMLSigner,
                    internalUse: Bool) throws -> ExportedFile {
        let rendered = try renderCase(number: number, into: folder, schema: schema, signer: signer, internalUse: internalUse,
                                      createFolder: true)
        try rendered.signed.write()
        return rendered.file
    }

    /// A case file validated and signed in memory, and where it goes.
    struct RenderedCase: Sendable {
        var file: ExportedFile
        var signed: SignedFile.Rendered
    }

    /// `engine`: a campaign export loads the calendar and rules once for all its cases, and creates its folder once.
    func renderCase(number: String, into folder: String?, schema: SchemaValidator, signer: XMLSigner,
                    internalUse: Bool, engine: DeadlineEngine? = nil, cache: CaseReadingCache? = nil,
                    createFolder: Bool) throws -> RenderedCase {
        let asOf = LocalDate(database.clock())
        // One read transaction for the whole file: the case page, the unit, the campaign, the events and the
        // attachments are one consistent state, and a campaign export does not begin and end six transactions a case.
        return try database.read { store in
            let record = try Lookup.case(store, number: number)
            // A file the superior's import would refuse is not written: checked before rendering, and after.
            let attached = try Lookup.attachmentBytes(store, caseId: record.id!)
            guard attached <= AttachmentLimits.perCaseBytes else { throw Self.caseTooLarge(number, attachments: attached, fileBytes: nil) }
            let detail = try CaseDetailReader(store: store, engine: try engine ?? LegalContext.engine(store), countEvents: false,
                                              cache: cache).detail(of: record, asOf: asOf)
            let base = folder ?? "Exports/\(detail.campaign)"
            if createFolder { try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true) }
            let target = (base as NSString).appendingPathComponent("\(detail.number).xml")
            let signed = try SignedFile(schema: schema, signer: signer).render(target) { writer in
                try writeCaseFile(detail, of: record.id!, store: store, with: writer, internalUse: internalUse, cache: cache)
            }
            guard signed.bytes.count <= XMLDocument.defaultSizeLimit else {
                throw Self.caseTooLarge(number, attachments: attached, fileBytes: signed.bytes.count)
            }
            return RenderedCase(file: ExportedFile(path: target, sha256: signed.sha256, size: signed.bytes.count,
                                                   final: detail.state == .closed),
                                signed: signed)
        }
    }

    static func caseTooLarge(_ number: String, attachments: Int, fileBytes: Int?) -> RuleViolation {
        let limit = XMLDocument.defaultSizeLimit
        let size = fileBytes.map { "案卷文件将有\($0)字节，" } ?? ""
        let sizeEnglish = fileBytes.map { "the case file would have \($0) bytes; " } ?? ""
        return RuleViolation(
            rule: .exportCaseTooLarge,
            chinese: "案卷\(number)的附件共\(attachments)字节，\(size)超过上级接收的上限（每个文件\(limit)字节，附件合计\(AttachmentLimits.perCaseBytes)字节）；未导出",
            english: "case \(number) has \(attachments) bytes of attachments; \(sizeEnglish)that is over what the superior's import accepts (\(limit) bytes a file, \(AttachmentLimits.perCaseBytes) bytes of attachments a case); not exported")
    }

    func writeCaseFile(_ detail: CaseDetail, of caseId: Case.ID, store: Store, with w: XMLWriter, internalUse: Bool,
                       cache: CaseReadingCache? = nil) throws {
        // Free text may quote a phone or citizen ID number (a party's, a witness's): it leaves the bureau masked.
        let free: (String?) -> String? = { text in internalUse ? text : text.map(PersonalData.maskFreeText) }
        let lint = try lint(detail, store: store)
        let agency = try cache?.agency ?? Lookup.agency(store)
        let campaign = try cache?.campaignHeaders[detail.campaign] ?? Rectify.campaignHeader(store, code: detail.campaign)
        cache?.agency = agency
        cache?.campaignHeaders[detail.campaign] = campaign
        let unitListing = try store.unitListing(id: detail.unit.id!)!
        try w.start("案卷", namespace: CaseFileFormat.namespace)
        try w.attribute("版本", "2")
        try w.element("电子文件号", detail.number)
        try w.element("归档性质", detail.state == .closed ? "最终" : "阶段性")
        try w.element("形成时间", Timestamp.string(database.clock()))
        try w.element("内部版本", internalUse ? "true" : "false")
        try w.start("责任者")
        try w.element("机构名称", agency.name)
        try w.element("机构简称", agency.abbreviation)
        try w.element("行政区划代码", agency.divisionCode)
        try w.end()
        try w.start("生产经营单位")
        try w.element("统一社会信用代码", unitListing.uscc)
        try w.element("单位名称", unitListing.name)
        try w.element("地址", free(detail.unit.address))
        try w.element("街道", unitListing.street)
        try w.element("网格", unitListing.grid)
        try w.element("类别", unitListing.category.chinese)
        try w.element("行业主管部门", unitListing.department)
        try w.element("负责人", free(unitListing.contactPerson))
        try w.element("联系电话", unitListing.phone.map { internalUse ? $0 : PersonalData.maskPhone($0) })
        try w.element("法定代表人", free(detail.unit.legalRepresentative))
        try w.end()
        try w.start("专项整治")
        try w.element("整治代码", campaign.code)
        try w.element("整治类型", campaign.kind.chinese)
        try w.element("题名", campaign.title)
        try w.element("方案文号", campaign.planNumber)
        try w.element("牵头部门", campaign.lead)
        try w.end()
        try w.element("业务状态", detail.state.chinese)
        try w.element("立档日期", detail.openedOn.description)
        try w.element("结档日期", detail.closedOn?.description)
        try writeOfficers(detail.officers, w)
        try writeHazards(detail, w, free: free)
        try writeRecords(detail, w, free: free)
        for recheck in detail.rechecks {
            try w.start("复查复核记录")
            try w.element("日期", recheck.record.checkedOn.description)
            try w.element("文件编号", recheck.documentNumber)
            try w.element("复查结果", recheck.record.outcome.chinese)
            try w.element("复查意见", free(recheck.record.opinion))
            try writeOfficers(recheck.officers, w)
            for finding in recheck.findings {
                try w.start("隐患结论")
                try w.attribute("隐患编号", "\(detail.number)/\(finding.hazard)")
                try w.text(finding.verdict.chinese)
                try w.end()
            }
            try w.end()
        }
        if let view = detail.penalty { try writePenalty(view, w, free: free) }
        try w.start("文件列表")
        for document in CaseFileFormat.filingOrder(detail.documents) {
            try w.start("文件")
            try w.element("文件编号", document.number)
            try w.element("文种", document.kind.chinese)
            try w.element("日期", document.issuedOn.description)
            try w.end()
        }
        try w.end()
        try w.start("案卷检查")
        for finding in lint.findings {
            try w.start("检查项")
            try w.attribute("规则", finding.rule)
            try w.text(free("\(finding.reference)：\(finding.chinese)")!)
            try w.end()
        }
        try w.end()
        try writeEvents(of: caseId, store: store, w)
        try writeAttachments(detail, store: store, w, free: free)
        try ChainHeadElement.write(try ChainHead.current(store), to: w)
        try w.end()
    }

    /// Officers as shown (`张三（32067100001）`), split into name and credential.
    private func writeOfficers(_ officers: [OfficerRef], _ w: XMLWriter) throws {
        for officer in officers {
            try w.start("执法人员")
            try w.element("姓名", officer.name)
            try w.element("执法证号", officer.credential)
            try w.end()
        }
    }

    private func writeRecords(_ detail: CaseDetail, _ w: XMLWriter, free: (String?) -> String?) throws {
        let references = Dictionary(uniqueKeysWithValues: detail.hazards.map { ($0.hazard.id!, $0.reference) })
        for plan in detail.plans {
            try w.start("整改计划")
            try w.element("类型", plan.kind.chinese)
            try w.element("措施", free(plan.measures))
            try w.element("隐患编号", plan.hazardId.flatMap { references[$0] })
            try w.element("责任人", free(plan.responsible))
            try w.element("整改资金", plan.fundsYuan)
            try w.element("整改时限", plan.deadline?.description)
            try w.element("应急预案", free(plan.contingency))
            try w.element("登记日期", plan.recordedOn.description)
            try w.end()
        }
        for check in detail.selfChecks {
            try w.start("自查自改记录")
            try w.element("日期", check.record.checkedOn.description)
            try w.element("自查人", free(check.record.checkedBy))
            try w.element("自查发现", free(check.record.findings))
            try w.element("已自行整改", free(check.record.selfFixed))
            try w.element("承诺", free(check.record.pledge))
            for item in check.items {
                try w.start("检查项结果")
                try w.attribute("要点", item.code)
                try w.text(item.result.chinese)
                try w.end()
            }
            try w.end()
        }
    }

    private func writePenalty(_ view: PenaltyView, _ w: XMLWriter, free: (String?) -> String?) throws {
        let p = view.penalty
        try w.start("行政处罚")
        try w.element("处罚程序", p.procedure.chinese)
        try w.element("处罚阶段", p.stage.chinese)
        try w.element("违法行为代码", p.violationCode)
        try w.element("处罚依据", p.basis)
        try w.element("违法事实", free(p.facts))
        try w.element("违法行为发生日", p.violationOn.description)
        try w.element("发现日期", p.discoveredOn?.description)
        try w.element("当事人类型", p.party.chinese)
        try w.element("立案日期", p.filedOn?.description)
        try w.element("告知日期", p.noticeOn?.description)
        try w.element("拟罚款", p.proposedFineYuan)
        try w.element("陈述申辩日期", p.defenceOn?.description)
        try w.element("放弃陈述申辩", p.defenceWaived ? "true" : "false")
        try w.element("听证申请日期", p.hearingRequestedOn?.description)
        try w.element("听证日期", p.hearingHeldOn?.description)
        try w.element("放弃听证日期", view.hearingWaiver?.waivedOn.description)
        try w.element("法制审核日期", p.reviewOn?.description)
        try w.element("集体讨论日期", p.discussionOn?.description)
        if let approved = view.decisionExtension {
            try w.start("延长办案期限")
            try w.element("批准日期", approved.approvedOn.description)
            try w.element("延长至", approved.newDeadline.description)
            try w.element("批准人", free(approved.approver))
            try w.element("理由", free(approved.reason))
            try w.end()
        }
        try w.element("决定日期", p.decidedOn?.description)
        try w.element("罚款", p.fineYuan)
        try w.element("处罚措施", free(p.measures))
        try w.element("责令停产停业", p.stopOrder ? "true" : "false")
        try w.element("送达日期", p.servedOn?.description)
        try w.element("送达方式", free(p.serviceMethod))
        try w.element("缴款日期", p.paidOn?.description)
        try w.element("缴款金额分", p.paidFen)
        try w.element("加处罚款分", p.surchargeFen)
        try w.element("催告日期", p.demandOn?.description)
        try w.element("移送日期", p.transferredOn?.description)
        try w.element("移送机关", free(p.transferTo))
        try w.element("结案日期", p.closedOn?.description)
        for deadline in view.deadlines {
            try w.start("期限")
            try w.element("名称", deadline.name)
            try w.element("日期", deadline.due.description)
            try w.element("说明", deadline.explanation)
            try w.end()
        }
        try w.end()
    }

    private func writeHazards(_ detail: CaseDetail, _ w: XMLWriter, free: (String?) -> String?) throws {
        try w.start("事故隐患列表")
        for view in detail.hazards {
            let hazard = view.hazard
            try w.start("事故隐患")
            try w.attribute("隐患编号", view.reference)
            try w.element("隐患描述", free(hazard.description))
            try w.element("检查要点", hazard.checklistCode)
            try w.element("隐患等级", hazard.level.chinese)
            try w.element("判定依据", free(hazard.criterion))
            try w.element("发现日期", hazard.foundOn.description)
            try w.element("原整改期限", hazard.originalDeadline.description)
            try w.element("整改期限", hazard.deadline.description)
            try w.element("隐患状态", hazard.status.chinese)
            try w.element("挂牌督办", hazard.listedSupervision ? "true" : "false")
            try w.element("责令整改文号", view.orderNumber)
            for item in view.extensions {
                try w.start("延期")
                try w.element("原期限", item.fromDeadline.description)
                try w.element("新期限", item.toDeadline.description)
                try w.element("理由", free(item.reason))
                try w.element("批准日期", item.grantedOn.description)
                try w.end()
            }
            for deadline in view.deadlines {
                try w.start("期限")
                try w.element("名称", deadline.name)
                try w.element("日期", deadline.due.description)
                try w.element("说明", deadline.explanation)
                try w.end()
            }
            try w.end()
        }
        try w.end()
    }

    /// Only the columns the file shows, all of them in the index `event_entity_listing`: the events' rows, with their
    /// before/after JSON, are not read at all.
    private func writeEvents(of caseId: Case.ID, store: Store, _ w: XMLWriter) throws {
        try w.start("审计事件列表")
        try store.forEachCaseEvent(caseId: caseId) { event in
            try w.start("事件")
            try w.element("序号", Int(event.seq))
            try w.element("时间", event.at)
            try w.element("操作人", event.actor)
            try w.element("动作", event.action)
            try w.element("对象", "\(event.entity)#\(event.entityId)")
            try w.element("哈希", event.hash)
            try w.end()
        }
        try w.end()
    }

    private func writeAttachments(_ detail: CaseDetail, store: Store, _ w: XMLWriter, free: (String?) -> String?) throws {
        try w.start("附件列表")
        for attachment in detail.attachments {
            let file = try store.storedFile(id: attachment.fileId)!
            try w.start("附件")
            try w.element("计算机文件名", free(attachment.fileName))
            try w.element("格式信息", attachment.mediaType)
            try w.element("拍摄时间", attachment.capturedAt)
            try w.element("计算机文件大小", file.size)
            try w.element("SHA256", file.sha256)
            try w.start("内容")
            let bytes = [UInt8](file.content)
            // Chunks of a multiple of 3 bytes, so the base64 pieces join without padding in between.
            let chunk = 3 * 16_384
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                try w.base64(Array(bytes[start..<min(start + chunk, bytes.count)]))
            }
            try w.end()
            try w.end()
        }
        try w.end()
    }
}

extension Rectify {
    /// What a case file says of its campaign (without the case counts a listing computes).
    static func campaignHeader(_ store: Store, code: String) throws -> CampaignHeader {
        let campaign = try Lookup.campaign(store, code: code)
        let lead = try store.department(id: campaign.leadDepartmentId)!.name
        return (campaign.code, campaign.kind, campaign.title, campaign.planNumber, lead)
    }
}

/// What a case file says of its campaign.
typealias CampaignHeader = (code: String, kind: CampaignKind, title: String, planNumber: String, lead: String)

/// The case-file format's fixed parts.
public enum CaseFileFormat {
    /// Version 2 of each format is written; version 1 files are still read (same elements, looser schema).
    public static let namespace = "urn:rectify:case-file:2"
    public static let manifestNamespace = "urn:rectify:manifest:2"
    public static let reportNamespace = "urn:rectify:campaign-report:2"
    public static let receiptNamespace = "urn:rectify:receipt:1"
    public static let checkpointNamespace = "urn:rectify:checkpoint:1"
    static let namespaceV1 = "urn:rectify:case-file:1"
    static let manifestNamespaceV1 = "urn:rectify:manifest:1"
    static let reportNamespaceV1 = "urn:rectify:campaign-report:1"

    /// Documents in the filing order of `reference/domain.md` §3 (the Tianjin rule), then by date and number.
    static func filingOrder(_ documents: [Document]) -> [Document] {
        documents.sorted {
            (filingRank($0.kind), $0.issuedOn, $0.serial) < (filingRank($1.kind), $1.issuedOn, $1.serial)
        }
    }

    /// A switch, so that a new kind of document cannot be added without its place in the file.
    static func filingRank(_ kind: DocumentKind) -> Int {
        switch kind {
        case .penaltyDecision: 0
        case .penaltyFiling: 1
        case .inspectionRecord: 2
        case .rectificationOrder: 3
        case .recheckOpinion: 4
        case .penaltyNotice: 5
        case .hearingNotice: 6
        case .discussionRecord: 7
        case .decisionExtension: 8
        case .paymentApproval: 9
        case .demandNotice: 10
        case .transferLetter: 11
        case .closingApproval: 12
        }
    }
}
