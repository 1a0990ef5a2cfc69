import GRDB

/// Issue 18: a register import of many rows turns the unit search index's triggers (v16) off inside its own
/// transaction (`unitSearchControl`) and rebuilds the index once at its end, which costs about a quarter of indexing
/// row by row. Outside such a transaction the control reads 0 and the triggers run as before.
enum SchemaV17 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE unitSearchControl (deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))) STRICT;
            INSERT INTO unitSearchControl (deferred) VALUES (0);
            DROP TRIGGER unitSearch_insert;
            DROP TRIGGER unitSearch_delete;
            DROP TRIGGER unitSearch_update;
            CREATE TRIGGER unitSearch_insert AFTER INSERT ON unit WHEN (SELECT deferred FROM unitSearchControl) = 0 BEGIN
                INSERT INTO unitSearch (rowid, name, address) VALUES (new.id, new.name, new.address);
            END;
            CREATE TRIGGER unitSearch_delete AFTER DELETE ON unit WHEN (SELECT deferred FROM unitSearchControl) = 0 BEGIN
                INSERT INTO unitSearch (unitSearch, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
            END;
            CREATE TRIGGER unitSearch_update AFTER UPDATE OF name, address ON unit
            WHEN (SELECT deferred FROM unitSearchControl) = 0 BEGIN
                INSERT INTO unitSearch (unitSearch, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
                INSERT INTO unitSearch (rowid, name, address) VALUES (new.id, new.name, new.address);
            END;
            """)
    }
}
