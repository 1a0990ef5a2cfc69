import Foundation
import GRDB
import GRDBSQLite
import RectifyCore

/// A row as SQLite stores it, read straight from a statement: what the audit chain records before and after a write,
/// and what `verify` compares with the chain. Both read through here, so they always spell a row the same way.
struct StoredRow {
    let shape: RowShape
    let values: [DatabaseValue]

    init(_ handle: OpaquePointer, shape: RowShape) {
        self.shape = shape
        values = (0..<Int32(shape.columns.count)).map { RawStatement.value(handle, $0) }
    }

    var columns: [String] { shape.columns }

    subscript(column: String) -> DatabaseValue {
        columns.firstIndex(of: column).map { values[$0] } ?? .null
    }

    subscript<Value: DatabaseValueConvertible>(column: String) -> Value? {
        Value.fromDatabaseValue(self[column])
    }

    var id: Int64? { self["id"] }

    /// Every column, sorted, blobs by their SHA-256: what the audit chain records.
    var canonicalBytes: [UInt8] {
        shape.layout.bytes { Self.canonical(values[$0]) }
    }

    var canonicalJSON: String { String(decoding: canonicalBytes, as: UTF8.self) }

    static func canonical(_ value: DatabaseValue) -> CanonicalValue {
        switch value.storage {
        case .null: .null
        case .int64(let n): .integer(n)
        case .double(let x): .real(x)
        case .string(let s): .text(s)
        case .blob(let data): .blobDigest(SHA256.hex(data))
        }
    }
}

/// The columns of a table's rows and how the audit chain spells them, worked out once per table.
struct RowShape {
    let columns: [String]
    let layout: CanonicalJSON.Layout

    init(columns: [String]) {
        self.columns = columns
        layout = CanonicalJSON.Layout(keys: columns)
    }
}

/// Reads the row of an audited table by rowid (every audited table has `id INTEGER PRIMARY KEY`).
struct StoredRowReader {
    private var statements: [String: (RawStatement, RowShape)] = [:]

    mutating func read(_ db: Database, table: String, rowID: Int64) throws -> StoredRow {
        let (statement, shape) = try prepared(db, table: table)
        try statement.bind(rowID)
        guard let row = try statement.firstRow({ StoredRow($0, shape: shape) })
        else { throw StoreError.database("row \(rowID) of \(table) vanished inside its own transaction") }
        return row
    }

    private mutating func prepared(_ db: Database, table: String) throws -> (RawStatement, RowShape) {
        if let known = statements[table] { return known }
        let sql = "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ? /* audit read */"
        let statement = try RawStatement(db, sql: sql)
        let shape = RowShape(columns: try db.cachedStatement(sql: sql).columnNames)
        statements[table] = (statement, shape)
        return (statement, shape)
    }
}
