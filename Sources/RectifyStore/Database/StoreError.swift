import GRDB
import RectifyCore

/// Errors of the store, readable by users.
public enum StoreError: UserFacingError, Equatable {
    case databaseMissing(path: String)
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
        case .actorMissing: "未指明操作人：请用 --as 执法证号 或设置环境变量 RECTIFY_ACTOR"
        case .constraint(let message): "数据库约束拒绝写入（未写入任何内容）：\(StoreError.explain(message))"
        case .database(let message): "数据库错误（未写入任何内容）：\(message)"
        case .unreadable(let column, let value): "数据库中\(column)的值\(value)无法读取（数据库是否被绕过 Rectify 修改？请运行 rectify verify）"
        }
    }

    public var english: String {
        switch self {
        case .databaseMissing(let path): "database file '\(path)' does not exist; run `rectify init` or `rectify demo` first"
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
