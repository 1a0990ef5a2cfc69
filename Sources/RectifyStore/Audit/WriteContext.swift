import Foundation
import GRDB
import GRDBSQLite
import RectifyCore

/// The inside of one write transaction: every insert and update goes through here and appends an audit event
/// (sequence, time, actor, action, entity, before/after as canonical JSON, previous hash, own hash).
public final class WriteContext {
    /// The connection of this transaction: private to the store, so that no write bypasses the audit chain.
    let db: Database
    /// The store as this transaction sees it, for the reads a write needs.
    public var store: Store { Store(db) }
    /// Who the next events are recorded under; the demo generator acts as different officers in one transaction.
    public var actor: String
    /// The time stamped on the next events; the demo generator moves it along its simulated calendar.
    public var now: Date {
        didSet { nowStamp = nil }
    }
    /// `now` as events spell it, formatted once for all the events stamped with it (a register import writes
    /// 100,000 in one transaction).
    private var nowStamp: String?
    private var headSeq: Int64
    private var headHash: String
    private var ledger = ProgressLedger()
    /// The INSERT of each record type, built once: a bulk job inserts thousands of rows of the same few types.
    private var insertStatements: [ObjectIdentifier: [(columns: [String], statement: RawStatement, positions: [Int]?)]] = [:]
    private var eventInsert: RawStatement?
    private var lookups: [LookupKey: RawStatement] = [:]
    private var rows = StoredRowReader()

    init(db: Database, actor: String, now: Date) throws {
        self.db = db
        self.actor = actor
        self.now = now
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
        headSeq = head?["seq"] ?? 0
        headHash = head?["hash"] ?? AuditEvent.genesisHash
    }

