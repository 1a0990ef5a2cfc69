import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of an external program: wall time, peak resident memory (workers report their own; for the reference
/// tools wait4's figure, which includes the bench's own peak and is therefore not reported), exit status and output.
struct ProcessRun {
    var seconds: Double
    var peakRSSMB: Double
    var status: Int32
    var output: String
}

enum Subprocess {
    struct Failed: Error, CustomStringConvertible {
        var arguments: [String]
        var run: ProcessRun
        var description: String {
            "\(arguments.prefix(6).joined(separator: " ")) … exited \(run.status):\n\(run.output.suffix(2_000))"
        }
    }

    /// Runs `arguments[0]` (looked up on PATH) with stdout and stderr sent to a temporary file (stdout to /dev/null
    /// with `discardOutput`, for a reference whose output is large and not wanted).
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, environment extra: [String: String] = [:],
                    mustSucceed: Bool = true, discardOutput: Bool = false) throws -> ProcessRun {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-bench-\(UUID().uuidString).log").path
        defer { unlink(log) }
        let stdin = input == nil ? "/dev/null" : log + ".in"
        if let input { try input.write(toFile: stdin, atomically: false, encoding: .utf8) }
        defer { if input != nil { unlink(stdin) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 2, 1)
        }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Failed(arguments: arguments, run: ProcessRun(seconds: 0, peakRSSMB: 0, status: -1,
                                                                output: "cannot start: \(String(cString: strerror(spawned)))"))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        // Linux reports ru_maxrss in kilobytes.
        let run = ProcessRun(seconds: seconds, peakRSSMB: Double(usage.ru_maxrss) / 1024, status: exit, output: output)
        if mustSucceed && exit != 0 { throw Failed(arguments: arguments, run: run) }
        return run
    }
}
