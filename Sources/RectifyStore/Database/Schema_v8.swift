import GRDB

/// `event.hash` loses its UNIQUE constraint. No query looks an event up by its hash, and uniqueness adds nothing the
/// chain does not already guarantee: each hash covers its own sequence number and the previous hash, and `verify`
/// recomputes every one. The constraint's index took an insert at a random place per event (hashes have no order),
/// the costliest of an audited write's B-tree inserts, on every write Rectify makes.
///
/// SQLite cannot drop a column constraint, so the table is rebuilt (the documented twelve-step way: nothing refers
/// to `event`), with its other checks, its listing index and its append-only triggers exactly as before.
enum SchemaV8 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event_v8 (
                seq INTEGER PRIMARY KEY CHECK (seq > 0),
                at TEXT NOT NULL,
                actor TEXT NOT NULL CHECK (length(trim(actor)) > 0),
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entityId INTEGER NOT NULL,
                before TEXT,
                after TEXT,
                prevHash TEXT NOT NULL,
                hash TEXT NOT NULL CHECK (length(hash) = 64)
            ) STRICT;
            INSERT INTO event_v8 (seq, at, actor, action, entity, entityId, before, after, prevHash, hash)
                SELECT seq, at, actor, action, entity, entityId, before, after, prevHash, hash FROM event ORDER BY seq;
            DROP TABLE event;
            ALTER TABLE event_v8 RENAME TO event;
            CREATE INDEX event_entity_listing ON event(entity, entityId, seq, at, actor, action, hash);
            CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
                BEGIN SELECT RAISE(ABORT, 'AUDIT-APPEND-ONLY: audit events never change'); END;
            CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
                BEGIN SELECT RAISE(ABORT, 'AUDIT-APPEND-ONLY: audit events are never deleted'); END;
            """)
    }
}
