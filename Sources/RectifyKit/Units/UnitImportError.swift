import Foundation
import RectifyCore

/// One bad row of an import: its spreadsheet row number, the column and the reason.
public struct RowProblem: Codable, Equatable, Sendable {
    public var row: Int
    public var column: String
    public var value: String?
    public var chinese: String
    public var english: String
}

/// A refused unit import. Nothing is written when any row is bad.
public enum UnitImportError: UserFacingError, Equatable {
    case unreadable(path: String)
    case unterminatedQuote(row: Int)
    case missingColumns([String])
    case duplicateColumn(String)
    case empty
    case badRows([RowProblem])
    case recordTooLong(row: Int, column: Int, limit: Int)

    public var chinese: String {
        switch self {
        case .unreadable(let path): "无法读取文件“\(path)”"
        case .unterminatedQuote(let row): "第\(row)行起的引号没有闭合，文件不完整；未导入任何单位"
        case .missingColumns(let columns): "表头缺少必需的列：\(columns.joined(separator: "、"))；未导入任何单位"
        case .duplicateColumn(let column): "表头中列“\(column)”出现了两次；未导入任何单位"
        case .empty: "文件中没有表头行；未导入任何单位"
        case .recordTooLong(let row, let column, let limit): "第\(row)行（第\(column)列起）超过一行\(limit / 1024) KiB的上限（单元格过长，或引号没有闭合）；未导入任何单位"
        case .badRows(let problems):
            "导入被拒绝，共\(problems.count)处错误，未导入任何单位：\n" + problems.map {
                "  第\($0.row)行 列“\($0.column)”\($0.value.map { "（“\($0)”）" } ?? "")：\($0.chinese)"
            }.joined(separator: "\n")
        }
    }

    public var english: String {
        switch self {
        case .unreadable(let path): "cannot read file '\(path)'"
        case .unterminatedQuote(let row): "a quote opened at row \(row) is never closed (truncated file); nothing imported"
        case .missingColumns(let columns): "the header lacks required columns: \(columns.joined(separator: ", ")); nothing imported"
        case .duplicateColumn(let column): "column '\(column)' appears twice in the header; nothing imported"
        case .empty: "the file has no header row; nothing imported"
        case .recordTooLong(let row, let column, let limit): "row \(row) (from column \(column)) exceeds the limit of \(limit / 1024) KiB per row (an over-long cell, or an unclosed quote); nothing imported"
        case .badRows(let problems):
            "import refused, \(problems.count) problem(s), nothing imported:\n" + problems.map {
                "  row \($0.row), column '\($0.column)'\($0.value.map { " ('\($0)')" } ?? ""): \($0.english)"
            }.joined(separator: "\n")
        }
    }
}
