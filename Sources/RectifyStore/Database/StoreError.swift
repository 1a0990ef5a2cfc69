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
    /// A text refused by `TextInput` (control characters, length), named by its table and column.
    case text(table: String, column: String, problem: TextInput.Problem)
    /// Another process held the write lock for longer than the wait allowed.
    case busy(job: RunningJob?, seconds: Int)
    case actorMissing
    /// A schema invariant (NOT NULL, UNIQUE, CHECK, FOREIGN KEY, or a guarding trigger) refused a write.
    case constraint(String)
    /// SQLite could not do what was asked: said in words a user can act on, never SQLite's own text.
    case sqlite(SQLiteFailure)
    /// An invariant of Rectify's own found broken (the message is Rectify's).
    case database(String)
    /// A stored value its type cannot hold: the database was changed behind Rectify's back.
    case unreadable(column: String, value: String)

    init(_ error: DatabaseError) {
        if error.resultCode == .SQLITE_CONSTRAINT {
            self = .constraint(error.message ?? "\(error)")
        } else {
            self = .sqlite(SQLiteFailure(error.resultCode))
        }
    }

    public var chinese: String {
        switch self {
        case .databaseMissing(let path): "数据库文件“\(path)”不存在，请先运行 rectify init 或 rectify demo"
        case .notRectifyDatabase(let path, let kind):
            "文件“\(path)”不是 Rectify 数据库（\(kind.chinese)），未作任何改动：请检查 --db，或用 rectify init 在新文件中创建数据库"
        case .needsMigration(let path): "数据库“\(path)”来自较早的版本，只读命令不会升级它：请先运行 rectify --db \(path) init（迁移后数据全部保留）"
        case .unreadableFile(let path): "无法读取文件“\(path)”：请检查权限"
        case .busy(let job, let seconds):
            "数据库正被\(job.map { "另一项作业 \($0.chinese) " } ?? "另一个进程")写入，等待\(seconds)秒仍未结束，未写入任何内容：请待其完成后重试"
        case .text(let table, let column, let problem):
            "字段“\(StoredText.label(column) ?? column)”（\(table).\(column)）\(problem.chinese)，未写入任何内容"
        case .actorMissing: "未指明操作人：请用 --as 执法证号 或设置环境变量 RECTIFY_ACTOR"
        case .constraint(let message): "数据库约束拒绝写入（未写入任何内容）：\(StoreError.explain(message))"
        case .sqlite(let failure): failure.chinese
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
        case .busy(let job, let seconds):
            "the database is being written by \(job.map { "another job, \($0.english)," } ?? "another process"); after waiting \(seconds) s nothing was written: try again when it is done"
        case .text(let table, let column, let problem): "the field \(table).\(column) \(problem.english); nothing was written"
        case .actorMissing: "no actor named: pass --as CREDENTIAL or set RECTIFY_ACTOR"
        case .constraint(let message): "a database constraint refused the write (nothing written): \(message)"
        case .sqlite(let failure): failure.english
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

extension StoreError {
    /// Runs `body`, turning SQLite's errors into the store's.
    static func wrapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw StoreError(error) }
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

/// What went wrong in SQLite, by its primary result code, and what the user can do about it.
public enum SQLiteFailure: Equatable, Sendable {
    case diskFull, readOnly, locked, ioError, cannotOpen, corrupt, other(Int32)

    init(_ code: ResultCode) {
        switch code.primaryResultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .locked
        case .SQLITE_IOERR: self = .ioError
        case .SQLITE_CANTOPEN: self = .cannotOpen
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corrupt
        default: self = .other(code.primaryResultCode.rawValue)
        }
    }

    var chinese: String {
        switch self {
        case .diskFull: "磁盘已满，未写入任何内容：请腾出空间后重试"
        case .readOnly: "数据库文件或其所在目录是只读的，未写入任何内容：请检查权限，或将数据库复制到可写的位置"
        case .locked: "数据库正被另一个进程长时间写入，等待超时，未写入任何内容：请待其完成后重试"
        case .ioError: "读写磁盘出错，未写入任何内容：请检查磁盘，然后运行 rectify verify"
        case .cannotOpen: "无法打开数据库文件：请检查路径、权限，以及同目录下的 -wal/-shm 文件是否可写"
        case .corrupt: "数据库文件已损坏：请用 rectify restore 从备份恢复"
        case .other(let code): "数据库出错（SQLite 代码 \(code)），未写入任何内容"
        }
    }

    var english: String {
        switch self {
        case .diskFull: "the disk is full; nothing was written: free some space and try again"
        case .readOnly: "the database file or its folder is read-only; nothing was written: check the permissions, or copy the database somewhere writable"
        case .locked: "another process has been writing to the database for too long; nothing was written: try again when it is done"
        case .ioError: "the disk reported an I/O error; nothing was written: check the disk, then run rectify verify"
        case .cannotOpen: "cannot open the database file: check the path, the permissions, and that the -wal/-shm files beside it are writable"
        case .corrupt: "the database file is damaged: restore it from a backup with rectify restore"
        case .other(let code): "database error (SQLite code \(code)); nothing was written"
        }
    }
}
