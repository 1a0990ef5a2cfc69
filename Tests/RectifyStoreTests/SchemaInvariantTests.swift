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
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO department (id, name) VALUES (1, '安监局');
                INSERT INTO street (id, name) VALUES (1, '竹行街道'), (2, '小海街道');
                INSERT INTO grid (id, streetId, name, community) VALUES (1, 1, '竹行社区网格', '竹行社区');
                """)
        }
        func refused(_ sql: String) -> Bool {
            (try? database.writer.write { try $0.execute(sql: sql) }) == nil
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
        let numbers = try database.read { try String.fetchAll($0, sql: "SELECT number FROM document ORDER BY id") }
        #expect(numbers == ["（通开）应急责改〔2026〕1号", "（通开）应急责改〔2026〕2号", "（通开）应急复查〔2026〕1号",
                            "（通开）应急责改〔2027〕1号"])
        #expect(throws: (any Error).self) {
            try database.writer.write { try $0.execute(sql: "UPDATE document SET serial = 9 WHERE id = 1") }
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
        let serials = try first.read { try Int.fetchAll($0, sql: "SELECT serial FROM document ORDER BY serial") }
        #expect(serials == Array(1...(2 * perWriter)))
        let actors = try first.read { try Set(String.fetchAll($0, sql: "SELECT actor FROM event")) }
        #expect(actors == ["writer-0", "writer-1"])
        #expect(try ChainVerifier.verify(first).isIntact)
    }
}
