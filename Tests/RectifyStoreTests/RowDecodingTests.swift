import Foundation
import GRDB
import RectifyCore
import Testing
@testable import RectifyStore

/// The records decoded by position (Records+RowDecoding.swift) must read the columns their table has, in its order.
/// Each record below gives every column a value no other column of the same type has, so a decoder that reads one
/// column into another field, or skips one, makes the round trip unequal.
@Suite("Row decoding by position")
struct RowDecodingTests {
    func date(_ day: Int, month: Int = 6) -> LocalDate { LocalDate(year: 2026, month: month, day: day)! }

    /// Rows written with foreign keys off: each record is checked alone, not the graph around it.
    func roundTrip<Record: IdentifiedRecord & DecodedInTableOrder & Equatable>(_ records: [Record]) throws {
        let database = try makeDatabase()
        let table = Record.databaseTableName
        let columns = try database.readDatabase { db in try db.columns(in: table).map(\.name) }
        #expect(columns == Record.listedColumns, "\(table)")
        try database.writer.behindTheChain { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for var record in records { try record.insert(db) }
        }
        let read = try database.readDatabase { db in try Record.order(Column("id")).fetchAll(db) }
        let expected = records.enumerated().map { index, record in
            var record = record
            record.id = Identifier(Int64(index + 1))
            return record
        }
        #expect(read == expected, "\(table)")
        // With every column renamed, only decoding by position can read the rows (Codable would look for the names):
        // GRDB's fetches of these records go through it.
        let renamed = Record.listedColumns.enumerated().map { "\"\($1)\" AS c\($0)" }.joined(separator: ", ")
        let byPosition = try database.readDatabase { db in
            try Record.fetchAll(db, sql: "SELECT \(renamed) FROM \"\(table)\" ORDER BY id")
        }
        #expect(byPosition == expected, "\(table)")
    }

