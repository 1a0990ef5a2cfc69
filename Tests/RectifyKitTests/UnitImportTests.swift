import Foundation
import GRDB
import RectifyCore
import RectifyTestSupport
import RectifyStore
import Testing
@testable import RectifyKit

@Suite("Unit register import")
struct UnitImportTests {
    @Test("a UTF-8 register with quoted commas, quotes and line breaks imports field for field")
    func utf8() throws {
        let app = try makeDistrict()
        let report = try app.importUnits(from: fixture("units-utf8.csv"), actor: admin)
        #expect(report == UnitImportReport(encoding: "UTF-8", rows: 4, created: 4, updated: 0, unchanged: 0, ignoredColumns: ["序号"]))
        let restaurant = try app.unit(uscc: restaurantUSCC)
        #expect(restaurant.unit.name == "乙记面馆,分店")
        #expect(restaurant.address == "小海路2号\n二楼")
        #expect(restaurant.unit.contactPerson == "李\"老板\"")
        #expect(restaurant.unit.category == .restaurant)
        #expect(restaurant.unit.phone == "0513-81234567")
        #expect(try app.unit(uscc: "914403001922038216").supervisors == "张网格、李监管")
        #expect(try app.unit(uscc: shopUSCC).unit.name == "𠮷祥便利店")
    }

    @Test("a GB18030 register (as Excel saves it) gives the same units as its UTF-8 twin, with or without BOM")
    func gb18030Twin() throws {
        var results: [[Rectify.UnitListing]] = []
        for file in ["units-utf8.csv", "units-gb18030.csv", "units-utf8-bom.csv"] {
            let app = try makeDistrict()
            let report = try app.importUnits(from: fixture(file), actor: admin)
            #expect(report.encoding == (file.contains("gb18030") ? "GB18030" : "UTF-8"))
            #expect(report.created == 4)
            results.append(try app.units(street: nil, category: nil, limit: nil))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try results.map { try encoder.encode($0) }
        #expect(encoded[0] == encoded[1])
        #expect(encoded[0] == encoded[2])
        #expect(results[1].contains { $0.name == "𠮷祥便利店" })
    }

    @Test("re-import upserts by USCC and reports created, updated and unchanged")
    func reimport() throws {
        let app = try makeDistrict()
        _ = try app.importUnits(from: fixture("units-utf8.csv"), actor: admin)
        let folder = try scratch()
        let changed = folder.appendingPathComponent("changed.csv")
        // No 法定代表人 or 监管人员 column: those fields are left as they were.
        try """
            统一社会信用代码,单位名称,街道,网格,类别,行业主管部门,地址,负责人,联系电话
            914403001922038216,南通甲机械有限公司,竹行街道,竹行社区网格,规上企业,安监局,通盛大道1号,王伟,13800000001
            91440300708461136T,乙记面馆（新店名）,小海街道,朝阳小区网格,餐饮场所,市场监管局,"小海路2号\n二楼",李"老板",0513-81234567
            """.write(to: changed, atomically: true, encoding: .utf8)
        let report = try app.importUnits(from: changed, actor: admin)
        #expect(report.rows == 2 && report.created == 0 && report.updated == 1 && report.unchanged == 1)
        #expect(try app.unit(uscc: restaurantUSCC).unit.name == "乙记面馆（新店名）")
        #expect(try app.unit(uscc: "914403001922038216").supervisors == "张网格、李监管")
        let again = try app.importUnits(from: changed, actor: admin)
        #expect(again.unchanged == 2 && again.updated == 0 && again.created == 0)
        #expect(try app.units(street: nil, category: nil, limit: nil).count == 4)
    }

    @Test("one bad row refuses the file: every bad row is reported and nothing is written")
    func allOrNothing() throws {
        let app = try makeDistrict()
        let before = try snapshot(app)
        let folder = try scratch()
        let bad = folder.appendingPathComponent("bad.csv")
        try """
            统一社会信用代码,单位名称,街道,网格,类别,行业主管部门
            914403001922038216,正常单位,竹行街道,竹行社区网格,规上企业,安监局
            91310115MA1H8R7C6D,校验码错,竹行街道,竹行社区网格,规上企业,安监局
            91440300708461136T,未知街道,东街道,竹行社区网格,餐饮场所,市场监管局
            91330100716105852F,,竹行街道,竹行社区网格,餐饮场所,市场监管局
            914403001922038216,重复代码,竹行街道,竹行社区网格,规上企业,安监局
            91440300708461136t,小写,竹行街道,竹行社区网格,规上企业,安监局
            12100000425006133D,错网格,竹行街道,朝阳小区网格,其他,安监局

            """.write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try app.importUnits(from: bad, actor: admin)
            Issue.record("a file with bad rows was imported")
        } catch let UnitImportError.badRows(problems) {
            let found = problems.map { "\($0.row):\($0.column)" }
            #expect(found == ["3:统一社会信用代码", "4:街道", "5:单位名称", "6:统一社会信用代码", "7:统一社会信用代码", "8:网格"])
            #expect(problems[3].chinese.contains("第2行"))
            #expect(problems[4].chinese.contains("小写"))
            #expect(UnitImportError.badRows(problems).english.contains("row 4, column '街道'"))
        }
        #expect(try snapshot(app) == before)
    }

