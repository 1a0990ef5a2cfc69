import Foundation
import RectifyTestSupport
import Testing

@Suite("verify and export report recompute the progress ledger the signed figures come from")
struct LedgerCheckTests {
    @Test("a tally raised with the sqlite3 tool fails verify, naming the table and both figures, and stops export report")
    func raisedTally() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--units", "120").status == 0)
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.run("keys", "generate", "--out", "keys").status == 0)
        let signing = ["--key", "keys/signing-key.pem", "--cert", "keys/signing-cert.pem"]
        #expect(try cli.run(["export", "report", "pump-2026", "--as-of", "2026-06-30", "--out", "before"] + signing).status == 0)
        let stored = try cli.sqlite("""
            SELECT n FROM progressTotal WHERE dimension = 'all' AND campaignId = (SELECT id FROM campaign WHERE code = 'pump-2026')
            ORDER BY measure LIMIT 1
            """)
        _ = try cli.sqlite("""
            UPDATE progressTotal SET n = n + 100 WHERE dimension = 'all' AND campaignId = (SELECT id FROM campaign WHERE code = 'pump-2026')
            AND measure = (SELECT min(measure) FROM progressTotal WHERE dimension = 'all'
                           AND campaignId = (SELECT id FROM campaign WHERE code = 'pump-2026'))
            """)
        let verify = try cli.run("verify")
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("the progress ledger: derived table progressTotal"), "\(verify.stderr)")
        #expect(verify.stderr.contains("stored n=\(Int(stored)! + 100), recomputed n=\(stored)"), "\(verify.stderr)")
        let report = try cli.run(["export", "report", "pump-2026", "--as-of", "2026-06-30", "--out", "after"] + signing)
        #expect(report.status == 1 && report.stderr.contains("REPORT-LEDGER-MISMATCH"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("after").path))
        // Another campaign's report is not held up by it.
        #expect(try cli.run(["export", "report", "gas-2026", "--as-of", "2026-06-30", "--out", "other"] + signing).status == 0)
    }
}
