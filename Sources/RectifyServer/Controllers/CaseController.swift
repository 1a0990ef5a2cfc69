import Foundation
import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 工作台, the case list and the case page.
struct CaseController {
    let rectify: Rectify
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/") { _, context in try workbench(context) }
        router.get("/cases") { _, context in
            let person = try context.requireSignIn()
            let cases = try rectify.cases(for: person)
            return try pages.page("caseTable", title: person.role == .officer ? "我的案件" : "案件", ["cases": cases.map(Self.row)],
                                  context: context)
        }
        router.post("/cases/:number/hazards") { request, context in try await addHazard(request, context) }
        router.get("/cases/:number") { _, context in
            let person = try context.requireSignIn()
            let number = try context.parameters.require("number")
            do {
                return try casePage(try rectify.caseDetail(number: number, for: person), context: context, form: HazardForm())
            } catch let refusal as RuleViolation where refusal.rule == RuleCode.caseAccess.rawValue {
                return try pages.message(refusal.chinese, refusal.english, title: "无权查看", context: context, status: .forbidden)
            } catch let missing as NotFoundError {
                return try pages.message(missing.chinese, missing.english, title: "找不到案件", context: context, status: .notFound)
            }
        }
    }

    /// My cases, what falls due in the next three working days, and what is overdue.
    private func workbench(_ context: WebContext) throws -> HTML {
        let person = try context.requireSignIn()
        let today = LocalDate(rectify.now())
        let cases = try rectify.cases(for: person)
        let mine = Set(cases.map(\.number))
        let calendar = try rectify.workingCalendar()
        let horizon = (try? calendar.addingWorkingDays(3, to: today).0) ?? today.adding(days: 5)
        let dueSoon = cases.compactMap { listing in
            listing.nextDeadline.flatMap { $0 >= today && $0 <= horizon ? (listing, $0) : nil }
        }
        let overdue = try rectify.overdue(asOf: today).items.filter { mine.contains($0.reference.components(separatedBy: "/")[0]) }
        return try pages.page("workbench", title: "工作台", [
            "cases": cases.map(Self.row), "caseCount": cases.count,
            "dueSoon": dueSoon.map { ["number": $0.0.number, "unit": $0.0.unit, "deadline": $0.1.chinese] },
            "dueSoonCount": dueSoon.count,
            // The most overdue first; the rest are counted, and listed by `rectify overdue`.
            "overdue": overdue.prefix(Self.overdueShown).map {
                ["reference": $0.reference, "caseNumber": $0.reference.components(separatedBy: "/")[0],
                 "what": $0.what.chinese, "days": $0.daysOverdue, "explanation": $0.deadline.explanation]
            },
            "overdueCount": overdue.count,
            "overdueMore": max(0, overdue.count - Self.overdueShown),
        ], context: context)
    }

    /// 登记隐患 from the case page, as the signed-in officer: done, back to the case; refused, the page again with the
    /// refusal at its field and the fields as typed.
    private func addHazard(_ request: Request, _ context: WebContext) async throws -> Response {
        let person = try context.requireSignIn()
        let number = try context.parameters.require("number")
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        var form = HazardForm(item: CSRFMiddleware.field("item", in: body) ?? "",
                              description: CSRFMiddleware.field("description", in: body) ?? "",
                              deadline: CSRFMiddleware.field("deadline", in: body) ?? "")
        let detail: Rectify.CaseDetail
        do { detail = try rectify.caseDetail(number: number, for: person) } catch let refusal as RuleViolation {
            return try pages.message(refusal.chinese, refusal.english, title: "无权办理", context: context, status: .forbidden)
                .response(from: request, context: context)
        } catch let missing as NotFoundError {
            return try pages.message(missing.chinese, missing.english, title: "找不到案件", context: context, status: .notFound)
                .response(from: request, context: context)
        }
        do {
            guard person.role == .officer || person.role == .lead, let actor = person.officer?.credential else {
                throw RuleViolation(rule: .actorIsOfficer, chinese: "只有执法人员可以登记隐患", english: "only an officer records a hazard")
            }
            let deadline = try LocalDate.parse(form.deadline, field: "整改期限", fieldEnglish: "deadline")
            _ = try rectify.addHazard(caseNumber: detail.number, checklistCode: form.item.nonBlank, description: form.description,
                                      level: nil, criterion: nil, foundOn: nil, deadline: deadline, listedSupervision: false,
                                      supervisingBody: nil, actor: actor)
            return .redirect(to: "/cases/\(number)")
        } catch let refusal as ValidationError {
            switch refusal.field {
            case "整改期限": form.deadlineError = refusal.chinese
            case "隐患描述": form.descriptionError = refusal.chinese
            default: form.formError = refusal.chinese
            }
        } catch let refusal as RuleViolation {
            if refusal.rule == RuleCode.deadlineAfterFound.rawValue { form.deadlineError = refusal.chinese } else { form.formError = refusal.chinese }
        }
        return try casePage(try rectify.caseDetail(number: number, for: person), context: context, form: form,
                            status: .unprocessableContent).response(from: request, context: context)
    }

    private func casePage(_ detail: Rectify.CaseDetail, context: WebContext, form: HazardForm,
                          status: HTTPResponse.Status = .ok) throws -> HTML {
        let lint = try rectify.lint(detail)
        var values: [String: Any] = [
            "state": detail.state.chinese, "campaignTitle": detail.campaignTitle, "openedOn": detail.openedOn.chinese,
            "unitName": detail.unit.name, "uscc": detail.unit.uscc.rawValue, "address": detail.unit.address,
            "officers": detail.officers.map(\.label).joined(separator: "、"),
            "hazards": detail.hazards.map { view -> [String: Any] in
                var hazard: [String: Any] = ["reference": view.reference, "level": view.hazard.level.chinese,
                                             "status": view.hazard.status.chinese, "description": view.hazard.description,
                                             "deadlines": view.deadlines.map(\.explanation) + view.deadlineProblems]
                if let late = view.daysOverdue { hazard["late"] = late }
                return hazard
            },
            "documents": detail.documents.map { ["number": $0.number, "kind": $0.kind.chinese, "issuedOn": "\($0.issuedOn)"] },
            "findings": lint.findings.map { ["rule": $0.rule, "text": $0.chinese] },
        ]
        if let closed = detail.closedOn { values["closedOn"] = closed.chinese }
        if let penalty = detail.penalty {
            values["penalty"] = ["procedure": penalty.penalty.procedure.chinese, "stage": penalty.penalty.stage.chinese,
                                 "deadlines": penalty.deadlines.map(\.explanation)]
        }
        // The form is offered to the officers named on an open case.
        let person = try context.requireSignIn()
        if detail.state != .closed, detail.officers.contains(where: { $0.credential == person.officer?.credential }) {
            let checklist = try rectify.campaign(code: detail.campaign).checklist
            var formValues: [String: Any] = [
                "number": detail.number, "csrf": context.session?.csrf ?? "",
                "items": checklist.map { ["code": $0.code, "text": $0.text, "selected": $0.code == form.item] },
                "description": form.description, "deadline": form.deadline,
            ]
            // Only the refusals there are: in Mustache an empty string still opens its section.
            for (key, refusal) in [("formError", form.formError), ("descriptionError", form.descriptionError),
                                   ("deadlineError", form.deadlineError)] {
                if let refusal { formValues[key] = refusal }
            }
            values["hazardForm"] = formValues
        }
        return try pages.page("case", title: "案件 \(detail.number)", values, context: context, status: status)
    }

    /// Overdue items listed on the 工作台.
    static let overdueShown = 20

    static func row(_ listing: Rectify.CaseListing) -> [String: Any] {
        ["number": listing.number, "unit": listing.unit, "street": listing.street, "state": listing.state.chinese,
         "openedOn": "\(listing.openedOn)", "hazards": listing.hazards, "openHazards": listing.openHazards,
         "overdueHazards": listing.overdueHazards, "nextDeadline": listing.nextDeadline.map { "\($0)" } ?? ""]
    }
}

/// Pages need a signed-in person; without one the router answers with the sign-in page (`SignInRedirect`).
struct NotSignedIn: Error {}

extension WebContext {
    func requireSignIn() throws -> Rectify.SignedIn {
        guard let signedIn else { throw NotSignedIn() }
        return signedIn
    }
}

/// Turns `NotSignedIn` into a redirect to the sign-in page.
struct SignInRedirectMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is NotSignedIn {
            return .redirect(to: "/signin")
        }
    }
}
