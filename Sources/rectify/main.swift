import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

// A thin shell: parse, call RectifyKit, print. Exit 0 success, 1 refused input, 2 usage error; a few errors name
// their own status (`CommandExitStatus`: verify's 3, could not check).
func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data(((TerminalText.standardError ? TerminalText.escaped(message) : message) + "\n").utf8))
    exit(code)
}

Rectify.whenWaitingForLock { job in
    let what = job.map { ($0.chinese, $0.english) } ?? ("另一个进程的写入", "another process's write")
    FileHandle.standardError.write(Data("正在等待 \(what.0) 完成… / waiting for \(what.1) to finish…\n".utf8))
}
do {
    var command = try RectifyCommand.parseAsRoot(GlobalOptions.hoistingDatabaseOption(Array(CommandLine.arguments.dropFirst())))
    // Before SQLite is first used; a server runs for weeks and must give freed memory back.
    if !(command is ServeCommand) { Allocator.tuneForBulkWork() }
    try command.run()
} catch let error as UserFacingError {
    fail("错误 / error:\n" + (error.errorDescription ?? ""), code: (error as? CommandExitStatus)?.exitStatus ?? 1)
} catch {
    switch RectifyCommand.exitCode(for: error) {
    case .success:
        print(RectifyCommand.fullMessage(for: error))
    case .validationFailure:
        fail(UsageError.bilingual(RectifyCommand.fullMessage(for: error)), code: 2)
    default:
        fail("错误 / error: \(RectifyCommand.fullMessage(for: error))", code: 1)
    }
}
