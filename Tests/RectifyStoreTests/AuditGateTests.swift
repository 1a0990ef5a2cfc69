import Foundation
import GRDB
import RectifyCore
import Testing
@testable import RectifyStore

@Suite("Every write to an audited table goes through the audit chain")
struct AuditGateTests {
    @Test("SQL run on the context's connection inside a write transaction cannot change an audited table; the chain's own writes can")
    func bypassRefused() throws {
        let database = try makeDatabase()
        try addDepartments(database, ["安监局", "市场监管局"])
        let before = try database.readDatabase { db in try Row.fetchAll(db, sql: "SELECT * FROM department ORDER BY id") }
        for sql in ["UPDATE department SET name = '改过的' WHERE id = 2", "DELETE FROM department WHERE id = 1",
                    "INSERT INTO department (name) VALUES ('影子部门')"] {
            #expect(throws: StoreError.self) {
                try database.write(actor: "admin") { context in try context.db.execute(sql: sql) }
            }
            #expect {
                try database.write(actor: "admin") { context in try context.db.execute(sql: sql) }
            } throws: { error in "\(error)".contains("AUDIT-BYPASS") }
        }
        // Nor on the raw connection outside any context.
        #expect(throws: DatabaseError.self) {
            try database.writer.write { try $0.execute(sql: "UPDATE department SET name = '改过的' WHERE id = 2") }
        }
        #expect(try database.readDatabase { db in try Row.fetchAll(db, sql: "SELECT * FROM department ORDER BY id") } == before)
        // The chain's own insert, update and delete pass, each recorded.
        var departments = try addDepartments(database, ["消防大队"])
        try database.write(actor: "admin") { context in
            departments[0].name = "消防救援大队"
            try context.update(departments[0], action: "department.rename")
            try context.delete(departments[0], action: "department.remove")
        }
        #expect(try ChainVerifier.verify(database).isIntact)
        #expect(try database.readDatabase { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") } == 5)
    }
}
