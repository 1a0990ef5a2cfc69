import GRDB
import GRDBSQLite
import RectifyCore

/// Reads a row's columns one after the other, in the table's order: from a GRDB row, or straight from a SQLite
/// statement stepped by `Database.inTableOrder`.
///
/// The records a case page is made of are decoded by position rather than through Codable: GRDB's keyed decoder
/// looks every column up by name and boxes every value, and each fetch builds a dictionary of the column names,
/// which cost a campaign export more than SQLite's own work. Every request for these records selects whole rows
/// (`SELECT *`, the query interface), so the table's column order is the order read here; `RowDecodingTests` checks
/// each `listedColumns` against `PRAGMA table_info` and each record against a round trip through its table. A value
/// the type refuses is an error naming the column.
public struct ColumnsInOrder {
    private enum Source {
        case row(Row)
        case statement(OpaquePointer)
    }

    private let source: Source
    private var index = 0

    init(_ row: Row) { source = .row(row) }
    init(statement: OpaquePointer) { source = .statement(statement) }

    mutating func next<Value: DatabaseValueConvertible>() throws -> Value {
        defer { index += 1 }
        switch source {
        case .row(let row):
            return try row.decode(atIndex: index)
        case .statement(let handle):
            let value = DatabaseValue(sqliteStatement: handle, index: CInt(index))
            guard let decoded = Value.fromDatabaseValue(value) else { throw unreadable(handle, value) }
            return decoded
        }
    }

    mutating func next<Value: DatabaseValueConvertible & StatementColumnConvertible>() throws -> Value {
        defer { index += 1 }
        switch source {
        case .row(let row):
            return try row.decode(atIndex: index)
        case .statement(let handle):
            guard let decoded = Value.fromStatement(handle, atUncheckedIndex: CInt(index)) else {
                throw unreadable(handle, DatabaseValue(sqliteStatement: handle, index: CInt(index)))
            }
            return decoded
        }
    }

    private func unreadable(_ handle: OpaquePointer, _ value: DatabaseValue) -> StoreError {
        let table = sqlite3_column_table_name(handle, CInt(index)).map { String(cString: $0) } ?? "?"
        let column = sqlite3_column_name(handle, CInt(index)).map { String(cString: $0) } ?? "#\(index)"
        return .unreadable(column: "\(table).\(column)", value: value.description)
    }
}

extension Database {
    /// Whole rows of `Record`'s table (`SELECT *`), stepped and decoded straight from SQLite by position, for the
    /// reads a campaign export repeats for every case. `sql` is used for nothing else (see `RawStatement`).
    func inTableOrder<Record: DecodedInTableOrder>(_: Record.Type = Record.self, sql: String,
                                                         arguments: [any DatabaseValueConvertible]) throws -> [Record] {
        let statement = try RawStatement(self, sql: sql)
        try statement.bind(arguments.map(\.databaseValue))
        var records: [Record] = []
        try statement.forEachRow { handle in
            var columns = ColumnsInOrder(statement: handle)
            records.append(try Record(columns: &columns))
        }
        return records
    }
}

/// A record decoded by position; `listedColumns` is the order its `init(row:)` reads.
public protocol DecodedInTableOrder: FetchableRecord {
    static var listedColumns: [String] { get }
    init(columns: inout ColumnsInOrder) throws
}

extension DecodedInTableOrder where Self: Decodable {
    /// Chosen over GRDB's Codable decoding, which these records would otherwise get.
    public init(row: Row) throws {
        var columns = ColumnsInOrder(row)
        try self.init(columns: &columns)
    }
}

extension Case: DecodedInTableOrder {
    public static let listedColumns = ["id", "number", "serial", "campaignId", "unitId", "state", "openedOn", "officer1Id",
                                       "officer2Id", "closedOn"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), number: try c.next(), serial: try c.next(), campaignId: try c.next(),
                  unitId: try c.next(), state: try c.next(), openedOn: try c.next(), officer1Id: try c.next(),
                  officer2Id: try c.next(), closedOn: try c.next())
    }
}

extension Hazard: DecodedInTableOrder {
    public static let listedColumns = ["id", "caseId", "seq", "checklistCode", "description", "level", "criterion", "foundOn",
                                       "originalDeadline", "deadline", "status", "listedSupervision", "supervisingBody",
                                       "orderDocumentId", "claimedOn", "claimMeasures", "verifiedOn", "failedRechecks"]

