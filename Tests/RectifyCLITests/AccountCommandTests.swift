import Foundation
import Testing

/// Web accounts from the command line (issue 19): the first administrator is added here; passwords never appear as
/// arguments, never enter the audit chain, and a refused account writes nothing.
@Suite("rectify account")
struct AccountCommandTests {
    @Test("add, list, reset and disable; a short password, a duplicate or an officer-less officer account is refused")
    func accounts() throws {
        var cli = try CLI()
        try cli.setUpDistrict()
        cli.environment["RECTIFY_PASSWORD"] = "correct-horse-battery"
        try cli.runSteps([["account", "add", "admin", "--role", "管理员"],
                          ["account", "add", officerA, "--role", "officer", "--officer", officerA]])
        let before = cli.databaseDigest()
        let duplicate = try cli.run("account", "add", "admin", "--role", "admin")
        #expect(duplicate.status == 1 && duplicate.stderr.contains("ACCOUNT-LOGIN-UNIQUE"))
        let noOfficer = try cli.run("account", "add", officerB, "--role", "officer")
        #expect(noOfficer.status == 1 && noOfficer.stderr.contains("ACCOUNT-OFFICER"))
        cli.environment["RECTIFY_PASSWORD"] = "short"
        let short = try cli.run("account", "add", "someone", "--role", "superior")
        #expect(short.status == 1 && short.stderr.contains("密码") && short.stderr.contains("password"))
        #expect(cli.databaseDigest() == before)
        let list = try cli.run("account", "list")
        #expect(list.stdout.contains("admin") && list.stdout.contains("管理员") && list.stdout.contains("张三（32067100001）"))
        cli.environment["RECTIFY_PASSWORD"] = "another-long-password"
        try cli.runSteps([["account", "reset", officerA], ["account", "disable", officerA]])
        #expect(try cli.run("account", "list").stdout.contains("已停用"))
        // The hashes are kept apart from the audited rows: no event holds one.
        #expect(try cli.sqlite("SELECT count(*) FROM event WHERE after LIKE '%$2b$%' OR before LIKE '%$2b$%'") == "0")
        #expect(try cli.sqlite("SELECT count(*) FROM accountPassword") == "2")
        #expect(try cli.run("verify").status == 0)
    }
}
