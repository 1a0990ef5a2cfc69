import ArgumentParser
import GRDB
import RectifyCore

/// The least SQLite itself must do for a register import into Rectify's schema, spelled as set-based SQL for the
/// `sqlite3` tool: the CSV staged in a temporary table, every unit inserted into the real `unit` table (its checks,
/// unique code, index and foreign keys, with foreign key enforcement on), and one audit event per unit holding the
/// row's canonical JSON. It leaves out what Rectify adds to that — the per-row checks with their error report, the
/// chained SHA-256 (the floor writes a counter of the same length instead), the progress ledger — so Rectify can only
/// be slower; the figure says how far the budget lies below what the engine needs for the rows and events.
enum SQLFloor {
    static func unitImport(register: String) -> String {
        let categories = UnitCategory.allCases.map { "WHEN '\($0.chinese)' THEN '\($0.rawValue)'" }.joined(separator: " ")
        return """
            PRAGMA foreign_keys = ON;
            PRAGMA cache_size = -16384;
            PRAGMA wal_autocheckpoint = 16384;
            CREATE TEMP TABLE register (uscc TEXT, name TEXT, address TEXT, street TEXT, grid TEXT, category TEXT,
                department TEXT, contact TEXT, phone TEXT, legal TEXT, supervisors TEXT);
            .import --csv --skip 1 \(register) register
            BEGIN;
            INSERT INTO unit (uscc, name, address, streetId, gridId, category, departmentId, contactPerson, phone,
                legalRepresentative, supervisors)
            SELECT r.uscc, r.name, coalesce(r.address, ''), s.id, g.id, CASE r.category \(categories) END, d.id,
                nullif(r.contact, ''), nullif(r.phone, ''), nullif(r.legal, ''), nullif(r.supervisors, '')
            FROM register r JOIN street s ON s.name = r.street JOIN grid g ON g.streetId = s.id AND g.name = r.grid
                JOIN department d ON d.name = r.department
            ORDER BY r.rowid;
            INSERT INTO event (seq, at, actor, action, entity, entityId, before, after, prevHash, hash)
            SELECT (SELECT max(seq) FROM event) + row_number() OVER (ORDER BY id), '2026-11-30T12:00:00.000+08:00',
                'bench', 'unit.import.create', 'unit', id, NULL,
                json_object('address', address, 'category', category, 'contactPerson', contactPerson,
                    'departmentId', departmentId, 'gridId', gridId, 'id', id, 'legalRepresentative', legalRepresentative,
                    'name', name, 'phone', phone, 'streetId', streetId, 'supervisors', supervisors, 'uscc', uscc),
                printf('%064d', id - 1), printf('%064d', id)
            FROM unit WHERE id > (SELECT coalesce(max(entityId), 0) FROM event WHERE entity = 'unit')
            ORDER BY id;
            COMMIT;
            PRAGMA wal_checkpoint(TRUNCATE);
            SELECT count(*) FROM unit;
            """
    }

    /// The floor is only a floor if it writes what Rectify writes: the same units, and events with the same JSON.
    static func checkSameWrites(rectify: String, floor: String) throws {
        let sql = """
            SELECT u.id, u.uscc, u.name, u.address, u.streetId, u.gridId, u.category, u.departmentId, u.contactPerson,
                u.phone, u.legalRepresentative, u.supervisors, e.after
            FROM unit u JOIN event e ON e.entity = 'unit' AND e.entityId = u.id ORDER BY u.id
            """
        var configuration = Configuration()
        configuration.readonly = true
        let mine = try DatabaseQueue(path: rectify, configuration: configuration).read { try Row.fetchAll($0, sql: sql) }
        let theirs = try DatabaseQueue(path: floor, configuration: configuration).read { try Row.fetchAll($0, sql: sql) }
        guard mine.count == theirs.count else {
            throw ValidationError("the SQL floor wrote \(theirs.count) units with events, Rectify \(mine.count)")
        }
        if let index = mine.indices.first(where: { mine[$0] != theirs[$0] }) {
            throw ValidationError("the SQL floor wrote another unit or event than Rectify:\n\(mine[index])\n\(theirs[index])")
        }
    }
}
