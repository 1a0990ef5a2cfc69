import Foundation
import GRDB
import RectifyCore
@testable import RectifyStore
@testable import RectifyKit

let pinnedClock: @Sendable () -> Date = { LocalDate(year: 2026, month: 6, day: 1)!.timestamp(hour: 9) }
/// For a procedure played out over the months after `pinnedClock`: no act may be dated after today.
let autumnClock: @Sendable () -> Date = { LocalDate(year: 2026, month: 10, day: 30)!.timestamp(hour: 9) }
let admin = "admin"
let officerA = "32067100001"
let officerB = "32067100002"

func fixture(_ name: String) -> URL {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
}

/// A small district: two streets with one grid each, two departments, two officers.
func makeDistrict(clock: @escaping @Sendable () -> Date = pinnedClock) throws -> Rectify {
    let app = Rectify(database: try AppDatabase.inMemory(clock: clock))
    _ = try app.setAgency(name: "南通经济技术开发区安全生产监督管理局", abbreviation: "通开", divisionCode: "320671", actor: admin)
    for name in ["安监局", "市场监管局"] { _ = try app.addDepartment(name: name, actor: admin) }
    _ = try app.addStreet(name: "竹行街道", divisionCode: "320671001", actor: admin)
    _ = try app.addStreet(name: "小海街道", divisionCode: nil, actor: admin)
    _ = try app.addGrid(street: "竹行街道", name: "竹行社区网格", community: "竹行社区", safetyOfficer: "王网格", actor: admin)
    _ = try app.addGrid(street: "小海街道", name: "朝阳小区网格", community: "朝阳社区", safetyOfficer: nil, actor: admin)
    _ = try app.addOfficer(credential: officerA, name: "张三", department: "安监局", actor: admin)
    _ = try app.addOfficer(credential: officerB, name: "李四", department: "安监局", actor: admin)
    return app
}

/// The district with the fixture register and a gas campaign over restaurants and individual businesses.
func makeCampaignDistrict(clock: @escaping @Sendable () -> Date = pinnedClock) throws -> Rectify {
    let app = try makeDistrict(clock: clock)
    _ = try app.importUnits(from: fixture("units-utf8.csv"), actor: admin)
    _ = try app.createCampaign(CampaignSpec(
        code: "gas-2026", kind: .gas, title: "餐饮场所燃气安全专项整治", planNumber: "通开安委办〔2026〕11号",
        leadDepartment: "安监局", partnerDepartments: ["市场监管局"], startsOn: date("2026-04-01"), endsOn: date("2026-10-31"),
        phases: [.init(name: "自查自改", startsOn: date("2026-04-16"), endsOn: date("2026-05-31"))],
        scopeCategories: [.restaurant, .individualBusiness],
        targets: [.init(scope: "餐饮场所", metric: .accepted, amount: .percent(100), dueOn: date("2026-06-30"))]), actor: admin)
    return app
}

func date(_ text: String) -> LocalDate { LocalDate(text)! }

/// Everything in the database, for "nothing changed" comparisons.
func snapshot(_ app: Rectify) throws -> [String] {
    try app.database.readDatabase { db in
        var lines: [String] = []
        for table in AuditedTables.names + ["event"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid") {
                lines.append("\(table) \(row.description)")
            }
        }
        return lines
    }
}

let restaurantUSCC = "91440300708461136T"
let shopUSCC = "91330100716105852F"
