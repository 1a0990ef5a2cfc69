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

    @Test("an event written key by key hashes as the general canonical object of its fields")
    func eventHashMatchesGeneralSpelling() {
        let texts: [String?] = [nil, "", #"{"id":1,"name":"引号\"\\\n\u0001"}"#, "\t\r\u{1f}甲", String(repeating: "长", count: 300)]
        for (index, (before, after)) in zip(texts, texts.reversed()).enumerated() {
            let event = AuditEvent(seq: Int64(index) * 1_000_003, at: "2026-04-01T09:00:00.000+08:00", actor: "32067100001\"",
                                   action: "unit.import.update", entity: "unit", entityId: -Int64(index), before: before,
                                   after: after, prevHash: AuditEvent.genesisHash)
            let general = SHA256.hex(CanonicalJSON.objectBytes([
                ("seq", .integer(event.seq)), ("at", .text(event.at)), ("actor", .text(event.actor)),
                ("action", .text(event.action)), ("entity", .text(event.entity)), ("entityId", .integer(event.entityId)),
                ("before", before.map(CanonicalValue.text) ?? .null), ("after", after.map(CanonicalValue.text) ?? .null),
                ("prevHash", .text(event.prevHash)),
            ]))
            #expect(event.computedHash() == general, "\(index)")
        }
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
        let events = try database.readDatabase { try AuditEvent.order(Column("seq")).fetchAll($0) }
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
        let counts = try database.readDatabase { db in
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
        let (names, events) = try database.readDatabase { db in
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
        try database.writer.behindTheChain { db in
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
            try database.writer.behindTheChain { db in
                try db.execute(sql: "UPDATE event SET actor = 'someone' WHERE seq = 2")
            }
        }
        try database.writer.behindTheChain { db in
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
        try database.writer.behindTheChain { db in
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
        let after = try database.readDatabase { try String.fetchOne($0, sql: "SELECT after FROM event") }
        #expect(after?.contains(SHA256.hex(content)) == true)
        #expect(after?.contains("照片") == false)
        try database.writer.behindTheChain { db in
            try db.execute(sql: "UPDATE storedFile SET content = ? WHERE id = 1", arguments: [Data("照骗".utf8)])
        }
        #expect(try ChainVerifier.verify(database).problems.first?.seq == 1)
    }
}

@Suite("Rows as the chain records them")
struct StoredRowTests {
    /// Inserts `values` into a STRICT table of every column kind and returns the row put together from the bound
    /// values next to the row read back from SQLite.
    private func bothWays(_ values: [DatabaseValue]) throws -> (inserted: String, read: String) {
        let queue = try DatabaseQueue()
        return try queue.writeBehindTheChain { db in
            try db.execute(sql: "CREATE TABLE probe (id INTEGER PRIMARY KEY, n INTEGER, t TEXT, r REAL, b BLOB, a ANY) STRICT")
            let columns = ["a", "b", "id", "n", "r", "t"]
            try db.execute(sql: "INSERT INTO probe (a, b, id, n, r, t) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(values))
            var reader = StoredRowReader()
            let positions = try reader.positions(db, table: "probe", columns: columns)
            #expect(positions == [5, 4, 0, 1, 3, 2])
            let rowID = db.lastInsertedRowID
            let inserted = try reader.inserted(db, table: "probe", positions: positions, values: values, rowID: rowID)
            return (inserted.canonicalJSON, try reader.read(db, table: "probe", rowID: rowID).canonicalJSON)
        }
    }

    @Test("a row put together from its bound values spells as the row read back, or is read back")
    func insertedRowsMatchStoredRows() throws {
        let blob = Data([0, 1, 2]).databaseValue
        let cases: [[DatabaseValue]] = [
            // a, b, id, n, r, t
            ["text".databaseValue, blob, .null, Int64(42).databaseValue, Double(1.5).databaseValue, "中文\"\n".databaseValue],
            [Int64(7).databaseValue, .null, Int64(99).databaseValue, Int64.min.databaseValue, Double(-2.25).databaseValue,
             "".databaseValue],
            [Double(2.5).databaseValue, blob, .null, .null, .null, .null],
            // SQLite changes these on the way in: an integer into REAL, a negative zero, NaN, numeric text into ANY.
            ["12".databaseValue, .null, .null, 1.databaseValue, Int64(3).databaseValue, "x".databaseValue],
            [.null, .null, .null, Int64(1).databaseValue, Double(-0.0).databaseValue, "x".databaseValue],
            [.null, .null, .null, Int64(1).databaseValue, Double.nan.databaseValue, "x".databaseValue],
            [Double(-0.0).databaseValue, .null, .null, .null, .null, .null],
        ]
        for values in cases {
            let (inserted, read) = try bothWays(values)
            #expect(inserted == read, "\(values)")
        }
        #expect(ColumnStorage.integer.storesUnchanged(Int64(3).databaseValue))
        #expect(!ColumnStorage.real.storesUnchanged(Int64(3).databaseValue))
        #expect(!ColumnStorage.real.storesUnchanged(Double(-0.0).databaseValue))
        #expect(!ColumnStorage.real.storesUnchanged(Double.nan.databaseValue))
        #expect(!ColumnStorage.text.storesUnchanged(Int64(3).databaseValue))
    }

    @Test("tables with triggers are always read back; the audited tables without are put together")
    func storageIsKnownOnlyWhereSafe() throws {
        let database = try makeDatabase()
        let known: [String: Bool] = try database.reader.read { db in
            var reader = StoredRowReader()
            var known: [String: Bool] = [:]
            for table in ["unit", "department", "officer", "grid", "street", "case", "hazard", "document", "penalty",
                          "event"] {
                known[table] = try reader.shape(db, table: table).storage != nil
            }
            return known
        }
        #expect(known.filter(\.value).keys.sorted() == ["department", "grid", "officer", "street", "unit"])
    }
}
