import GRDB
import GRDBSQLite
import RectifyCore

/// What `rectify verify` found.
public struct ChainReport: Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        /// The event that does not match (nil for a row that no event ever recorded).
        public var seq: Int64?
        public var entity: String
        public var entityId: Int64
        public var chinese: String
        public var english: String
        /// A difference in the derived tables (`LedgerCheck`), not in the audited ones.
        public var isInProgressLedger: Bool { LedgerCheck.tables.contains(entity) }
    }

    public var eventCount: Int
    public var rowCount: Int
    public var headHash: String
    /// Ordered by event sequence; the first one is the first event that does not match.
    public var problems: [Problem]

    public var isIntact: Bool { problems.isEmpty }
}

/// Walks the audit chain and compares it with the tables, so that an edit made behind Rectify's back — of an event
/// or of a row — is found and named.
public enum ChainVerifier {
    /// The chain and the tables in one snapshot, and the progress ledger recomputed in another, at the same time on
    /// two connections (two cores): each check is consistent within its own snapshot.
    /// `progress` hears how many events and rows of how many have been checked.
    public static func verify(_ database: AppDatabase, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ChainReport {
        let (chain, ledger) = try database.twoReads(
            { store in try verifyChain(store.db, progress: progress) },
            scratch: { store in try LedgerCheck.differences(store.db) })
        var report = chain
        // The derived tables are recomputed from the audited ones: the signed statistics come from them.
        report.problems += ledger.map { difference in
            .init(seq: nil, entity: difference.table, entityId: 0,
                  chinese: "统计台账\(difference.table)（\(difference.key)）与重新计算不符：存为 \(difference.stored ?? "无")，应为 \(difference.recomputed ?? "无")",
                  english: "derived table \(difference.table) (\(difference.key)) differs from its recomputation: stored \(difference.stored ?? "none"), recomputed \(difference.recomputed ?? "none")")
        }
        report.problems.sort { ($0.seq ?? .max, $0.entity, $0.entityId) < ($1.seq ?? .max, $1.entity, $1.entityId) }
        return report
    }

    static func verifyChain(_ db: Database, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> ChainReport {
        var problems: [ChainReport.Problem] = []
        var total = 0
        if progress != nil {
            total = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
            for table in AuditedTables.names {
                total += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
            }
        }
        let (eventCount, headHash) = try walkChain(db, problems: &problems) { progress?($0, total) }
        var rowCount = 0
        for table in AuditedTables.names {
            rowCount += try compareRows(db, table: table, problems: &problems)
            progress?(eventCount + rowCount, total)
        }
        problems.sort { ($0.seq ?? .max, $0.entity, $0.entityId) < ($1.seq ?? .max, $1.entity, $1.entityId) }
        return ChainReport(eventCount: eventCount, rowCount: rowCount, headHash: headHash, problems: problems)
    }

    /// Recomputes every event's hash and link, in sequence order, from SQLite's own buffers: a chain of a million
    /// events is read without making a String or a record of each.
    private static func walkChain(_ db: Database, problems: inout [ChainReport.Problem],
                                  walked: (Int) -> Void = { _ in }) throws -> (Int, String) {
        var expectedPrev = Array(AuditEvent.genesisHash.utf8)
        var expectedSeq: Int64 = 1
        var eventCount = 0
        var canonical: [UInt8] = []
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        let events = try RawStatement(db, sql: """
            SELECT seq, at, actor, action, entity, entityId, before, after, prevHash, hash FROM event ORDER BY seq /* verify */
            """)
        try events.forEachRow { row in
            eventCount += 1
            if eventCount % 8192 == 0 { walked(eventCount) }
            let seq = sqlite3_column_int64(row, 0)
            func text(_ column: Int32) -> UnsafeBufferPointer<UInt8> { RawStatement.text(row, column) ?? none }
            func problem(_ chinese: String, _ english: String) {
                problems.append(.init(seq: seq, entity: String(decoding: text(4), as: UTF8.self),
                                      entityId: sqlite3_column_int64(row, 5), chinese: chinese, english: english))
            }
            if seq != expectedSeq {
                problem("事件序号不连续：应为\(expectedSeq)，实际为\(seq)（有事件被删除或插入）",
                        "sequence gap: expected \(expectedSeq), found \(seq) (an event was removed or inserted)")
            }
            let prevHash = text(8)
            if !prevHash.elementsEqual(expectedPrev) {
                problem("前一事件哈希不符（链条断裂）", "previous-hash link is broken")
            }
            canonical.removeAll(keepingCapacity: true)
            AuditEvent.writeCanonical(seq: seq, at: text(1), actor: text(2), action: text(3), entity: text(4),
                                      entityId: sqlite3_column_int64(row, 5), before: RawStatement.text(row, 6),
                                      after: RawStatement.text(row, 7), prevHash: prevHash, into: &canonical)
            let hash = text(9)
            if !canonical.withUnsafeBytes({ SHA256.matches($0, hex: hash) }) {
                problem("事件内容与其哈希不符（事件被改动）", "event content does not match its hash (the event was edited)")
            }
            expectedPrev.removeAll(keepingCapacity: true)
            expectedPrev.append(contentsOf: hash)
            expectedSeq = seq + 1
        }
        return (eventCount, String(decoding: expectedPrev, as: UTF8.self))
    }

    /// Merges a table's rows (by id) with the last event of each id (the event index is ordered by entity, id, seq),
    /// so memory stays flat however large the district; rows are spelled and compared in SQLite's own buffers.
    private static func compareRows(_ db: Database, table: String, problems: inout [ChainReport.Problem]) throws -> Int {
        // SQLite takes the bare columns of a max() group from the row holding the maximum: the last event.
        let events = try RawStatement(db, sql: """
            SELECT entityId, max(seq), after IS NOT NULL, after FROM event WHERE entity = ? GROUP BY entityId ORDER BY entityId /* verify */
            """)
        try events.bind(table)
        defer { events.reset() }
        // Every audited table has `id INTEGER PRIMARY KEY`, which is its rowid.
        let rows = try RawStatement(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id /* verify */")
        let shape = RowShape(columns: rows.columnNames)
        guard let idColumn = shape.columns.firstIndex(of: "id").map(Int32.init) else {
            throw StoreError.database("\(table) has no id column")
        }
        var pendingEvent = try events.step()
        var rowCount = 0
        var canonical: [UInt8] = []
        func missingRow(_ event: OpaquePointer) {
            guard sqlite3_column_int(event, 2) != 0 else { return }
            let (id, seq) = (sqlite3_column_int64(event, 0), sqlite3_column_int64(event, 1))
            problems.append(.init(seq: seq, entity: table, entityId: id,
                                  chinese: "\(table)#\(id) 已不存在，但第\(seq)号事件记录了它（绕过系统被删除）",
                                  english: "\(table) row \(id) is gone, yet event \(seq) recorded it (deleted behind Rectify's back)"))
        }
        try rows.forEachRow { row in
            rowCount += 1
            let rowID = sqlite3_column_int64(row, idColumn)
            while let event = pendingEvent, sqlite3_column_int64(event, 0) < rowID {
                missingRow(event)
                pendingEvent = try events.step()
            }
            guard let event = pendingEvent, sqlite3_column_int64(event, 0) == rowID else {
                problems.append(.init(seq: nil, entity: table, entityId: rowID,
                                      chinese: "\(table)#\(rowID) 没有任何审计事件（绕过系统直接插入）",
                                      english: "\(table) row \(rowID) has no audit event (inserted behind Rectify's back)"))
                return
            }
            canonical.removeAll(keepingCapacity: true)
            StoredRow.writeCanonical(row, shape: shape, into: &canonical)
            if RawStatement.text(event, 3).map({ !$0.elementsEqual(canonical) }) ?? true {
                let seq = sqlite3_column_int64(event, 1)
                problems.append(.init(seq: seq, entity: table, entityId: rowID,
                                      chinese: "\(table)#\(rowID) 的当前内容与第\(seq)号事件记录的不符（绕过系统被修改）",
                                      english: "\(table) row \(rowID) differs from what event \(seq) recorded (changed behind Rectify's back)"))
            }
            pendingEvent = try events.step()
        }
        while let event = pendingEvent {
            missingRow(event)
            pendingEvent = try events.step()
        }
        return rowCount
    }

}
