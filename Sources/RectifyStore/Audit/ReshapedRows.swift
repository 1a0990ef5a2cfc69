import Foundation
import GRDB
import GRDBSQLite
import RectifyCore

/// A migration that adds columns to an audited table changes how every existing row is spelled: the row now has the
/// new columns (NULL), the event that last wrote it does not. The chain records that change, one event per row, so
/// that `verify` still finds every row as its last event says. Only a row that is exactly what its last event
/// recorded, apart from the added columns, is recorded: a row edited behind Rectify's back stays reported.
enum ReshapedRows {
    static let actor = "数据库迁移 / schema migration"

    /// `addedColumns`: the columns added by each migration that changed the table, oldest first, so that a row last
    /// written before several of them is recognised too.
    static func record(_ db: Database, table: String, addedColumns: [[String]], migration: String) throws {
        let context = try WriteContext(db: db, actor: actor, now: Date())
        let rows = try RawStatement(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id /* reshape */")
        let shape = RowShape(columns: rows.columnNames)
        let lastEvent = try RawStatement(db, sql: """
            SELECT after FROM event WHERE entity = ? AND entityId = ? ORDER BY seq DESC LIMIT 1 /* reshape */
            """)
        // The spellings a row may have been recorded in: without the newest migration's columns, without the two
        // newest, and so on.
        let olderShapes: [(layout: CanonicalJSON.Layout, positions: [Int])] = addedColumns.indices.reversed().map { index in
            let missing = Set(addedColumns[index...].joined())
            let positions = shape.columns.indices.filter { !missing.contains(shape.columns[$0]) }
            return (CanonicalJSON.Layout(keys: positions.map { shape.columns[$0] }), positions)
        }
        var reshaped: [(id: Int64, before: [UInt8], after: [UInt8])] = []
        try rows.forEachRow { handle in
            let row = StoredRow(handle, shape: shape)
            guard let id = row.id else { return }
            try lastEvent.bind(table, id)
            guard let recorded = try lastEvent.firstRow({ RawStatement.text($0, 0).map(Array.init) }) ?? nil else { return }
            let now = row.canonicalBytes
            guard recorded != now else { return }
            for older in olderShapes {
                let spelled = older.layout.bytes { StoredRow.canonical(row.values[older.positions[$0]]) }
                if spelled == recorded {
                    reshaped.append((id, recorded, now))
                    break
                }
            }
        }
        for row in reshaped {
            try context.appendReshaped(entity: table, entityId: row.id, before: row.before, after: row.after,
                                       action: "schema.\(migration)")
        }
    }
}
