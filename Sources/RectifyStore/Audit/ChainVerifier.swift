import GRDB
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
    public static func verify(_ database: AppDatabase) throws -> ChainReport {
        let (chain, ledger) = try database.twoReads(
            { db in try verifyChain(db) },
            scratch: { db in try LedgerCheck.differences(db) })
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

    static func verifyChain(_ db: Database) throws -> ChainReport {
        var problems: [ChainReport.Problem] = []
        let (eventCount, headHash) = try walkChain(db, problems: &problems)
        var rowCount = 0
        for table in AuditedTables.names {
            rowCount += try compareRows(db, table: table, problems: &problems)
        }
        problems.sort { ($0.seq ?? .max, $0.entity, $0.entityId) < ($1.seq ?? .max, $1.entity, $1.entityId) }
        return ChainReport(eventCount: eventCount, rowCount: rowCount, headHash: headHash, problems: problems)
    }

    /// Recomputes every event's hash and link, in sequence order.
    private static func walkChain(_ db: Database, problems: inout [ChainReport.Problem]) throws -> (Int, String) {
        var expectedPrev = AuditEvent.genesisHash
        var expectedSeq: Int64 = 1
        var eventCount = 0
        let cursor = try AuditEvent.fetchCursor(db, sql: "SELECT * FROM event ORDER BY seq")
        while let event = try cursor.next() {
            eventCount += 1
            if event.seq != expectedSeq {
                problems.append(.init(seq: event.seq, entity: event.entity, entityId: event.entityId,
                                      chinese: "事件序号不连续：应为\(expectedSeq)，实际为\(event.seq)（有事件被删除或插入）",
                                      english: "sequence gap: expected \(expectedSeq), found \(event.seq) (an event was removed or inserted)"))
            }
            if event.prevHash != expectedPrev {
                problems.append(.init(seq: event.seq, entity: event.entity, entityId: event.entityId,
                                      chinese: "前一事件哈希不符（链条断裂）", english: "previous-hash link is broken"))
            }
            if event.computedHash() != event.hash {
                problems.append(.init(seq: event.seq, entity: event.entity, entityId: event.entityId,
                                      chinese: "事件内容与其哈希不符（事件被改动）", english: "event content does not match its hash (the event was edited)"))
            }
            expectedPrev = event.hash
            expectedSeq = event.seq + 1
        }
        return (eventCount, expectedPrev)
    }

    /// Merges a table's rows (by id) with the last event of each id (the event index is ordered by entity, id, seq),
    /// so memory stays flat however large the district.
    private static func compareRows(_ db: Database, table: String, problems: inout [ChainReport.Problem]) throws -> Int {
        var events = LastEvents(try Row.fetchCursor(db, sql: """
            SELECT entityId, seq, after FROM event WHERE entity = ? ORDER BY entityId, seq
            """, arguments: [table]))
        // Every audited table has `id INTEGER PRIMARY KEY`, which is its rowid.
        let rows = try RawStatement(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id /* verify */")
        let shape = RowShape(columns: rows.columnNames)
        var pendingEvent = try events.next()
        var rowCount = 0
        func missingRow(_ last: (id: Int64, seq: Int64, after: String?)) {
            guard last.after != nil else { return }
            problems.append(.init(seq: last.seq, entity: table, entityId: last.id,
                                  chinese: "\(table)#\(last.id) 已不存在，但第\(last.seq)号事件记录了它（绕过系统被删除）",
                                  english: "\(table) row \(last.id) is gone, yet event \(last.seq) recorded it (deleted behind Rectify's back)"))
        }
        try rows.forEachRow { handle in
            let row = StoredRow(handle, shape: shape)
            rowCount += 1
            let rowID: Int64 = row.id ?? 0
            while let last = pendingEvent, last.id < rowID {
                missingRow(last)
                pendingEvent = try events.next()
            }
            guard let last = pendingEvent, last.id == rowID else {
                problems.append(.init(seq: nil, entity: table, entityId: rowID,
                                      chinese: "\(table)#\(rowID) 没有任何审计事件（绕过系统直接插入）",
                                      english: "\(table) row \(rowID) has no audit event (inserted behind Rectify's back)"))
                return
            }
            pendingEvent = try events.next()
            if last.after != row.canonicalJSON {
                problems.append(.init(seq: last.seq, entity: table, entityId: rowID,
                                      chinese: "\(table)#\(rowID) 的当前内容与第\(last.seq)号事件记录的不符（绕过系统被修改）",
                                      english: "\(table) row \(rowID) differs from what event \(last.seq) recorded (changed behind Rectify's back)"))
            }
        }
        while let last = pendingEvent {
            missingRow(last)
            pendingEvent = try events.next()
        }
        return rowCount
    }

}

/// Reads an entity's events ordered by id and sequence, yielding only the last event of each id.
private struct LastEvents {
    typealias Last = (id: Int64, seq: Int64, after: String?)
    private let cursor: RowCursor
    private var lookahead: Last?

    init(_ cursor: RowCursor) { self.cursor = cursor }

    private mutating func read() throws -> Last? {
        if let held = lookahead {
            lookahead = nil
            return held
        }
        guard let row = try cursor.next() else { return nil }
        return (row["entityId"], row["seq"], row["after"])
    }

    mutating func next() throws -> Last? {
        guard var current = try read() else { return nil }
        while let following = try read() {
            guard following.id == current.id else {
                lookahead = following
                break
            }
            current = following
        }
        return current
    }
}
