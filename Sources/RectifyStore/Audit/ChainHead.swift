import GRDB

/// The last event of the audit chain: what every signed file carries (`审计链头`), so that the history up to it can
/// later be proven unchanged against a copy held outside the database.
public struct ChainHead: Sendable, Equatable, Codable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Sequence 0 and the genesis hash for a database without events.
    public static func current(_ store: Store) throws -> ChainHead {
        let db = store.db
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1") else {
            return ChainHead(seq: 0, hash: AuditEvent.genesisHash)
        }
        return ChainHead(seq: row["seq"], hash: row["hash"])
    }

    /// The hash the event at `seq` has now, if there is one.
    public static func hash(_ store: Store, at seq: Int64) throws -> String? {
        let db = store.db
        guard seq > 0 else { return AuditEvent.genesisHash }
        return try String.fetchOne(db, sql: "SELECT hash FROM event WHERE seq = ?", arguments: [seq])
    }
}
