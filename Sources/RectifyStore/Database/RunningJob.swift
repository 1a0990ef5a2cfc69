import Foundation
import RectifyCore

/// A long write (a register import, a superior's import) notes itself in a small file beside the database
/// (`rectify.sqlite-job`) while it holds the write lock, so that a command kept waiting can say what it waits for.
/// A note left by a process that no longer runs is ignored.
public struct RunningJob: Codable, Sendable, Equatable {
    public var job: String
    public var actor: String
    public var since: String
    public var pid: Int32

    static func notePath(for database: String) -> String { database + "-job" }

    /// The job holding `database`, if a live process noted one.
    public static func current(for database: String) -> RunningJob? {
        guard let data = FileManager.default.contents(atPath: notePath(for: database)),
              let job = try? JSONDecoder().decode(RunningJob.self, from: data),
              job.pid == getpid() || kill(job.pid, 0) == 0
        else { return nil }
        return job
    }

    public var chinese: String { "\(job)（\(actor)，\(since)开始，进程\(pid)）" }
    public var english: String { "\(job) (by \(actor), since \(since), process \(pid))" }
}

extension AppDatabase {
    /// Runs `body` with a note naming the job beside the database file (nothing for an in-memory database).
    public func announcing<T>(_ job: String, actor: String, _ body: () throws -> T) throws -> T {
        let path = writer.path
        guard !path.isEmpty, path != ":memory:" else { return try body() }
        let note = RunningJob(job: job, actor: actor, since: Timestamp.string(clock()), pid: getpid())
        let file = RunningJob.notePath(for: path)
        try? JSONEncoder().encode(note).write(to: URL(fileURLWithPath: file), options: .atomic)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try body()
    }
}

/// How long a writer waits for another's lock, and what it says meanwhile.
public enum LockWait {
    /// Seconds before giving up (`RECTIFY_LOCK_TIMEOUT`, default 30).
    public static var timeout: Double {
        ProcessInfo.processInfo.environment["RECTIFY_LOCK_TIMEOUT"].flatMap(Double.init).map { max(0, $0) } ?? 30
    }

    /// Called once a wait has lasted a second, with what is being waited for (a front end tells its user).
    nonisolated(unsafe) public static var onLongWait: (@Sendable (RunningJob?) -> Void)?

    static let pause: useconds_t = 20_000

    /// SQLite's busy handler: sleeps in short steps, tells once, gives up after `timeout`.
    static func handler(database path: String) -> @Sendable (Int) -> Bool {
        let timeout = Self.timeout
        return { tries in
            let waited = Double(tries) * Double(pause) / 1_000_000
            if waited >= timeout { return false }
            if tries == Int(1_000_000 / pause) { onLongWait?(RunningJob.current(for: path)) }
            usleep(pause)
            return true
        }
    }
}
