import GRDB

/// The database as one transaction sees it, read or write: every typed query of the store runs through one. The
/// connection behind it stays inside RectifyStore, so a caller can read through the queries the store offers and
/// write only through `WriteContext`, whose writes are audited.
public struct Store {
    let db: Database

    init(_ db: Database) {
        self.db = db
    }
}
