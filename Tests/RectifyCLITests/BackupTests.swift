import Foundation
import RectifyTestSupport
import Testing

@Suite("backup and restore: a checked copy, taken while others write, and a restore that checks before it replaces")
struct BackupTests {
    @Test("backup finishes under steady writes; the copy verifies; it never overwrites; restore needs --force and keeps the old")
    func backupUnderLoad() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "300").status == 0)
        // Steady writes from other processes while the backup runs.
        let load = Process()
        load.executableURL = URL(fileURLWithPath: "/bin/sh")
        load.arguments = ["-c", "i=0; while [ $i -lt 400 ] && [ ! -e stop ]; do RECTIFY_DB='\(cli.database)' RECTIFY_ACTOR=admin '\(CLI.executable.path)' department add 部门$i >/dev/null 2>&1; i=$((i+1)); done"]
        load.currentDirectoryURL = cli.folder
        try load.run()
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        let backup = try cli.run("backup", copy)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(load.isRunning, "the backup should have run while the writers were writing")
        FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("stop").path, contents: nil)
        load.waitUntilExit()
        #expect(try cli.run("--db", copy, "verify").status == 0)
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
        let again = try cli.run("backup", copy)
        #expect(again.status == 1 && again.stderr.contains("never overwrites"))

        let head = try cli.run("--db", copy, "verify").stdout
        let refused = try cli.run("restore", copy)
        #expect(refused.status == 1 && refused.stderr.contains("RESTORE-NEEDS-FORCE"))
        let restored = try cli.run("restore", copy, "--force")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try cli.run("verify").stdout == head)
        let kept = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("rectify.sqlite.replaced-") }
        #expect(kept.contains { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
    }

    @Test("a truncated or tampered backup is refused by restore, and the database stays as it was")
    func badBackup() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "80").status == 0)
        let copy = cli.folder.appendingPathComponent("copy.sqlite").path
        #expect(try cli.run("backup", copy).status == 0)
        let before = cli.databaseDigest()
        let truncated = cli.folder.appendingPathComponent("truncated.sqlite").path
        try Data(try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(40_960)).write(to: URL(fileURLWithPath: truncated))
        let tampered = cli.folder.appendingPathComponent("tampered.sqlite").path
        try FileManager.default.copyItem(atPath: copy, toPath: tampered)
        _ = try runTool(["sqlite3", tampered, "UPDATE unit SET name = '篡改' WHERE id = 1"])
        for (file, reason) in [(truncated, "failed its checks"), (tampered, "audit chain of")] {
            let result = try cli.run("restore", file, "--force")
            #expect(result.status == 1 && result.stderr.contains(reason), "\(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains(".restoring") && !$0.contains(".replaced-") })
    }
}
