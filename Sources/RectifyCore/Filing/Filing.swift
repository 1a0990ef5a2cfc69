/// One file a district filed with this (superior) authority: who sent what, when, with which hash.
public struct Filing: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Filing>
    public var id: ID?
    public var agencyName: String
    public var divisionCode: String
    public var caseNumber: String
    /// 形成时间 of the file: a later one is a newer version of the case.
    public var formedAt: String
    public var nature: String
    public var sha256: String
    public var size: Int
    public var fileName: String
    public var receivedAt: String
    /// The version of the case this authority currently holds.
    public var current: Bool
    /// The certificate that signed the file (SHA-256 of its DER bytes) and its subject; nil for filings received
    /// before signers were recorded.
    public var signerFingerprint: String?
    public var signerSubject: String?
    /// The filing agency's audit-chain head the file was signed with (`审计链头`); nil for older files.
    public var chainSeq: Int64?
    public var chainHash: String?

    public init(id: ID? = nil, agencyName: String, divisionCode: String, caseNumber: String, formedAt: String, nature: String,
                sha256: String, size: Int, fileName: String, receivedAt: String, current: Bool,
                signerFingerprint: String? = nil, signerSubject: String? = nil, chainSeq: Int64? = nil, chainHash: String? = nil) {
        self.chainSeq = chainSeq
        self.chainHash = chainHash
        self.signerFingerprint = signerFingerprint
        self.signerSubject = signerSubject
        self.id = id
        self.agencyName = agencyName
        self.divisionCode = divisionCode
        self.caseNumber = caseNumber
        self.formedAt = formedAt
        self.nature = nature
        self.sha256 = sha256
        self.size = size
        self.fileName = fileName
        self.receivedAt = receivedAt
        self.current = current
    }
}

/// The current version of a filed case, as the superior holds it.
public struct FiledCase: Codable, Equatable, Sendable {
    public typealias ID = Identifier<FiledCase>
    public var id: ID?
    public var filingId: Filing.ID
    public var divisionCode: String
    public var caseNumber: String
    public var campaignCode: String
    public var campaignTitle: String
    public var campaignKind: String
    public var uscc: String
    public var unitName: String
    public var street: String
    public var category: String
    public var state: String
    public var openedOn: LocalDate
    public var closedOn: LocalDate?

    public init(id: ID? = nil, filingId: Filing.ID, divisionCode: String, caseNumber: String, campaignCode: String,
                campaignTitle: String, campaignKind: String, uscc: String, unitName: String, street: String, category: String,
                state: String, openedOn: LocalDate, closedOn: LocalDate?) {
        self.id = id
        self.filingId = filingId
        self.divisionCode = divisionCode
        self.caseNumber = caseNumber
        self.campaignCode = campaignCode
        self.campaignTitle = campaignTitle
        self.campaignKind = campaignKind
        self.uscc = uscc
        self.unitName = unitName
        self.street = street
        self.category = category
        self.state = state
        self.openedOn = openedOn
        self.closedOn = closedOn
    }
}

public struct FiledHazard: Codable, Equatable, Sendable {
    public typealias ID = Identifier<FiledHazard>
    public var id: ID?
    public var filedCaseId: FiledCase.ID
    public var reference: String
    public var description: String
    public var level: String
    public var criterion: String
    public var foundOn: LocalDate
    public var originalDeadline: LocalDate
    public var deadline: LocalDate
    public var status: String
    public var listed: Bool
    public var orderNumber: String

    public init(id: ID? = nil, filedCaseId: FiledCase.ID, reference: String, description: String, level: String,
                criterion: String, foundOn: LocalDate, originalDeadline: LocalDate, deadline: LocalDate, status: String,
                listed: Bool, orderNumber: String) {
        self.id = id
        self.filedCaseId = filedCaseId
        self.reference = reference
        self.description = description
        self.level = level
        self.criterion = criterion
        self.foundOn = foundOn
        self.originalDeadline = originalDeadline
        self.deadline = deadline
        self.status = status
        self.listed = listed
        self.orderNumber = orderNumber
    }
}

public struct FiledDocument: Codable, Equatable, Sendable {
    public typealias ID = Identifier<FiledDocument>
    public var id: ID?
    public var filedCaseId: FiledCase.ID
    public var number: String
    public var kind: String
    public var issuedOn: LocalDate

    public init(id: ID? = nil, filedCaseId: FiledCase.ID, number: String, kind: String, issuedOn: LocalDate) {
        self.id = id
        self.filedCaseId = filedCaseId
        self.number = number
        self.kind = kind
        self.issuedOn = issuedOn
    }
}

/// A plan, self-check, re-check or penalty of a filed case, as its date and a one-line summary.
public struct FiledRecord: Codable, Equatable, Sendable {
    public typealias ID = Identifier<FiledRecord>
    public var id: ID?
    public var filedCaseId: FiledCase.ID
    public var kind: String
    public var date: LocalDate
    public var summary: String

    public init(id: ID? = nil, filedCaseId: FiledCase.ID, kind: String, date: LocalDate, summary: String) {
        self.id = id
        self.filedCaseId = filedCaseId
        self.kind = kind
        self.date = date
        self.summary = summary
    }
}

/// A certificate the superior trusts to sign filings of one agency (its division code and name). Removing it keeps
/// the row, with the time, so that filings it signed still name it.
public struct TrustedCertificate: Codable, Equatable, Sendable {
    public typealias ID = Identifier<TrustedCertificate>
    public var id: ID?
    /// SHA-256 of the DER bytes, lower-case hex.
    public var fingerprint: String
    public var subject: String
    public var pem: String
    public var divisionCode: String
    public var agencyName: String
    public var notBefore: String
    public var notAfter: String
    public var addedAt: String
    public var removedAt: String?

    public init(id: ID? = nil, fingerprint: String, subject: String, pem: String, divisionCode: String, agencyName: String,
                notBefore: String, notAfter: String, addedAt: String, removedAt: String? = nil) {
        self.id = id
        self.fingerprint = fingerprint
        self.subject = subject
        self.pem = pem
        self.divisionCode = divisionCode
        self.agencyName = agencyName
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.addedAt = addedAt
        self.removedAt = removedAt
    }
}
