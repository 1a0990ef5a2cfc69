import Foundation
import GRDB
import RectifyCore

/// The inside of one write transaction: every insert and update goes through here and appends an audit event
/// (sequence, time, actor, action, entity, before/after as canonical JSON, previous hash, own hash).
public final class WriteContext {
    public let db: Database
    /// Who the next events are recorded under; the demo generator acts as different officers in one transaction.
    public var actor: String
    /// The time stamped on the next events; the demo generator moves it along its simulated calendar.
    public var now: Date
    private var headSeq: Int64
    private var headHash: String
    private var ledger = ProgressLedger()
    /// The INSERT of each record type, built once: a bulk job inserts thousands of rows of the same few types.
    private var insertStatements: [ObjectIdentifier: (columns: [String], sql: String)] = [:]

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
        let values = try record.databaseDictionary
        let key = ObjectIdentifier(Record.self)
        var statement = insertStatements[key]
        var arguments = statement.flatMap { known in
            known.columns.count == values.count ? known.columns.compactMap { values[$0] } : nil
        }
        if arguments?.count != values.count {
            // First row of this type, or one that encoded another set of columns (an omitted optional).
            let columns = values.keys.sorted()
            statement = (columns, """
                INSERT INTO \(Record.databaseTableName.quotedDatabaseIdentifier) \
                (\(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "))) \
                VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                """)
            insertStatements[key] = statement
            arguments = columns.map { values[$0]! }
        }
        try db.cachedStatement(sql: statement!.sql).execute(arguments: StatementArguments(arguments!))
        if record.id == nil { record.id = Identifier(db.lastInsertedRowID) }
        let rowID = record.id!.rawValue
        let after = try CanonicalRow.row(db, table: Record.databaseTableName, rowID: rowID)
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: nil, after: CanonicalRow.json(after))
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: nil, after: after)
        return record.id!
    }

    public func update<Record: IdentifiedRecord>(_ record: Record, action: String) throws {
        let rowID = record.id!.rawValue
        let before = try CanonicalRow.row(db, table: Record.databaseTableName, rowID: rowID)
        try record.update(db)
        let after = try CanonicalRow.row(db, table: Record.databaseTableName, rowID: rowID)
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: CanonicalRow.json(before),
                   after: CanonicalRow.json(after))
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: before, after: after)
    }

    /// Deletes a row, recording what it held; the chain then expects the row to be gone.
    public func delete<Record: IdentifiedRecord>(_ record: Record, action: String) throws {
        let rowID = record.id!.rawValue
        let before = try CanonicalRow.row(db, table: Record.databaseTableName, rowID: rowID)
        _ = try record.delete(db)
        try append(action: action, entity: Record.databaseTableName, entityId: rowID, before: CanonicalRow.json(before),
                   after: nil)
        try noteProgress(table: Record.databaseTableName, rowID: rowID, before: before, after: nil)
    }

    /// The single-row agency table has a fixed id.
    public func save(_ agency: Agency, action: String) throws {
        let before = try? CanonicalRow.json(db, table: Agency.databaseTableName, rowID: agency.id)
        try agency.save(db)
        let after = try CanonicalRow.json(db, table: Agency.databaseTableName, rowID: agency.id)
        try append(action: action, entity: Agency.databaseTableName, entityId: agency.id, before: before, after: after)
    }

    /// Which cases (and register entries) the progress ledger must recompute before this transaction commits.
    private func noteProgress(table: String, rowID: Int64, before: Row?, after: Row?) throws {
        let row = after ?? before
        switch table {
        case "case":
            ledger.noteCase(rowID)
        case "hazard", "selfCheckRecord", "recheckRecord", "penalty", "document":
            if let caseId: Int64 = row?["caseId"] { ledger.noteCase(caseId) }
        case "hazardExtension":
            if let caseId = try Int64.fetchOne(db, sql: "SELECT caseId FROM hazard WHERE id = ?", arguments: [row?["hazardId"]]) {
                ledger.noteCase(caseId)
            }
        case "recheckFinding":
            if let caseId = try Int64.fetchOne(db, sql: "SELECT caseId FROM recheckRecord WHERE id = ?",
                                               arguments: [row?["recheckId"]]) {
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

    private func append(action: String, entity: String, entityId: Int64, before: String?, after: String?) throws {
        var event = AuditEvent(seq: headSeq + 1, at: Timestamp.string(now), actor: actor, action: action,
                               entity: entity, entityId: entityId, before: before, after: after, prevHash: headHash)
        event.hash = event.computedHash()
        // Every write appends an event: a cached statement keeps that cheap.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (seq, at, actor, action, entity, entityId, before, after, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [event.seq, event.at, event.actor, event.action, event.entity, event.entityId,
                                          event.before, event.after, event.prevHash, event.hash])
        headSeq = event.seq
        headHash = event.hash
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
        SHA256.hex(CanonicalJSON.object([
            ("seq", .integer(seq)), ("at", .text(at)), ("actor", .text(actor)), ("action", .text(action)),
            ("entity", .text(entity)), ("entityId", .integer(entityId)),
            ("before", before.map(CanonicalValue.text) ?? .null), ("after", after.map(CanonicalValue.text) ?? .null),
            ("prevHash", .text(prevHash)),
        ]))
    }
}

/// A stored row as the audit chain records it: every column, sorted, blobs by their SHA-256.
enum CanonicalRow {
    static func json(_ db: Database, table: String, rowID: Int64) throws -> String {
        json(try row(db, table: table, rowID: rowID))
    }

    static func row(_ db: Database, table: String, rowID: Int64) throws -> Row {
        let statement = try db.cachedStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE rowid = ?")
        guard let row = try Row.fetchOne(statement, arguments: [rowID])
        else { throw StoreError.database("row \(rowID) of \(table) vanished inside its own transaction") }
        return row
    }

    static func json(_ row: Row) -> String {
        var fields: [(String, CanonicalValue)] = []
        fields.reserveCapacity(row.count)
        for (column, value) in row {
            fields.append((column, canonical(value)))
        }
        return CanonicalJSON.object(fields)
    }

    static func canonical(_ value: DatabaseValue) -> CanonicalValue {
        switch value.storage {
        case .null: .null
        case .int64(let n): .integer(n)
        case .double(let x): .real(x)
        case .string(let s): .text(s)
        case .blob(let data): .blobDigest(SHA256.hex(data))
        }
    }
}
