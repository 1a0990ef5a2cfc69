import Foundation
import RectifyCore

/// The progress figures as a spreadsheet: every column, and the campaign, the date and the breakdown in columns of
/// their own (no title row), so that a workbook or CSV reads by machine.
public enum ProgressSheet {
    public static func sheet(code: String, dimension: ProgressDimension, asOf: LocalDate, weekly: Bool,
                      rows: [(LocalDate, ProgressFigures)]) -> Sheet {
        let columns = ProgressColumn.all
        return Sheet(name: fileStem(code: code, dimension: dimension, asOf: asOf, weekly: weekly),
                     header: ["专项整治", "截至日期", "分组"] + columns.map(\.header),
                     rows: rows.map { day, figures in
                         [.text(code), .date(day), .text(dimension.chinese)] + columns.map { $0.cell(figures) }
                     })
    }

    /// `se-2026-progress-street-weekly-2026-06-30`: what a workbook written into a folder is called.
    public static func fileStem(code: String, dimension: ProgressDimension, asOf: LocalDate, weekly: Bool) -> String {
        "\(code)-progress-\(dimension.rawValue)\(weekly ? "-weekly" : "")-\(asOf)"
    }
}
