import Foundation
import GRDB
import RectifyCore

extension Identifier: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Identifier? {
        Int64.fromDatabaseValue(dbValue).map(Identifier.init)
    }
}

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap(LocalDate.init)
    }
}

extension USCC: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> USCC? {
        String.fromDatabaseValue(dbValue).flatMap { try? USCC($0) }
    }
}

extension UnitCategory: DatabaseValueConvertible {}
extension CampaignKind: DatabaseValueConvertible {}
extension TargetMetric: DatabaseValueConvertible {}
extension HazardLevel: DatabaseValueConvertible {}
extension HazardStatus: DatabaseValueConvertible {}
extension RecheckVerdict: DatabaseValueConvertible {}
extension RecheckOutcome: DatabaseValueConvertible {}
extension PlanKind: DatabaseValueConvertible {}
extension CheckResult: DatabaseValueConvertible {}
extension CaseState: DatabaseValueConvertible {}
extension DocumentKind: DatabaseValueConvertible {}
extension RuleKey: DatabaseValueConvertible {}
extension RuleUnit: DatabaseValueConvertible {}
extension CalendarDayKind: DatabaseValueConvertible {}
extension PartyKind: DatabaseValueConvertible {}
extension PenaltyProcedureKind: DatabaseValueConvertible {}
extension PenaltyStage: DatabaseValueConvertible {}

/// A record with an integer `id` that the database assigns.
public protocol IdentifiedRecord: FetchableRecord, MutablePersistableRecord, Codable {
    associatedtype Entity
    var id: Identifier<Entity>? { get set }
    /// The columns an audited insert writes, in a fixed order, with their values. By default from the record's
    /// encoding; a record written in bulk lists them itself (a register import inserts 100,000 units).
    func columnsAndValues() throws -> (columns: [String], values: [DatabaseValue])
}

extension IdentifiedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = Identifier(inserted.rowID)
    }

    public func columnsAndValues() throws -> (columns: [String], values: [DatabaseValue]) {
        let dictionary = try databaseDictionary
        let columns = dictionary.keys.sorted()
        return (columns, columns.map { dictionary[$0]! })
    }
}

extension Agency: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "agency"
}

extension Department: IdentifiedRecord {
    public static let databaseTableName = "department"
    public enum Columns { public static let name = Column("name") }
}

extension Account: IdentifiedRecord {
    public static let databaseTableName = "account"
    public enum Columns { public static let login = Column("login") }
}

extension APIToken: IdentifiedRecord {
    public static let databaseTableName = "apiToken"
    public enum Columns { public static let name = Column("name") }
}

extension Street: IdentifiedRecord {
    public static let databaseTableName = "street"
    public enum Columns { public static let name = Column("name") }
}

extension Grid: IdentifiedRecord {
    public static let databaseTableName = "grid"
    public enum Columns {
        public static let name = Column("name")
        public static let streetId = Column("streetId")
    }
}

extension Officer: IdentifiedRecord {
    public static let databaseTableName = "officer"
    public enum Columns { public static let credential = Column("credential") }
}

extension BusinessUnit: IdentifiedRecord {
    public static let databaseTableName = "unit"
    public enum Columns {
        public static let uscc = Column("uscc")
        public static let streetId = Column("streetId")
        public static let category = Column("category")
    }

    /// Written out by hand: a register import writes 100,000 of these, and Codable's keyed encoder cost more than
    /// the insert itself.
    public func encode(to container: inout PersistenceContainer) {
        for (column, value) in zip(Self.listedColumns, listedValues) { container[column] = value }
    }

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) { (Self.listedColumns, listedValues) }

    public static let listedColumns = ["id", "uscc", "name", "address", "streetId", "gridId", "category", "departmentId",
                                "contactPerson", "phone", "legalRepresentative", "supervisors"]

    var listedValues: [DatabaseValue] {
        [id.databaseValue, uscc.databaseValue, name.databaseValue, address.databaseValue, streetId.databaseValue,
         gridId.databaseValue, category.databaseValue, departmentId.databaseValue, contactPerson.databaseValue,
         phone.databaseValue, legalRepresentative.databaseValue, supervisors.databaseValue]
    }
}

extension Campaign: IdentifiedRecord {
    public static let databaseTableName = "campaign"
    public enum Columns { public static let code = Column("code") }
}

