import Foundation
import RectifyCore
@testable import RectifyKit
@testable import RectifyStore
import Testing

/// The core's shape (issue 17 §1): the database is reached only through the store, and every write of a use case
/// goes through the audited transaction.
@Suite("Layering: Kit and the command line reach the database only through the store")
struct LayeringTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every Swift file of a source folder with the lines that import GRDB.
    static func grdbImports(in folder: String) throws -> [String] {
        let root = sources.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        #expect(!files.isEmpty, "no Swift files under \(root.path)")
        return try files.flatMap { file in
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
                .filter { $0.range(of: #"^\s*(@testable\s+)?import\s+(GRDB|GRDBSQLite)\b"#, options: .regularExpression) != nil }
                .map { "\(file.lastPathComponent): \($0)" }
        }
    }

    @Test("no file of RectifyKit, the command line or the server imports GRDB", arguments: ["RectifyKit", "rectify", "RectifyServer"])
    func noGRDBAbove(folder: String) throws {
        #expect(try Self.grdbImports(in: folder) == [])
    }

    @Test("the check would see an import: the store's own files import GRDB")
    func checkSeesImports() throws {
        #expect(try Self.grdbImports(in: "RectifyStore").count > 10)
    }

    @Test("a use case's write through the store's connection outside the audited transaction is refused, nothing written")
    func writeOutsideTheAuditRefused() throws {
        let app = Rectify(database: try AppDatabase.inMemory(clock: pinnedClock))
        _ = try app.addDepartment(name: "应急管理局", actor: "admin")
        // What a use case could do if it held the connection: write a row without going through WriteContext.
        let refusal = #expect(throws: (any Error).self) {
            try app.database.writer.write { db in
                try db.execute(sql: "INSERT INTO department (name) VALUES ('后门部门')")
            }
        }
        #expect("\(refusal.map { String(describing: $0) } ?? "")".contains("AUDIT-BYPASS"))
        #expect(try app.departments().map(\.name) == ["应急管理局"])
        #expect(try ChainVerifier.verify(app.database).isIntact)
    }
}
