import Foundation
import RectifyTestSupport
import Testing

@Suite("Anchors outside the file: a signed chain head proves the history up to it was not cut or rewritten")
struct AnchorTests {
    @Test("a history cut back, or rewritten consistently after it, passes plain verify and fails verify --anchor")
    func cutAndRewritten() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "80").status == 0)
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let early = cli.folder.appendingPathComponent("early.sqlite").path
        #expect(try cli.run("backup", early).status == 0)
        #expect(try cli.run("department", "add", "消防救援大队").status == 0)
        let checkpoint = try cli.run("checkpoint", "--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem", "--out", "cp.xml")
        #expect(checkpoint.status == 0, "\(checkpoint.stderr)")
        let anchored = try cli.run("verify", "--anchor", "cp.xml")
        #expect(anchored.status == 0 && anchored.stdout.contains("anchor holds: cp.xml"), "\(anchored.stdout)\(anchored.stderr)")
        let seq = try cli.sqlite("SELECT max(seq) FROM event")
        #expect(anchored.stdout.contains("the newest anchor reaches event \(seq) of \(seq)"))
        // The standard tools accept the checkpoint as well.
        let schemas = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Schemas").path
        let file = cli.folder.appendingPathComponent("cp.xml").path
        #expect(try runTool(["xmllint", "--nonet", "--noout", "--schema", schemas + "/rectify-checkpoint-v1.xsd", file]).status == 0)
        #expect(try runTool(["xmlsec1", "--verify", "--trusted-pem", cli.folder.appendingPathComponent("keys/signing-cert.pem").path, file]).status == 0)

        // Cut: the database rolled back to before the last act.
        #expect(try cli.run("restore", early, "--force").status == 0)
        #expect(try cli.run("verify").status == 0)
        let cut = try cli.run("verify", "--anchor", "cp.xml")
        #expect(cut.status == 1 && cut.stdout.contains("the chain no longer has event \(seq)"), "\(cut.stdout)")
        // Rewritten: another act in its place, every hash consistent.
        #expect(try cli.run("department", "add", "住建局二").status == 0)
        #expect(try cli.run("verify").status == 0)
        let rewritten = try cli.run("verify", "--anchor", "cp.xml")
        #expect(rewritten.status == 1 && rewritten.stdout.contains("event \(seq) no longer has the anchor's hash"), "\(rewritten.stdout)")
        #expect(rewritten.stderr.contains("anchor(s) failed"))
    }

    @Test("every signed export carries the chain head; a file from another agency is no anchor for this one")
    func exportsCarryHeads() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "80").status == 0)
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let signing = ["--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem"]
        #expect(try cli.run(["export", "campaign", "pump-2026", "--out", "filing"] + signing).status == 0)
        #expect(try cli.run(["export", "report", "pump-2026", "--as-of", "2026-06-30", "--out", "filing"] + signing).status == 0)
        let head = "序号=\"\(try cli.sqlite("SELECT max(seq) FROM event"))\" 哈希=\"\(try cli.sqlite("SELECT hash FROM event ORDER BY seq DESC LIMIT 1"))\""
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("filing").path).filter { $0.hasSuffix(".xml") }
        #expect(files.count > 3)
        for name in files {
            let text = try String(contentsOfFile: cli.folder.appendingPathComponent("filing/" + name).path, encoding: .utf8)
            #expect(text.contains("<审计链头 \(head)/>"), "\(name)")
        }
        #expect(try cli.run(["verify"] + files.flatMap { ["--anchor", "filing/" + $0] }).status == 0)
        // Another district's database is not vouched for by these files.
        let other = try CLI()
        #expect(try other.run("init").status == 0)
        #expect(try other.run("agency", "set", "--name", "如皋市应急管理局", "--abbreviation", "皋", "--division-code", "320684").status == 0)
        let foreign = try other.run(["verify", "--anchor", cli.folder.appendingPathComponent("filing/manifest.xml").path])
        #expect(foreign.status == 1 && foreign.stdout.contains("anchor FAILED") && foreign.stdout.contains("320684"), "\(foreign.stdout)")
    }
}
