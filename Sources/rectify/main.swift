import ArgumentParser
import Foundation
import RectifyCore

// A thin shell: parse, call RectifyKit, print. Exit 0 success, 1 refused input, 2 usage error.
let arguments = GlobalOptions.hoistingDatabaseOption(Array(CommandLine.arguments.dropFirst()))
let command: ParsableCommand
do {
    command = try RectifyCommand.parseAsRoot(arguments)
} catch {
    let code = RectifyCommand.exitCode(for: error)
    if code == .success {
        print(RectifyCommand.fullMessage(for: error))
        exit(0)
    }
    FileHandle.standardError.write(Data((RectifyCommand.fullMessage(for: error) + "\n").utf8))
    exit(2)
}
do {
    var runnable = command
    try runnable.run()
} catch let error as UserFacingError {
    FileHandle.standardError.write(Data(("错误 / error:\n" + (error.errorDescription ?? "") + "\n").utf8))
    exit(1)
} catch {
    if RectifyCommand.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((RectifyCommand.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    FileHandle.standardError.write(Data("错误 / error: \(error.localizedDescription)\n".utf8))
    exit(1)
}
