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

    init(shape: RowShape, values: [DatabaseValue]) {
        self.shape = shape
        self.values = values
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

    /// The current row of a statement spelled as `canonicalBytes` spells it, appended to `out` straight from
    /// SQLite's buffers (`verify` compares every row of the district this way).
    static func writeCanonical(_ handle: OpaquePointer, shape: RowShape, into out: inout [UInt8]) {
        shape.layout.write(into: &out) { column, out in
            let column = Int32(column)
            switch sqlite3_column_type(handle, column) {
            case SQLITE_NULL: out.append(contentsOf: "null".utf8)
            case SQLITE_INTEGER: CanonicalJSON.appendInteger(sqlite3_column_int64(handle, column), to: &out)
            case SQLITE_TEXT: CanonicalJSON.appendString(utf8: RawStatement.text(handle, column)!, to: &out)
            default: CanonicalJSON.append(canonical(RawStatement.value(handle, column)), to: &out)
            }
        }
    }

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
    /// What each column stores of a bound value, when SQLite is known to store it unchanged; nil when it is not
    /// (a table that is not STRICT, has hidden or generated columns, or has triggers that could change the row).
    let storage: [ColumnStorage]?

    init(columns: [String], storage: [ColumnStorage]? = nil) {
        self.columns = columns
        layout = CanonicalJSON.Layout(keys: columns)
        self.storage = storage
    }
}

/// A column of a STRICT table, by the values it stores exactly as they were bound.
enum ColumnStorage {
    /// `INTEGER PRIMARY KEY`: the rowid, assigned when NULL is bound.
    case rowid
    case integer, text, real, blob, any

    init?(declared: String, primaryKey: Bool, soleKey: Bool) {
        switch declared.uppercased() {
        case "INTEGER" where primaryKey && soleKey: self = .rowid
        case "INTEGER", "INT": self = .integer
        case "TEXT": self = .text
        case "REAL": self = .real
        case "BLOB": self = .blob
        case "ANY": self = .any
        default: return nil
        }
    }

    /// Whether SQLite stores `value` as it is (reading it back gives the same value).
    func storesUnchanged(_ value: DatabaseValue) -> Bool {
        switch (self, value.storage) {
        case (_, .null), (.integer, .int64), (.text, .string), (.blob, .blob), (.any, .string), (.any, .int64), (.any, .blob):
            true
        // NaN is stored as NULL, and a negative zero comes back as zero.
        case (.real, .double(let x)), (.any, .double(let x)): !x.isNaN && !(x == 0 && x.sign == .minus)
        default: false
        }
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

    /// The row just inserted with `values` for the columns at `positions` of the table's shape: put together from
    /// those values when they cover every column and SQLite stores each unchanged, else read back.
    mutating func inserted(_ db: Database, table: String, positions: [Int]?, values: [DatabaseValue],
                           rowID: Int64) throws -> StoredRow {
        let shape = try self.shape(db, table: table)
        guard let positions, let storage = shape.storage, positions.count == storage.count else {
            return try read(db, table: table, rowID: rowID)
        }
        var stored = [DatabaseValue](repeating: .null, count: storage.count)
        for (position, value) in zip(positions, values) {
            switch storage[position] {
            case .rowid:
                stored[position] = rowID.databaseValue
            case let kind:
                guard kind.storesUnchanged(value) else { return try read(db, table: table, rowID: rowID) }
                stored[position] = value
            }
        }
        return StoredRow(shape: shape, values: stored)
    }

    /// Where each of `columns` sits in the table's rows; nil unless they are the table's columns, each once.
    mutating func positions(_ db: Database, table: String, columns: [String]) throws -> [Int]? {
        let shape = try self.shape(db, table: table)
        let positions = columns.compactMap { shape.columns.firstIndex(of: $0) }
        guard positions.count == shape.columns.count, Set(positions).count == positions.count else { return nil }
        return positions
    }

    mutating func shape(_ db: Database, table: String) throws -> RowShape {
        try prepared(db, table: table).1
    }

    private mutating func prepared(_ db: Database, table: String) throws -> (RawStatement, RowShape) {
        if let known = statements[table] { return known }
        let sql = "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ? /* audit read */"
        let statement = try RawStatement(db, sql: sql)
        let columns = try db.cachedStatement(sql: sql).columnNames
        let shape = RowShape(columns: columns, storage: try Self.storage(db, table: table, columns: columns))
        statements[table] = (statement, shape)
        return (statement, shape)
    }

    private static func storage(_ db: Database, table: String, columns: [String]) throws -> [ColumnStorage]? {
        let strict = try Bool.fetchOne(db, sql: "SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?",
                                       arguments: [table]) ?? false
        // The triggers that keep the unit search index (schema v16) only write to that index, never to the row.
        let triggers = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name NOT GLOB 'unitSearch_*'
            """, arguments: [table]) ?? 0
        let info = try Row.fetchAll(db, sql: "SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
                                    arguments: [table])
        guard strict, triggers == 0, info.allSatisfy({ $0["hidden"] == 0 }), info.map({ $0["name"] as String }) == columns
        else { return nil }
        let keys = info.filter { ($0["pk"] as Int) > 0 }.count
        let storage = info.compactMap { column in
            ColumnStorage(declared: column["type"], primaryKey: column["pk"] == 1, soleKey: keys == 1)
        }
        return storage.count == columns.count ? storage : nil
    }
}
