import GRDB
import RectifyCore

/// The superior's side: the filings received, the cases they hold, and the certificates it trusts.
extension Store {
    public func filedCases() throws -> [FiledCase] {
        try FiledCase.order(Column("divisionCode"), Column("caseNumber")).fetchAll(db)
    }

    public func filedHazards(of filedCaseId: FiledCase.ID) throws -> [FiledHazard] {
        try FiledHazard.filter(Column("filedCaseId") == filedCaseId).order(Column("reference")).fetchAll(db)
    }

    public func filedDocuments(of filedCaseId: FiledCase.ID) throws -> [FiledDocument] {
        try FiledDocument.filter(Column("filedCaseId") == filedCaseId).order(Column("number")).fetchAll(db)
    }

    public func filedRecords(of filedCaseId: FiledCase.ID) throws -> [FiledRecord] {
        try FiledRecord.filter(Column("filedCaseId") == filedCaseId).order(Column("id")).fetchAll(db)
    }

    public func filings() throws -> [Filing] {
        try Filing.order(Column("id")).fetchAll(db)
    }

    /// Whether a file with these bytes was received already.
    public func filingReceived(sha256: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM filing WHERE sha256 = ?)"), arguments: [sha256]) ?? false
    }

    /// The current filing of a case from an agency. `current = 1` is spelled as the partial index `filing_current`
    /// is: SQLite uses a partial index only for a condition that matches its WHERE, and a scan of every filing per
    /// file made a 35,000-file import quadratic.
    public func currentFiling(divisionCode: String, caseNumber: String) throws -> Filing? {
        try Filing.fetchOne(db.cachedStatement(sql: Self.currentFilingSQL), arguments: [divisionCode, caseNumber])
    }

    static let currentFilingSQL = "SELECT * FROM filing WHERE divisionCode = ? AND caseNumber = ? AND current = 1"

    public func filedCase(filingId: Filing.ID) throws -> FiledCase? {
        try FiledCase.filter(Column("filingId") == filingId).fetchOne(db)
    }

    public func trustedCertificate(fingerprint: String) throws -> TrustedCertificate? {
        try TrustedCertificate.filter(TrustedCertificate.Columns.fingerprint == fingerprint).fetchOne(db)
    }

    /// The certificates trusted now (or every one ever registered), by agency and date added.
    public func trustedCertificates(includeRemoved: Bool) throws -> [TrustedCertificate] {
        var request = TrustedCertificate.order(Column("divisionCode"), Column("addedAt"))
        if !includeRemoved { request = request.filter(TrustedCertificate.Columns.removedAt == nil) }
        return try request.fetchAll(db)
    }
}
