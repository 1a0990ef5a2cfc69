import ArgumentParser
import RectifyCore
import RectifyKit

extension CampaignCommand {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "progress",
            abstract: "整治进度与统计 / progress against the targets, as of any date.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "专项整治代码 / campaign code") var code: String
        @Option(help: "分组 / breakdown") var by: ProgressDimension?
        @Option(name: .customLong("as-of"), help: "统计截止日期（默认今天）/ figures as of YYYY-MM-DD (default today)")
        var asOf: String?
        @Option(help: "趋势 / trend") var series: Series?
        enum Series: String, CaseIterable, ExpressibleByArgument { case weekly }

        @Flag(help: "输出 CSV（UTF-8 带 BOM，Excel 可直接打开）/ print CSV for spreadsheets") var csv = false

        func run() throws {
            let rectify = try global.openForReading()
            let asOf = try Output.date(asOf, "统计截止日期", "as-of date")
            if let series {
                guard by == nil else {
                    throw RectifyCore.ValidationError(field: "趋势", fieldEnglish: "series", value: series.rawValue,
                                                      chinese: "按周趋势只给合计，不能与 --by 同用",
                                                      english: "the weekly series gives totals only; it cannot be combined with --by")
                }
                let points = try rectify.campaignSeries(code: code, asOf: asOf)
                return try emit(points, firstHeader: "截至")
            }
            let dimension = by ?? .all
            let progress = try rectify.campaignProgress(code: code, by: dimension, asOf: asOf)
            if output.json { return try Output.json(progress) }
            if csv { return print(csvText([progress.total] + progress.rows, firstHeader: "名称"), terminator: "") }
            print("\(progress.title)（\(progress.code)）统计截至 \(progress.asOf)；期限 \(progress.startsOn)至\(progress.endsOn)")
            table([progress.total] + progress.rows, firstHeader: dimension == .all ? "范围" : dimension.chinese)
            if !progress.targets.isEmpty {
                print("\n目标")
                Output.table(["范围", "指标", "目标", "应完成", "已完成", "完成率", "截止", "状态"], progress.targets.map {
                    [$0.scope, $0.metric.chinese, $0.amount, String($0.required), String($0.reached), percent($0.attainment),
                     "\($0.dueOn)", $0.status.chinese]
                })
            }
            for (title, rows) in [("自报整改可靠性（按街道）", progress.reliabilityByStreet),
                                  ("自报整改可靠性（按单位类别）", progress.reliabilityByCategory)] where rows.contains(where: { $0.claimsJudged > 0 }) {
                print("\n\(title)")
                Output.table(["名称", "自报经复查", "复查未通过", "可靠率"], rows.map {
                    [$0.name, String($0.claimsJudged), String($0.claimsFailed), $0.reliability.map(percent) ?? "无"]
                })
            }
        }

        private func emit(_ rows: [ProgressFigures], firstHeader: String) throws {
            if output.json { return try Output.json(rows, as: "points") }
            if csv { return print(csvText(rows, firstHeader: firstHeader), terminator: "") }
            table(rows, firstHeader: firstHeader)
        }

        private func table(_ rows: [ProgressFigures], firstHeader: String) {
            let columns = ProgressColumn.all.filter(\.brief)
            Output.table([firstHeader] + columns.dropFirst().map(\.header), rows.map { row in columns.map { $0.value(row) } })
        }

        private func csvText(_ rows: [ProgressFigures], firstHeader: String) -> String {
            let columns = ProgressColumn.all
            return CSVWriter.document(header: [firstHeader] + columns.dropFirst().map(\.header),
                                      rows: rows.map { row in columns.map { $0.value(row) } })
        }

        private func percent(_ value: Double) -> String { ProgressColumn.percent(value) }
    }
}
