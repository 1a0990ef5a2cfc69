import Foundation
import RectifyTestSupport
import Testing

/// Every list has a spreadsheet (issue 18): `--csv` with the progress CSV's conventions, and `--xlsx FILE` a real
/// workbook that Python's openpyxl opens and finds equal, cell by cell, to the CSV.
@Suite("Lists as CSV and Excel workbooks")
struct SpreadsheetTests {
    static let compare = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/compare_workbook.py").path

    @Test("case list, overdue, unit list and progress by street per week: CSV as Excel in China opens it, the workbook equal to it",
          arguments: [["case", "list", "--campaign", "gas-2026", "--as-of", "2026-09-30"], ["overdue", "--as-of", "2026-09-30"],
                      ["unit", "list"], ["campaign", "progress", "se-2026", "--by", "street", "--series", "weekly", "--as-of", "2026-06-30"]])
    func listsAsSpreadsheets(command: [String]) throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "150"]])
        let csv = try cli.run(command + ["--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("\u{FEFF}") && csv.stdout.contains("\r\n"))
        #expect(csv.stdout.split(separator: "\r\n").count > 2, "\(csv.stdout.prefix(300))")
        let csvPath = cli.folder.appendingPathComponent("list.csv").path
        try Data(csv.stdout.utf8).write(to: URL(fileURLWithPath: csvPath))
        let book = cli.folder.appendingPathComponent("list.xlsx").path
        let written = try cli.run(command + ["--xlsx", book])
        #expect(written.status == 0 && written.stdout.contains(book), "\(written.stderr)")
        let compared = try runTool(["python3", Self.compare, book, csvPath])
        #expect(compared.status == 0, "\(compared.output)")
        #expect(compared.output.contains("text"))
        if command[0] != "unit" { #expect(compared.output.contains("date") && compared.output.contains("number")) }
    }

    @Test("a workbook written into a folder is named after its campaign, breakdown and date, which its rows carry too")
    func progressNamed() throws {
        let cli = try CLI()
        try cli.runSteps([["demo", "--units", "150"]])
        let folder = cli.folder.appendingPathComponent("reports").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try cli.run("campaign", "progress", "gas-2026", "--by", "category", "--as-of", "2026-06-30", "--xlsx", folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/gas-2026-progress-category-2026-06-30.xlsx"))
        let csv = try cli.run("campaign", "progress", "gas-2026", "--by", "category", "--as-of", "2026-06-30", "--csv").stdout
        let lines = csv.dropFirst().split(separator: "\r\n")
        #expect(lines[0].hasPrefix("专项整治,截至日期,分组,名称"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("gas-2026,2026-06-30,单位类别,") }, "\(lines)")
    }
}
