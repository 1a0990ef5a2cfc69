import ArgumentParser
import Testing
@testable import rectify

@Suite("The command tree")
struct CommandTreeTests {
    /// ArgumentParser derives a missing name with `String(describing:)`, which scans every conformance record in the
    /// process once per command type: a few milliseconds on every start of `rectify`, whatever the command.
    @Test("every command names itself, so start-up derives no names")
    func everyCommandIsNamed() {
        var unnamed: [String] = []
        var visited = 0
        func walk(_ command: ParsableCommand.Type, path: String) {
            visited += 1
            let name = command.configuration.commandName
            if name == nil { unnamed.append(path + "/?") }
            for sub in command.configuration.subcommands { walk(sub, path: path + "/" + (name ?? "?")) }
        }
        walk(RectifyCommand.self, path: "")
        #expect(unnamed.isEmpty, "unnamed: \(unnamed)")
        #expect(visited > 60)
    }
}
