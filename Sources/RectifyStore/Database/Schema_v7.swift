import GRDB

/// A case file lists its audit events (sequence, time, actor, action, object, hash). With only `(entity, entityId)`
/// indexed, SQLite read each listed event's row, and the row's before/after JSON comes before `hash`: long JSON
/// spills into overflow pages that were followed to reach it, and the rows of one case lie all over the event table of
/// a large district, so an export from a cold cache waited on the disk (docs/performance.md). The listing
/// is now answered from this index alone; it begins with the old index's columns, which it replaces.
enum SchemaV7 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX event_entity_listing ON event(entity, entityId, seq, at, actor, action, hash);
            DROP INDEX event_entity;
            """)
    }
}
