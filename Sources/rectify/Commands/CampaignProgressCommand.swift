import ArgumentParser
import Foundation
import RectifyCore
import RectifyKit

extension CampaignCommand {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress",
            abstract: "整治进度与统计 / progress against the targets, as of any date.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ListOutputOptions
        @Argument(help: "专项整治代码 / campaign code") var code: String
        @Option(help: "分组 / breakdown") var by: ProgressDimension?
        @Option(name: .customLong("as-of"), help: "统计截止日期（默认今天）/ figures as of YYYY-MM-DD (default today)")
        var asOf: String?
        @Option(help: "趋势 / trend") var series: Series?
        enum Series: String, CaseIterable, ExpressibleByArgument { case weekly }

        func run() throws {
            let rectify = try global.openForReading()
            let day = try Output.date(asOf, "统计截止日期", "as-of date")
            let dimension = by ?? .all
            if series != nil {
                let rows = try rectify.campaignSeries(code: code, by: dimension, asOf: day)
                if output.json { return try Output.json(rows, as: "weeks") }
                let asOfDay = rows.last?.weekEnding ?? day ?? LocalDate(Date())
                if try output.spreadsheet(ProgressSheet.sheet(code: code, dimension: dimension, asOf: asOfDay, weekly: true,
                                                              rows: rows.map { ($0.weekEnding, $0.figures) })) { return }
                let columns = ProgressColumn.all.filter(\.brief)
                return Output.table(["截至", dimension == .all ? "范围" : dimension.chinese] + columns.dropFirst().map(\.header),
                                    rows.map { row in ["\(row.weekEnding)"] + columns.map { $0.value(row.figures) } })
            }
            let progress = try rectify.campaignProgress(code: code, by: dimension, asOf: day)
            if output.json { return try Output.json(progress) }
            if try output.spreadsheet(ProgressSheet.sheet(code: code, dimension: dimension, asOf: progress.asOf, weekly: false,
                                                          rows: ([progress.total] + progress.rows).map { (progress.asOf, $0) })) { return }
            print("\(progress.title)（\(progress.code)）统计截至 \(progress.asOf)；期限 \(progress.startsOn)至\(progress.endsOn)")
            let columns = ProgressColumn.all.filter(\.brief)
            Output.table([dimension == .all ? "范围" : dimension.chinese] + columns.dropFirst().map(\.header),
                         ([progress.total] + progress.rows).map { row in columns.map { $0.value(row) } })
            if !progress.targets.isEmpty {
                print("\n目标")
                Output.table(["范围", "指标", "目标", "应完成", "已完成", "完成率", "截止", "状态"], progress.targets.map {
                    [$0.scope, $0.metric.chinese, $0.amount, String($0.required), String($0.reached), ProgressColumn.percent($0.attainment),
                     "\($0.dueOn)", $0.status.chinese]
                })
            }
            for (title, rows) in [("自报整改可靠性（按街道）", progress.reliabilityByStreet),
                                  ("自报整改可靠性（按单位类别）", progress.reliabilityByCategory)] where rows.contains(where: { $0.claimsJudged > 0 }) {
                print("\n\(title)")
                Output.table(["名称", "自报经复查", "复查未通过", "可靠率"], rows.map {
                    [$0.name, String($0.claimsJudged), String($0.claimsFailed), $0.reliability.map(ProgressColumn.percent) ?? "无"]
                })
            }
        }
    }
}
