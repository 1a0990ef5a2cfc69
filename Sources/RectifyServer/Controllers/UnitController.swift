import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 单位: found by any part of a name or address (`unit find`), a unit's page with its cases in every campaign, and
/// 立档 from it: the signed-in officer and a partner open the unit's case in a campaign that covers it.
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
        router.get("/units/:uscc") { _, context in try unitPage(try context.parameters.require("uscc"), context: context) }
        router.post("/units/:uscc/cases") { request, context in try await openCase(request, context) }
    }

    private func unitPage(_ uscc: String, context: WebContext, refused: ActForm? = nil,
                          status: HTTPResponse.Status = .ok) throws -> HTML {
        let person = try context.requireSignIn()
        let detail: Rectify.UnitDetail
        do { detail = try rectify.unit(uscc: uscc) } catch let missing as NotFoundError {
            return try pages.message(missing.chinese, missing.english, title: "找不到单位", context: context, status: .notFound)
        }
        // An officer sees the unit's cases they are named on; the other roles see all of them.
        let visible = person.role == .officer ? Set(try rectify.cases(for: person).map(\.number)) : nil
        let cases = detail.cases.filter { visible?.contains($0.number) ?? true }
        var values: [String: Any] = [
            "category": detail.unit.category.chinese, "street": detail.unit.street, "grid": detail.unit.grid,
            "department": detail.unit.department, "address": detail.address, "contact": detail.unit.contactPerson ?? "",
            "cases": cases.map(CaseController.row),
        ]
        if let form = try refused ?? openForm(uscc: detail.unit.uscc, for: person) {
            values["openForm"] = form.values(action: "/units/\(detail.unit.uscc)/cases",
                                             csrf: context.session?.csrf ?? "", version: nil)
        }
        return try pages.page("unit", title: detail.unit.name, values, context: context, status: status)
    }

    /// 立档, offered to an officer when a running campaign covers the unit and has no case for it yet.
    private func openForm(uscc: String, for person: Rectify.SignedIn) throws -> ActForm? {
        guard AccountRules.needsOfficer(person.role), let me = person.officer?.credential else { return nil }
        let campaigns = try rectify.campaignsToOpen(uscc: uscc)
        guard !campaigns.isEmpty else { return nil }
        let officers = try rectify.officers().filter(\.active)
        let myDepartment = officers.first { $0.credential == me }?.department
        // Colleagues of the same department first: a case's two officers are usually of one team.
        let partners = officers.filter { $0.credential != me && $0.department == myDepartment }
            + officers.filter { $0.credential != me && $0.department != myDepartment }
        return ActForm(act: "open", title: "立档", submit: "立档", fields: [
            .select("campaign", "专项整治", campaigns.map { FormChoice(value: $0.code, label: $0.title) },
                    rules: [RuleCode.oneCasePerUnit.rawValue, RuleCode.caseInScope.rawValue]),
            .select("partner", "共同承办的执法人员", partners.map { FormChoice(value: $0.credential, label: "\($0.name)（\($0.credential)，\($0.department)）") },
                    rules: [RuleCode.twoOfficers.rawValue, RuleCode.officerActive.rawValue, RuleCode.officerOfAuthority.rawValue]),
            .date("date", "立档日期", rules: [RuleCode.caseInCampaignPeriod.rawValue, RuleCode.actNotInFuture.rawValue]),
        ])
    }

    private func openCase(_ request: Request, _ context: WebContext) async throws -> Response {
        let person = try context.requireSignIn()
        let uscc = try context.parameters.require("uscc")
        var request = request
        let body = FormBody(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        guard var form = try openForm(uscc: uscc, for: person), let me = person.officer?.credential else {
            return try pages.message("这个单位现在没有可以立档的专项整治，或您不是执法人员", "no campaign can open a case for this unit now, or you are not an officer",
                                     title: "不能立档", context: context, status: .forbidden).response(from: request, context: context)
        }
        form.typed = body
        do {
            let date = try body.optional("date").map { try LocalDate.parse($0, field: "立档日期", fieldEnglish: "date") }
            let opened = try rectify.openCase(campaign: body["campaign"], uscc: uscc, officers: [me, body["partner"]], on: date,
                                              actor: me)
            return Response(status: .seeOther, headers: [.location: "/cases/\(opened.number)"])
        } catch {
            guard form.place(error) else { throw error }
            return try unitPage(uscc, context: context, refused: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
    }
}