    @Test("every record reads back as written, with and without its optional values")
    func roundTrips() throws {
        try roundTrip([
            Case(number: "gas-2026-0007", serial: 7, campaignId: Identifier(3), unitId: Identifier(5), state: .closed,
                 openedOn: date(2), officer1Id: Identifier(11), officer2Id: Identifier(13), closedOn: date(9)),
            Case(number: "gas-2026-0008", serial: 8, campaignId: Identifier(3), unitId: Identifier(6), state: .selfChecked,
                 openedOn: date(2), officer1Id: Identifier(11), officer2Id: Identifier(13)),
        ])

        var verified = Hazard(caseId: Identifier(4), seq: 2, checklistCode: "GAS-03", description: "软管老化",
                              level: .major, criterion: "GB 50028", foundOn: date(1), deadline: date(10),
                              listedSupervision: true, supervisingBody: "区安委办", orderDocumentId: Identifier(17))
        verified.deadline = date(20)
        verified.status = .verified
        verified.claimedOn = date(12)
        verified.claimMeasures = "已更换金属软管"
        verified.verifiedOn = date(15)
        verified.failedRechecks = 3
        let open = Hazard(caseId: Identifier(4), seq: 3, checklistCode: nil, description: "无报警器", level: .general,
                          criterion: "规范第5条", foundOn: date(1), deadline: date(10), listedSupervision: false,
                          supervisingBody: nil, orderDocumentId: Identifier(17))
        try roundTrip([verified, open])

        try roundTrip([HazardExtension(hazardId: Identifier(8), fromDeadline: date(10), toDeadline: date(25),
                                       reason: "设备到货延迟", approvedBy: Identifier(12), grantedOn: date(8))])

        var renumbered = Document(kind: .recheckOpinion, number: DocumentNumber(agency: "通开应急", code: "复查", year: 2026,
                                                                             serial: 41),
                                  caseId: Identifier(9), issuedOn: date(3))
        renumbered.number = "（通开应急）复查〔2026〕41号（存档）"
        try roundTrip([renumbered,
                       Document(kind: .inspectionRecord, number: DocumentNumber(agency: "通开应急", code: "检记", year: 2026,
                                                                                serial: 5),
                                caseId: nil, issuedOn: date(4))])

        try roundTrip([
            PlanRecord(caseId: Identifier(2), kind: .rectification, hazardId: Identifier(6), measures: "更换软管",
                       responsible: "王五", fundsYuan: 3_000, deadline: date(20), contingency: "关闭总阀",
                       recordedOn: date(5)),
            PlanRecord(caseId: Identifier(2), kind: .inspection, hazardId: nil, measures: "逐户检查", responsible: nil,
                       fundsYuan: nil, deadline: nil, contingency: nil, recordedOn: date(6)),
        ])

        try roundTrip([
            SelfCheckRecord(caseId: Identifier(2), checkedOn: date(7), checkedBy: "店长", findings: "两处隐患",
                            selfFixed: "已整改一处", pledge: "按期整改"),
            SelfCheckRecord(caseId: Identifier(2), checkedOn: date(8), checkedBy: "店员", findings: "无", selfFixed: nil,
                            pledge: "保持"),
        ])
        try roundTrip([SelfCheckItem(selfCheckId: Identifier(4), itemCode: "GAS-01", result: .fail),
                       SelfCheckItem(selfCheckId: Identifier(5), itemCode: "GAS-02", result: .notApplicable)])

        try roundTrip([RecheckRecord(caseId: Identifier(2), checkedOn: date(21), officer1Id: Identifier(11),
                                     officer2Id: Identifier(13), opinion: "一处未整改", outcome: .partial,
                                     documentId: Identifier(19))])
        try roundTrip([RecheckFinding(recheckId: Identifier(3), hazardId: Identifier(7), verdict: .notFixed)])

        try roundTrip([
            Attachment(fileId: Identifier(3), caseId: Identifier(4), hazardId: Identifier(5), recordKind: "recheck",
                       recordId: 6, fileName: "现场.jpg", mediaType: "image/jpeg", capturedAt: "2026-06-02T10:00:00+08:00",
                       attachedOn: date(2)),
            Attachment(fileId: Identifier(3), caseId: Identifier(4), hazardId: nil, recordKind: nil, recordId: nil,
                       fileName: "整改前.png", mediaType: "image/png", capturedAt: "未知", attachedOn: date(3)),
        ])

        try roundTrip([
            BusinessUnit(uscc: try USCC("91440300708461136T"), name: "乙记面馆", address: "星湖大道1号",
                         streetId: Identifier(2), gridId: Identifier(3), category: .restaurant, departmentId: Identifier(4),
                         contactPerson: "李四", phone: "13800000000", legalRepresentative: "王五", supervisors: "赵六、钱七"),
            BusinessUnit(uscc: try USCC("91110108717809965J"), name: "甲公司", address: "", streetId: Identifier(2),
                         gridId: Identifier(3), category: .other, departmentId: Identifier(4)),
        ])
    }

    @Test("a value the column's type refuses is an error naming the column, not a crash")
    func refusedValue() throws {
        let database = try makeDatabase()
        try database.writer.behindTheChain { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: """
                INSERT INTO hazard VALUES (1, 1, 1, NULL, '描述', 'catastrophic', '依据', '2026-06-01', '2026-06-02',
                                           '2026-06-02', 'open', 0, NULL, 1, NULL, NULL, NULL, 0)
                """)
        }
        let error = #expect(throws: (any Error).self) {
            _ = try database.readDatabase { db in try Hazard.fetchAll(db, sql: "SELECT * FROM hazard") }
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("level"))
        // Read straight from SQLite (a campaign export): the same refusal, in the store's bilingual error.
        #expect(throws: StoreError.unreadable(column: "hazard.level", value: "\"catastrophic\"")) {
            _ = try database.readDatabase { db in try db.inTableOrder(Hazard.self, sql: "SELECT * FROM hazard", arguments: []) }
        }
        // And what it reads is what GRDB's rows give.
        try database.writer.behindTheChain { db in try db.execute(sql: "UPDATE hazard SET level = 'major'") }
        let both = try database.readDatabase { db in
            (try Hazard.fetchAll(db, sql: "SELECT * FROM hazard"),
             try db.inTableOrder(Hazard.self, sql: "SELECT * FROM hazard WHERE caseId = ?", arguments: [1]))
        }
        #expect(both.0 == both.1 && both.0.count == 1)
    }
}
