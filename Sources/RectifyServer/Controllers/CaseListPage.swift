import Foundation
import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 案件: the filtered, paged case list. A filter naming nothing known (a street renamed since the link was made) is
/// said above an empty list rather than ignored.
struct CaseListPage {
    let rectify: Rectify
    let pages: Pages

    func render(_ request: Request, context: WebContext) throws -> HTML {
        let person = try context.requireSignIn()
        let query = request.uri.queryParameters
        func text(_ name: String) -> String? { query[Substring(name)].map { String($0).trimmed }?.nonBlank }
        let filter = Rectify.CaseFilter(campaign: text("campaign"), state: text("state").flatMap(CaseState.init(rawValue:)),
                                        street: text("street"), grid: text("street") == nil ? nil : text("grid"),
                                        officer: text("officer"), overdueOnly: text("overdue") == "1")
        let pageNumber = text("page").flatMap(Int.init) ?? 1
        var values: [String: Any] = [:]
        let listed: Rectify.CaseListingPage
        do {
            listed = try rectify.cases(for: person, filter: filter, page: pageNumber)
        } catch let refusal as any UserFacingError {
            values["refusal"] = refusal.chinese
            listed = Rectify.CaseListingPage(cases: [], total: 0, page: 1, pageSize: 50)
        }
        func choices(_ pairs: [(String, String)], _ chosen: String?) -> [[String: Any]] {
            pairs.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == chosen] }
        }
        let grids = try filter.street.map { street in try rectify.grids().filter { $0.street == street }.map { ($0.grid, $0.grid) } } ?? []
        values.merge([
            "campaigns": choices(try rectify.campaigns().map { ($0.code, $0.title) }, filter.campaign),
            "states": choices(CaseState.allCases.map { ($0.rawValue, $0.chinese) }, filter.state?.rawValue),
            "streets": choices(try rectify.streets().map { ($0.name, $0.name) }, filter.street),
            "grids": choices(grids, filter.grid),
            "mayFilterOfficer": person.role != .officer, "officer": filter.officer ?? "", "overdue": filter.overdueOnly,
            "total": listed.total, "page": listed.page, "pageCount": listed.pageCount,
            "cases": listed.cases.map(CaseController.row),
        ]) { $1 }
        if listed.page > 1 { values["previous"] = link(request, page: listed.page - 1) }
        if listed.page < listed.pageCount { values["next"] = link(request, page: listed.page + 1) }
        return try pages.page("caseList", title: person.role == .officer ? "我的案件" : "案件", values, context: context)
    }

    /// The same filter, another page.
    private func link(_ request: Request, page: Int) -> String {
        var components = URLComponents()
        components.path = "/cases"
        components.queryItems = request.uri.queryParameters.filter { $0.key != "page" }
            .map { URLQueryItem(name: String($0.key), value: String($0.value)) }
            .sorted { $0.name < $1.name } + [URLQueryItem(name: "page", value: String(page))]
        return components.string ?? "/cases?page=\(page)"
    }
}
