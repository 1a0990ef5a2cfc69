import Foundation

/// Charts drawn on the server as SVG: no script, no chart service. They print in black and white — series differ by
/// fill pattern and dash, not by colour alone, and every bar and point carries its value as text — and each has a
/// title and a description for a screen reader; the page gives the numbers as a table too. Presentation attributes
/// only: the content security policy forbids inline style.
enum SVGChart {
    struct Bar {
        var label: String
        /// One value per series; nil draws no bar and says 无.
        var values: [Double?]
        /// Where the bar leads: the cases behind it.
        var link: String?
    }

    /// Horizontal bars, one group per item, one bar per series, on a scale from 0 to `maximum`.
    static func bars(title: String, description: String, series: [String], items: [Bar], maximum: Double = 100,
                     unit: String = "%") -> String {
        let rowHeight = 14, groupGap = 10, labelWidth = 150, plotWidth = 420, top = 28
        let groupHeight = rowHeight * series.count + groupGap
        let height = top + groupHeight * items.count + 24
        var svg = header(width: labelWidth + plotWidth + 70, height: height, title: title, description: description)
        svg += legend(series, x: labelWidth, y: 14)
        for (index, item) in items.enumerated() {
            let y = top + index * groupHeight
            let label = "<text x=\"\(labelWidth - 6)\" y=\"\(y + rowHeight * series.count / 2 + 4)\" text-anchor=\"end\" font-size=\"12\">\(escape(item.label))</text>"
            var group = label
            for (seriesIndex, value) in item.values.enumerated() {
                let barY = y + seriesIndex * rowHeight
                let width = value.map { Int((min(max($0, 0), maximum) / maximum) * Double(plotWidth)) } ?? 0
                group += "<rect x=\"\(labelWidth)\" y=\"\(barY)\" width=\"\(width)\" height=\"\(rowHeight - 3)\" fill=\"\(fill(seriesIndex))\" stroke=\"#000\" stroke-width=\"0.5\"/>"
                let text = value.map { String(format: "%.1f", $0) + unit } ?? "无"
                group += "<text x=\"\(labelWidth + width + 4)\" y=\"\(barY + rowHeight - 4)\" font-size=\"11\">\(escape(text))</text>"
            }
            svg += item.link.map { "<a href=\"\(escape($0))\">\(group)</a>" } ?? group
        }
        svg += axis(x: labelWidth, y: top + groupHeight * items.count, width: plotWidth, maximum: maximum, unit: unit)
        return svg + "</svg>"
    }

    /// Lines over dates (weeks), one per series, told apart by dash and marker; the last value of each is written at
    /// its end.
    static func lines(title: String, description: String, dates: [String], series: [(name: String, values: [Double])],
                      target: (name: String, values: [Double])? = nil) -> String {
        let left = 48, top = 28, plotWidth = 480, plotHeight = 200
        let all = series.flatMap(\.values) + (target?.values ?? [])
        let maximum = max(1, (all.max() ?? 1) * 1.1)
        var svg = header(width: left + plotWidth + 120, height: top + plotHeight + 40, title: title, description: description)
        svg += legend(series.map(\.name) + (target.map { [$0.name] } ?? []), x: left, y: 14,
                      dashes: series.indices.map(dash) + (target == nil ? [] : [targetDash]))
        func point(_ index: Int, _ value: Double) -> (Int, Int) {
            let x = left + (dates.count > 1 ? index * plotWidth / (dates.count - 1) : 0)
            return (x, top + plotHeight - Int(value / maximum * Double(plotHeight)))
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#000\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#000\"/>"
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let y = top + plotHeight - step * plotHeight / 4
            svg += "<text x=\"\(left - 4)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"10\">\(Int(value.rounded()))</text>"
        }
        for index in stride(from: 0, to: dates.count, by: max(1, dates.count / 6)) {
            let (x, _) = point(index, 0)
            svg += "<text x=\"\(x)\" y=\"\(top + plotHeight + 14)\" text-anchor=\"middle\" font-size=\"10\">\(escape(dates[index]))</text>"
        }
        var drawn = series.enumerated().map { ($0.element.name, $0.element.values, dash($0.offset)) }
        if let target { drawn.append((target.name, target.values, targetDash)) }
        for (name, values, dashes) in drawn where !values.isEmpty {
            let points = values.enumerated().map { point($0.offset, $0.element) }
            svg += "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"1.6\" stroke-dasharray=\"\(dashes)\" points=\"\(points.map { "\($0.0),\($0.1)" }.joined(separator: " "))\"/>"
            let (x, y) = points.last!
            svg += "<text x=\"\(x + 4)\" y=\"\(y + 4)\" font-size=\"10\">\(escape(name)) \(Int(values.last!.rounded()))</text>"
        }
        return svg + "</svg>"
    }

    private static func header(width: Int, height: Int, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
            + "<title>\(escape(title))</title><desc>\(escape(description))</desc>"
            + "<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><path d=\"M0,4 L4,0\" stroke=\"#000\" stroke-width=\"1\"/></pattern></defs>"
    }

    /// A legend of bar fills, or of line dashes when `dashes` gives one per name.
    private static func legend(_ names: [String], x: Int, y: Int, dashes: [String]? = nil) -> String {
        var out = "", offset = x
        for (index, name) in names.enumerated() {
            if let dashes {
                out += "<line x1=\"\(offset)\" y1=\"\(y - 4)\" x2=\"\(offset + 18)\" y2=\"\(y - 4)\" stroke=\"#000\" stroke-width=\"1.6\" stroke-dasharray=\"\(dashes[index])\"/>"
            } else {
                out += "<rect x=\"\(offset)\" y=\"\(y - 10)\" width=\"12\" height=\"10\" fill=\"\(fill(index))\" stroke=\"#000\" stroke-width=\"0.5\"/>"
            }
            out += "<text x=\"\(offset + 22)\" y=\"\(y)\" font-size=\"11\">\(escape(name))</text>"
            offset += 30 + name.count * 12
        }
        return out
    }

    private static func axis(x: Int, y: Int, width: Int, maximum: Double, unit: String) -> String {
        var out = "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x + width)\" y2=\"\(y)\" stroke=\"#000\"/>"
        for step in 0...4 {
            let tickX = x + step * width / 4
            out += "<text x=\"\(tickX)\" y=\"\(y + 14)\" text-anchor=\"middle\" font-size=\"10\">\(Int(maximum * Double(step) / 4))\(escape(unit))</text>"
        }
        return out
    }

    /// Dark grey, hatched, white: apart in black and white too.
    private static func fill(_ series: Int) -> String { ["#444", "url(#hatch)", "#fff"][series % 3] }
    private static func dash(_ series: Int) -> String { ["", "6 3", "1 3", "8 2 2 2"][series % 4] }
    /// The line a target needs: dotted finer than any series.
    private static let targetDash = "2 2"

    private static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
