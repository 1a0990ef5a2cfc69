import Foundation
import GRDB
import GRDBSQLite

/// One of GRDB's cached statements, driven through SQLite's C API for the writes every audited row makes (the row,
/// its re-read, its event): GRDB's argument boxing and row cursors cost more than SQLite's own work there.
/// The SQL texts used here are used nowhere else, so GRDB never runs these statements with bindings left by us.
struct RawStatement {
    private let db: Database
    private let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values to the parameters 1…n, in order.
    func bind(_ values: some Collection<DatabaseValue>) throws {
        sqlite3_reset(handle)
        var index: Int32 = 1
        for value in values {
            let code: Int32
            switch value.storage {
            case .null: code = sqlite3_bind_null(handle, index)
            case .int64(let n): code = sqlite3_bind_int64(handle, index, n)
            case .double(let x): code = sqlite3_bind_double(handle, index, x)
            case .string(var text):
                code = text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
            }
            try check(code)
            index += 1
        }
    }

    func bind(_ values: DatabaseValueConvertible?...) throws {
        try bind(values.map { $0?.databaseValue ?? .null })
    }

    /// Makes the statement ready for new values; the typed binds below then set them one by one.
    func reset() {
        sqlite3_reset(handle)
    }

    func bind(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ text: String, at index: Int32) throws {
        var text = text
        try check(text.withUTF8 { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) })
    }

    /// Binds parameter `index` to UTF-8 text given as bytes (nil binds NULL).
    func bindText(utf8 bytes: [UInt8]?, at index: Int32) throws {
        guard let bytes else { return try check(sqlite3_bind_null(handle, index)) }
        // A null pointer would bind NULL, not the empty text.
        guard !bytes.isEmpty else { return try check(sqlite3_bind_text(handle, index, "", 0, transient)) }
        try check(bytes.withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
        })
    }

    /// Runs a statement that returns no row.
    func execute() throws {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Steps to the first row, if any, and reads it; the statement is reset afterwards.
    func firstRow<Result>(_ read: (OpaquePointer) throws -> Result) throws -> Result? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return try read(handle)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    /// Steps through every row.
    func forEachRow(_ body: (OpaquePointer) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(handle)
            case SQLITE_DONE: return
            case let code: throw error(code)
            }
        }
    }

    /// Steps to the next row and gives the statement to read it from, or nil at the end (`reset` starts again).
    func step() throws -> OpaquePointer? {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return handle
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    var columnNames: [String] { statement.columnNames }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let extended = sqlite3_extended_errcode(db.sqliteConnection)
        return DatabaseError(resultCode: ResultCode(rawValue: extended == 0 ? code : extended),
                             message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }

    /// A text column of the current row as SQLite holds it (nil for NULL): valid until the statement steps on.
    static func text(_ handle: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        let start = sqlite3_column_text(handle, column)
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// A column of the current row as GRDB's value.
    static func value(_ handle: OpaquePointer, _ column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return sqlite3_column_int64(handle, column).databaseValue
        case SQLITE_FLOAT: return sqlite3_column_double(handle, column).databaseValue
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes = sqlite3_column_text(handle, column) else { return "".databaseValue }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self).databaseValue
        default:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes = sqlite3_column_blob(handle, column) else { return Data().databaseValue }
            return Data(bytes: bytes, count: count).databaseValue
        }
    }
}

/// SQLite copies what it is given before the bind call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
