import Foundation
import RectifyCore
import RectifyStore

/// The use cases the command line and (later) the server share. Each public method is one write transaction;
/// the logic lives in `WriteContext` extensions so that the demo generator can run many of them in one transaction.
public struct Rectify: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public static func open(path: String, create: Bool = false) throws -> Rectify {
        Rectify(database: try AppDatabase.open(path: path, create: create))
    }

    /// For commands that only read (lists, details, progress, verification): see `AppDatabase.openForReading`.
    public static func openForReading(path: String) throws -> Rectify {
        Rectify(database: try AppDatabase.openForReading(path: path))
    }

    /// The web server's expiring entries (sessions, throttling), in the same database.
    public var keyValues: KeyValueStore { KeyValueStore(database) }

    /// Now, by this database's clock (pinned in tests).
    public func now() -> Date { database.clock() }

    public func verify(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ChainReport {
        try ChainVerifier.verify(database, progress: progress)
    }
}

public typealias ChainReport = RectifyStore.ChainReport
public typealias KeyValueStore = RectifyStore.KeyValueStore
public typealias RunningJob = RectifyStore.RunningJob

extension Rectify {
    /// A front end's way to tell its user that a write is waiting for another job's lock (after a second).
    public static func whenWaitingForLock(_ report: @escaping @Sendable (RunningJob?) -> Void) {
        LockWait.onLongWait = report
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, in their first order (a Set's order changes from run to run).
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
