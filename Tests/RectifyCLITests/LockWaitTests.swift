import Foundation
import RectifyCore
import RectifyTestSupport
import Testing

@Suite("A writer kept waiting says for what; a lock not had in time is a message naming the running job")
struct LockWaitTests {
    @Test("during a long register import another writer waits, says for what, and gives up naming the import; then it writes")
    func waitsForTheImport() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let file = cli.folder.appendingPathComponent("big.csv").path
        try CLI.writeRegister(60_000, at: file)
        let (importer, _, _) = try cli.start(["unit", "import", file])
        let note = cli.database + "-job"
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: note), importer.isRunning, Date() < deadline { usleep(10_000) }
        #expect(FileManager.default.fileExists(atPath: note), "the import noted itself")
        let waiting = try runTool(["env", "RECTIFY_DB=\(cli.database)", "RECTIFY_ACTOR=admin", "RECTIFY_LOCK_TIMEOUT=2",
                                   CLI.executable.path, "department", "add", "消防救援大队"])
        #expect(importer.isRunning, "the import should still hold the lock (make the register larger if this fails)")
        #expect(waiting.status == 1)
        #expect(waiting.output.contains("waiting for 底数清单导入 unit import of big.csv (by admin"), "\(waiting.output)")
        #expect(waiting.output.contains("the database is being written by another job, 底数清单导入 unit import of big.csv"), "\(waiting.output)")
        #expect(!waiting.output.contains("database is locked"))
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: note))
        #expect(try cli.run("department", "add", "消防救援大队").status == 0)
    }

    @Test("a register is checked before the write lock is taken: while a bad one is being checked, officers write at once")
    func checkedWithoutTheLock() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let file = cli.folder.appendingPathComponent("bad.csv").path
        try CLI.writeRegister(60_000, at: file)
        try (try String(contentsOfFile: file, encoding: .utf8) + "913206710000000000,坏行,地址,竹行街道,竹行社区网格,餐饮场所,安监局\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let (importer, _, err) = try cli.start(["unit", "import", file])
        usleep(700_000)
        let officer = try runTool(["env", "RECTIFY_DB=\(cli.database)", "RECTIFY_ACTOR=admin", "RECTIFY_LOCK_TIMEOUT=0.5",
                                   CLI.executable.path, "department", "add", "消防救援大队"])
        #expect(importer.isRunning, "the check should still be running (make the register larger if this fails)")
        #expect(officer.status == 0, "\(officer.output)")
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 1)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("row 60002"))
    }
}
