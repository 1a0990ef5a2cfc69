import Foundation
import RectifyCore
import RectifyKit

/// The campaign page's charts: 整改率 (一般 and 重大) by street, each bar leading to that street's cases; the weekly
/// trend of hazards found, rectified and overdue; self-report reliability by unit category.
struct CampaignCharts {
    let code: String
    let progress: CampaignProgress
    let weeks: [ProgressFigures]
    let dimension: ProgressDimension
    let burnUps: [Rectify.TargetBurnUp]

    func svg() -> [[String: String]] {
        var charts: [[String: String]] = []
        if dimension == .street {
            let items = progress.rows.map { row in
                SVGChart.Bar(label: row.name, values: [row.rectificationRateGeneral, row.rectificationRateMajor],
                             link: "/cases?campaign=\(code)&street=\(row.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
            charts.append(["title": "各街道整改率（点击查看案件）", "svg": SVGChart.bars(title: "各街道整改率", description: "各街道一般隐患与重大隐患的整改率，截至\(progress.asOf.chinese)；点击可查看该街道的案件",
                                                series: ["一般隐患整改率", "重大隐患整改率"], items: items)])
        }
        if weeks.count > 1 {
            let dates = weeks.map { String($0.name.suffix(5)) }
            let series: [(name: String, values: [Double])] = [
                ("发现隐患", weeks.map { Double($0.foundGeneral + $0.foundMajor) }),
                ("已整改", weeks.map { Double($0.rectifiedGeneral + $0.rectifiedMajor) }),
                ("逾期", weeks.map { Double($0.overdueGeneral + $0.overdueMajor) }),
            ]
            charts.append(["title": "每周隐患趋势", "svg": SVGChart.lines(title: "每周隐患趋势", description: "自整治开始每周末累计发现、已整改与当周逾期的隐患数，截至\(progress.asOf.chinese)",
                                                 dates: dates, series: series)])
        }
        for burnUp in burnUps where burnUp.weeks.count > 1 {
            // The line the target needs: from nothing at the campaign's start to the count required on the due date.
            let span = Double(max(1, progress.startsOn.days(until: burnUp.dueOn)))
            let needed = burnUp.weeks.map { Double(burnUp.required) * min(1, Double(progress.startsOn.days(until: $0.day)) / span) }
            let title = "目标进度：\(burnUp.scope)\(burnUp.metric.chinese)"
            charts.append(["title": title, "svg": SVGChart.lines(
                title: title, description: "每周末累计完成数与按期完成目标（\(burnUp.required)，\(burnUp.dueOn.chinese)前）所需的进度线",
                dates: burnUp.weeks.map { String("\($0.day)".suffix(5)) },
                series: [("已完成", burnUp.weeks.map { Double($0.reached) })], target: ("应达进度", needed))])
        }
        if !progress.reliabilityByCategory.isEmpty {
            let items = progress.reliabilityByCategory.map {
                SVGChart.Bar(label: $0.name, values: [$0.reliability], link: nil)
            }
            charts.append(["title": "各类单位自报整改可靠率", "svg": SVGChart.bars(title: "各类单位自报整改可靠率", description: "单位自报已整改、经复查属实的比例，按单位类别",
                                                series: ["自报可靠率"], items: items)])
        }
        return charts
    }

    /// Rows sorted by a column, largest first: by the typed value the spreadsheet gets (counts, rates, money), by
    /// name for the name column; empty cells last.
    static func sorted(_ rows: [ProgressFigures], by column: ProgressColumn) -> [ProgressFigures] {
        func key(_ row: ProgressFigures) -> (Double?, String) {
            switch column.cell(row) {
            case .integer(let n): (Double(n), "")
            case .number(let x): (x, "")
            case .money(let money): (Double(money.fen), "")
            case .text(let text): (nil, text)
            case .date(let date): (nil, "\(date)")
            case .empty: (nil, "")
            }
        }
        return rows.sorted { a, b in
            let (x, y) = (key(a), key(b))
            switch (x.0, y.0) {
            case let (p?, q?): return p > q
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return x.1 < y.1
            }
        }
    }
}
