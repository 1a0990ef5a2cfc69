import GRDB

/// Issue 18: `unit find` — units found by any part of their name or address. An FTS5 index with the trigram
/// tokenizer (any three characters match anywhere, which suits Chinese names without word breaks), kept by
/// triggers from the audited `unit` table it is derived from; it holds no data of its own.
enum SchemaV16 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE unitSearch USING fts5(name, address, content = 'unit', content_rowid = 'id',
                                                       tokenize = 'trigram');
            CREATE TRIGGER unitSearch_insert AFTER INSERT ON unit BEGIN
                INSERT INTO unitSearch (rowid, name, address) VALUES (new.id, new.name, new.address);
            END;
            CREATE TRIGGER unitSearch_delete AFTER DELETE ON unit BEGIN
                INSERT INTO unitSearch (unitSearch, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
            END;
            CREATE TRIGGER unitSearch_update AFTER UPDATE OF name, address ON unit BEGIN
                INSERT INTO unitSearch (unitSearch, rowid, name, address) VALUES ('delete', old.id, old.name, old.address);
                INSERT INTO unitSearch (rowid, name, address) VALUES (new.id, new.name, new.address);
            END;
            INSERT INTO unitSearch (unitSearch) VALUES ('rebuild');
            """)
    }
}
