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
        router.get("/campaigns/:code/progress.csv") { request, context in try download(request, context, format: "csv") }
        router.get("/campaigns/:code/progress.xlsx") { request, context in try download(request, context, format: "xlsx") }
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
        let burnUps: [Rectify.TargetBurnUp]
        do {
            progress = try rectify.campaignProgress(code: code, by: dimension, asOf: asOf)
            weeks = try rectify.campaignSeries(code: code, asOf: asOf)
            burnUps = try rectify.targetBurnUps(code: code, asOf: asOf)
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
                .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: Self.queryValue) ?? "")" }.joined(separator: "&")
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
            "charts": CampaignCharts(code: progress.code, progress: progress, weeks: weeks, dimension: dimension,
                                     burnUps: burnUps).svg(),
        ]) { $1 }
        // The downloads carry the page's date and breakdown.
        values["downloadQuery"] = String(link([:]).split(separator: "?").last ?? "")
        return try pages.page("campaign", title: progress.title, values, context: context)
    }
}

extension CampaignController {
    /// What a query value keeps unescaped (RFC 3986's unreserved characters).
    static let queryValue = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    /// The table of the page as a file, with every column: `progress.csv` (UTF-8 with the byte order mark Excel in
    /// China needs) or `progress.xlsx`, named as `campaign progress --csv/--xlsx` names it.
    func download(_ request: Request, _ context: WebContext, format: String) throws -> Response {
        _ = try context.requireSignIn()
        let code = try context.parameters.require("code")
        let query = request.uri.queryParameters
        let dimension = query["by"].flatMap { ProgressDimension(rawValue: String($0)) } ?? .street
        let asOf = try query["asOf"].map(String.init)?.trimmed.nonBlank.map {
            try LocalDate.parse($0, field: "截至日期", fieldEnglish: "as of")
        }
        let progress = try rectify.campaignProgress(code: code, by: dimension, asOf: asOf)
        let sheet = ProgressSheet.sheet(code: progress.code, dimension: dimension, asOf: progress.asOf, weekly: false,
                                        rows: ([progress.total] + progress.rows).map { (progress.asOf, $0) })
        let stem = ProgressSheet.fileStem(code: progress.code, dimension: dimension, asOf: progress.asOf, weekly: false)
        let bytes: Data
        let type: String
        if format == "xlsx" {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).xlsx").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try XLSXWriter.write(sheet, to: path)
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        } else {
            bytes = Data(sheet.csv.utf8)  // with its byte order mark
            type = "text/csv; charset=utf-8"
        }
        return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(stem).\(format)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
