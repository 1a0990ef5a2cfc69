import Foundation
import RectifyTestSupport
import Testing

/// A few runs of what `scripts/crash-test` does fifty times (see docs/crash-test.md).
@Suite("Killed at a random moment, a job leaves the database whole and no half-written file under a final name")
struct CrashTests {
    func killAfterRandomDelay(_ process: Process, upTo seconds: Double) -> Bool {
        usleep(useconds_t(Double.random(in: 0.05...seconds) * 1_000_000))
        let killed = process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        process.waitUntilExit()
        return killed
    }

    @Test("unit import killed with SIGKILL: verify and integrity_check pass, and the register is in whole or not at all")
    func unitImport() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let register = cli.folder.appendingPathComponent("register.csv").path
        try CLI.writeRegister(20_000, at: register)
        let before = Int(try cli.sqlite("SELECT count(*) FROM unit"))!
        for run in 1...3 {
            let db = cli.folder.appendingPathComponent("run\(run).sqlite").path
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: cli.database + suffix) {
                try FileManager.default.copyItem(atPath: cli.database + suffix, toPath: db + suffix)
            }
            let importer = try cli.startDetached(["unit", "import", register], database: db)
            _ = killAfterRandomDelay(importer, upTo: 2.5)
            #expect(try runTool(["sqlite3", db, "PRAGMA integrity_check"]).output == "ok\n")
            #expect(try cli.run("--db", db, "verify").status == 0)
            let units = Int(try runTool(["sqlite3", db, "SELECT count(*) FROM unit"]).output.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(units == before || units == before + 20_000, "run \(run): \(units ?? -1) units")
        }
    }

    @Test("campaign export killed with SIGKILL: every file under a final name is whole and valid")
    func campaignExport() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "600").status == 0)
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let schemas = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas").path
        for run in 1...3 {
            let out = cli.folder.appendingPathComponent("out\(run)").path
            let exporter = try cli.startDetached(["export", "campaign", "se-2026", "--out", out, "--key", "keys/signing-key.pem",
                                                  "--cert", "keys/signing-cert.pem"], database: cli.database)
            _ = killAfterRandomDelay(exporter, upTo: 1.5)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".xml") }
            for file in files {
                let schema = file.hasPrefix("manifest") ? "rectify-manifest-v2.xsd" : "rectify-case-file-v2.xsd"
                let check = try runTool(["xmllint", "--nonet", "--noout", "--schema", schemas + "/" + schema, out + "/" + file])
                #expect(check.status == 0, "run \(run): \(file) \(check.output.prefix(300))")
            }
        }
        #expect(try cli.run("verify").status == 0)
    }
}