    @Test("a missing required column or an unclosed quote refuses the file")
    func structuralErrors() throws {
        let app = try makeDistrict()
        let folder = try scratch()
        let noStreet = folder.appendingPathComponent("no-street.csv")
        try "统一社会信用代码,单位名称,网格,类别,行业主管部门\n".write(to: noStreet, atomically: true, encoding: .utf8)
        #expect(throws: UnitImportError.missingColumns(["街道"])) { try app.importUnits(from: noStreet, actor: admin) }
        let truncated = folder.appendingPathComponent("truncated.csv")
        try "uscc,name,street,grid,category,department\n914403001922038216,\"未闭合,竹行街道".write(
            to: truncated, atomically: true, encoding: .utf8)
        #expect(throws: UnitImportError.unterminatedQuote(row: 2)) { try app.importUnits(from: truncated, actor: admin) }
        #expect(try app.units(street: nil, category: nil, limit: nil).isEmpty)
    }

    @Test("CRLF line endings and English headers are read")
    func crlfAndEnglish() throws {
        let app = try makeDistrict()
        let file = try scratch().appendingPathComponent("crlf.csv")
        try "USCC,Name,Street,Grid,Category,Department\r\n914403001922038216,甲,竹行街道,竹行社区网格,above-scale,安监局\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try app.importUnits(from: file, actor: admin).created == 1)
        #expect(try app.unit(uscc: "914403001922038216").unit.category == .aboveScale)
    }

    @Test("the reader's memory is bounded by its chunk, not by the file")
    func streaming() throws {
        let file = try scratch().appendingPathComponent("big.csv")
        var text = "统一社会信用代码,单位名称\n"
        for index in 0..<40_000 { text += "914403001922038216,\"单位\(index)，地址很长很长很长很长\"\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 2_000_000)
        var reader = try CSVRecordReader(url: file)
        _ = try reader.prefix()
        var records = 0
        while try reader.next() != nil { records += 1 }
        #expect(records == 40_001)
        #expect(reader.peakBufferBytes <= 2 * CSVRecordReader.chunkSize)
    }

    @Test("the reader splits records as a byte-by-byte parser does, wherever its chunks end")
    func readerMatchesByteByByteParsing() throws {
        let folder = try scratch()
        // Pieces that make quotes, doubled quotes, CR/LF mixes, blank lines and multi-byte characters likely.
        let pieces: [[UInt8]] = [Array("a".utf8), Array("中".utf8), [0x2C], [0x22], [0x22, 0x22], [0x0A], [0x0D],
                                 [0x0D, 0x0A], Array("xy".utf8)]
        var generator = SeededRandom(seed: 20261130)
        for trial in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.int(0...39) { bytes += generator.pick(pieces) }
            let file = folder.appendingPathComponent("fuzz-\(trial).csv")
            try Data(bytes).write(to: file)
            let expected = Self.byteByByte(bytes)
            for chunkSize in [1, 2, 3, 5, 64] {
                var reader = try CSVRecordReader(url: file, chunkSize: chunkSize)
                var records: [[[UInt8]]] = []
                var outcome: Result<[[[UInt8]]], UnitImportError>
                do {
                    while let record = try reader.next() { records.append(record) }
                    outcome = .success(records)
                } catch let error as UnitImportError {
                    outcome = .failure(error)
                }
                #expect("\(outcome)" == "\(expected)", "trial \(trial), chunks of \(chunkSize): \(bytes)")
            }
        }
    }

