import Foundation
import Hummingbird
import RectifyCore
import RectifyKit
import RectifyStore

/// 专项整治: the campaigns, and one campaign's page — its figures as of a chosen date (the same columns as `campaign
/// progress`), its dated targets, charts, and its figures by a chosen dimension in a table sorted by any column.
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
        router.get("/campaigns/:code") { request, context in try campaignPage(request, context) }
    }
}

extension CampaignController {
    private func campaignPage(_ request: Request, _ context: WebContext) throws -> HTML {
        _ = try context.requireSignIn()
        let code = try context.parameters.require("code")
        let query = request.uri.queryParameters
        let dimension = query["by"].flatMap { ProgressDimension(rawValue: String($0)) }.flatMap { $0 == .all ? nil : $0 } ?? .street
        var values: [String: Any] = [:]
        var asOf: LocalDate?
        if let typed = query["asOf"].map(String.init)?.trimmed.nonBlank {
            do { asOf = try LocalDate.parse(typed, field: "截至日期", fieldEnglish: "as of") } catch {
                values["refusal"] = error.chinese
            }
            values["asOfTyped"] = typed
        }
        let progress: CampaignProgress
        let weeks: [ProgressFigures]
        do {
            progress = try rectify.campaignProgress(code: code, by: dimension, asOf: asOf)
            weeks = try rectify.campaignSeries(code: code, asOf: asOf)
        } catch let missing as NotFoundError {
            return try pages.message(missing.chinese, missing.english, title: "找不到专项整治", context: context, status: .notFound)
        }
        let brief = ProgressColumn.all.filter(\.brief)
        let sort = query["sort"].flatMap { Int(String($0)) }.flatMap { brief.indices.contains($0) ? $0 : nil }
        let rows = sort.map { column in CampaignCharts.sorted(progress.rows, by: brief[column]) } ?? progress.rows
        let link = { (parameters: [String: String]) -> String in
            var merged = ["by": dimension.rawValue]
            if let asOf { merged["asOf"] = "\(asOf)" }
            merged.merge(parameters) { $1 }
            return "/campaigns/\(code)?" + merged.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        values.merge([
            "code": progress.code, "asOf": progress.asOf.chinese, "asOfValue": "\(progress.asOf)",
            "period": "\(progress.startsOn.chinese)至\(progress.endsOn.chinese)",
            "totals": ProgressColumn.all.dropFirst().map { ["header": $0.header, "value": $0.value(progress.total)] },
            "targets": progress.targets.map {
                ["scope": $0.scope, "metric": $0.metric.chinese, "amount": $0.amount, "dueOn": $0.dueOn.chinese,
                 "reached": "\($0.reached)/\($0.required)", "attainment": ProgressColumn.percent($0.attainment),
                 "status": $0.status.chinese]
            },
            "hasTargets": !progress.targets.isEmpty,
            "dimensions": ProgressDimension.allCases.filter { $0 != .all }.map {
                ["value": $0.rawValue, "label": $0.chinese, "selected": $0 == dimension]
            },
            "headers": brief.enumerated().map { ["label": $0.element.header, "link": link(["sort": "\($0.offset)"]),
                                                 "sorted": $0.offset == sort] },
            "rows": rows.map { row in ["cells": brief.map { $0.value(row) }] },
            "charts": CampaignCharts(code: progress.code, progress: progress, weeks: weeks,
                                     dimension: dimension).svg(),
        ]) { $1 }
        return try pages.page("campaign", title: progress.title, values, context: context)
    }
}