extension CampaignPartner: IdentifiedRecord {
    public static let databaseTableName = "campaignPartner"
    public enum Columns { public static let campaignId = Column("campaignId") }
}

extension CampaignPhase: IdentifiedRecord {
    public static let databaseTableName = "campaignPhase"
    public enum Columns {
        public static let campaignId = Column("campaignId")
        public static let seq = Column("seq")
    }
}

extension CampaignScope: IdentifiedRecord {
    public static let databaseTableName = "campaignScope"
    public enum Columns { public static let campaignId = Column("campaignId") }
}

extension CampaignTarget: IdentifiedRecord {
    public static let databaseTableName = "campaignTarget"
    public enum Columns { public static let campaignId = Column("campaignId") }
}

extension CampaignChecklistItem: IdentifiedRecord {
    public static let databaseTableName = "campaignChecklistItem"
    public enum Columns {
        public static let campaignId = Column("campaignId")
        public static let seq = Column("seq")
        public static let code = Column("code")
    }
}

extension Case: IdentifiedRecord {
    public static let databaseTableName = "case"
    public enum Columns {
        public static let number = Column("number")
        public static let campaignId = Column("campaignId")
        public static let unitId = Column("unitId")
        public static let state = Column("state")
        public static let serial = Column("serial")
    }
}

extension Hazard: IdentifiedRecord {
    public static let databaseTableName = "hazard"
    public enum Columns {
        public static let caseId = Column("caseId")
        public static let seq = Column("seq")
        public static let status = Column("status")
    }
}

extension HazardExtension: IdentifiedRecord {
    public static let databaseTableName = "hazardExtension"
    public enum Columns { public static let hazardId = Column("hazardId") }
}

extension PlanRecord: IdentifiedRecord {
    public static let databaseTableName = "planRecord"
    public enum Columns { public static let caseId = Column("caseId") }
}

extension SelfCheckRecord: IdentifiedRecord {
    public static let databaseTableName = "selfCheckRecord"
    public enum Columns { public static let caseId = Column("caseId") }
}

extension SelfCheckItem: IdentifiedRecord {
    public static let databaseTableName = "selfCheckItem"
    public enum Columns { public static let selfCheckId = Column("selfCheckId") }
}

extension RecheckRecord: IdentifiedRecord {
    public static let databaseTableName = "recheckRecord"
    public enum Columns { public static let caseId = Column("caseId") }
}

extension RecheckFinding: IdentifiedRecord {
    public static let databaseTableName = "recheckFinding"
    public enum Columns { public static let recheckId = Column("recheckId") }
}

extension Document: IdentifiedRecord {
    public static let databaseTableName = "document"
    public enum Columns {
        public static let caseId = Column("caseId")
        public static let number = Column("number")
    }
}

extension StoredFile: IdentifiedRecord {
    public static let databaseTableName = "storedFile"
    public enum Columns { public static let sha256 = Column("sha256") }
}

extension Attachment: IdentifiedRecord {
    public static let databaseTableName = "attachment"
    public enum Columns { public static let caseId = Column("caseId") }
}

extension CalendarYear: IdentifiedRecord {
    public static let databaseTableName = "calendarYear"
}

extension CalendarDay: IdentifiedRecord {
    public static let databaseTableName = "calendarDay"
    public enum Columns { public static let calendarYearId = Column("calendarYearId") }
}

extension RuleVersion: IdentifiedRecord {
    public static let databaseTableName = "ruleVersion"
}

extension Violation: IdentifiedRecord {
    public static let databaseTableName = "violation"
}

extension Penalty: IdentifiedRecord {
    public static let databaseTableName = "penalty"
    public enum Columns { public static let caseId = Column("caseId") }
}

extension PenaltyPause: IdentifiedRecord {
    public static let databaseTableName = "penaltyPause"
    public enum Columns { public static let penaltyId = Column("penaltyId") }
}

extension DecisionExtension: IdentifiedRecord {
    public static let databaseTableName = "decisionExtension"
    public enum Columns { public static let penaltyId = Column("penaltyId") }
}

extension HearingWaiver: IdentifiedRecord {
    public static let databaseTableName = "hearingWaiver"
    public enum Columns { public static let penaltyId = Column("penaltyId") }
}

