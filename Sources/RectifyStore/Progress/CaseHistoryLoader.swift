import GRDB
import RectifyCore

/// Reads cases' dated histories from the stored records, and the dates of claims that a later failed re-check
/// overwrote on the hazard row from the audit events (each transition into "claimed" carries its claimedOn).
/// One case for an act, or every case for the ledger's recomputation: then each table is read once, in the same
/// code, instead of eight statements per case.
struct CaseHistoryLoader {
    struct Loaded {
        var campaignId: Int64
        /// The case's key in each dimension (street, grid, department, officer, category; "" for all).
        var keys: [String]
        var history: CaseHistory
    }

    let db: Database

    func load(caseId: Int64) throws -> Loaded? {
        try load(only: caseId)[caseId]
    }

    func loadAll() throws -> [Int64: Loaded] {
        try load(only: nil)
    }

    private func load(only caseId: Int64?) throws -> [Int64: Loaded] {
        /// The rows of `sql` (a query without WHERE) meeting `conditions`, limited to the one case when there is one
        /// (its case column is `caseColumn`).
        func rows(_ sql: String, _ caseColumn: String, _ orderBy: String?, _ conditions: [String]) throws -> RowCursor {
            let all = conditions + (caseId == nil ? [] : ["\(caseColumn) = ?"])
            let statement = try db.cachedStatement(sql: sql + (all.isEmpty ? "" : " WHERE " + all.joined(separator: " AND "))
                                                   + (orderBy.map { " ORDER BY \($0)" } ?? ""))
            return try Row.fetchCursor(statement, arguments: caseId.map { [$0] } ?? [])
        }
        var cases: [Int64: Loaded] = [:]
        let heads = try rows("""
            SELECT c.id, c.campaignId, c.openedOn, c.closedOn, c.officer1Id, u.streetId, u.gridId, u.departmentId, u.category,
                   (SELECT substr(min(e.at), 1, 10) FROM event e WHERE e.entity = 'unit' AND e.entityId = u.id) AS enteredOn
            FROM "case" c JOIN unit u ON u.id = c.unitId
            """, "c.id", nil, [])
        while let head = try heads.next() {
            let keys = ["", String(head["streetId"] as Int64), String(head["gridId"] as Int64),
                        String(head["departmentId"] as Int64), String(head["officer1Id"] as Int64), head["category"] as String]
            var history = CaseHistory(openedOn: try date(head["openedOn"]), closedOn: try optionalDate(head, "closedOn"))
            history.unitEnteredOn = try optionalDate(head, "enteredOn")
            cases[head["id"]] = Loaded(campaignId: head["campaignId"], keys: keys, history: history)
        }
        guard !cases.isEmpty else { return [:] }
        let selfChecks = try rows("SELECT caseId, checkedOn FROM selfCheckRecord", "caseId", nil, [])
        while let row = try selfChecks.next() {
            cases[row["caseId"]]?.history.selfCheckDates.append(try date(row["checkedOn"]))
        }
        let documents = try rows("SELECT caseId, issuedOn FROM document", "caseId", nil, [])
        while let row = try documents.next() {
            cases[row["caseId"]]?.history.documentDates.append(try date(row["issuedOn"]))
        }
        try loadRechecks(into: &cases, rows)
        let penalties = try rows("""
            SELECT caseId, filedOn, decidedOn, fineYuan, stopOrder, transferredOn, transferTo FROM penalty
            """, "caseId", nil, [])
        while let row = try penalties.next() {
            let fine: Int? = row["fineYuan"]
            let stopOrder: Bool = row["stopOrder"]
            let transferTo: String? = row["transferTo"]
            cases[row["caseId"]]?.history.penalty = .init(
                filedOn: try optionalDate(row, "filedOn"), decidedOn: try optionalDate(row, "decidedOn"), fineYuan: fine,
                stopOrder: stopOrder, transferredOn: try optionalDate(row, "transferredOn"), transferTo: transferTo)
        }
        try loadHazards(into: &cases, oneCase: caseId != nil, rows)
        return cases
    }

