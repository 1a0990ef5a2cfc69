import GRDB
import RectifyCore

/// Allocates document numbers inside the caller's write transaction. Writes are IMMEDIATE transactions, so two
/// processes are serialised by SQLite's write lock; documents are never deleted, so MAX+1 is gap-free, and the
/// UNIQUE (agency, code, year, serial) index is the last line of defence.
public enum DocumentSerials {
    static func next(_ db: Database, agency: String, code: String, year: Int) throws -> DocumentNumber {
        let last = try Int.fetchOne(db, sql: """
            SELECT max(serial) FROM document WHERE agency = ? AND code = ? AND year = ?
            """, arguments: [agency, code, year]) ?? 0
        return DocumentNumber(agency: agency, code: code, year: year, serial: last + 1)
    }
}
