import Foundation
import RectifyCore
import ZIPFoundation

/// Writes a `Sheet` as an Excel workbook (Office Open XML, one worksheet): the header row frozen and bold, columns as
/// wide as their contents, numbers and amounts as numbers (amounts shown `#,##0.00`), dates as dates (`yyyy-mm-dd`).
/// The package is a ZIP archive made by ZIPFoundation; the file takes its name only when complete.
public enum XLSXWriter {
    public static func write(_ sheet: Sheet, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let side = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).writing-\(getpid())")
        try? FileManager.default.removeItem(at: side)
        do {
            let archive = try Archive(url: side, accessMode: .create)
            for (name, text) in parts(sheet) {
                let data = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 1_767_225_600), compressionMethod: .deflate) {
                    position, size in data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: side)
            throw WorkbookError(path: path, reason: "\(error)")
        }
        guard rename(side.path, target.path) == 0 else {
            try? FileManager.default.removeItem(at: side)
            throw WorkbookError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The package's parts by name.
    static func parts(_ sheet: Sheet) -> [(String, String)] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        return [
            ("[Content_Types].xml", declaration + """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", declaration + """
                <Relationships xmlns="\(package)">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", declaration + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets>\
                <sheet name="\(escape(sheetName(sheet.name)))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", declaration + """
                <Relationships xmlns="\(package)">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/styles.xml", declaration + """
                <styleSheet xmlns="\(main)">\
                <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>\
                <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", declaration + worksheet(sheet, namespace: main)),
        ]
    }

    static func worksheet(_ sheet: Sheet, namespace: String) -> String {
        var xml = "<worksheet xmlns=\"\(namespace)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>"
        for (index, width) in widths(sheet).enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        let rows = [sheet.header.map(Sheet.Cell.text)] + sheet.rows
        for (rowIndex, row) in rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = column(columnIndex) + String(rowIndex + 1)
                let header = rowIndex == 0 ? " s=\"3\"" : ""
                switch cell {
                case .text(let text): xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(header)><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .integer(let value): xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .number(let value): xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .money(let money): xml += "<c r=\"\(reference)\" s=\"2\"><v>\(money.decimal)</v></c>"
                case .date(let date): xml += "<c r=\"\(reference)\" s=\"1\"><v>\(date.dayNumber + 25_569)</v></c>"
                case .empty: break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Columns as wide as their widest cell (a Chinese character counts two), between 6 and 60.
    static func widths(_ sheet: Sheet) -> [Int] {
        sheet.header.indices.map { index in
            let cells = [Sheet.Cell.text(sheet.header[index])] + sheet.rows.compactMap { $0.indices.contains(index) ? $0[index] : nil }
            let widest = cells.map { cell -> Int in
                let text = cell == .empty ? "" : (cell.csvText.isEmpty ? "" : displayText(cell))
                return text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
            }.max() ?? 0
            return min(60, max(6, widest + 2))
        }
    }

    private static func displayText(_ cell: Sheet.Cell) -> String {
        if case .money(let money) = cell { return String(money.yuanText.dropLast()) }
        return cell.csvText
    }

    /// A, B, … Z, AA, AB …
    static func column(_ index: Int) -> String {
        var name = ""
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\.
    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A workbook that could not be written, named with the reason.
public struct WorkbookError: UserFacingError {
    public var path: String
    public var reason: String
    public var chinese: String { "无法写出工作簿\(path)：\(reason)" }
    public var english: String { "cannot write the workbook \(path): \(reason)" }
}
