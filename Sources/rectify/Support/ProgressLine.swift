import Foundation

/// How far long work has got. On a terminal: one line on standard error, rewritten in place, with the count, the
/// rate and the time left; cleared when the work ends, so that the command's summary stands alone. Elsewhere (a log,
/// a pipe): a line at every tenth of the work.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private let lock = NSLock()
    private var shownTenth = -1
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = done * 100 / max(total, 1)
        if TerminalText.standardError {
            // At most ten redraws a second: a fast job must not spend its time drawing.
            guard Date().timeIntervalSince(lastDrawn) >= 0.1 || done == total else { return }
            lastDrawn = Date()
            drawn = true
            let elapsed = Date().timeIntervalSince(started)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let left = rate > 0 ? Int((Double(total - done) / rate).rounded()) : nil
            let timing = rate > 0 ? String(format: "，%.0f/秒 per s", rate) + (left.map { "，约剩 \(Self.duration($0)) left" } ?? "") : ""
            FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(done)/\(total)（\(percent)%）\(timing)".utf8))
        } else {
            guard percent / 10 != shownTenth || done == total, percent / 10 != shownTenth else { return }
            shownTenth = percent / 10
            FileHandle.standardError.write(Data("\(label): \(done)/\(total) (\(percent)%)\n".utf8))
        }
    }

    /// Clears the line on a terminal; the command prints its summary after.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }

    static func duration(_ seconds: Int) -> String {
        seconds >= 60 ? "\(seconds / 60)分\(seconds % 60)秒" : "\(seconds)秒"
    }
}
