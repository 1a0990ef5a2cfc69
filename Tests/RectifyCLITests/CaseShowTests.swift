import Foundation
import Testing

/// `case show` tells the whole case (issue 18): the hazard each plan is for, every step of the penalty procedure with
/// its date, document and what was said or paid, and no internal row ids.
@Suite("case show tells the whole case")
struct CaseShowTests {
    @Test("plans name their hazard; the penalty's steps are listed with documents, payments and surcharge, transfer")
    func wholeCase() throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "400"]])
        func show(_ sql: String) throws -> String {
            let number = try cli.sqlite(sql)
            #expect(!number.isEmpty, "\(sql)")
            let shown = try cli.run("case", "show", number, "--as-of", "2026-09-30")
            #expect(shown.status == 0)
            #expect(shown.stdout.range(of: #"#\d"#, options: .regularExpression) == nil, "an internal id in \(number)")
            return shown.stdout
        }
        let late = try show("SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.surchargeFen > 0 LIMIT 1")
        #expect(late.range(of: #"缴款 2026-\d\d-\d\d：[\d,]+\.\d\d元（罚款 [\d,]+\.00元，加处罚款 [\d,]+\.\d\d元）"#,
                           options: .regularExpression) != nil, "\(late)")
        for step in ["立案 2026-", "（通开）应急立〔2026〕", "告知 2026-", "陈述申辩：当事人放弃", "处罚决定 2026-", "送达 2026-", "结案 2026-"] {
            #expect(late.contains(step), "\(step) in \(late)")
        }
        #expect(!late.contains("期限："), "a closed procedure has no running deadline")
        let transferred = try show("SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.stage = 'transferred' LIMIT 1")
        #expect(transferred.contains("移送 2026-") && transferred.contains("：综合执法局") && !transferred.contains("作出决定期限"))
        let planned = try show("""
            SELECT c.number FROM planRecord r JOIN "case" c ON c.id = r.caseId WHERE r.hazardId IS NOT NULL LIMIT 1
            """)
        #expect(planned.range(of: #"整改方案  [a-z]+-2026-\d{4}/\d"#, options: .regularExpression) != nil, "\(planned)")
        let demanded = try show("SELECT c.number FROM penalty p JOIN \"case\" c ON c.id = p.caseId WHERE p.demandOn IS NOT NULL LIMIT 1")
        #expect(demanded.contains("催告 2026-") && demanded.contains("加处罚款") && demanded.contains("期限："))
    }

    @Test("the defence statement, the hearing waiver and an attachment's record are named, not numbered")
    func statementsAndRecords() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        let photo = cli.folder.appendingPathComponent("photo.jpg").path
        try Data([0xFF, 0xD8, 0xFF, 0xE0]).write(to: URL(fileURLWithPath: photo))
        try cli.runSteps([
            ["hazard", "add", "gas-2026-0001", "--item", "RQ03", "--description", "软管老化", "--found-on", "2026-04-20", "--deadline", "2026-05-10"],
            ["selfcheck", "add", "gas-2026-0001", "--by", "店长", "--findings", "软管老化", "--pledge", "如实", "--on", "2026-04-22"],
            ["penalty", "file", "gas-2026-0001", "--officer", officerA, "--officer", officerB, "--violation", "AQ99-8",
             "--facts", "未安装报警装置", "--violation-on", "2026-04-20", "--on", "2026-05-12"],
            ["penalty", "notify", "gas-2026-0001", "--fine", "40,000元", "--on", "2026-05-13"],
            ["penalty", "defence", "gas-2026-0001", "--statement", "已购买报警器，请求从轻", "--on", "2026-05-14"],
            ["penalty", "waive-hearing", "gas-2026-0001", "--statement", "本单位放弃听证", "--on", "2026-05-14"],
        ], actor: officerA)
        let recheckId = try cli.sqlite("SELECT id FROM selfCheckRecord LIMIT 1")
        try cli.runSteps([["attach", "gas-2026-0001", photo, "--record", "self-check:\(recheckId)", "--captured-at", "2026-04-22"]],
                         actor: officerA)
        let shown = try cli.run("case", "show", "gas-2026-0001", "--as-of", "2026-05-14").stdout
        #expect(shown.contains("陈述申辩 2026-05-14：已购买报警器，请求从轻"), "\(shown)")
        #expect(shown.contains("放弃听证 2026-05-14：本单位放弃听证"))
        #expect(shown.contains("告知 2026-05-13") && shown.contains("拟罚款 40,000.00元") && shown.contains("告知有权要求听证"))
        #expect(shown.contains("自查自改 2026-04-22") && !shown.contains("self-check#"))
    }
}
