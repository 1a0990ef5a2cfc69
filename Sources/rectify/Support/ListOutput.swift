import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

/// How a list is given: a table on the terminal, `--json`, `--csv` on standard output, or `--xlsx FILE`.
struct ListOutputOptions: ParsableArguments {
    @Flag(help: "输出 JSON / print JSON") var json = false
    @Flag(help: "输出 CSV（UTF-8 带 BOM，Excel 可直接打开）/ print CSV for spreadsheets") var csv = false
    @Option(help: "写出 Excel 工作簿（给出目录时按内容命名）/ write an Excel workbook to this file (in a folder: named after its content)")
    var xlsx: String?

    /// Writes the sheet when a spreadsheet was asked for; true when it was (nothing else is printed then).
    func spreadsheet(_ sheet: @autoclosure () -> Sheet) throws -> Bool {
        if csv {
            print(sheet().csv, terminator: "")
            return true
        }
        if let xlsx {
            let sheet = sheet()
            var isFolder: ObjCBool = false
            let path = xlsx.hasSuffix("/") || (FileManager.default.fileExists(atPath: xlsx, isDirectory: &isFolder) && isFolder.boolValue)
                ? (xlsx as NSString).appendingPathComponent(sheet.name + ".xlsx") : xlsx
            try XLSXWriter.write(sheet, to: path)
            print("已写出 / written: \(path)")
            return true
        }
        return false
    }
}

/// The spreadsheets of the lists, with the headers of their terminal tables.
enum ListSheets {
    static func cases(_ cases: [Rectify.CaseListing], asOf: LocalDate) -> Sheet {
        Sheet(name: "案件 \(asOf)",
              header: ["案件", "专项整治", "统一社会信用代码", "单位", "街道", "状态", "立档", "隐患", "未销号", "逾期", "最近期限", "截至日期"],
              rows: cases.map { [.text($0.number), .text($0.campaign), .text($0.uscc), .text($0.unit), .text($0.street),
                                 .text($0.state.chinese), .date($0.openedOn), .integer($0.hazards), .integer($0.openHazards),
                                 .integer($0.overdueHazards), $0.nextDeadline.map(Sheet.Cell.date) ?? .empty, .date(asOf)] })
    }

    static func overdue(_ report: Rectify.OverdueReport) -> Sheet {
        Sheet(name: "逾期 \(report.asOf)",
              header: ["逾期天数", "事项", "编号", "专项整治", "等级", "单位", "街道", "期限", "说明", "截至日期"],
              rows: report.items.map { [.integer($0.daysOverdue), .text($0.what.chinese), .text($0.reference), .text($0.campaign),
                                        .text($0.level?.chinese ?? "处罚"), .text($0.unit), .text($0.street), .date($0.deadline.due),
                                        .text($0.deadline.explanation), .date(report.asOf)] })
    }

    static func units(_ units: [Rectify.UnitListing]) -> Sheet {
        Sheet(name: "单位",
              header: ["统一社会信用代码", "单位名称", "地址", "类别", "街道", "网格", "行业主管部门", "负责人", "联系电话"],
              rows: units.map { [.text($0.uscc), .text($0.name), .text($0.address), .text($0.category.chinese), .text($0.street),
                                 .text($0.grid), .text($0.department), .text($0.contactPerson ?? ""), .text($0.phone ?? "")] })
    }
}
