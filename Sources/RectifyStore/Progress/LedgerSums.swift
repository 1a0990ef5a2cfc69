import GRDB
import RectifyCore

/// The progress ledger's sums, as the progress figures and targets read them.
extension Store {
    /// Sums of the ledger for one dimension up to and including `asOf`, by key and measure: the kept totals when no
    /// day of the dimension lies after `asOf` (the usual "as of today"), else the days up to `asOf` summed.
    public func ledgerSums(campaignId: Campaign.ID, _ dimension: ProgressDimension, key: String? = nil,
                           asOf: LocalDate) throws -> [String: [ProgressMeasure: Int]] {
        var sums: [String: [ProgressMeasure: Int]] = [:]
        let laterDays = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM progressTally WHERE campaignId = ? AND dimension = ? AND day > ?)
            """), arguments: [campaignId, dimension.rawValue, asOf.description])!
        // A key of its own narrows the primary key's range (an `? IS NULL OR` test would keep SQLite from using it).
        let keyFilter = key == nil ? "" : "AND key = ?"
        var arguments: StatementArguments = [campaignId, dimension.rawValue]
        if let key { arguments += [key] }
        let rows = laterDays
            ? try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT key, measure, sum(n) AS n FROM progressTally
                WHERE campaignId = ? AND dimension = ? \(keyFilter) AND day <= ?
                GROUP BY key, measure
                """), arguments: arguments + [asOf.description])
            : try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT key, measure, n FROM progressTotal WHERE campaignId = ? AND dimension = ? \(keyFilter)
                """), arguments: arguments)
        while let row = try rows.next() {
            guard let measure = ProgressMeasure(rawValue: row["measure"]) else { continue }
            sums[row["key"], default: [:]][measure] = row["n"]
        }
        return sums
    }

    /// Units of the register in the campaign's scope on `asOf`, by the dimension's key: those whose entry was written
    /// by then. (Units entered later but with a case opened by then are added from the ledger's `unitsBeforeEntry`.)
    public func registerInScope(campaignId: Campaign.ID, _ dimension: ProgressDimension, asOf: LocalDate) throws -> [String: Int] {
        let column = switch dimension {
        case .all: "''"
        case .street: "streetId"
        case .grid: "gridId"
        case .department: "departmentId"
        case .category: "category"
        case .officer: "NULL"
        }
        guard dimension != .officer else { return [:] }
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT CAST(\(column) AS TEXT) AS key, sum(n) AS n FROM unitTally
            WHERE day <= :asOf AND \(CampaignScope.sqlFilter(table: "unitTally")) GROUP BY 1 HAVING sum(n) <> 0
            """), arguments: ["asOf": asOf.description, "campaign": campaignId]) {
            counts[row["key"]] = row["n"]
        }
        return counts
    }

    /// The names of a dimension's keys that are rows of a table (streets, grids, departments, officers), with their
    /// order; the other dimensions have none.
    public func dimensionKeyNames(_ dimension: ProgressDimension) throws -> [String: (name: String, order: Int)] {
        let sql = switch dimension {
        case .street: "SELECT id, name FROM street"
        case .grid: "SELECT grid.id, street.name || '/' || grid.name AS name FROM grid JOIN street ON street.id = grid.streetId"
        case .department: "SELECT id, name FROM department"
        case .officer: "SELECT id, name || '（' || credential || '）' AS name FROM officer"
        case .all, .category: ""
        }
        guard !sql.isEmpty else { return [:] }
        var names: [String: (name: String, order: Int)] = [:]
        for row in try Row.fetchAll(db, sql: sql + " ORDER BY 1") {
            let id: Int64 = row["id"]
            names[String(id)] = (row["name"], Int(id))
        }
        return names
    }
}
