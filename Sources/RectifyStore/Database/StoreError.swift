import GRDB
import RectifyCore

/// Errors of the store, readable by users.
public enum StoreError: UserFacingError, Equatable {
    case databaseMissing(path: String)
    public enum NotRectify: String, Sendable { case empty, notSQLite, foreignSQLite }
    /// The file exists but is not a Rectify database; nothing was written to it.
    case notRectifyDatabase(path: String, kind: NotRectify)
    /// A Rectify database of an earlier version, given to a command that only reads.
    case needsMigration(path: String)
    case unreadableFile(path: String)
    case actorMissing
    /// A schema invariant (NOT NULL, UNIQUE, CHECK, FOREIGN KEY, or a guarding trigger) refused a write.
    case constraint(String)
    case database(String)
    /// A stored value its type cannot hold: the database was changed behind Rectify's back.
    case unreadable(column: String, value: String)

    init(_ error: DatabaseError) {
        if error.resultCode == .SQLITE_CONSTRAINT {
            self = .constraint(error.message ?? "\(error)")
        } else {
            self = .database(error.message ?? "\(error)")
        }
    }

    public var chinese: String {
        switch self {
        case .databaseMissing(let path): "数据库文件“\(path)”不存在，请先运行 rectify init 或 rectify demo"
        case .notRectifyDatabase(let path, let kind):
            "文件“\(path)”不是 Rectify 数据库（\(kind.chinese)），未作任何改动：请检查 --db，或用 rectify init 在新文件中创建数据库"
        case .needsMigration(let path): "数据库“\(path)”来自较早的版本，只读命令不会升级它：请先运行 rectify --db \(path) init（迁移后数据全部保留）"
        case .unreadableFile(let path): "无法读取文件“\(path)”：请检查权限"
        case .actorMissing: "未指明操作人：请用 --as 执法证号 或设置环境变量 RECTIFY_ACTOR"
        case .constraint(let message): "数据库约束拒绝写入（未写入任何内容）：\(StoreError.explain(message))"
        case .database(let message): "数据库错误（未写入任何内容）：\(message)"
        case .unreadable(let column, let value): "数据库中\(column)的值\(value)无法读取（数据库是否被绕过 Rectify 修改？请运行 rectify verify）"
        }
    }

    public var english: String {
        switch self {
        case .databaseMissing(let path): "database file '\(path)' does not exist; run `rectify init` or `rectify demo` first"
        case .notRectifyDatabase(let path, let kind):
            "'\(path)' is not a Rectify database (\(kind.english)); nothing was changed: check --db, or create a database in a new file with rectify init"
        case .needsMigration(let path): "the database '\(path)' is from an earlier version and a command that only reads does not upgrade it: run rectify --db \(path) init first (all data is kept)"
        case .unreadableFile(let path): "cannot read '\(path)': check its permissions"
        case .actorMissing: "no actor named: pass --as CREDENTIAL or set RECTIFY_ACTOR"
        case .constraint(let message): "a database constraint refused the write (nothing written): \(message)"
        case .database(let message): "database error (nothing written): \(message)"
        case .unreadable(let column, let value): "the value \(value) in \(column) cannot be read (was the database changed outside Rectify? run rectify verify)"
        }
    }

    static func explain(_ message: String) -> String {
        if message.hasPrefix("UNIQUE") { return "重复值 \(message.dropFirst("UNIQUE constraint failed: ".count))" }
        if message.hasPrefix("FOREIGN KEY") { return "引用的记录不存在" }
        if message.hasPrefix("CHECK") { return "取值不符合规则 \(message.dropFirst("CHECK constraint failed: ".count))" }
        if message.hasPrefix("NOT NULL") { return "必填字段为空 \(message.dropFirst("NOT NULL constraint failed: ".count))" }
        return message
    }
}

extension StoreError.NotRectify {
    var chinese: String {
        switch self {
        case .empty: "空文件"
        case .notSQLite: "不是 SQLite 数据库文件"
        case .foreignSQLite: "是其他程序的 SQLite 数据库"
        }
    }

    var english: String {
        switch self {
        case .empty: "an empty file"
        case .notSQLite: "not an SQLite database file"
        case .foreignSQLite: "another program's SQLite database"
        }
    }
}
