import Foundation
import GRDB
import RectifyCore
import RectifyKit

/// One size of district, prepared once and kept in the work folder: the demo database, its register as a CSV, and
/// a database holding only the organisation (agency, departments, streets, grids, officers) to import the register into.
struct District {
    let units: Int
    let folder: String

    var database: String { "\(folder)/district.sqlite" }
    var register: String { "\(folder)/register.csv" }
    var organisation: String { "\(folder)/organisation.sqlite" }

    static func prepare(units: Int, seed: UInt64, work: String, fresh: Bool) throws -> District {
        let district = District(units: units, folder: "\(work)/district-\(units)-seed\(seed)")
        if fresh { try? FileManager.default.removeItem(atPath: district.folder) }
        try FileManager.default.createDirectory(atPath: district.folder, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: district.database) {
            log("generating the \(units)-unit demo district (once; kept in \(district.folder))…")
            var shown = -1
            _ = try Rectify.buildDemo(atPath: district.database, units: units, seed: seed) { done, total in
                let percent = done * 100 / max(total, 1)
                if percent / 10 != shown / 10 { shown = percent; log("  \(percent)%") }
            }
        }
        // A district kept from an earlier build is brought up to this build's schema here, untimed, rather than by
        // the first measured run that opens it.
        let kept = try Rectify.open(path: district.database)
        try kept.database.checkpoint()
        if !FileManager.default.fileExists(atPath: district.register) { try district.writeRegister() }
        if !FileManager.default.fileExists(atPath: district.organisation) { try district.writeOrganisation() }
        // The same for the empty district each unit import starts from, which every run copies.
        try Rectify.open(path: district.organisation).database.checkpoint()
        return district
    }

    /// The register in the import format, as a bureau would hand it over.
    private func writeRegister() throws {
        let queue = try DatabaseQueue(path: database, configuration: readOnly)
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT u.uscc, u.name, u.address, s.name AS street, g.name AS grid, u.category, d.name AS department,
                       u.contactPerson, u.phone, u.legalRepresentative, u.supervisors
                FROM unit u JOIN street s ON s.id = u.streetId JOIN grid g ON g.id = u.gridId
                JOIN department d ON d.id = u.departmentId ORDER BY u.id
                """)
        }
        let header = ["统一社会信用代码", "单位名称", "地址", "街道", "网格", "类别", "行业主管部门", "负责人", "联系电话", "法定代表人", "监管人员"]
        let body = rows.map { row -> [String] in
            let category = UnitCategory(rawValue: row["category"])!.chinese
            return [row["uscc"], row["name"], row["address"], row["street"], row["grid"], category, row["department"],
                    row["contactPerson"] ?? "", row["phone"] ?? "", row["legalRepresentative"] ?? "", row["supervisors"] ?? ""]
        }
        // Without the byte-order mark: sqlite3's .import would take it as part of the first header.
        let text = String(CSVWriter.document(header: header, rows: body).dropFirst())
        try text.write(toFile: register, atomically: true, encoding: .utf8)
    }

    /// The organisation, entered through the same use cases a bureau uses.
    private func writeOrganisation() throws {
        let queue = try DatabaseQueue(path: database, configuration: readOnly)
        let (agency, departments, streets, grids, officers) = try queue.read { db in
            (try Row.fetchOne(db, sql: "SELECT * FROM agency")!,
             try String.fetchAll(db, sql: "SELECT name FROM department ORDER BY id"),
             try Row.fetchAll(db, sql: "SELECT name, divisionCode FROM street ORDER BY id"),
             try Row.fetchAll(db, sql: """
                SELECT s.name AS street, g.name, g.community, g.safetyOfficer FROM grid g JOIN street s ON s.id = g.streetId ORDER BY g.id
                """),
             try Row.fetchAll(db, sql: """
                SELECT o.credential, o.name, d.name AS department FROM officer o JOIN department d ON d.id = o.departmentId ORDER BY o.id
                """))
        }
        let building = organisation + ".building"
        try? FileManager.default.removeItem(atPath: building)
        let app = try Rectify.open(path: building, create: true)
        _ = try app.setAgency(name: agency["name"], abbreviation: agency["abbreviation"], divisionCode: agency["divisionCode"],
                              actor: "bench")
        for name in departments { _ = try app.addDepartment(name: name, actor: "bench") }
        for street in streets { _ = try app.addStreet(name: street["name"], divisionCode: street["divisionCode"], actor: "bench") }
        for grid in grids {
            _ = try app.addGrid(street: grid["street"], name: grid["name"], community: grid["community"],
                                safetyOfficer: grid["safetyOfficer"], actor: "bench")
        }
        for officer in officers {
            _ = try app.addOfficer(credential: officer["credential"], name: officer["name"], department: officer["department"],
                                   actor: "bench")
        }
        try app.database.checkpoint()
        try FileManager.default.moveItem(atPath: building, toPath: organisation)
        try? FileManager.default.moveItem(atPath: building + "-wal", toPath: organisation + "-wal")
        try? FileManager.default.removeItem(atPath: building + "-shm")
    }

    /// The campaign with the most cases: the one whose export and progress are measured.
    func largestCampaign() throws -> (code: String, cases: Int) {
        let queue = try DatabaseQueue(path: database, configuration: readOnly)
        return try queue.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT campaign.code, count(*) AS n FROM "case" JOIN campaign ON campaign.id = "case".campaignId
                GROUP BY campaign.id ORDER BY n DESC LIMIT 1
                """)!
            return (row["code"], row["n"])
        }
    }

    private var readOnly: Configuration {
        var config = Configuration()
        config.readonly = true
        return config
    }
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
