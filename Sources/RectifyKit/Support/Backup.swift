import Foundation
import RectifyStore

public typealias BackupReport = RectifyStore.BackupReport

extension Rectify {
    /// A checked copy of this database at `destination` (see `AppDatabase.backup`).
    public func backup(to destination: String, keepingBrokenChain: Bool = false) throws -> BackupReport {
        try database.backup(to: destination, keepingBrokenChain: keepingBrokenChain)
    }

    /// Replaces the database at `path` with a checked copy of `source`; returns where the replaced one was kept.
    public static func restore(from source: String, to path: String, force: Bool) throws -> (BackupReport, kept: String?) {
        try AppDatabase.restore(from: source, to: path, force: force)
    }
}
