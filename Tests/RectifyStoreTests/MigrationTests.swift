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
        try queue.write { db in
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
            try queue.write { db in
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
}