    @discardableResult
    public func insert<Record: IdentifiedRecord>(_ record: inout Record, action: String) throws -> Identifier<Record.Entity> {
        // A plain cached INSERT of the encoded columns: GRDB's record insertion (callbacks, RETURNING, SQL built per
        // call) cost more than the write itself in a register import.
        let (columns, given) = try record.columnsAndValues()
        let values = try StoredText.checked(given, columns: columns, table: Record.databaseTableName)
        let type = ObjectIdentifier(Record.self)
        let statement: RawStatement
        let positions: [Int]?
        // Arrays that share storage compare equal at once: a record listing its columns finds its statement cheaply.
        if let known = insertStatements[type]?.first(where: { $0.columns == columns }) {
            (statement, positions) = (known.statement, known.positions)
        } else {
            // First row of this type, or one that encoded another set of columns (an omitted optional).
            statement = try RawStatement(db, sql: """
                INSERT INTO \(Record.databaseTableName.quotedDatabaseIdentifier) \
                (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) \
                VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) /* audited */
                """)
            positions = try rows.positions(db, table: Record.databaseTableName, columns: columns)
            insertStatements[type, default: []].append((columns, statement, positions))
        }
        try statement.bind(values)
        try passing { try statement.execute() }
        if record.id == nil { record.id = Identifier(db.lastInsertedRowID) }
        let rowID = record.id!.rawValue
        let after = try rows.inserted(db, table: Record.databaseTableName, positions: positions, values: values, rowID: rowID)
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: nil, after: after.canonicalBytes)
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: nil, after: after)
        return record.id!
    }

    public func update<Record: IdentifiedRecord>(_ record: Record, action: String) throws {
        let rowID = record.id!.rawValue
        let before = try rows.read(db, table: Record.databaseTableName, rowID: rowID)
        let (allColumns, given) = try record.columnsAndValues()
        let checked = try StoredText.checked(given, columns: allColumns, table: Record.databaseTableName)
        let changed = zip(allColumns, checked).filter { $0.0 != "id" }
        try passing { try db.execute(sql: """
            UPDATE \(Record.databaseTableName.quotedDatabaseIdentifier) \
            SET \(changed.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE id = ?
            """, arguments: StatementArguments(changed.map(\.1) + [rowID.databaseValue])) }
        let after = try rows.read(db, table: Record.databaseTableName, rowID: rowID)
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: before.canonicalBytes,
                   after: after.canonicalBytes)
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: before, after: after)
    }

    /// Deletes a row, recording what it held; the chain then expects the row to be gone.
    public func delete<Record: IdentifiedRecord>(_ record: Record, action: String) throws {
        let rowID = record.id!.rawValue
        let before = try rows.read(db, table: Record.databaseTableName, rowID: rowID)
        _ = try passing { try record.delete(db) }
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: before.canonicalBytes,
                   after: nil)
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: before, after: nil)
    }

    /// The single-row agency table has a fixed id.
    public func save(_ agency: Agency, action: String) throws {
        let before = try? rows.read(db, table: Agency.databaseTableName, rowID: agency.id).canonicalBytes
        let dictionary = try agency.databaseDictionary
        let columns = dictionary.keys.sorted()
        let values = try StoredText.checked(columns.map { dictionary[$0]! }, columns: columns, table: Agency.databaseTableName)
        let assignments = zip(columns, values).filter { $0.0 != "id" }
        try passing { try db.execute(sql: "UPDATE agency SET \(assignments.map { "\($0.0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")) WHERE id = ?",
                       arguments: StatementArguments(assignments.map(\.1) + [agency.id.databaseValue])) }
        if db.changesCount == 0 {
            try passing {
                try db.execute(sql: """
                    INSERT INTO agency (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) \
                    VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: StatementArguments(values))
            }
        }
        let after = try rows.read(db, table: Agency.databaseTableName, rowID: agency.id).canonicalBytes
        try append(action: action, entity: Agency.databaseTableName, entityId: agency.id, before: before, after: after)
    }

    /// One of this context's own writes to an audited table, with the audit gate open for it alone.
    private func passing<T>(_ write: () throws -> T) rethrows -> T {
        try AuditGate.passing(db, write)
    }

    /// Records that a migration re-spelled a row (`ReshapedRows`): its values are unchanged, so the ledger is not told.
    func appendReshaped(entity: String, entityId: Int64, before: [UInt8], after: [UInt8], action: String) throws {
        try append(action: action, entity: entity, entityId: entityId, before: before, after: after)
    }

    /// Runs `body` in a savepoint of this transaction: if it throws, what it wrote is undone — rows, events and the
    /// ledger's notes — and the rest of the transaction stands. A batch of files is written in one transaction, each
    /// file in a savepoint of its own.
    public func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        let (seq, hash, notes) = (headSeq, headHash, ledger)
        var result: T?
        do {
            try db.inSavepoint {
                result = try body()
                return .commit
            }
        } catch {
            (headSeq, headHash, ledger) = (seq, hash, notes)
            throw error
        }
        return result!
    }

    /// The id of the row whose unique `column` holds `value`: the one lookup a bulk import makes for every row.
    func rowID(in table: String, where column: String, is value: some DatabaseValueConvertible) throws -> Int64? {
        let key = LookupKey(table: table, column: column)
        let statement = try lookups[key] ?? RawStatement(db, sql: """
            SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ? /* lookup */
            """)
        lookups[key] = statement
        try statement.bind(value)
        return try statement.firstRow { sqlite3_column_int64($0, 0) }
    }

    /// Which cases (and register entries) the progress ledger must recompute before this transaction commits.
    private func noteProgress(table: String, rowID: Int64, before: StoredRow?, after: StoredRow?) throws {
        let row = after ?? before
        switch table {
        case "case":
            ledger.noteCase(rowID)
        case "hazard", "selfCheckRecord", "recheckRecord", "penalty", "document":
            if let caseId: Int64 = row?["caseId"] { ledger.noteCase(caseId) }
        case "hazardExtension":
            if let caseId = try Int64.fetchOne(db, sql: "SELECT caseId FROM hazard WHERE id = ?",
                                               arguments: [row?["hazardId"] as DatabaseValue?]) {
                ledger.noteCase(caseId)
            }
        case "recheckFinding":
            if let caseId = try Int64.fetchOne(db, sql: "SELECT caseId FROM recheckRecord WHERE id = ?",
                                               arguments: [row?["recheckId"] as DatabaseValue?]) {
                ledger.noteCase(caseId)
            }
        case "unit":
            ledger.noteUnit(before: before, after: after, day: LocalDate(now))
        default:
            break
        }
    }

    /// Brings the progress ledger up to date; `AppDatabase.write` calls it last, inside the transaction.
    func finish() throws {
        try ledger.flush(db)
    }

    /// `before` and `after` are canonical JSON as UTF-8 bytes: hashed and stored without becoming Strings.
    private func append(action: String, entity: String, entityId: Int64, before: [UInt8]?, after: [UInt8]?) throws {
        let stamp = nowStamp ?? Timestamp.string(now)
        nowStamp = stamp
        let seq = headSeq + 1
        let hash = AuditEvent.hash(seq: seq, at: stamp, actor: actor, action: action, entity: entity, entityId: entityId,
                                   before: before, after: after, prevHash: headHash)
        let statement = try eventInsert ?? RawStatement(db, sql: """
            INSERT INTO event (seq, at, actor, action, entity, entityId, before, after, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) /* audited */
            """)
        eventInsert = statement
        statement.reset()
        try statement.bind(seq, at: 1)
        try statement.bind(stamp, at: 2)
        try statement.bind(actor, at: 3)
        try statement.bind(action, at: 4)
        try statement.bind(entity, at: 5)
        try statement.bind(entityId, at: 6)
        try statement.bindText(utf8: before, at: 7)
        try statement.bindText(utf8: after, at: 8)
        try statement.bind(headHash, at: 9)
        try statement.bind(hash, at: 10)
        try statement.execute()
        headSeq = seq
        headHash = hash
    }
}

/// One link of the audit chain.
public struct AuditEvent: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "event"
    public static let genesisHash = String(repeating: "0", count: 64)

    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: Int64
    public var before: String?
    public var after: String?
    public var prevHash: String
    public var hash: String = ""

    /// SHA-256 over the canonical JSON of every field but the hash itself.
    public func computedHash() -> String {
        Self.hash(seq: seq, at: at, actor: actor, action: action, entity: entity, entityId: entityId,
                  before: before.map { Array($0.utf8) }, after: after.map { Array($0.utf8) }, prevHash: prevHash)
    }

    /// The hash of the event with these fields. The object is written key by key in sorted order (action, actor,
    /// after, at, before, entity, entityId, prevHash, seq): the bytes `CanonicalJSON.objectBytes` gives for it.
    static func hash(seq: Int64, at: String, actor: String, action: String, entity: String, entityId: Int64,
                     before: [UInt8]?, after: [UInt8]?, prevHash: String) -> String {
        SHA256.hex(canonicalBytes(seq: seq, at: at, actor: actor, action: action, entity: entity, entityId: entityId,
                                  before: before, after: after, prevHash: prevHash))
    }

    /// The bytes the event's hash is taken over (for the bench's floor: OpenSSL hashing the same bytes).
    public func canonicalBytes() -> [UInt8] {
        Self.canonicalBytes(seq: seq, at: at, actor: actor, action: action, entity: entity, entityId: entityId,
                            before: before.map { Array($0.utf8) }, after: after.map { Array($0.utf8) }, prevHash: prevHash)
    }

    static func canonicalBytes(seq: Int64, at: String, actor: String, action: String, entity: String, entityId: Int64,
                               before: [UInt8]?, after: [UInt8]?, prevHash: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + (before?.count ?? 0) * 5 / 4 + (after?.count ?? 0) * 5 / 4)
        writeCanonical(seq: seq, at: at, actor: actor, action: action, entity: entity, entityId: entityId,
                       before: before, after: after, prevHash: prevHash, into: &out)
        return out
    }

    /// The object written key by key in sorted order, from fields held as Strings, byte arrays or SQLite's own
    /// buffers (`verify` reads them without making a String of each).
    static func writeCanonical<Text: JSONStringSource, JSON: JSONStringSource>(
        seq: Int64, at: Text, actor: Text, action: Text, entity: Text, entityId: Int64, before: JSON?, after: JSON?,
        prevHash: Text, into out: inout [UInt8]) {
        func json(_ value: JSON?) {
            guard let value else { return out.append(contentsOf: "null".utf8) }
            value.appendJSONString(to: &out)
        }
        out.append(contentsOf: #"{"action":"#.utf8); action.appendJSONString(to: &out)
        out.append(contentsOf: #","actor":"#.utf8); actor.appendJSONString(to: &out)
        out.append(contentsOf: #","after":"#.utf8); json(after)
        out.append(contentsOf: #","at":"#.utf8); at.appendJSONString(to: &out)
        out.append(contentsOf: #","before":"#.utf8); json(before)
        out.append(contentsOf: #","entity":"#.utf8); entity.appendJSONString(to: &out)
        out.append(contentsOf: #","entityId":"#.utf8); CanonicalJSON.appendInteger(entityId, to: &out)
        out.append(contentsOf: #","prevHash":"#.utf8); prevHash.appendJSONString(to: &out)
        out.append(contentsOf: #","seq":"#.utf8); CanonicalJSON.appendInteger(seq, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}

private struct LookupKey: Hashable {
    var table: String
    var column: String
}
