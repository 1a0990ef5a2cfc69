import Foundation

/// An inspection plan, or the unit's rectification plan; a plan for a major hazard must have all of
/// "五到位": measures, responsible person, funds, deadline and contingency.
public struct PlanRecord: Codable, Equatable, Sendable {
    public typealias ID = Identifier<PlanRecord>
    public var id: ID?
    public var caseId: Case.ID
    public var kind: PlanKind
    public var hazardId: Hazard.ID?
    public var measures: String
    public var responsible: String?
    public var fundsYuan: Int?
    public var deadline: LocalDate?
    public var contingency: String?
    public var recordedOn: LocalDate

    public init(id: ID? = nil, caseId: Case.ID, kind: PlanKind, hazardId: Hazard.ID?, measures: String,
                responsible: String?, fundsYuan: Int?, deadline: LocalDate?, contingency: String?, recordedOn: LocalDate) {
        self.id = id
        self.caseId = caseId
        self.kind = kind
        self.hazardId = hazardId
        self.measures = measures
        self.responsible = responsible
        self.fundsYuan = fundsYuan
        self.deadline = deadline
        self.contingency = contingency
        self.recordedOn = recordedOn
    }

    /// The "五到位" fields missing from this plan (empty when complete).
    public var missingFiveInPlace: [(chinese: String, english: String)] {
        var missing: [(String, String)] = []
        if measures.isEmpty { missing.append(("整改措施", "measures")) }
        if (responsible ?? "").isEmpty { missing.append(("责任人", "responsible person")) }
        if fundsYuan == nil { missing.append(("整改资金", "funds")) }
        if deadline == nil { missing.append(("整改时限", "deadline")) }
        if (contingency ?? "").isEmpty { missing.append(("应急预案", "contingency plan")) }
        return missing
    }
}

/// The unit's own check (自查自改) against the campaign checklist, with its pledge (承诺).
public struct SelfCheckRecord: Codable, Equatable, Sendable {
    public typealias ID = Identifier<SelfCheckRecord>
    public var id: ID?
    public var caseId: Case.ID
    public var checkedOn: LocalDate
    public var checkedBy: String
    public var findings: String
    public var selfFixed: String?
    public var pledge: String

    public init(id: ID? = nil, caseId: Case.ID, checkedOn: LocalDate, checkedBy: String, findings: String,
                selfFixed: String?, pledge: String) {
        self.id = id
        self.caseId = caseId
        self.checkedOn = checkedOn
        self.checkedBy = checkedBy
        self.findings = findings
        self.selfFixed = selfFixed
        self.pledge = pledge
    }
}

public struct SelfCheckItem: Codable, Equatable, Sendable {
    public typealias ID = Identifier<SelfCheckItem>
    public var id: ID?
    public var selfCheckId: SelfCheckRecord.ID
    public var itemCode: String
    public var result: CheckResult

    public init(id: ID? = nil, selfCheckId: SelfCheckRecord.ID, itemCode: String, result: CheckResult) {
        self.id = id
        self.selfCheckId = selfCheckId
        self.itemCode = itemCode
        self.result = result
    }
}

/// The authority's re-check (复查复核) by two officers, with its 整改复查意见书.
public struct RecheckRecord: Codable, Equatable, Sendable {
    public typealias ID = Identifier<RecheckRecord>
    public var id: ID?
    public var caseId: Case.ID
    public var checkedOn: LocalDate
    public var officer1Id: Officer.ID
    public var officer2Id: Officer.ID
    public var opinion: String
    public var outcome: RecheckOutcome
    public var documentId: Document.ID

    public init(id: ID? = nil, caseId: Case.ID, checkedOn: LocalDate, officer1Id: Officer.ID, officer2Id: Officer.ID,
                opinion: String, outcome: RecheckOutcome, documentId: Document.ID) {
        self.id = id
        self.caseId = caseId
        self.checkedOn = checkedOn
        self.officer1Id = officer1Id
        self.officer2Id = officer2Id
        self.opinion = opinion
        self.outcome = outcome
        self.documentId = documentId
    }
}

public struct RecheckFinding: Codable, Equatable, Sendable {
    public typealias ID = Identifier<RecheckFinding>
    public var id: ID?
    public var recheckId: RecheckRecord.ID
    public var hazardId: Hazard.ID
    public var verdict: RecheckVerdict

    public init(id: ID? = nil, recheckId: RecheckRecord.ID, hazardId: Hazard.ID, verdict: RecheckVerdict) {
        self.id = id
        self.recheckId = recheckId
        self.hazardId = hazardId
        self.verdict = verdict
    }
}

/// An issued enforcement document; frozen once issued.
public struct Document: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Document>
    public var id: ID?
    public var kind: DocumentKind
    public var agency: String
    public var code: String
    public var year: Int
    public var serial: Int
    public var number: String
    public var caseId: Case.ID?
    public var issuedOn: LocalDate

    public init(id: ID? = nil, kind: DocumentKind, number: DocumentNumber, caseId: Case.ID?, issuedOn: LocalDate) {
        self.id = id
        self.kind = kind
        agency = number.agency
        code = number.code
        year = number.year
        serial = number.serial
        self.number = number.description
        self.caseId = caseId
        self.issuedOn = issuedOn
    }
}

/// A photo or scan, stored once by its SHA-256.
public struct StoredFile: Codable, Equatable, Sendable {
    public typealias ID = Identifier<StoredFile>
    public var id: ID?
    public var sha256: String
    public var size: Int
    public var content: Data

    public init(id: ID? = nil, sha256: String, size: Int, content: Data) {
        self.id = id
        self.sha256 = sha256
        self.size = size
        self.content = content
    }
}

/// Links a stored file to a case, and optionally to one hazard or record of it.
public struct Attachment: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Attachment>
    public var id: ID?
    public var fileId: StoredFile.ID
    public var caseId: Case.ID
    public var hazardId: Hazard.ID?
    public var recordKind: String?
    public var recordId: Int64?
    public var fileName: String
    public var mediaType: String
    public var capturedAt: String
    public var attachedOn: LocalDate

    public init(id: ID? = nil, fileId: StoredFile.ID, caseId: Case.ID, hazardId: Hazard.ID?, recordKind: String?,
                recordId: Int64?, fileName: String, mediaType: String, capturedAt: String, attachedOn: LocalDate) {
        self.id = id
        self.fileId = fileId
        self.caseId = caseId
        self.hazardId = hazardId
        self.recordKind = recordKind
        self.recordId = recordId
        self.fileName = fileName
        self.mediaType = mediaType
        self.capturedAt = capturedAt
        self.attachedOn = attachedOn
    }
}
