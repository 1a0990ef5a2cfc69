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
        router.get("/cases") { request, context in try CaseListPage(rectify: rectify, pages: pages).render(request, context: context) }
        router.get("/cases/:number") { _, context in
            let person = try context.requireSignIn()
            let number = try context.parameters.require("number")
            do {
                return try CasePage(rectify: rectify, pages: pages).render(try rectify.caseDetail(number: number, for: person),
                                                                           context: context)
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
        let calendar = try rectify.workingCalendar()
        let horizon = (try? calendar.addingWorkingDays(3, to: today).0) ?? today.adding(days: 5)
        let dueSoon = cases.compactMap { listing in
            listing.nextDeadline.flatMap { $0 >= today && $0 <= horizon ? (listing, $0) : nil }
        }
        // An officer's own items, found by the store; the other roles see the district's.
        let overdue = try rectify.overdue(asOf: today, officer: person.role == .officer ? person.officer?.credential : nil).items
        let awaitingRecheck = cases.filter { $0.claimedHazards > 0 }
        return try pages.page("workbench", title: "工作台", [
            // The soonest fifty; the case list has them all.
            "cases": cases.prefix(Self.casesShown).map(Self.row), "caseCount": cases.count,
            "casesMore": cases.count > Self.casesShown,
            "dueSoon": dueSoon.map { ["number": $0.0.number, "unit": $0.0.unit, "deadline": $0.1.chinese] },
            "dueSoonCount": dueSoon.count,
            // The most overdue first; the rest are counted, and listed by `rectify overdue`.
            "overdue": overdue.prefix(Self.overdueShown).map {
                ["reference": $0.reference, "caseNumber": $0.reference.components(separatedBy: "/")[0],
                 "what": $0.what.chinese, "days": $0.daysOverdue, "explanation": $0.deadline.explanation]
            },
            "overdueCount": overdue.count,
            // A number opens a Mustache section even when it is 0: only a positive count is passed.
            "overdueMore": overdue.count > Self.overdueShown ? overdue.count - Self.overdueShown : false,
            "awaitingRecheck": awaitingRecheck.prefix(Self.overdueShown).map {
                ["number": $0.number, "unit": $0.unit, "claimed": $0.claimedHazards]
            },
            "awaitingRecheckCount": awaitingRecheck.count,
        ], context: context)
    }

    /// Overdue items and cases listed on the 工作台.
    static let overdueShown = 20
    static let casesShown = 50

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
