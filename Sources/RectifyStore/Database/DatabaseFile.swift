import Foundation
import GRDB

/// What a file given as `--db` holds, found without writing a byte to it: a command opens only a Rectify database,
/// and a command that only reads opens only one that needs no migration.
enum DatabaseFile {
    enum Kind: Equatable {
        case missing
        case empty
        case notSQLite
        /// An SQLite database without Rectify's migrations table.
        case foreignSQLite
        case rectify(current: Bool)
    }

    static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// The kind, and for a Rectify database the read-only connection that found it out (a command that only reads
    /// goes on with it: opening a connection is much of what such a command costs).
    static func inspect(_ path: String, migrator: DatabaseMigrator) throws -> (Kind, DatabaseQueue?) {
        var status = stat()
        guard stat(path, &status) == 0 else { return (.missing, nil) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return (.notSQLite, nil) }
        guard status.st_size > 0 else { return (.empty, nil) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError.unreadableFile(path: path) }
        let header = (try? handle.read(upToCount: sqliteHeader.count)).map(Array.init) ?? []
        try? handle.close()
        guard header == sqliteHeader else { return (.notSQLite, nil) }
        do {
            return try probe(path, migrator: migrator)
        } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_CANTOPEN {
            // A WAL database copied without its -wal and -shm onto read-only media: SQLite cannot create the -shm it
            // needs, but the file cannot change either, so it may be read as immutable.
            return try probe(immutableURI(path), migrator: migrator)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            return (.notSQLite, nil)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    private static func probe(_ location: String, migrator: DatabaseMigrator) throws -> (Kind, DatabaseQueue?) {
        var configuration = AppDatabase.configuration()
        configuration.readonly = true
        let connection = try DatabaseQueue(path: location, configuration: configuration)
        let kind: Kind = try connection.read { db in
            guard try db.tableExists("grdb_migrations"),
                  try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") == true
            else { return .foreignSQLite }
            return .rectify(current: try migrator.hasCompletedMigrations(db))
        }
        return (kind, kind == .rectify(current: true) ? connection : nil)
    }

    /// `file:…?immutable=1` (the system SQLite accepts URI file names), with the characters a URI reserves escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for character in absolute {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }
}
