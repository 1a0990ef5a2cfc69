import Foundation
import GRDB
import RectifyCore

extension Store {
    /// Units whose name or address contains `text` — anywhere for three characters or more (the trigram index of
    /// schema v16), at the start of the name or address for fewer — or whose USCC starts with it; the best matches
    /// first, at most `limit`.
    public func findUnits(_ text: String, limit: Int) throws -> [UnitListing] {
        let query = text.trimmed
        guard !query.isEmpty else { return [] }
        let uscc = query.uppercased()
        if query.count >= 3 {
            let phrase = "\"" + query.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let found = try Row.fetchAll(db, sql: """
                SELECT unit.*, street.name AS streetName, grid.name AS gridName, department.name AS departmentName
                FROM unitSearch JOIN unit ON unit.id = unitSearch.rowid JOIN street ON street.id = unit.streetId
                JOIN grid ON grid.id = unit.gridId JOIN department ON department.id = unit.departmentId
                WHERE unitSearch MATCH ? ORDER BY rank LIMIT ?
                """, arguments: [phrase, limit]).map(Self.unitListing)
            let byCode = try Row.fetchAll(db, sql: "\(Self.unitListingSQL) WHERE unit.uscc >= ? AND unit.uscc < ? ORDER BY unit.uscc LIMIT ?",
                                          arguments: [uscc, uscc + "\u{7F}", limit]).map(Self.unitListing)
            return Array((byCode + found.filter { unit in !byCode.contains { $0.uscc == unit.uscc } }).prefix(limit))
        }
        let prefix = query.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try Row.fetchAll(db, sql: """
            \(Self.unitListingSQL) WHERE unit.name LIKE ? ESCAPE '\\' OR unit.address LIKE ? ESCAPE '\\' OR unit.uscc LIKE ? ESCAPE '\\'
            ORDER BY unit.name LIKE ? ESCAPE '\\' DESC, length(unit.name), unit.id LIMIT ?
            """, arguments: [prefix, prefix, prefix.uppercased(), prefix, limit]).map(Self.unitListing)
    }

    public func unitCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0
    }

    /// The units named exactly `name`.
    public func units(named name: String) throws -> [BusinessUnit] {
        try all("SELECT * FROM unit WHERE name = ? ORDER BY id", name.trimmed)
    }
}

extension WriteContext {
    /// Runs `body` with the unit search index's triggers off, then rebuilds the index once, all inside this
    /// transaction: no other connection ever sees the index out of step. For a register import of many rows.
    public func deferringUnitSearch<T>(_ body: () throws -> T) throws -> T {
        try db.execute(sql: "UPDATE unitSearchControl SET deferred = 1")
        let result = try body()
        try db.execute(sql: "INSERT INTO unitSearch (unitSearch) VALUES ('rebuild'); UPDATE unitSearchControl SET deferred = 0")
        return result
    }
}
