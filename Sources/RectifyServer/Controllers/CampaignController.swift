import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 专项整治: the campaigns, and one campaign's figures as of today (the same columns as `campaign progress`), its
/// dated targets and its figures by a chosen dimension.
struct CampaignController {
    let rectify: Rectify
    let pages: Pages

    func add(to router: Router<WebContext>) {
        router.get("/campaigns") { _, context in
            _ = try context.requireSignIn()
            return try pages.page("campaigns", title: "专项整治", [
                "campaigns": try rectify.campaigns().map {
                    ["code": $0.code, "title": $0.title, "kind": $0.kind.chinese, "period": "\($0.startsOn.chinese)至\($0.endsOn.chinese)",
                     "cases": $0.cases]
                },
            ], context: context)
        }
        router.get("/campaigns/:code") { request, context in
            _ = try context.requireSignIn()
            let code = try context.parameters.require("code")
            let dimension = request.uri.queryParameters["by"].flatMap { ProgressDimension(rawValue: String($0)) } ?? .street
            let progress: CampaignProgress
            do {
                progress = try rectify.campaignProgress(code: code, by: dimension == .all ? .street : dimension)
            } catch let missing as NotFoundError {
                return try pages.message(missing.chinese, missing.english, title: "找不到专项整治", context: context, status: .notFound)
            }
            let brief = ProgressColumn.all.filter(\.brief)
            return try pages.page("campaign", title: progress.title, [
                "code": progress.code, "asOf": progress.asOf.chinese,
                "period": "\(progress.startsOn.chinese)至\(progress.endsOn.chinese)",
                "totals": ProgressColumn.all.dropFirst().map { ["header": $0.header, "value": $0.value(progress.total)] },
                "targets": progress.targets.map {
                    ["scope": $0.scope, "metric": $0.metric.chinese, "amount": $0.amount, "dueOn": $0.dueOn.chinese,
                     "reached": "\($0.reached)/\($0.required)", "status": $0.status.chinese]
                },
                "hasTargets": !progress.targets.isEmpty,
                "dimensions": ProgressDimension.allCases.filter { $0 != .all }.map {
                    ["value": $0.rawValue, "label": $0.chinese, "selected": $0 == dimension]
                },
                "headers": brief.map(\.header),
                "rows": progress.rows.map { row in ["cells": brief.map { $0.value(row) }] },
            ], context: context)
        }
    }
}
