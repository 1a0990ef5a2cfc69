import Foundation
import RectifyTestSupport
import Testing

@Suite("Only a Rectify database is opened, and a reading command never changes the file")
struct DatabaseFileTests {
    func folderListing(_ cli: CLI) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted()
    }

    @Test("verify on an empty or missing file exits 3 (could not check), names why, and creates or writes nothing")
    func verifyCannotCheck() throws {
        let cli = try CLI()
        FileManager.default.createFile(atPath: cli.database, contents: nil)
        let before = try folderListing(cli)
        for command in [["verify"], ["case", "list"], ["campaign", "list"], ["unit", "list"]] {
            let result = try cli.run(command)
            #expect(result.status == (command == ["verify"] ? 3 : 1), "\(command)")
            #expect(result.stderr.contains("不是 Rectify 数据库（空文件）") && result.stderr.contains("is not a Rectify database (an empty file)"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)).isEmpty)
        #expect(try folderListing(cli) == before)
        try FileManager.default.removeItem(atPath: cli.database)
        let missing = try cli.run("verify")
        #expect(missing.status == 3 && missing.stderr.contains("could not verify: database file"))
        #expect(try folderListing(cli).isEmpty)
        // A writing command refuses the empty file too; init makes it a database.
        FileManager.default.createFile(atPath: cli.database, contents: nil)
        #expect(try cli.run("department", "add", "安监局").status == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)).isEmpty)
        #expect(try cli.run("init").status == 0)
        #expect(try cli.run("verify").status == 0)
    }

    @Test("another program's SQLite file is refused by every command, byte for byte unchanged")
    func foreignDatabase() throws {
        let cli = try CLI()
        _ = try cli.sqlite("CREATE TABLE notes(x); INSERT INTO notes VALUES ('keep me')")
        let before = cli.databaseDigest()
        for command in [["verify"], ["init"], ["department", "add", "安监局"], ["unit", "list"]] {
            let result = try cli.run(command)
            #expect(result.status != 0, "\(command)")
            #expect(result.stderr.contains("another program's SQLite database"), "\(command): \(result.stderr)")
        }
        #expect(cli.databaseDigest() == before)
        #expect(try cli.sqlite("SELECT count(*) FROM sqlite_master") == "1")
    }

    @Test("demo --replace killed while it builds leaves the database it was replacing whole; completed, it replaces it")
    func demoReplaceIsAtomic() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "60").status == 0)
        let head = try cli.run("verify").stdout
        let (process, _, err) = try cli.start(["demo", "--units", "1500", "--replace"])
        // Killed once it has reported progress: the new district is being built beside the old one.
        var progress = Data()
        while !String(decoding: progress, as: UTF8.self).contains("building: "), process.isRunning {
            progress += err.fileHandleForReading.availableData
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try cli.run("verify").stdout == head)
        let replaced = try cli.run("demo", "--units", "80", "--replace")
        #expect(replaced.status == 0)
        #expect(try cli.run("verify").stdout != head)
        #expect(try folderListing(cli).allSatisfy { !$0.contains(".building") })
        // Another program's file is not replaced.
        let foreign = cli.folder.appendingPathComponent("foreign.sqlite").path
        try FileManager.default.removeItem(atPath: cli.database)
        _ = try cli.sqlite("CREATE TABLE notes(x)")
        try FileManager.default.moveItem(atPath: cli.database, toPath: foreign)
        let refused = try cli.run("--db", foreign, "demo", "--units", "60", "--replace")
        #expect(refused.status == 1 && refused.stderr.contains("another program's SQLite database"))
        #expect(try runTool(["sqlite3", foreign, "SELECT name FROM sqlite_master"]).output == "notes\n")
    }
}

@Suite("Exported files reach the disk before they take their names")
struct ExportDurabilityTests {
    /// The system calls of one `rectify` run that touch files, as strace prints them with file-descriptor paths.
    func traced(_ cli: CLI, _ arguments: [String]) throws -> [String] {
        let log = cli.folder.appendingPathComponent("trace.txt").path
        let run = try runTool(["env", "RECTIFY_DB=\(cli.database)", "RECTIFY_ACTOR=admin", "strace", "-f", "-y", "-o", log,
                               "-e", "trace=fsync,rename,syncfs", CLI.executable.path] + arguments)
        #expect(run.status == 0, "\(run.output) \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("export case: fsync, rename, fsync of the folder; export campaign: one syncfs before the renames, the folder before the manifest")
    func fsyncBeforeRename() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let root = cli.folder.path
        let signing = ["--key", root + "/keys/signing-key.pem", "--cert", root + "/keys/signing-cert.pem"]
        let caseTrace = try traced(cli, ["export", "case", "gas-2026-0001", "--out", root + "/one"] + signing)
        let fileSync = caseTrace.firstIndex { $0.contains("fsync(") && $0.contains("gas-2026-0001.xml.partial") }
        let rename = caseTrace.firstIndex { $0.contains("rename(") && $0.contains("gas-2026-0001.xml.partial") }
        let folderSync = caseTrace.lastIndex { $0.contains("fsync(") && $0.contains("/one>") }
        #expect(fileSync != nil && rename != nil && folderSync != nil, "\(caseTrace)")
        if let fileSync, let rename, let folderSync { #expect(fileSync < rename && rename < folderSync) }

        // A campaign's case files are flushed together (syncfs) before any takes its name; the folder is flushed
        // before the manifest, written last, completes the filing.
        let campaignTrace = try traced(cli, ["export", "campaign", "gas-2026", "--out", root + "/all"] + signing)
        let flushed = campaignTrace.firstIndex { $0.contains("syncfs(") }
        let caseRename = campaignTrace.firstIndex { $0.contains("rename(") && $0.contains("gas-2026-0001.xml.partial") }
        let manifest = campaignTrace.firstIndex { $0.contains("rename(") && $0.contains("manifest.xml.partial") }
        let folder = caseRename.flatMap { start in campaignTrace[start...].firstIndex { $0.contains("fsync(") && $0.contains("/all>") } }
        #expect(flushed != nil && caseRename != nil && folder != nil && manifest != nil, "\(campaignTrace)")
        if let flushed, let caseRename, let folder, let manifest { #expect(flushed < caseRename && caseRename < folder && folder < manifest) }
    }
}

@Suite("A database on read-only media")
struct ReadOnlyMediaTests {
    /// Read-only bind mounts need root (CI runs as root; elsewhere the test does not run).
    @Test("copied without its -wal and -shm onto a read-only mount: reading commands work; a write says why it cannot",
          .enabled(if: getuid() == 0))
    func readOnlyMount() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "60").status == 0)
        let source = cli.folder.appendingPathComponent("media").path
        let mount = cli.folder.appendingPathComponent("mnt").path
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        #expect(try cli.run("backup", source + "/copy.sqlite").status == 0)
        #expect(try runTool(["mount", "--bind", source, mount]).status == 0)
        defer { _ = try? runTool(["umount", mount]) }
        #expect(try runTool(["mount", "-o", "remount,ro,bind", mount]).status == 0)
        let db = mount + "/copy.sqlite"
        let verify = try cli.run("--db", db, "verify")
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(try cli.run("--db", db, "unit", "list").status == 0)
        let write = try cli.run("--db", db, "department", "add", "消防救援大队")
        #expect(write.status == 1 && write.stderr.contains("the database file or its folder is read-only") && !write.stderr.contains("SQLite error"), "\(write.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount) == ["copy.sqlite"])
    }
}