// The superior writes a filed case's rows by the tens of thousands: their columns are listed by hand, not encoded
// through Codable for every row (a test checks each list against the Codable encoding).

extension Filing: IdentifiedRecord {
    public static let databaseTableName = "filing"

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) {
        (Self.listedColumns, [id.databaseValue, agencyName.databaseValue, divisionCode.databaseValue,
                              caseNumber.databaseValue, formedAt.databaseValue, nature.databaseValue, sha256.databaseValue,
                              size.databaseValue, fileName.databaseValue, receivedAt.databaseValue, current.databaseValue,
                              signerFingerprint.databaseValue, signerSubject.databaseValue, chainSeq.databaseValue,
                              chainHash.databaseValue])
    }

    static let listedColumns = ["id", "agencyName", "divisionCode", "caseNumber", "formedAt", "nature", "sha256", "size",
                                "fileName", "receivedAt", "current", "signerFingerprint", "signerSubject", "chainSeq", "chainHash"]
}

extension TrustedCertificate: IdentifiedRecord {
    public static let databaseTableName = "trustedCertificate"
    public enum Columns {
        public static let fingerprint = Column("fingerprint")
        public static let removedAt = Column("removedAt")
    }
}

extension FiledCase: IdentifiedRecord {
    public static let databaseTableName = "filedCase"

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) {
        (Self.listedColumns, [id.databaseValue, filingId.databaseValue, divisionCode.databaseValue, caseNumber.databaseValue,
                              campaignCode.databaseValue, campaignTitle.databaseValue, campaignKind.databaseValue,
                              uscc.databaseValue, unitName.databaseValue, street.databaseValue, category.databaseValue,
                              state.databaseValue, openedOn.databaseValue, closedOn.databaseValue])
    }

    static let listedColumns = ["id", "filingId", "divisionCode", "caseNumber", "campaignCode", "campaignTitle",
                                "campaignKind", "uscc", "unitName", "street", "category", "state", "openedOn", "closedOn"]
}

extension FiledHazard: IdentifiedRecord {
    public static let databaseTableName = "filedHazard"

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) {
        (Self.listedColumns, [id.databaseValue, filedCaseId.databaseValue, reference.databaseValue, description.databaseValue,
                              level.databaseValue, criterion.databaseValue, foundOn.databaseValue,
                              originalDeadline.databaseValue, deadline.databaseValue, status.databaseValue,
                              listed.databaseValue, orderNumber.databaseValue])
    }

    static let listedColumns = ["id", "filedCaseId", "reference", "description", "level", "criterion", "foundOn",
                                "originalDeadline", "deadline", "status", "listed", "orderNumber"]
}

extension FiledDocument: IdentifiedRecord {
    public static let databaseTableName = "filedDocument"

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) {
        (Self.listedColumns, [id.databaseValue, filedCaseId.databaseValue, number.databaseValue, kind.databaseValue,
                              issuedOn.databaseValue])
    }

    static let listedColumns = ["id", "filedCaseId", "number", "kind", "issuedOn"]
}

extension FiledRecord: IdentifiedRecord {
    public static let databaseTableName = "filedRecord"

    public func columnsAndValues() -> (columns: [String], values: [DatabaseValue]) {
        (Self.listedColumns, [id.databaseValue, filedCaseId.databaseValue, kind.databaseValue, date.databaseValue,
                              summary.databaseValue])
    }

    static let listedColumns = ["id", "filedCaseId", "kind", "date", "summary"]
}

/// The tables whose rows the audit chain covers (every table but `event`).
public enum AuditedTables {
    public static let names = [
        "agency", "department", "street", "grid", "officer", "unit", "campaign", "campaignPartner", "campaignPhase",
        "campaignScope", "campaignTarget", "campaignChecklistItem", "document", "case", "hazard", "hazardExtension",
        "planRecord", "selfCheckRecord", "selfCheckItem", "recheckRecord", "recheckFinding", "storedFile", "attachment",
        "calendarYear", "calendarDay", "ruleVersion", "violation", "penalty", "penaltyPause", "hearingWaiver", "decisionExtension",
        "filing", "filedCase", "filedHazard", "filedDocument", "filedRecord", "account", "apiToken",
    ]
}
