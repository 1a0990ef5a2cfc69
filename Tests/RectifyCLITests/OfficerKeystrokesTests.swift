import Foundation
import RectifyTestSupport
import Testing

/// An officer's keystrokes (issue 18): units found by part of a name, a name where a USCC is asked, the officer pair
/// from the environment, an officer's own list, and dates, amounts and lists typed the way Chinese users type them.
@Suite("Fewer keystrokes, input as Chinese users type it")
struct OfficerKeystrokesTests {
    @Test("unit find: three characters anywhere in a name or address, fewer at the start, a USCC by its start")
    func unitFind() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        let middle = try cli.run("unit", "find", "机械有限")
        #expect(middle.status == 0 && middle.stdout.contains("南通甲机械有限公司"), "\(middle.stdout)\(middle.stderr)")
        #expect(!middle.stdout.contains("乙记面馆"))
        let address = try cli.run("unit", "find", "小海路3")
        #expect(address.stdout.contains("𠮷祥便利店") && !address.stdout.contains("乙记面馆"), "\(address.stdout)")
        let short = try cli.run("unit", "find", "乙记")
        #expect(short.stdout.contains("乙记面馆,分店") && !short.stdout.contains("南通甲"), "\(short.stdout)")
        let code = try cli.run("unit", "find", "9144030070")
        #expect(code.stdout.contains("91440300708461136T") && !code.stdout.contains("914403001922038216"), "\(code.stdout)")
        let json = try cli.run("unit", "find", "机械有限", "--json")
        #expect(json.stdout.hasPrefix("{") && json.stdout.contains("\"units\""))
        let none = try cli.run("unit", "find", "不存在的单位")
        #expect(none.status == 0 && none.stdout.contains("没有找到单位"))
        // The index follows an edit of the register, and is no part of what verify compares.
        try cli.runSteps([["unit", "edit", "914403001922038216", "--name", "南通乙精工科技有限公司"]])
        #expect(try cli.run("unit", "find", "乙精工科技").stdout.contains("914403001922038216"))
        #expect(!(try cli.run("unit", "find", "机械有限").stdout.contains("914403001922038216")))
        #expect(try cli.run("verify").status == 0)
    }

    @Test("a name that identifies one unit works where a USCC is asked; an ambiguous one is refused with the candidates")
    func unitByName() throws {
        let cli = try CLI()
        try cli.setUpDistrict()
        try cli.runSteps([["unit", "show", "乙记面馆"]])
        let before = cli.databaseDigest()
        let ambiguous = try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", "小海路", "--officer", officerA,
                                     "--officer", officerB, "--on", "2026-04-20"], actor: officerA)
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("乙记面馆,分店（91440300708461136T）") && ambiguous.stderr.contains("𠮷祥便利店（91330100716105852F）"),
                "\(ambiguous.stderr)")
        #expect(cli.databaseDigest() == before)
        let opened = try cli.run(["case", "open", "--campaign", "gas-2026", "--unit", "乙记面馆", "--officer", officerA,
                                  "--officer", officerB, "--on", "2026-04-20"], actor: officerA)
        #expect(opened.status == 0 && opened.stdout.contains("gas-2026-0001"), "\(opened.stderr)")
    }

    @Test("RECTIFY_OFFICERS gives the pair when --officer is not; case list --officer lists an officer's cases, due soonest first")
    func officersFromEnvironment() throws {
        var cli = try CLI()
        try cli.setUpDistrict()
        cli.environment["RECTIFY_OFFICERS"] = "\(officerA)，\(officerB)"
        try cli.runSteps([
            ["case", "open", "--campaign", "gas-2026", "--unit", restaurant, "--on", "2026年4月20日"],
            ["case", "open", "--campaign", "gas-2026", "--unit", shop, "--on", "2026/4/21"],
            ["hazard", "add", "gas-2026-0001", "--item", "RQ03", "--description", "软管老化", "--found-on", "2026-4-22", "--deadline", "2026-05-30"],
            ["hazard", "add", "gas-2026-0002", "--item", "RQ03", "--description", "软管老化", "--found-on", "2026-4-22", "--deadline", "2026-05-10"],
        ], actor: officerA)
        let mine = try cli.run(["case", "list", "--officer", officerB, "--json"])
        let numbers = mine.stdout.components(separatedBy: "\"number\" : \"").dropFirst().map { String($0.prefix(13)) }
        #expect(numbers == ["gas-2026-0002", "gas-2026-0001"], "\(mine.stdout)")
        #expect(mine.stdout.contains("\"nextDeadline\" : \"2026-05-10\""))
        let shown = try cli.run("case", "show", "gas-2026-0001", "--json")
        #expect(shown.stdout.contains("\"openedOn\" : \"2026-04-20\"") && shown.stdout.contains(officerB))
        let nobody = try cli.run(["case", "list", "--officer", "32067199999"])
        #expect(nobody.status == 1 && nobody.stderr.contains("32067199999"))
    }

    @Test("dates, amounts and lists as typed: ambiguous dates and misplaced separators are refused, naming the field")
    func typedInput() throws {
        let cli = try CLI()
        try cli.setUpDistrictWithCase()
        let before = cli.databaseDigest()
        let ambiguous = try cli.run(["hazard", "add", "gas-2026-0001", "--item", "RQ03", "--description", "软管",
                                     "--found-on", "5/20/2026", "--deadline", "2026-06-30"], actor: officerA)
        #expect(ambiguous.status == 1 && ambiguous.stderr.contains("5/20/2026") && ambiguous.stderr.contains("年份在前"), "\(ambiguous.stderr)")
        #expect(cli.databaseDigest() == before)
        try cli.runSteps([
            ["hazard", "add", "gas-2026-0001", "--item", "RQ01", "--level", "重大", "--description", "未装报警器", "--found-on", "２０２６年５月１日",
             "--deadline", "2026/6/1"],
            ["plan", "add", "gas-2026-0001", "--kind", "整改方案", "--hazard", "1", "--measures", "安装报警器", "--responsible", "店长",
             "--funds", "5,000元", "--deadline", "2026年5月30日", "--contingency", "停用燃气", "--on", "2026-5-2"],
        ], actor: officerA)
        let shown = try cli.run("case", "show", "gas-2026-0001", "--json")
        #expect(shown.stdout.contains("\"deadline\" : \"2026-06-01\"") && shown.stdout.contains("\"funds\" : \"5000.00\""), "\(shown.stdout)")
        let misplaced = try cli.run(["plan", "add", "gas-2026-0001", "--kind", "检查计划", "--measures", "复查", "--funds", "50,00"], actor: officerA)
        #expect(misplaced.status == 2 && misplaced.stderr.contains("--funds"), "\(misplaced.stderr)")
        let campaign = try cli.run(["campaign", "create", "--code", "se-2026", "--kind", "特种设备", "--title", "特种设备专项整治",
                                    "--plan-number", "通开市监〔2026〕15号", "--lead", "市场监管局", "--starts", "2026-4-1",
                                    "--ends", "2026年10月31日", "--phase", "自查自改：2026-4-16：2026-5-31",
                                    "--target", "规上企业：accepted：100％：2026-06-30"])
        #expect(campaign.status == 0, "\(campaign.stderr)")
        let detail = try cli.run("campaign", "show", "se-2026", "--json")
        #expect(detail.stdout.contains("\"dueOn\" : \"2026-06-30\"") && detail.stdout.contains("\"amount\" : \"100%\""), "\(detail.stdout)")
    }
}
