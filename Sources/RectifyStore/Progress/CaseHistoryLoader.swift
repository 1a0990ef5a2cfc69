import GRDB
import RectifyCore

/// Reads one case's dated history from the stored records, and the dates of claims that a later failed re-check
/// overwrote on the hazard row from the audit events (each transition into "claimed" carries its claimedOn).
struct CaseHistoryLoader {
    struct Loaded {
        var campaignId: Int64
        /// The case's key in each dimension (street, grid, department, officer, category; "" for all).
        var keys: [String]
        var history: CaseHistory
    }

    let db: Database

    func load(caseId: Int64) throws -> Loaded? {
        guard let head = try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT c.campaignId, c.openedOn, c.closedOn, c.officer1Id, u.streetId, u.gridId, u.departmentId, u.category,
                   (SELECT substr(min(e.at), 1, 10) FROM event e WHERE e.entity = 'unit' AND e.entityId = u.id) AS enteredOn
            FROM "case" c JOIN unit u ON u.id = c.unitId WHERE c.id = ?
            """), arguments: [caseId]) else { return nil }
        let keys = ["", String(head["streetId"] as Int64), String(head["gridId"] as Int64),
                    String(head["departmentId"] as Int64), String(head["officer1Id"] as Int64), head["category"] as String]
        var history = CaseHistory(openedOn: try date(head["openedOn"]), closedOn: try optionalDate(head, "closedOn"))
        history.unitEnteredOn = try optionalDate(head, "enteredOn")
        history.selfCheckDates = try String.fetchAll(try db.cachedStatement(
            sql: "SELECT checkedOn FROM selfCheckRecord WHERE caseId = ?"), arguments: [caseId]).map(date)
        history.documentDates = try String.fetchAll(try db.cachedStatement(
            sql: "SELECT issuedOn FROM document WHERE caseId = ?"), arguments: [caseId]).map(date)
        history.rechecks = try loadRechecks(caseId)
        if let row = try Row.fetchOne(try db.cachedStatement(sql: """
            SELECT filedOn, decidedOn, fineYuan, stopOrder, transferredOn, transferTo FROM penalty WHERE caseId = ?
            """), arguments: [caseId]) {
            let fine: Int? = row["fineYuan"]
            let stopOrder: Bool = row["stopOrder"]
            let transferTo: String? = row["transferTo"]
            history.penalty = .init(filedOn: try optionalDate(row, "filedOn"), decidedOn: try optionalDate(row, "decidedOn"),
                                    fineYuan: fine, stopOrder: stopOrder,
                                    transferredOn: try optionalDate(row, "transferredOn"), transferTo: transferTo)
        }
        history.hazards = try loadHazards(caseId, referredOn: history.penalty.flatMap { $0.filedOn ?? $0.decidedOn })
        return Loaded(campaignId: head["campaignId"], keys: keys, history: history)
    }

    private func loadRechecks(_ caseId: Int64) throws -> [CaseHistory.Recheck] {
        var rechecks: [Int64: CaseHistory.Recheck] = [:]
        var order: [Int64] = []
        for row in try Row.fetchAll(try db.cachedStatement(
            sql: "SELECT id, checkedOn, outcome FROM recheckRecord WHERE caseId = ? ORDER BY id"), arguments: [caseId]) {
            let id: Int64 = row["id"]
            order.append(id)
            rechecks[id] = .init(on: try date(row["checkedOn"]), outcome: try parse(row["outcome"]), verdicts: [:])
        }
        guard !order.isEmpty else { return [] }
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT f.recheckId, f.hazardId, f.verdict FROM recheckFinding f JOIN recheckRecord r ON r.id = f.recheckId
            WHERE r.caseId = ?
            """), arguments: [caseId]) {
            rechecks[row["recheckId"]]?.verdicts[row["hazardId"]] = try parse(row["verdict"]) as RecheckVerdict
        }
        return order.map { rechecks[$0]! }
    }

    private func loadHazards(_ caseId: Int64, referredOn: LocalDate?) throws -> [CaseHistory.HazardHistory] {
        var hazards: [CaseHistory.HazardHistory] = []
        var index: [Int64: Int] = [:]
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT id, level, foundOn, originalDeadline, status FROM hazard WHERE caseId = ? ORDER BY id
            """), arguments: [caseId]) {
            index[row["id"]] = hazards.count
            let status: HazardStatus = try parse(row["status"])
            hazards.append(.init(id: row["id"], level: try parse(row["level"]), foundOn: try date(row["foundOn"]),
                                 originalDeadline: try date(row["originalDeadline"]),
                                 referredOn: status == .penalty ? referredOn : nil))
        }
        guard !hazards.isEmpty else { return [] }
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT e.hazardId, e.grantedOn, e.toDeadline FROM hazardExtension e JOIN hazard h ON h.id = e.hazardId
            WHERE h.caseId = ? ORDER BY e.id
            """), arguments: [caseId]) {
            guard let at = index[row["hazardId"]] else { continue }
            hazards[at].extensions.append((try date(row["grantedOn"]), try date(row["toDeadline"])))
        }
        // CROSS JOIN keeps SQLite from driving the join from every hazard event in the chain.
        for row in try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT e.entityId, json_extract(e.after, '$.claimedOn') AS claimedOn
            FROM hazard h CROSS JOIN event e ON e.entity = 'hazard' AND e.entityId = h.id
            WHERE h.caseId = ? AND json_extract(e.after, '$.status') = 'claimed'
              AND (e.before IS NULL OR json_extract(e.before, '$.status') <> 'claimed')
            ORDER BY e.seq
            """), arguments: [caseId]) {
            guard let at = index[row["entityId"]] else { continue }
            hazards[at].claims.append(try date(row["claimedOn"]))
        }
        return hazards
    }

    private func optionalDate(_ row: Row, _ column: String) throws -> LocalDate? {
        let text: String? = row[column]
        return try text.map(date)
    }

    private func date(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(text) else { throw StoreError.database("progress ledger: '\(text)' is not a date") }
        return date
    }

    private func parse<Value: RawRepresentable<String>>(_ text: String) throws -> Value {
        guard let value = Value(rawValue: text) else {
            throw StoreError.database("progress ledger: unknown value '\(text)'")
        }
        return value
    }
}
