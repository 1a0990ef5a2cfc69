import Foundation
import RectifyCore

/// A table for a spreadsheet: typed cells, so that a workbook holds numbers as numbers and dates as dates, and a CSV
/// the same values as text. Front ends build one from a read model with their own headers.
public struct Sheet: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case number(Double)
        case money(Money)
        case date(LocalDate)
        case empty

        /// How the CSV writes the cell: numbers without grouping, money with two decimals, dates `YYYY-MM-DD`.
        public var csvText: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .number(let value): String(value)
            case .money(let money): money.decimal
            case .date(let date): date.description
            case .empty: ""
            }
        }
    }

    /// The worksheet's name (at most 31 characters in a workbook).
    public var name: String
    public var header: [String]
    public var rows: [[Cell]]

    public init(name: String, header: [String], rows: [[Cell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }

    /// UTF-8 with BOM, CRLF, RFC 4180, formula guard (`CSVWriter`).
    public var csv: String { CSVWriter.document(header: header, rows: rows.map { $0.map(\.csvText) }) }
}
