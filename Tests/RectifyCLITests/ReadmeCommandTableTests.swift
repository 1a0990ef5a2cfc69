import ArgumentParser
import Foundation
import Testing
@testable import rectify

/// The README's command table is the reader's map of `rectify --help`: every command in it exists, and every command
/// the binary has is in it.
@Suite("The README's command table")
struct ReadmeCommandTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// Every command that runs something ("case open", "verify"), from the command tree `--help` is made of.
    static func leafCommands() -> Set<String> {
        var leaves: Set<String> = []
        func walk(_ command: ParsableCommand.Type, path: [String]) {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty { leaves.insert(path.joined(separator: " ")) }
            for sub in subcommands { walk(sub, path: path + [sub.configuration.commandName!]) }
        }
        walk(RectifyCommand.self, path: [])
        return leaves
    }

    /// The first cell of every row of the table under "## Commands", split into its code spans.
    static func tableSnippets() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = text.components(separatedBy: "\n## Commands\n")[1].components(separatedBy: "\n## ")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| `") }
        return rows.flatMap { row -> [String] in
            let cell = String(row.dropFirst(2)).components(separatedBy: " | ")[0]
            return cell.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
    }

    @Test("every command in the table exists, and every command of rectify --help is in the table")
    func tableMatchesHelp() throws {
        let leaves = Self.leafCommands()
        let known = leaves.union(leaves.flatMap { leaf in
            let words = leaf.split(separator: " ")
            return (1..<max(words.count, 1)).map { words.prefix($0).joined(separator: " ") }
        })
        var named: Set<String> = []
        var unknown: [String] = []
        for snippet in try Self.tableSnippets() {
            let words = snippet.split(separator: " ").map(String.init)
            // A span of options only (`--key FILE --cert FILE`) continues the commands before it.
            if words.first?.hasPrefix("-") ?? true { continue }
            // The longest run of leading words that is a command path: the rest are its arguments.
            let path = (1...words.count).reversed().map { words.prefix($0).joined(separator: " ") }.first { known.contains($0) }
            guard let path else { unknown.append(snippet); continue }
            named.insert(path)
        }
        #expect(unknown == [], "the README names commands rectify does not have")
        #expect(leaves.subtracting(named).sorted() == [], "commands of rectify --help missing from the README's table")
        #expect(named.subtracting(leaves).sorted() == [], "the README names a command group, not a command")
        #expect(leaves.count > 60)
    }
}
