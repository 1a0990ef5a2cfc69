import Foundation
import GRDB
import RectifyCore
import RectifyTestSupport
@testable import RectifyStore

/// The clock of every store test: 2026-06-01 09:00 in China.
let pinnedClock: @Sendable () -> Date = { LocalDate(year: 2026, month: 6, day: 1)!.timestamp(hour: 9) }

func makeDatabase() throws -> AppDatabase {
    try AppDatabase.inMemory(clock: pinnedClock)
}

/// A scratch folder removed by the caller.
func scratchDirectory() throws -> URL {
    URL(fileURLWithPath: try makeScratchFolder("rectify-store"))
}

@discardableResult
func addDepartments(_ database: AppDatabase, _ names: [String], actor: String = "admin") throws -> [Department] {
    try database.write(actor: actor) { context in
        try names.map { name in
            var department = Department(name: name)
            try context.insert(&department, action: "department.add")
            return department
        }
    }
}
