import Foundation
import GRDB
import RectifyCore
import Testing
@testable import RectifyStore

@Suite("Audit chain")
struct AuditChainTests {
    @Test("an event's hash is SHA-256 of its canonical JSON, spelled exactly as before the write path was tuned")
    func eventHashIsPinned() {
        // The expected digest was computed outside Swift (Python's hashlib over the literal JSON below).
        let event = AuditEvent(seq: 1, at: "2026-04-01T09:00:00+08:00", actor: "管理员", action: "unit.import.create",
                               entity: "unit", entityId: 1, before: nil, after: #"{"id":1,"name":"甲\n"}"#,
                               prevHash: AuditEvent.genesisHash)
        #expect(event.computedHash() == "0549d17777166abfb16dd08d0cfae67b582e3d67b1b1c1fbb01321d1737c29f4")
    }

    @Test("every write appends an event with sequence, time, actor, before/after and linked hashes")
    func eventsAreChained() throws {
        let database = try makeDatabase()
        let departments = try addDepartments(database, ["安监局", "市场监管局"], actor: "32067100001")
        try database.write(actor: "32067100002") { context in
            var renamed = departments[1]
            renamed.name = "市场监督管理局"
            try context.update(renamed, action: "department.rename")
        }
        let events = try database.read { try AuditEvent.order(Column("seq")).fetchAll($0) }
        #expect(events.map(\.seq) == [1, 2, 3])
        #expect(events.map(\.actor) == ["32067100001", "32067100001", "32067100002"])
        #expect(events[0].at == "2026-06-01T09:00:00.000+08:00")
        #expect(events[0].prevHash == AuditEvent.genesisHash)
        #expect(events[1].prevHash == events[0].hash)
        #expect(events[2].prevHash == events[1].hash)
        #expect(events[2].before == #"{"id":2,"name":"市场监管局"}"#)
        #expect(events[2].after == #"{"id":2,"name":"市场监督管理局"}"#)
        #expect(events.allSatisfy { $0.hash == $0.computedHash() })
        let report = try ChainVerifier.verify(database)
        #expect(report.isIntact)
        #expect(report.eventCount == 3 && report.rowCount == 2)
    }

    @Test("a failed write leaves neither the row nor its event")
    func rollbackLeavesNothing() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局"])
        #expect(throws: StoreError.self) {
            try database.write(actor: "admin") { context in
                var other = Department(name: "消防大队")
                try context.insert(&other, action: "department.add")
                var duplicate = Department(name: "安监局")
                try context.insert(&duplicate, action: "department.add")
            }
        }
        let counts = try database.read { db in
            (try Department.fetchCount(db), try AuditEvent.fetchCount(db))
        }
        #expect(counts == (1, 1))
    }

    @Test("a savepoint that fails undoes its rows and events; the transaction goes on and the chain stays whole")
    func savepointRollback() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局"])
        struct Refused: Error {}
        let outcome = try database.write(actor: "admin") { context -> [String] in
            var kept: [String] = []
            for names in [["消防大队"], ["市场监管局", "安监局"], ["住建局"]] {
                do {
                    try context.inSavepoint {
                        for name in names {
                            var department = Department(name: name)
                            try context.insert(&department, action: "department.add") // "安监局" exists: refused
                        }
                    }
                    kept += names
                } catch {}
            }
            #expect(throws: Refused.self) { try context.inSavepoint { throw Refused() } }
            return kept
        }
        #expect(outcome == ["消防大队", "住建局"])
        let (names, events) = try database.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM department ORDER BY id"),
             try AuditEvent.order(Column("seq")).fetchAll(db))
        }
        #expect(names == ["安监局", "消防大队", "住建局"])
        #expect(events.map(\.seq) == [1, 2, 3])
        #expect(events[2].prevHash == events[1].hash)
        #expect(try ChainVerifier.verify(database).isIntact)
    }

    @Test("an UPDATE made behind Rectify's back is named with the event it contradicts")
    func rowTamperDetected() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局", "市场监管局", "消防大队"])
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE department SET name = '改过的' WHERE id = 2")
        }
        let report = try ChainVerifier.verify(database)
        #expect(!report.isIntact)
        #expect(report.problems.first?.seq == 2)
        #expect(report.problems.first?.entity == "department")
        #expect(report.problems.first?.english.contains("event 2") == true)
    }

    @Test("an edited event is named, even when the append-only trigger was dropped first")
    func eventTamperDetected() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局", "市场监管局", "消防大队"])
        #expect(throws: (any Error).self) {
            try database.writer.writeWithoutTransaction { db in
                try db.execute(sql: "UPDATE event SET actor = 'someone' WHERE seq = 2")
            }
        }
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET actor = 'someone' WHERE seq = 2")
        }
        let report = try ChainVerifier.verify(database)
        #expect(report.problems.first?.seq == 2)
        #expect(report.problems.first?.english.contains("edited") == true)
    }

    @Test("rows deleted or inserted behind Rectify's back are found")
    func deleteAndInsertDetected() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局", "市场监管局"])
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM department WHERE id = 1")
            try db.execute(sql: "INSERT INTO department (id, name) VALUES (9, '幽灵部门')")
        }
        let problems = try ChainVerifier.verify(database).problems
        #expect(problems.count == 2)
        #expect(problems[0].seq == 1 && problems[0].english.contains("deleted"))
        #expect(problems[1].seq == nil && problems[1].entityId == 9)
    }

    @Test("blobs are recorded by their hash and a changed byte is caught")
    func blobTamperDetected() throws {
        let database = try makeDatabase()
        let content = Data("照片".utf8)
        try database.write(actor: "admin") { context in
            var file = StoredFile(sha256: SHA256.hex(content), size: content.count, content: content)
            try context.insert(&file, action: "file.store")
        }
        let after = try database.read { try String.fetchOne($0, sql: "SELECT after FROM event") }
        #expect(after?.contains(SHA256.hex(content)) == true)
        #expect(after?.contains("照片") == false)
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE storedFile SET content = ? WHERE id = 1", arguments: [Data("照骗".utf8)])
        }
        #expect(try ChainVerifier.verify(database).problems.first?.seq == 1)
    }
}