    public init(columns c: inout ColumnsInOrder) throws {
        let id: ID? = try c.next(), caseId: Case.ID = try c.next(), seq: Int = try c.next()
        let checklistCode: String? = try c.next(), description: String = try c.next()
        let level: HazardLevel = try c.next(), criterion: String = try c.next(), foundOn: LocalDate = try c.next()
        let originalDeadline: LocalDate = try c.next(), deadline: LocalDate = try c.next()
        let status: HazardStatus = try c.next(), listedSupervision: Bool = try c.next()
        let supervisingBody: String? = try c.next(), orderDocumentId: Document.ID = try c.next()
        self.init(id: id, caseId: caseId, seq: seq, checklistCode: checklistCode, description: description, level: level,
                  criterion: criterion, foundOn: foundOn, deadline: deadline, listedSupervision: listedSupervision,
                  supervisingBody: supervisingBody, orderDocumentId: orderDocumentId)
        self.originalDeadline = originalDeadline
        self.status = status
        claimedOn = try c.next()
        claimMeasures = try c.next()
        verifiedOn = try c.next()
        failedRechecks = try c.next()
    }
}

extension HazardExtension: DecodedInTableOrder {
    public static let listedColumns = ["id", "hazardId", "fromDeadline", "toDeadline", "reason", "approvedBy", "grantedOn"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), hazardId: try c.next(), fromDeadline: try c.next(), toDeadline: try c.next(),
                  reason: try c.next(), approvedBy: try c.next(), grantedOn: try c.next())
    }
}

extension Document: DecodedInTableOrder {
    public static let listedColumns = ["id", "kind", "agency", "code", "year", "serial", "number", "caseId", "issuedOn"]

    public init(columns c: inout ColumnsInOrder) throws {
        let id: ID? = try c.next(), kind: DocumentKind = try c.next()
        let parts = DocumentNumber(agency: try c.next(), code: try c.next(), year: try c.next(), serial: try c.next())
        let number: String = try c.next()
        self.init(id: id, kind: kind, number: parts, caseId: try c.next(), issuedOn: try c.next())
        // As stored, not as re-spelled from its parts.
        self.number = number
    }
}

extension PlanRecord: DecodedInTableOrder {
    public static let listedColumns = ["id", "caseId", "kind", "hazardId", "measures", "responsible", "fundsYuan", "deadline",
                                       "contingency", "recordedOn"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), caseId: try c.next(), kind: try c.next(), hazardId: try c.next(), measures: try c.next(),
                  responsible: try c.next(), fundsYuan: try c.next(), deadline: try c.next(), contingency: try c.next(),
                  recordedOn: try c.next())
    }
}

extension SelfCheckRecord: DecodedInTableOrder {
    public static let listedColumns = ["id", "caseId", "checkedOn", "checkedBy", "findings", "selfFixed", "pledge"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), caseId: try c.next(), checkedOn: try c.next(), checkedBy: try c.next(),
                  findings: try c.next(), selfFixed: try c.next(), pledge: try c.next())
    }
}

extension SelfCheckItem: DecodedInTableOrder {
    public static let listedColumns = ["id", "selfCheckId", "itemCode", "result"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), selfCheckId: try c.next(), itemCode: try c.next(), result: try c.next())
    }
}

extension RecheckRecord: DecodedInTableOrder {
    public static let listedColumns = ["id", "caseId", "checkedOn", "officer1Id", "officer2Id", "opinion", "outcome",
                                       "documentId"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), caseId: try c.next(), checkedOn: try c.next(), officer1Id: try c.next(),
                  officer2Id: try c.next(), opinion: try c.next(), outcome: try c.next(), documentId: try c.next())
    }
}

extension RecheckFinding: DecodedInTableOrder {
    public static let listedColumns = ["id", "recheckId", "hazardId", "verdict"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), recheckId: try c.next(), hazardId: try c.next(), verdict: try c.next())
    }
}

extension Attachment: DecodedInTableOrder {
    public static let listedColumns = ["id", "fileId", "caseId", "hazardId", "recordKind", "recordId", "fileName",
                                       "mediaType", "capturedAt", "attachedOn"]

    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), fileId: try c.next(), caseId: try c.next(), hazardId: try c.next(),
                  recordKind: try c.next(), recordId: try c.next(), fileName: try c.next(), mediaType: try c.next(),
                  capturedAt: try c.next(), attachedOn: try c.next())
    }
}

/// `listedColumns` is the order its hand-written encoding writes too (Records+GRDB.swift).
extension BusinessUnit: DecodedInTableOrder {
    public init(columns c: inout ColumnsInOrder) throws {
        self.init(id: try c.next(), uscc: try c.next(), name: try c.next(), address: try c.next(), streetId: try c.next(),
                  gridId: try c.next(), category: try c.next(), departmentId: try c.next(), contactPerson: try c.next(),
                  phone: try c.next(), legalRepresentative: try c.next(), supervisors: try c.next())
    }
}
