import Foundation

/// A new folder for one test's files under the system's temporary directory, e.g. `rectify-xml-<UUID>`.
///
/// Tests run in parallel in one process and pass these folders between helpers (a district exported by one function
/// is imported by the test that called it), so rather than each caller removing its own, they are all removed when
/// the test process exits; a test run leaves nothing behind in /tmp.
public func makeScratchFolder(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    ScratchFolders.shared.add(path)
    return path
}

final class ScratchFolders: @unchecked Sendable {
    static let shared = ScratchFolders()
    private let lock = NSLock()
    private var paths: [String] = []

    private init() {
        atexit { ScratchFolders.shared.removeAll() }
    }

    func add(_ path: String) {
        lock.withLock { paths.append(path) }
    }

    private func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// Test keys are valid from 2026-01-01: the tests' clock is pinned to 2026, and a filing is refused when its signing
/// certificate was not yet valid at the time the file says it was made.
public let testKeysValidFrom = Date(timeIntervalSince1970: 1_767_225_600)
