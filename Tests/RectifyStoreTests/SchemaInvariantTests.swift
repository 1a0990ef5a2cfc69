import Foundation
import GRDB
import RectifyCore
import Testing
@testable import RectifyStore

@Suite("Schema invariants and document serials")
struct SchemaInvariantTests {
    @Test("the schema refuses an invalid USCC, a bad date and a grid of another street")
    func checks() throws {
        let database = try makeDatabase()
        try database.writer.writeBehindTheChain { db in
            try db.execute(sql: """
                INSERT INTO department (id, name) VALUES (1, '安监局');
                INSERT INTO street (id, name) VALUES (1, '竹行街道'), (2, '小海街道');
                INSERT INTO grid (id, streetId, name, community) VALUES (1, 1, '竹行社区网格', '竹行社区');
                """)
        }
        func refused(_ sql: String) -> Bool {
            (try? database.writer.writeBehindTheChain { try $0.execute(sql: sql) }) == nil
        }
        let unit = "INSERT INTO unit (uscc, name, address, streetId, gridId, category, departmentId) VALUES "
        #expect(!refused(unit + "('91440300708461136T', '甲', '', 1, 1, 'restaurant', 1)"))
        #expect(refused(unit + "('91440300708461136t', '乙', '', 1, 1, 'restaurant', 1)"))
        #expect(refused(unit + "('91440300708461136T', '重复', '', 1, 1, 'restaurant', 1)"))
        #expect(refused(unit + "('914403001922038216', '丙', '', 2, 1, 'restaurant', 1)"))
        #expect(refused(unit + "('914403001922038216', '', '', 1, 1, 'restaurant', 1)"))
        #expect(refused(unit + "('914403001922038216', '丁', '', 1, 1, 'bakery', 1)"))
        #expect(refused("INSERT INTO campaign (code, kind, title, planNumber, leadDepartmentId, startsOn, endsOn) VALUES ('x-1', 'gas', 't', 'p', 1, '2026-02-30', '2026-03-01')"))
    }

    @Test("serials are gap-free per agency, code and year, and restart each year")
    func serials() throws {
        let database = try makeDatabase()
        try database.write(actor: "admin") { context in
            for (code, date) in [("应急责改", "2026-03-01"), ("应急责改", "2026-03-02"), ("应急复查", "2026-03-02"),
                                 ("应急责改", "2027-01-05")] {
                let issued = LocalDate(date)!
                let number = try DocumentSerials.next(context.db, agency: "通开", code: code, year: issued.year)
                var document = Document(kind: code == "应急责改" ? .rectificationOrder : .recheckOpinion, number: number,
                                        caseId: nil, issuedOn: issued)
                try context.insert(&document, action: "document.issue")
            }
        }
        let numbers = try database.readDatabase { try String.fetchAll($0, sql: "SELECT number FROM document ORDER BY id") }
        #expect(numbers == ["（通开）应急责改〔2026〕1号", "（通开）应急责改〔2026〕2号", "（通开）应急复查〔2026〕1号",
                            "（通开）应急责改〔2027〕1号"])
        #expect(throws: (any Error).self) {
            try database.writer.writeBehindTheChain { try $0.execute(sql: "UPDATE document SET serial = 9 WHERE id = 1") }
        }
    }

    @Test("two connections writing at once never get the same serial")
    func concurrentWriters() async throws {
        let folder = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("serials.sqlite").path
        let first = try AppDatabase.open(path: path, create: true, clock: pinnedClock)
        let second = try AppDatabase.open(path: path, create: true, clock: pinnedClock)
        let perWriter = 60
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, database) in [first, second].enumerated() {
                group.addTask {
                    for _ in 0..<perWriter {
                        try database.write(actor: "writer-\(index)") { context in
                            let number = try DocumentSerials.next(context.db, agency: "通开", code: "应急责改", year: 2026)
                            var document = Document(kind: .rectificationOrder, number: number, caseId: nil,
                                                    issuedOn: LocalDate("2026-06-01")!)
                            try context.insert(&document, action: "document.issue")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let serials = try first.readDatabase { try Int.fetchAll($0, sql: "SELECT serial FROM document ORDER BY serial") }
        #expect(serials == Array(1...(2 * perWriter)))
        let actors = try first.readDatabase { try Set(String.fetchAll($0, sql: "SELECT actor FROM event")) }
        #expect(actors == ["writer-0", "writer-1"])
        #expect(try ChainVerifier.verify(first).isIntact)
    }
}

@Suite("Records that list their columns by hand")
struct ListedColumnsTests {
    /// The hand-written list says exactly what the Codable encoding says, column for column.
    func matchesEncoding<Record: IdentifiedRecord>(_ record: Record) throws {
        let (columns, values) = try record.columnsAndValues()
        let encoded = try record.databaseDictionary
        #expect(Set(columns) == Set(encoded.keys).union(columns), "\(Record.self): unknown columns \(Set(encoded.keys).subtracting(columns))")
        #expect(Set(encoded.keys).isSubset(of: columns), "\(Record.self)")
        for (column, value) in zip(columns, values) {
            #expect(value == (encoded[column] ?? .null), "\(Record.self).\(column): \(value) vs \(String(describing: encoded[column]))")
        }
        #expect(Set(columns).count == columns.count, "\(Record.self): a column listed twice")
    }

    @Test("filings, filed cases, hazards, documents and records; units")
    func listsMatchEncoding() throws {
        let day = LocalDate(year: 2026, month: 4, day: 1)!
        for id in [nil, Identifier<Filing>(7)] {
            try matchesEncoding(Filing(id: id, agencyName: "南通经开区应急局", divisionCode: "320671", caseNumber: "gas-2026-0001",
                                       formedAt: "2026-06-30T09:00:00.000+08:00", nature: "final", sha256: String(repeating: "a", count: 64),
                                       size: 9_000, fileName: "gas-2026-0001.xml", receivedAt: "2026-07-01T09:00:00.000+08:00",
                                       current: id == nil))
        }
        for closed in [nil, day.adding(days: 30)] {
            try matchesEncoding(FiledCase(id: Identifier(3), filingId: Identifier(7), divisionCode: "320671", caseNumber: "gas-2026-0001",
                                          campaignCode: "gas-2026", campaignTitle: "燃气专项整治", campaignKind: "gas",
                                          uscc: "91440300708461136T", unitName: "乙记面馆", street: "竹行街道", category: "餐饮场所",
                                          state: "已结案", openedOn: day, closedOn: closed))
        }
        try matchesEncoding(FiledHazard(id: nil, filedCaseId: Identifier(3), reference: "gas-2026-0001/1", description: "软管老化",
                                        level: "一般", criterion: "GB 50028", foundOn: day, originalDeadline: day.adding(days: 7),
                                        deadline: day.adding(days: 14), status: "已整改", listed: true, orderNumber: "（通开）应急责改〔2026〕7号"))
        try matchesEncoding(FiledDocument(id: Identifier(1), filedCaseId: Identifier(3), number: "（通开）应急责改〔2026〕7号",
                                          kind: "责令限期整改指令书", issuedOn: day))
        try matchesEncoding(FiledRecord(id: nil, filedCaseId: Identifier(3), kind: "recheck", date: day, summary: "合格：已整改"))
        try matchesEncoding(BusinessUnit(uscc: try USCC("91440300708461136T"), name: "乙记面馆", address: "小海路2号", streetId: Identifier(1),
                                         gridId: Identifier(2), category: .restaurant, departmentId: Identifier(3),
                                         contactPerson: nil, phone: "0513-81234567", legalRepresentative: nil, supervisors: "张三"))
    }
}
