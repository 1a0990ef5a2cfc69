import Foundation
import GRDB
import Testing
@testable import RectifyStore

@Suite("Commits survive a power cut; SQLite's failures reach users in words")
struct DurabilityTests {
    @Test("the writer of a database file commits with synchronous=FULL")
    func synchronousFull() throws {
        let path = try scratchDirectory().appendingPathComponent("durable.sqlite").path
        let database = try AppDatabase.open(path: path, create: true, clock: pinnedClock)
        let level = try database.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }

    @Test("each SQLite failure becomes a bilingual message that says what to do, without SQLite's own text")
    func failuresInWords() {
        let codes: [(ResultCode, SQLiteFailure, String)] = [
            (.SQLITE_FULL, .diskFull, "free some space"), (.SQLITE_READONLY, .readOnly, "read-only"),
            (.SQLITE_BUSY, .locked, "another process"), (.SQLITE_IOERR, .ioError, "I/O error"),
            (.SQLITE_CANTOPEN, .cannotOpen, "cannot open"), (.SQLITE_CORRUPT, .corrupt, "restore"),
            (ResultCode(rawValue: 266), .ioError, "I/O error"), // SQLITE_IOERR_READ, an extended code
        ]
        for (code, failure, advice) in codes {
            let error = StoreError(DatabaseError(resultCode: code, message: "raw sqlite text"))
            #expect(error == .sqlite(failure))
            #expect(error.english.contains(advice) && !error.chinese.isEmpty)
            #expect(!error.english.contains("raw sqlite text") && !error.chinese.contains("raw sqlite text"))
        }
    }
}
