import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 单位: found by any part of a name or address (`unit find`), and a unit's page with its cases in every campaign.
struct UnitController {
    let rectify: Rectify
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/units") { request, context in
            _ = try context.requireSignIn()
            let query = request.uri.queryParameters["q"].map { String($0).trimmed } ?? ""
            let units = query.isEmpty ? [] : try rectify.findUnits(query, limit: 50)
            return try pages.page("units", title: "单位", [
                // Sections test plain booleans: a template never has to guess what an empty list means.
                "query": query, "nothingFound": !query.isEmpty && units.isEmpty, "anyFound": !units.isEmpty,
                "units": units.map { ["uscc": $0.uscc, "name": $0.name, "category": $0.category.chinese, "street": $0.street,
                                      "address": $0.address] },
            ], context: context)
        }
        router.get("/units/:uscc") { _, context in
            let person = try context.requireSignIn()
            let uscc = try context.parameters.require("uscc")
            let detail: Rectify.UnitDetail
            do { detail = try rectify.unit(uscc: uscc) } catch let missing as NotFoundError {
                return try pages.message(missing.chinese, missing.english, title: "找不到单位", context: context, status: .notFound)
            }
            // An officer sees the unit's cases they are named on; the other roles see all of them.
            let visible = person.role == .officer ? Set(try rectify.cases(for: person).map(\.number)) : nil
            let cases = detail.cases.filter { visible?.contains($0.number) ?? true }
            return try pages.page("unit", title: detail.unit.name, [
                "category": detail.unit.category.chinese, "street": detail.unit.street, "grid": detail.unit.grid,
                "department": detail.unit.department, "address": detail.address, "contact": detail.unit.contactPerson ?? "",
                "cases": cases.map(CaseController.row),
            ], context: context)
        }
    }
}
