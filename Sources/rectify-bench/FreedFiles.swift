import Foundation

/// For some minutes after many files were removed, ext4 creates files several times more slowly (it passes over the
/// recently freed inodes). A bench run removes tens of thousands of exported files when it ends, so one started right
/// after it measured the export far slower than the runs around it (docs/performance.md). The run that removes them
/// leaves the time in the work folder, and the next run waits until that is five minutes past.
enum FreedFiles {
    static let quiet: TimeInterval = 300

    private static func marker(_ work: String) -> String { "\(work)/exports-removed-at" }

    static func noteRemoval(work: String) {
        FileManager.default.createFile(atPath: marker(work), contents: Data(ISO8601DateFormatter().string(from: Date()).utf8))
    }

    static func waitAfterRemoval(work: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: marker(work)),
              let removed = attributes[.modificationDate] as? Date else { return }
        let wait = quiet - Date().timeIntervalSince(removed)
        guard wait > 0 else { return }
        log("the last bench run removed its exported files \(Int(quiet - wait)) s ago; waiting \(Int(wait.rounded(.up))) s "
            + "more, as file creation stays slow for some minutes after a mass removal")
        Thread.sleep(forTimeInterval: wait)
    }
}
