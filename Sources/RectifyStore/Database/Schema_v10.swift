import Foundation
import GRDB

/// CHECK constraints of the form `column IN ('a', 'b', 'c')` become `(column = 'a' OR column = 'b' OR column = 'c')`,
/// which accepts and refuses exactly the same values. SQLite evaluates a constant IN list of more than two values by
/// building a temporary index of the list, once per execution of the statement: for a row-at-a-time INSERT or UPDATE
/// that is once per row, several times the cost of the rest of a plain insert (docs/performance.md). New tables should
/// spell such checks as OR chains.
///
/// SQLite cannot change a CHECK in place, so each table concerned is rebuilt the documented way (GRDB runs the
/// migration with foreign keys off and checks them before committing): a copy under a temporary name with the new
/// definition, the rows copied (every such table has an INTEGER PRIMARY KEY or is WITHOUT ROWID, so ids are kept),
/// the old table dropped, the copy renamed, its indexes recreated. Triggers are dropped first and recreated last,
/// word for word, so that no rename has to resolve a trigger against a table that is momentarily missing.
enum SchemaV10 {
    static func migrate(_ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        for trigger in triggers {
            try db.execute(sql: "DROP TRIGGER \((trigger["name"] as String).quotedDatabaseIdentifier)")
        }
        let tables = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            ORDER BY name
            """)
        for table in tables {
            let name: String = table["name"]
            let definition: String = table["sql"]
            let rewritten = comparisons(in: definition)
            guard rewritten != definition else { continue }
            try rebuild(db, table: name, definition: rewritten)
        }
        for trigger in triggers { try db.execute(sql: trigger["sql"]) }
    }

    private static func rebuild(_ db: Database, table: String, definition: String) throws {
        let indexes = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name
            """, arguments: [table])
        let scratch = table + "_v10"
        guard let name = definition.range(of: "CREATE TABLE " + table.quotedDatabaseIdentifier)
                ?? definition.range(of: "CREATE TABLE " + table)
        else { throw StoreError.database("migration v10: cannot find the name in the definition of \(table)") }
        let created = definition.replacingCharacters(in: name, with: "CREATE TABLE " + scratch.quotedDatabaseIdentifier)
        try db.execute(sql: created)
        try db.execute(sql: """
            INSERT INTO \(scratch.quotedDatabaseIdentifier) SELECT * FROM \(table.quotedDatabaseIdentifier);
            DROP TABLE \(table.quotedDatabaseIdentifier);
            ALTER TABLE \(scratch.quotedDatabaseIdentifier) RENAME TO \(table.quotedDatabaseIdentifier);
            """)
        for index in indexes { try db.execute(sql: index) }
    }

    /// `name IN ('…', '…', '…')` (three literals or more) as comparisons joined by OR.
    static func comparisons(in sql: String) -> String {
        let literal = #"'(?:[^']|'')*'"#
        let pattern = #"\b([A-Za-z_][A-Za-z0-9_]*) IN \(\s*("# + literal + #"(?:\s*,\s*"# + literal + #"){2,})\s*\)"#
        let expression = try! NSRegularExpression(pattern: pattern)
        let literals = try! NSRegularExpression(pattern: literal)
        var result = ""
        var last = sql.startIndex
        for match in expression.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)) {
            let whole = Range(match.range, in: sql)!
            let column = String(sql[Range(match.range(at: 1), in: sql)!])
            let list = String(sql[Range(match.range(at: 2), in: sql)!])
            let values = literals.matches(in: list, range: NSRange(list.startIndex..., in: list))
                .map { String(list[Range($0.range, in: list)!]) }
            result += sql[last..<whole.lowerBound]
            result += "(" + values.map { "\(column) = \($0)" }.joined(separator: " OR ") + ")"
            last = whole.upperBound
        }
        result += sql[last...]
        return result
    }
}