    /// The reader's rules, one byte at a time over the whole file (how the reader worked before it copied runs).
    static func byteByByte(_ bytes: [UInt8]) -> Result<[[[UInt8]]], UnitImportError> {
        var records: [[[UInt8]]] = []
        var index = 0
        var recordNumber = 0
        while index < bytes.count {
            recordNumber += 1
            var fields: [[UInt8]] = [], field: [UInt8] = [], quoted = false, startOfField = true, ended = false
            while index < bytes.count, !ended {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == 0x22 {
                        if index < bytes.count, bytes[index] == 0x22 { index += 1; field.append(byte) } else { quoted = false }
                    } else {
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case 0x22 where startOfField: quoted = true; startOfField = false
                case 0x2C: fields.append(field); field = []; startOfField = true
                case 0x0A: ended = true
                case 0x0D:
                    if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                    ended = true
                default: field.append(byte); startOfField = false
                }
            }
            if quoted { return .failure(.unterminatedQuote(row: recordNumber)) }
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(fields) }
        }
        return .success(records)
    }

    func scratch() throws -> URL {
        URL(fileURLWithPath: try makeScratchFolder("rectify-kit"))
    }
}

@Suite("Register cell helpers")
struct RegisterCellTests {
    @Test("white space is Unicode's White_Space property, scalar for scalar")
    func whiteSpace() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isWhiteSpace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
        // Trimming decides from the first and last bytes when it can: every scalar of the first plane, at either end.
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control || scalar.isWhiteSpace
            else { continue }
            let text = String(Character(scalar))
            let kept = scalar.isWhiteSpace ? "甲" : nil
            #expect(("甲" + text).trimmed == kept ?? "甲" + text, "U+\(String(value, radix: 16)) last")
            #expect((text + "甲").trimmed == kept ?? text + "甲", "U+\(String(value, radix: 16)) first")
        }
        #expect("\u{3000}竹行街道 \t".trimmed == "竹行街道")
        #expect(" \u{A0} ".nonBlank == nil)
    }

    @Test("a UTF-8 cell is accepted exactly when its bytes are UTF-8")
    func utf8Cells() {
        var generator = SeededRandom(seed: 7)
        // Valid and broken sequences: truncated, overlong, surrogates, beyond U+10FFFF, stray continuation bytes.
        let pieces: [[UInt8]] = [Array("竹行".utf8), Array("a".utf8), Array("😀".utf8), [0xE7, 0xAB], [0xC0, 0xAF],
                                 [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xBF], [0xEF, 0xBF, 0xBD], [0xFF]]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<generator.int(1...5) { bytes += generator.pick(pieces) }
            #expect(CSVEncoding.utf8.decode(bytes) == String(validating: bytes, as: UTF8.self), "\(bytes)")
        }
    }

    @Test("columns keep their order, and names match by bytes or by canonical equivalence")
    func ordinalsAndNames() {
        #expect(UnitColumn.allCases.map(\.ordinal) == Array(UnitColumn.allCases.indices))
        var index = NameIndex<Int>()
        index.add("Caf\u{E9}街道", 1)
        #expect(index["Caf\u{E9}街道"] == 1)
        #expect(index["Cafe\u{301}街道"] == 1) // the same name, decomposed
        #expect(index["Cafe街道"] == nil)
        #expect(NameKey("竹行") == NameKey("竹行") && NameKey("竹行") != NameKey("竹"))
    }
}
