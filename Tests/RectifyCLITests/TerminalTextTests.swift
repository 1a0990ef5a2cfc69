import Foundation
import RectifyTestSupport
import Testing

@Suite("Stored text cannot drive the officer's terminal")
struct TerminalTextTests {
    @Test("on a terminal, ESC/OSC sequences, other controls and bidi overrides are shown escaped; a pipe gets the bytes")
    func escapedOnTerminal() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        // Written behind Rectify's back, as a filing from elsewhere or an old database might hold it.
        _ = try cli.sqlite("UPDATE unit SET name = '乙记' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J面馆' || char(8238) || 'gnp.exe' WHERE id = 1")
        let command = ["env", "RECTIFY_DB=\(cli.database)", CLI.executable.path, "unit", "list"].joined(separator: " ")
        let terminal = try runTool(["script", "-qec", command, "/dev/null"])
        #expect(terminal.status == 0)
        #expect(terminal.output.contains(#"乙记\u001B]0;pwned\u0007\u001B[2J面馆\u202Egnp.exe"#), "\(terminal.output)")
        #expect(!terminal.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E || $0.value == 0x07 })
        let piped = try cli.run("unit", "list")
        #expect(piped.stdout.contains("乙记\u{1B}]0;pwned\u{07}\u{1B}[2J面馆\u{202E}gnp.exe"))
    }
}