    private typealias Rows = (_ sql: String, _ caseColumn: String, _ orderBy: String?, _ conditions: [String]) throws -> RowCursor

    private func loadRechecks(into cases: inout [Int64: Loaded], _ rows: Rows) throws {
        // Where each re-check sits: its case and its place in the case's list.
        var places: [Int64: (caseId: Int64, index: Int)] = [:]
        let records = try rows("SELECT id, caseId, checkedOn, outcome FROM recheckRecord", "caseId", "id", [])
        while let row = try records.next() {
            let caseId: Int64 = row["caseId"]
            guard cases[caseId] != nil else { continue }
            places[row["id"]] = (caseId, cases[caseId]!.history.rechecks.count)
            cases[caseId]!.history.rechecks.append(.init(on: try date(row["checkedOn"]), outcome: try parse(row["outcome"]),
                                                         verdicts: [:]))
        }
        guard !places.isEmpty else { return }
        let findings = try rows("""
            SELECT f.recheckId, f.hazardId, f.verdict FROM recheckFinding f JOIN recheckRecord r ON r.id = f.recheckId
            """, "r.caseId", nil, [])
        while let row = try findings.next() {
            guard let place = places[row["recheckId"]] else { continue }
            cases[place.caseId]!.history.rechecks[place.index].verdicts[row["hazardId"]] = try parse(row["verdict"]) as RecheckVerdict
        }
    }

    private func loadHazards(into cases: inout [Int64: Loaded], oneCase: Bool, _ rows: Rows) throws {
        var places: [Int64: (caseId: Int64, index: Int)] = [:]
        let hazards = try rows("SELECT id, caseId, level, foundOn, originalDeadline, status FROM hazard", "caseId", "id", [])
        while let row = try hazards.next() {
            let caseId: Int64 = row["caseId"]
            guard let penalty = cases[caseId].map({ $0.history.penalty }) else { continue }
            let referredOn = penalty.flatMap { $0.filedOn ?? $0.decidedOn }
            let status: HazardStatus = try parse(row["status"])
            places[row["id"]] = (caseId, cases[caseId]!.history.hazards.count)
            cases[caseId]!.history.hazards.append(.init(
                id: row["id"], level: try parse(row["level"]), foundOn: try date(row["foundOn"]),
                originalDeadline: try date(row["originalDeadline"]), referredOn: status == .penalty ? referredOn : nil))
        }
        guard !places.isEmpty else { return }
        let extensions = try rows("""
            SELECT e.hazardId, e.grantedOn, e.toDeadline FROM hazardExtension e JOIN hazard h ON h.id = e.hazardId
            """, "h.caseId", "e.id", [])
        while let row = try extensions.next() {
            guard let place = places[row["hazardId"]] else { continue }
            cases[place.caseId]!.history.hazards[place.index].extensions.append((try date(row["grantedOn"]), try date(row["toDeadline"])))
        }
        let claimed = ["e.entity = 'hazard'", "json_extract(e.after, '$.status') = 'claimed'",
                       "(e.before IS NULL OR json_extract(e.before, '$.status') <> 'claimed')"]
        // For one case, CROSS JOIN keeps SQLite from driving the join from every hazard event in the chain; for every
        // case, the hazard events are read once.
        let claims = try oneCase
            ? rows("""
                SELECT e.entityId, json_extract(e.after, '$.claimedOn') AS claimedOn
                FROM hazard h CROSS JOIN event e ON e.entity = 'hazard' AND e.entityId = h.id
                """, "h.caseId", "e.seq", claimed)
            : rows("SELECT e.entityId, json_extract(e.after, '$.claimedOn') AS claimedOn FROM event e", "", "e.seq", claimed)
        while let row = try claims.next() {
            guard let place = places[row["entityId"]] else { continue }
            cases[place.caseId]!.history.hazards[place.index].claims.append(try date(row["claimedOn"]))
        }
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
