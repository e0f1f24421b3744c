import Foundation
import Plot

/// Charts drawn on the server as SVG: no script, readable when printed. Each chart carries a
/// `<title>` and `<desc>` and the page shows the same numbers as a table (text alternative).
enum Chart {
    struct Bar {
        let label: String
        /// 0…1
        let fraction: Double
        let valueText: String
    }

    /// Horizontal bars, one per row.
    static func bars(_ bars: [Bar], title: String, description: String, id: String) -> Component {
        // Drawn for a phone-sized box (420 units wide) so that 14-unit text stays readable
        // when the chart shrinks to a phone's width.
        let rowHeight = 44.0, labelWidth = 0.0, width = 420.0
        let height = Double(bars.count) * rowHeight + 8
        return El("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"), ("class", "chart"),
                          ("aria-labelledby", "\(id)-title \(id)-desc"), ("preserveAspectRatio", "xMinYMin meet")]) {
            El("title", [("id", "\(id)-title")]) { Text(title) }
            El("desc", [("id", "\(id)-desc")]) { Text(description) }
            for (index, bar) in bars.enumerated() {
                let y = Double(index) * rowHeight + 4
                let barWidth = max(0, min(1, bar.fraction)) * (width - labelWidth - 80)
                El("text", [("x", "0"), ("y", fmt(y + 13)), ("class", "chart-label")]) { Text(bar.label) }
                El("rect", [("x", fmt(labelWidth)), ("y", fmt(y + 18)), ("width", fmt(width - labelWidth - 80)), ("height", "16"), ("rx", "3"), ("class", "chart-track")])
                El("rect", [("x", fmt(labelWidth)), ("y", fmt(y + 18)), ("width", fmt(barWidth)), ("height", "16"), ("rx", "3"), ("class", "chart-bar")])
                El("text", [("x", fmt(width - 74)), ("y", fmt(y + 31)), ("class", "chart-value")]) { Text(bar.valueText) }
            }
        }
    }

    struct Point {
        let label: String
        let value: Double
        let series: Int
    }

    /// Totals over time: one line per series (site), x = order of the diagnoses, y = 0…maxValue.
    /// Band boundaries (50, 70, 100) are drawn as guides.
    static func trend(_ points: [Point], seriesNames: [String], minValue: Double, maxValue: Double, guides: [Double],
                      title: String, description: String, id: String) -> Component {
        let width = 420.0, height = 240.0, left = 34.0, right = 14.0, top = 20.0, bottom = 34.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { points.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - minValue) / (maxValue - minValue)) }
        let indexed = Array(points.enumerated())
        return El("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"), ("class", "chart"),
                          ("aria-labelledby", "\(id)-title \(id)-desc")]) {
            El("title", [("id", "\(id)-title")]) { Text(title) }
            El("desc", [("id", "\(id)-desc")]) { Text(description) }
            for guide in guides {
                El("line", [("x1", fmt(left)), ("x2", fmt(width - right)), ("y1", fmt(y(guide))), ("y2", fmt(y(guide))), ("class", "chart-guide")])
                El("text", [("x", "0"), ("y", fmt(y(guide) + 4)), ("class", "chart-axis")]) { Text(String(Int(guide))) }
            }
            for series in 0..<max(seriesNames.count, 1) {
                let seriesPoints = indexed.filter { $0.element.series == series }
                if seriesPoints.count > 1 {
                    El.void("polyline", [("points", seriesPoints.map { "\(fmt(x($0.offset))),\(fmt(y($0.element.value)))" }.joined(separator: " ")),
                                         ("class", "chart-line series-\(series % 5)")])
                }
                for point in seriesPoints {
                    El("circle", [("cx", fmt(x(point.offset))), ("cy", fmt(y(point.element.value))), ("r", "4"), ("class", "chart-dot series-\(series % 5)")]) {
                        El("title") { Text("\(point.element.label): \(Int(point.element.value))") }
                    }
                    // Values are written beside the dots while there are few enough to read.
                    if points.count <= 12 {
                        El("text", [("x", fmt(x(point.offset))), ("y", fmt(y(point.element.value) - 8)), ("class", "chart-axis"), ("text-anchor", "middle")]) {
                            Text(String(Int(point.element.value)))
                        }
                    }
                }
            }
            if let first = points.first {
                El("text", [("x", fmt(x(0))), ("y", fmt(height - 8)), ("class", "chart-axis"), ("text-anchor", points.count == 1 ? "middle" : "start")]) { Text(first.label) }
            }
            if points.count > 1, let last = points.last {
                El("text", [("x", fmt(width - right)), ("y", fmt(height - 8)), ("class", "chart-axis"), ("text-anchor", "end")]) { Text(last.label) }
            }
        }
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
