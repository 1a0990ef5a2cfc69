import GRDB
import RectifyCore

/// Keeps `progressCase` (each case's dated contributions and its keys), `progressTally` (their sums per campaign,
/// dimension, key, measure and day) and `progressTotal` (the same over all days) in step with the records, and
/// `unitTally` with the unit register. Changes inside one transaction are collected and applied once, just before it
/// commits.
public struct ProgressLedger {
    /// Dimensions in the order `CaseHistoryLoader` lists a case's keys.
    static let dimensions: [ProgressDimension] = [.all, .street, .grid, .department, .officer, .category]

    struct TallyKey: Hashable {
        var campaignId: Int64
        var dimension: ProgressDimension
        var key: String
        var measure: ProgressMeasure
        var day: LocalDate
    }

    struct UnitKey: Hashable {
        var streetId: Int64
        var category: String
        var gridId: Int64
        var departmentId: Int64
        var day: LocalDate
    }

    private(set) var touchedCases: Set<Int64> = []
    private var unitDeltas: [UnitKey: Int] = [:]
    private var movedUnits: Set<Int64> = []

    mutating func noteCase(_ id: Int64) { touchedCases.insert(id) }

    /// A unit row was inserted, updated or deleted on `day`: the register's tally moves, and a unit whose street,
    /// grid, department or category changed moves its cases with it.
    mutating func noteUnit(before: StoredRow?, after: StoredRow?, day: LocalDate) {
        func key(_ row: StoredRow) -> UnitKey {
            // The schema makes all four NOT NULL.
            UnitKey(streetId: row["streetId"] ?? 0, category: row["category"] ?? "", gridId: row["gridId"] ?? 0,
                    departmentId: row["departmentId"] ?? 0, day: day)
        }
        let old = before.map(key)
        let new = after.map(key)
        guard old != new else { return }
        if let old { unitDeltas[old, default: 0] -= 1 }
        if let new { unitDeltas[new, default: 0] += 1 }
        if let id = before?.id { movedUnits.insert(id) }
    }

