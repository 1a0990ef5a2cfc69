import Foundation
import GRDB
import RectifyCore

/// A copy of the database that can be trusted: taken in one read snapshot while officers go on writing (`VACUUM
/// INTO`, which never restarts the way a page-by-page backup does under steady writes), written under a side name,
/// checked — SQLite's integrity check, the audit chain and the progress ledger — and only then given its name.
public struct BackupReport: Sendable, Equatable {
    public var path: String
    public var bytes: Int
    public var events: Int
    public var head: String
    /// False only for a copy kept as evidence of a broken chain (`keepingBrokenChain`).
    public var chainIntact: Bool
}

public enum BackupError: UserFacingError, Equatable {
    case destinationExists(String)
    case copyFailed(path: String, problems: [String])
    case chainBroken(path: String, problems: [String])
    case sourceMissing(String)

    public var chinese: String {
        switch self {
        case .destinationExists(let path): "“\(path)”已存在：备份不覆盖已有文件，请换一个文件名"
        case .copyFailed(let path, let problems): "“\(path)”未通过校验，未使用：\(problems.prefix(3).joined(separator: "；"))"
        case .sourceMissing(let path): "备份文件“\(path)”不存在"
        case .chainBroken(let path, let problems):
            "“\(path)”的审计链校验失败，未使用（确需保留一份损坏数据库的副本作证据，备份时加 --keep-broken）：\(problems.prefix(3).joined(separator: "；"))"
        }
    }

    public var english: String {
        switch self {
        case .destinationExists(let path): "'\(path)' exists: a backup never overwrites a file; choose another name"
        case .copyFailed(let path, let problems): "'\(path)' failed its checks and was not used: \(problems.prefix(3).joined(separator: "; "))"
        case .sourceMissing(let path): "the backup file '\(path)' does not exist"
        case .chainBroken(let path, let problems):
            "the audit chain of '\(path)' is broken, so it was not used (to keep a copy of a broken database as evidence, back up with --keep-broken): \(problems.prefix(3).joined(separator: "; "))"
        }
    }
}

extension AppDatabase {
    /// Writes a checked copy of this database to `destination`, which must not exist. A database whose audit chain
    /// is broken is copied only when `keepingBrokenChain` is set (a copy kept as evidence); SQLite's integrity check
    /// must pass either way.
    public func backup(to destination: String, keepingBrokenChain: Bool = false) throws -> BackupReport {
        guard !FileManager.default.fileExists(atPath: destination) else { throw BackupError.destinationExists(destination) }
        let side = destination + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: side + suffix) }
        do {
            try reader.unsafeRead { try $0.execute(sql: "VACUUM INTO ?", arguments: [side]) }
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: side)
            throw StoreError(error)
        }
        do {
            let report = try Self.checkCopy(at: side, reportedAs: destination, requireIntactChain: !keepingBrokenChain)
            try DurableFiles.sync(side)
            guard rename(side, destination) == 0 else { throw StoreError.unreadableFile(path: destination) }
            try DurableFiles.syncFolder(of: destination)
            return report
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: side + suffix) }
            throw error
        }
    }

    /// Replaces the database at `path` with a checked copy of the backup at `source`. The database it replaces, if
    /// any, is kept beside it as `path.replaced-<time>` (with its -wal and -shm), never deleted.
    public static func restore(from source: String, to path: String, force: Bool, now: Date = Date()) throws -> (BackupReport, kept: String?) {
        guard FileManager.default.fileExists(atPath: source) else { throw BackupError.sourceMissing(source) }
        let exists = FileManager.default.fileExists(atPath: path)
        guard !exists || force else {
            throw RuleViolation(rule: .restoreNeedsForce, chinese: "数据库“\(path)”已存在：确需用备份替换请加 --force（原库会保留在旁边）",
                                english: "the database '\(path)' exists: add --force to replace it with the backup (the old one is kept beside it)")
        }
        let side = path + ".restoring"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: side + suffix) }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: side)
            let report = try checkCopy(at: side, reportedAs: path, requireIntactChain: true)
            try DurableFiles.sync(side)
            var kept: String?
            if exists {
                let aside = path + ".replaced-" + Timestamp.string(now).replacingOccurrences(of: ":", with: "")
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                    guard rename(path + suffix, aside + suffix) == 0 else { throw StoreError.unreadableFile(path: path + suffix) }
                }
                kept = aside
            }
            guard rename(side, path) == 0 else { throw StoreError.unreadableFile(path: path) }
            try DurableFiles.syncFolder(of: path)
            return (report, kept)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: side + suffix) }
            throw error
        }
    }

    /// Opens the copy read-only and checks it whole; the connection is closed before the copy is renamed.
    private static func checkCopy(at side: String, reportedAs name: String, requireIntactChain: Bool) throws -> BackupReport {
        let copy: AppDatabase
        do { copy = try openForReading(path: side) } catch let error as UserFacingError {
            throw BackupError.copyFailed(path: name, problems: [error.chinese + " / " + error.english])
        }
        let integrity = try copy.readDatabase { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        guard integrity == ["ok"] else { throw BackupError.copyFailed(path: name, problems: integrity) }
        let chain = try ChainVerifier.verify(copy)
        guard chain.isIntact || !requireIntactChain else {
            throw BackupError.chainBroken(path: name, problems: chain.problems.map { "\($0.chinese) / \($0.english)" })
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: side)[.size] as? Int) ?? 0
        return BackupReport(path: name, bytes: bytes, events: chain.eventCount, head: chain.headHash, chainIntact: chain.isIntact)
    }
}
