import Foundation
import GRDB
import GRDBSQLite
import RectifyCore

/// Owns the database connection, its one migrator, and every write transaction.
public final class AppDatabase: Sendable {
    /// Private to the store: every write goes through `write(actor:_:)`, whose context records it in the audit chain.
    let writer: any DatabaseWriter
    /// The time stamped on audit events; pinned in tests and in the demo generator.
    public let clock: @Sendable () -> Date

    init(_ writer: any DatabaseWriter, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.writer = writer
        self.clock = clock
        try Self.migrator.migrate(writer)
        try writer.writeWithoutTransaction { try AuditGate.install($0) }
    }

    /// A connection known to be migrated already (the read-only one of `openForReading`).
    private init(migrated writer: any DatabaseWriter, clock: @escaping @Sendable () -> Date) {
        self.writer = writer
        self.clock = clock
    }

    var reader: any DatabaseReader { writer }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: SchemaV1.migrate)
        migrator.registerMigration("v2-calendar-rules", migrate: SchemaV2.migrate)
        migrator.registerMigration("v3-penalty", migrate: SchemaV3.migrate)
        migrator.registerMigration("v4-filings", migrate: SchemaV4.migrate)
        migrator.registerMigration("v5-foreign-key-indexes", migrate: SchemaV5.migrate)
        migrator.registerMigration("v6-progress-ledger", migrate: SchemaV6.migrate)
        migrator.registerMigration("v7-event-listing-index", migrate: SchemaV7.migrate)
        migrator.registerMigration("v8-event-hash-not-indexed", migrate: SchemaV8.migrate)
        migrator.registerMigration("v9-progress-totals", migrate: SchemaV9.migrate)
        migrator.registerMigration("v10-check-comparisons", migrate: SchemaV10.migrate)
        migrator.registerMigration("v11-trusted-signers", migrate: SchemaV11.migrate)
        migrator.registerMigration("v12-filing-chain-heads", migrate: SchemaV12.migrate)
        migrator.registerMigration("v13-hearing-waiver", migrate: SchemaV13.migrate)
        migrator.registerMigration("v14-violation-discovered", migrate: SchemaV14.migrate)
        migrator.registerMigration("v15-decision-extension", migrate: SchemaV15.migrate)
        migrator.registerMigration("v16-unit-search", migrate: SchemaV16.migrate)
        migrator.registerMigration("v17-unit-search-deferred", migrate: SchemaV17.migrate)
        migrator.registerMigration("v18-accounts", migrate: SchemaV18.migrate)
        migrator.registerMigration("v19-api-tokens", migrate: SchemaV19.migrate)
        return migrator
    }

    /// The configuration every connection uses, files and tests alike.
    public static func configuration(path: String = "") -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Two processes may write at once (document serials): wait for the lock rather than fail, saying so.
        config.busyMode = .callback(LockWait.handler(database: path))
        config.label = "rectify"
        // Persistent WAL: the -wal file stays after the last connection closes. Otherwise GRDB recreates it on every
        // open with a CREATE/DROP TABLE, which rewrites the database header: a refused command would then change
        // the file's bytes, and read-only processes could not open the database (GRDB's DatabaseSharing guide).
        config.prepareDatabase { db in
            guard !db.configuration.readonly else { return }
            var flag: CInt = 1
            let code = withUnsafeMutablePointer(to: &flag) {
                sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0)
            }
            // In-memory databases have no file to persist: SQLITE_NOTFOUND.
            guard code == SQLITE_OK || code == SQLITE_NOTFOUND else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code))
            }
        }
        return config
    }

    /// Opens (and migrates) the database file, in WAL mode. A missing file is an error unless `create` is set,
    /// so that a mistyped `--db` never silently creates an empty database; a file that is not a Rectify database
    /// (an empty file unless `create` is set, another program's SQLite file, anything else) is never touched.
    public static func open(path: String, create: Bool = false, clock: @escaping @Sendable () -> Date = { Date() })
        throws -> AppDatabase
    {
        switch try DatabaseFile.inspect(path, migrator: migrator).0 {
        case .missing where !create: throw StoreError.databaseMissing(path: path)
        case .empty where !create: throw StoreError.notRectifyDatabase(path: path, kind: .empty)
        case .notSQLite: throw StoreError.notRectifyDatabase(path: path, kind: .notSQLite)
        case .foreignSQLite: throw StoreError.notRectifyDatabase(path: path, kind: .foreignSQLite)
        case .missing, .empty, .rectify: break
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(path: path))
            // GRDB's pool sets synchronous=NORMAL, which may lose the last commits on a power cut; an act confirmed to
            // an officer must survive one, so every commit waits for the WAL to reach the disk.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            return try AppDatabase(pool, clock: clock)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// Opens the file for a command that only reads: one read-only connection, with no writer, no WAL set-up and no
    /// second connection, which is most of what opening costs such a command. A command that reads never changes
    /// the file: one that needs a migration is refused (`rectify init` migrates it). One connection serialises
    /// reads, so a job that reads on several threads at once (the campaign export) opens the file with `open`,
    /// whose pool gives each its own.
    public static func openForReading(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws
        -> AppDatabase
    {
        let (kind, connection) = try DatabaseFile.inspect(path, migrator: migrator)
        switch kind {
        case .missing: throw StoreError.databaseMissing(path: path)
        case .empty: throw StoreError.notRectifyDatabase(path: path, kind: .empty)
        case .notSQLite: throw StoreError.notRectifyDatabase(path: path, kind: .notSQLite)
        case .foreignSQLite: throw StoreError.notRectifyDatabase(path: path, kind: .foreignSQLite)
        case .rectify(current: false): throw StoreError.needsMigration(path: path)
        case .rectify(current: true): break
        }
        guard let connection else { throw StoreError.unreadableFile(path: path) }
        return AppDatabase(migrated: connection, clock: clock)
    }

    /// An in-memory database through the same migrator and configuration, for tests.
    public static func inMemory(clock: @escaping @Sendable () -> Date) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), clock: clock)
    }

    /// One write transaction; every change inside it is recorded in the audit chain under `actor`.
    /// Nothing is written when `body` throws.
    public func write<T>(actor: String, _ body: (WriteContext) throws -> T) throws -> T {
        let trimmed = actor.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError.actorMissing }
        do {
            return try writer.write { db in
                let context = try WriteContext(db: db, actor: trimmed, now: clock())
                let result = try body(context)
                try context.finish()
                return result
            }
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY {
            throw StoreError.busy(job: RunningJob.current(for: writer.path), seconds: Int(LockWait.timeout))
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// A write to the tables outside the audit chain only (the server's `persist` entries); the audit gate refuses any
    /// write to an audited table made here.
    func writeUnaudited<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY {
            throw StoreError.busy(job: RunningJob.current(for: writer.path), seconds: Int(LockWait.timeout))
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// One read transaction: `body` queries the store as of one snapshot.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try readDatabase { try body(Store($0)) }
    }

    /// The same, for the store's own code that works on the connection (the chain verifier).
    func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try reader.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// A read that may create TEMP tables, for a recomputation compared with what is stored (`LedgerCheck`): one
    /// snapshot, and everything it created is rolled back at the end. A plain read forbids even TEMP writes.
    public func readWithScratchTables<T>(_ body: (Store) throws -> T) throws -> T {
        do {
            return try reader.unsafeRead { db in
                // The working copies are rebuilt in memory: written to a temporary file, they were written and read
                // back page by page.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(Store(db))
                    return .rollback
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// Runs `first` in a read and `second` in a read that may create TEMP tables (`readWithScratchTables`), at the
    /// same time when the database is a file: `second` then gets a read-only connection of its own. Each sees its own
    /// snapshot.
    public func twoReads<A, B>(_ first: (Store) throws -> A, scratch second: @escaping @Sendable (Store) throws -> B) throws -> (A, B) {
        let path = writer.path
        guard !path.isEmpty, path != ":memory:" else { return (try read(first), try readWithScratchTables(second)) }
        var configuration = Self.configuration(path: path)
        configuration.readonly = true
        let other = AppDatabase(migrated: try StoreError.wrapping { try DatabaseQueue(path: path, configuration: configuration) }, clock: clock)
        let slot = ResultSlot<B>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            slot.result = Result { try other.readWithScratchTables(second) }
        }
        let firstResult = Result { try read(first) }
        group.wait()
        return (try firstResult.get(), try slot.result!.get())
    }

    /// For a job that writes tens of thousands of rows from this process (an import at the superior): the writer
    /// keeps more pages in memory and checkpoints the WAL less often, so index pages written by one batch are not
    /// read back and copied into the file again for the next. The job checkpoints when it is done.
    public func prepareForBulkWrites() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -16384")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
        }
    }

    /// Copies everything from the WAL into the database file and empties the WAL, so the file alone is complete.
    public func checkpoint() throws {
        _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }

    /// True when the database holds no agency, unit or event yet.
    public func isEmpty() throws -> Bool {
        try readDatabase { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event") == 0 }
    }
}

/// A result written by another thread before it leaves a `DispatchGroup`, and read after `wait()`: the group orders
/// the write before the read.
private final class ResultSlot<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