    /// Applies everything noted in this transaction.
    mutating func flush(_ db: Database) throws {
        try applyUnitDeltas(db, unitDeltas)
        for unitId in movedUnits {
            touchedCases.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM \"case\" WHERE unitId = ?", arguments: [unitId]))
        }
        try Self.refresh(db, caseIds: touchedCases.sorted())
        self = ProgressLedger()
    }

    /// Recomputes the given cases and moves the tally by the difference from what each contributed before.
    /// `totals` is false only while migration v6 rebuilds the ledger of a database that has no `progressTotal` yet.
    /// `fresh`: the ledger tables were just emptied (a rebuild), so nothing stored is read back and rows are inserted.
    static func refresh(_ db: Database, caseIds: [Int64], totals: Bool = true, fresh: Bool = false) throws {
        guard !caseIds.isEmpty else { return }
        let loader = CaseHistoryLoader(db: db)
        // A recomputation reads every table once for all cases; an act reads its few cases one by one.
        let preloaded = fresh ? try loader.loadAll() : nil
        var deltas: [TallyKey: Int] = [:]
        let stored = try db.cachedStatement(sql: "SELECT campaignId, keys, contributions FROM progressCase WHERE caseId = ?")
        let save = try db.cachedStatement(sql: """
            INSERT INTO progressCase (caseId, campaignId, keys, contributions) VALUES (?, ?, ?, ?)
            ON CONFLICT (caseId) DO UPDATE SET campaignId = excluded.campaignId, keys = excluded.keys,
                contributions = excluded.contributions
            """)
        for caseId in caseIds {
            if !fresh, let old = try Row.fetchOne(stored, arguments: [caseId]) {
                let keys = (old["keys"] as String).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                add(try Encoding.decode(old["contributions"]), campaignId: old["campaignId"], keys: keys, sign: -1, to: &deltas)
            }
            guard let loaded = try preloaded.map({ $0[caseId] }) ?? loader.load(caseId: caseId) else {
                try db.execute(sql: "DELETE FROM progressCase WHERE caseId = ?", arguments: [caseId])
                continue
            }
            let contributions = loaded.history.contributions()
            add(contributions, campaignId: loaded.campaignId, keys: loaded.keys, sign: 1, to: &deltas)
            try save.execute(arguments: [caseId, loaded.campaignId, loaded.keys.joined(separator: "|"),
                                         Encoding.encode(contributions)])
        }
        if fresh {
            try insertTallies(db, deltas, totals: totals)
        } else {
            try applyTallyDeltas(db, deltas, totals: totals)
        }
    }

    /// Into empty tallies: each non-zero day as a row, and each group with a row its sum over the days.
    private static func insertTallies(_ db: Database, _ deltas: [TallyKey: Int], totals: Bool) throws {
        let tally = try db.cachedStatement(sql: """
            INSERT INTO progressTally (campaignId, dimension, key, measure, day, n) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var sums: [TotalKey: Int] = [:]
        for (key, n) in deltas where n != 0 {
            try tally.execute(arguments: [key.campaignId, key.dimension.rawValue, key.key, key.measure.rawValue,
                                          key.day.description, n])
            sums[TotalKey(key), default: 0] += n
        }
        guard totals else { return }
        let total = try db.cachedStatement(sql: "INSERT INTO progressTotal (campaignId, dimension, key, measure, n) VALUES (?, ?, ?, ?, ?)")
        for (key, n) in sums { try total.execute(arguments: key.arguments + [n]) }
    }

    private static func add(_ contributions: [ProgressContribution], campaignId: Int64, keys: [String], sign: Int,
                            to deltas: inout [TallyKey: Int]) {
        for contribution in contributions {
            for (dimension, key) in zip(dimensions, keys) {
                deltas[TallyKey(campaignId: campaignId, dimension: dimension, key: key, measure: contribution.measure,
                                day: contribution.day), default: 0] += sign * contribution.delta
            }
        }
    }

    private static func applyTallyDeltas(_ db: Database, _ deltas: [TallyKey: Int], totals: Bool) throws {
        let changed = deltas.filter { $0.value != 0 }.map { ($0.key, $0.value) }
        let emptied = try apply(db, table: "progressTally", key: ["campaignId", "dimension", "key", "measure", "day"],
                                changed.map { key, delta in
            ([key.campaignId, key.dimension.rawValue, key.key, key.measure.rawValue, key.day.description], delta)
        })
        if totals { try applyTotals(db, changed, emptiedDays: emptied.map { changed[$0].0 }) }
    }

    /// Keeps `progressTotal` equal to the tally summed over all days, with a row for exactly the groups that have
    /// tally rows (a group whose days cancel out keeps a row with n = 0, as a sum over its days would).
    private static func applyTotals(_ db: Database, _ deltas: [(TallyKey, Int)], emptiedDays: [TallyKey]) throws {
        var totals: [TotalKey: Int] = [:]
        for (key, delta) in deltas { totals[TotalKey(key), default: 0] += delta }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO progressTotal (campaignId, dimension, key, measure, n) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET n = n + excluded.n
            """)
        for (key, delta) in totals { try upsert.execute(arguments: key.arguments + [delta]) }
        guard !emptiedDays.isEmpty else { return }
        let removeEmpty = try db.cachedStatement(sql: """
            DELETE FROM progressTotal WHERE campaignId = ?1 AND dimension = ?2 AND key = ?3 AND measure = ?4
                AND NOT EXISTS (SELECT 1 FROM progressTally WHERE campaignId = ?1 AND dimension = ?2 AND key = ?3 AND measure = ?4)
            """)
        for key in Set(emptiedDays.map(TotalKey.init)) { try removeEmpty.execute(arguments: key.arguments) }
    }

    /// A tally group: its days summed.
    struct TotalKey: Hashable {
        var campaignId: Int64
        var dimension: ProgressDimension
        var key: String
        var measure: ProgressMeasure

        init(_ tally: TallyKey) {
            (campaignId, dimension, key, measure) = (tally.campaignId, tally.dimension, tally.key, tally.measure)
        }

        var arguments: StatementArguments { [campaignId, dimension.rawValue, key, measure.rawValue] }
    }

    private func applyUnitDeltas(_ db: Database, _ deltas: [UnitKey: Int]) throws {
        _ = try Self.apply(db, table: "unitTally", key: ["streetId", "category", "gridId", "departmentId", "day"], deltas.map { key, delta in
            ([key.streetId, key.category, key.gridId, key.departmentId, key.day.description], delta)
        })
    }

    /// Adds each delta to the `n` of its row, creating the row or removing it when it reaches zero (a tally keeps no
    /// zero rows, so its size follows what happened, not what was undone). Returns the positions of the removed rows.
    private static func apply(_ db: Database, table: String, key columns: [String],
                              _ deltas: [(key: StatementArguments, delta: Int)]) throws -> [Int] {
        guard !deltas.isEmpty else { return [] }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO \(table) (\(columns.joined(separator: ", ")), n) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")), ?)
            ON CONFLICT DO UPDATE SET n = n + excluded.n WHERE n + excluded.n <> 0
            """)
        let removeZero = try db.cachedStatement(sql: """
            DELETE FROM \(table) WHERE \(columns.map { "\($0) = ?" }.joined(separator: " AND ")) AND n = ?
            """)
        var removed: [Int] = []
        for (index, (key, delta)) in deltas.enumerated() where delta != 0 {
            // An update that would reach zero is skipped by the WHERE: the row is then exactly -delta, and goes.
            try upsert.execute(arguments: key + [delta])
            if db.changesCount == 0 {
                try removeZero.execute(arguments: key + [-delta])
                removed.append(index)
            }
        }
        return removed
    }

    /// Recomputes the whole ledger from the records: every case, and the register with each unit counted from the
    /// day of its first audit event. Used by the migration that introduced the ledger and by the consistency check.
    static func rebuild(_ db: Database) throws {
        // Migration v6 runs this on a schema from before migration v9's totals.
        let totals = try db.tableExists("progressTotal")
        try db.execute(sql: "DELETE FROM progressTally; DELETE FROM progressCase; DELETE FROM unitTally;")
        if totals { try db.execute(sql: "DELETE FROM progressTotal") }
        try rebuildRegister(db)
        try refresh(db, caseIds: try Int64.fetchAll(db, sql: "SELECT id FROM \"case\" ORDER BY id"), totals: totals, fresh: true)
    }

    /// The register's tally (an empty `unitTally`): each unit counted from the day of its first audit event.
    static func rebuildRegister(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO unitTally (streetId, category, gridId, departmentId, day, n)
            SELECT u.streetId, u.category, u.gridId, u.departmentId,
                   ifnull((SELECT substr(min(e.at), 1, 10) FROM event e WHERE e.entity = 'unit' AND e.entityId = u.id),
                          '1900-01-01') AS day,
                   count(*)
            FROM unit u GROUP BY 1, 2, 3, 4, 5
            """)
    }

    /// The ledger's stored form of a case's contributions: `measure,day,delta` joined by `;`.
    enum Encoding {
        static func encode(_ contributions: [ProgressContribution]) -> String {
            contributions.map { "\($0.measure.rawValue),\($0.day),\($0.delta)" }.joined(separator: ";")
        }

        static func decode(_ text: String) throws -> [ProgressContribution] {
            guard !text.isEmpty else { return [] }
            return try text.split(separator: ";").map { item in
                let parts = item.split(separator: ",")
                guard parts.count == 3, let measure = ProgressMeasure(rawValue: String(parts[0])),
                      let day = LocalDate(String(parts[1])), let delta = Int(parts[2])
                else { throw StoreError.database("progress ledger: unreadable contribution '\(item)'") }
                return ProgressContribution(measure, day, delta)
            }
        }
    }
}
