import Foundation
import GRDB
import RectifyCore
import Testing
@testable import RectifyStore

@Suite("Migrations")
struct MigrationTests {
    /// A database left at v7 with a chain of three events, written the way v7's Rectify wrote them.
    private func databaseAtV7() throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try AppDatabase.migrator.migrate(queue, upTo: "v7-event-listing-index")
        try queue.writeBehindTheChain { db in
            var rows = StoredRowReader()
            var previous = AuditEvent.genesisHash
            for (seq, name) in ["安监局", "市场监管局", "消防大队"].enumerated().map({ (Int64($0 + 1), $1) }) {
                try db.execute(sql: "INSERT INTO department (id, name) VALUES (?, ?)", arguments: [seq, name])
                var event = AuditEvent(seq: seq, at: "2026-06-01T09:00:00.000+08:00", actor: "admin",
                                       action: "department.add", entity: "department", entityId: seq, before: nil,
                                       after: try rows.read(db, table: "department", rowID: seq).canonicalJSON,
                                       prevHash: previous)
                event.hash = event.computedHash()
                try event.insert(db)
                previous = event.hash
            }
        }
        return queue
    }

    private func uniqueIndexesOnEvent(_ reader: some DatabaseReader) throws -> Int {
        try reader.read { try Int.fetchOne($0, sql: #"SELECT count(*) FROM pragma_index_list('event') WHERE "unique" = 1"#)! }
    }

    @Test("v8 rebuilds the event table without the index on hash: same events, same checks and triggers, chain intact")
    func eventHashIndexDropped() throws {
        let queue = try databaseAtV7()
        let before = try queue.read { try AuditEvent.order(Column("seq")).fetchAll($0) }
        #expect(try uniqueIndexesOnEvent(queue) == 1)

        let database = try AppDatabase(queue, clock: pinnedClock)
        #expect(try uniqueIndexesOnEvent(queue) == 0)
        #expect(try queue.read { try AuditEvent.order(Column("seq")).fetchAll($0) } == before)
        #expect(try ChainVerifier.verify(database).isIntact)
        let indexes = try queue.read { try String.fetchAll($0, sql: "SELECT name FROM pragma_index_list('event') ORDER BY 1") }
        #expect(indexes == ["event_entity_listing"])

        for tamper in ["UPDATE event SET actor = 'someone' WHERE seq = 2", "DELETE FROM event WHERE seq = 3"] {
            #expect(performing: { try queue.write { try $0.execute(sql: tamper) } },
                    throws: { "\($0)".contains("AUDIT-APPEND-ONLY") })
        }
        // The hash still has to be 64 characters long.
        #expect(performing: {
            try queue.writeBehindTheChain { db in
                try db.execute(sql: """
                    INSERT INTO event (seq, at, actor, action, entity, entityId, prevHash, hash)
                    VALUES (4, 'x', 'a', 'b', 'c', 1, 'p', 'too short')
                    """)
            }
        }, throws: { "\($0)".contains("CHECK constraint failed") })

        // The chain goes on from the migrated head.
        try addDepartments(database, ["住建局"])
        let after = try queue.read { try AuditEvent.order(Column("seq")).fetchAll($0) }
        #expect(after.count == 4 && after[3].prevHash == before[2].hash)
        #expect(try ChainVerifier.verify(database).isIntact)
    }

    @Test("constant IN lists of three or more become OR chains; two-value and numeric lists stay")
    func inListsBecomeComparisons() {
        #expect(SchemaV10.comparisons(in: "kind TEXT CHECK (kind IN ('a','b', 'c''d'))")
                == "kind TEXT CHECK ((kind = 'a' OR kind = 'b' OR kind = 'c''d'))")
        #expect(SchemaV10.comparisons(in: "x CHECK (x IS NULL OR x IN ('p', 'q', 'r')), y CHECK (y IN ('s','t'))")
                == "x CHECK (x IS NULL OR (x = 'p' OR x = 'q' OR x = 'r')), y CHECK (y IN ('s','t'))")
        #expect(SchemaV10.comparisons(in: "f INTEGER CHECK (f IN (0, 1))") == "f INTEGER CHECK (f IN (0, 1))")
    }

    @Test("v10 rebuilds the tables with IN-list checks: same rows, indexes and triggers; the same values refused")
    func checksBecomeComparisons() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try AppDatabase.migrator.migrate(queue, upTo: "v9-progress-totals")
        try queue.writeBehindTheChain { db in
            try db.execute(sql: """
                INSERT INTO department (id, name) VALUES (1, '安监局');
                INSERT INTO street (id, name) VALUES (1, '竹行街道');
                INSERT INTO grid (id, streetId, name, community) VALUES (1, 1, '竹行社区网格', '竹行社区');
                INSERT INTO unit (id, uscc, name, address, streetId, gridId, category, departmentId)
                    VALUES (7, '91320691000000001X', '甲', '', 1, 1, 'restaurant', 1),
                           (9, '91320691000000002X', '乙', '', 1, 1, 'other', 1);
                INSERT INTO officer (credential, name, departmentId, active) VALUES ('32067100001', '张三', 1, 1);
                """)
        }
        func snapshot(_ db: Database) throws -> (schema: [String: String], rows: [String: [Row]]) {
            var schema: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL") {
                // A renamed table's definition spells its name in quotes.
                let name: String = row["name"]
                schema["\(row["type"] as String) \(name)"] = (row["sql"] as String)
                    .replacingOccurrences(of: "CREATE TABLE \"\(name)\"", with: "CREATE TABLE \(name)")
            }
            var rows: [String: [Row]] = [:]
            for table in try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'grdb_migrations'
                """) {
                rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY 1")
            }
            return (schema, rows)
        }
        let before = try queue.read(snapshot)
        #expect(before.schema.values.contains { $0.contains("category IN (") })

        _ = try AppDatabase(queue, clock: pinnedClock)
        let after = try queue.read(snapshot)
        // Later migrations add their own tables and columns; the tables v10 rebuilt are compared without them.
        let later = [", signerFingerprint TEXT, signerSubject TEXT",
                     ", chainSeq INTEGER CHECK (chainSeq IS NULL OR chainSeq >= 0), chainHash TEXT CHECK (chainHash IS NULL OR length(chainHash) = 64)",
                     """
                     , discoveredOn TEXT
                         CHECK (discoveredOn IS NULL OR (discoveredOn GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                                         AND date(discoveredOn, '+0 days') = discoveredOn))
                     """,
                     " OR kind = 'decision-extension'"]
        #expect(after.rows.filter { before.rows[$0.key] != nil } == before.rows)
        #expect(Set(after.schema.keys).subtracting(before.schema.keys) == [
            "table trustedCertificate", "table hearingWaiver", "table decisionExtension", "index decisionExtension_document",
            "table unitSearch", "table unitSearch_data", "table unitSearch_idx", "table unitSearch_docsize", "table unitSearch_config",
            "trigger unitSearch_insert", "trigger unitSearch_update", "trigger unitSearch_delete", "table unitSearchControl",
            "table account", "index account_officer", "table accountPassword", "table persist",
            "table apiToken", "index apiToken_account", "table apiTokenSecret"])
        for (key, definition) in before.schema {
            let stripped = later.reduce(after.schema[key] ?? "") { $0.replacingOccurrences(of: $1, with: "") }
            #expect(stripped == SchemaV10.comparisons(in: definition), "\(key)")
        }
        #expect(!after.schema.values.contains { SchemaV10.comparisons(in: $0) != $0 })
        #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])

        #expect(performing: {
            try queue.writeBehindTheChain { db in
                try db.execute(sql: """
                    INSERT INTO unit (uscc, name, address, streetId, gridId, category, departmentId)
                    VALUES ('91320691000000003X', '丙', '', 1, 1, 'bogus', 1)
                    """)
            }
        }, throws: { "\($0)".contains("CHECK constraint failed") })
        try queue.writeBehindTheChain { db in
            try db.execute(sql: """
                INSERT INTO unit (uscc, name, address, streetId, gridId, category, departmentId)
                VALUES ('91320691000000003X', '丙', '', 1, 1, 'construction-site', 1)
                """)
        }
    }

    @Test("columns added to audited tables are recorded in the chain: filings stored before v11/v12 verify intact after v14, an edit made before it is still found")
    func reshapedRowsAreRecorded() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try AppDatabase.migrator.migrate(queue, upTo: "v10-check-comparisons")
        try queue.writeBehindTheChain { db in
            var rows = StoredRowReader()
            var previous = AuditEvent.genesisHash
            for id in Int64(1)...3 {
                try db.execute(sql: """
                    INSERT INTO filing (id, agencyName, divisionCode, caseNumber, formedAt, nature, sha256, size, fileName, receivedAt, current)
                    VALUES (?, '南通经济技术开发区安全生产监督管理局', '320671', ?, '2026-06-01T09:00:00+08:00', 'final', ?, 100,
                            'case.xml', '2026-06-02T09:00:00.000+08:00', 1)
                    """, arguments: [id, "gas-2026-000\(id)", String(repeating: String(id), count: 64)])
                var event = AuditEvent(seq: id, at: "2026-06-02T09:00:00.000+08:00", actor: "admin", action: "filing.import",
                                       entity: "filing", entityId: id, before: nil,
                                       after: try rows.read(db, table: "filing", rowID: id).canonicalJSON, prevHash: previous)
                event.hash = event.computedHash()
                try event.insert(db)
                previous = event.hash
            }
            // Edited behind Rectify's back before the upgrade: the migration must not make it look recorded.
            try db.execute(sql: "UPDATE filing SET fileName = 'forged.xml' WHERE id = 2")
        }
        let database = try AppDatabase(queue, clock: pinnedClock)
        let report = try ChainVerifier.verify(database)
        #expect(report.problems.map(\.entityId) == [2], "\(report.problems.map(\.english))")
        #expect(report.problems.first?.english.contains("changed behind Rectify's back") == true)
        let reshaped = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event WHERE action = 'schema.v14'") }
        #expect(reshaped == 2)
    }
}
