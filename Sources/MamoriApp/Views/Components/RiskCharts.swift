import Foundation
import MamoriCore
import Plot

extension Chart {
    /// The 3×3 heat map: rows importance 3→1, columns damage likelihood 1→3, each cell the count
    /// of risks, coloured by the band of importance × likelihood.
    static func heatMap(_ counts: [String: Int], title: String, description: String, rowLabel: String, columnLabel: String, id: String) -> Component {
        let cell = 90.0, left = 70.0, top = 10.0
        let width = left + cell * 3 + 10, height = top + cell * 3 + 50
        return El("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"), ("class", "chart heat-map"),
                          ("aria-labelledby", "\(id)-title \(id)-desc"), ("preserveAspectRatio", "xMinYMin meet")]) {
            El("title", [("id", "\(id)-title")]) { Text(title) }
            El("desc", [("id", "\(id)-desc")]) { Text(description) }
            for importance in [3, 2, 1] {
                let y = top + Double(3 - importance) * cell
                El("text", [("x", fmt(left - 12)), ("y", fmt(y + cell / 2 + 5)), ("class", "chart-label"), ("text-anchor", "end")]) { Text("\(importance)") }
                for likelihood in 1...3 {
                    let x = left + Double(likelihood - 1) * cell
                    let band = RiskRules.Band.of(importance * likelihood)
                    let count = counts["\(importance)x\(likelihood)"] ?? 0
                    El("rect", [("x", fmt(x + 2)), ("y", fmt(y + 2)), ("width", fmt(cell - 4)), ("height", fmt(cell - 4)), ("rx", "6"),
                                ("class", "heat heat-\(band.rawValue)" + (count == 0 ? " heat-empty" : ""))])
                    El("text", [("x", fmt(x + cell / 2)), ("y", fmt(y + cell / 2 + 8)), ("class", "heat-count"), ("text-anchor", "middle")]) { Text("\(count)") }
                }
            }
            for likelihood in 1...3 {
                El("text", [("x", fmt(left + Double(likelihood - 1) * cell + cell / 2)), ("y", fmt(top + cell * 3 + 20)), ("class", "chart-label"),
                            ("text-anchor", "middle")]) { Text("\(likelihood)") }
            }
            El("text", [("x", fmt(left + cell * 1.5)), ("y", fmt(top + cell * 3 + 42)), ("class", "chart-label"), ("text-anchor", "middle")]) { Text(columnLabel) }
            El("text", [("x", "14"), ("y", fmt(top + cell * 1.5)), ("class", "chart-label"), ("text-anchor", "middle"),
                        ("transform", "rotate(-90 14 \(fmt(top + cell * 1.5)))")]) { Text(rowLabel) }
        }
    }

    struct PlanBar {
        let label: String
        let start: PlanMonth
        let due: PlanMonth
        let state: String
    }

    /// One bar per item across the months from `first` for `months` months.
    static func planTimeline(_ bars: [PlanBar], first: PlanMonth, months: Int, title: String, description: String, id: String) -> Component {
        let left = 250.0, column = 40.0, row = 28.0, top = 32.0
        let width = left + column * Double(months) + 8, height = top + row * Double(max(bars.count, 1)) + 8
        return El("svg", [("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"), ("class", "chart plan-timeline"),
                          ("aria-labelledby", "\(id)-title \(id)-desc"), ("preserveAspectRatio", "xMinYMin meet")]) {
            El("title", [("id", "\(id)-title")]) { Text(title) }
            El("desc", [("id", "\(id)-desc")]) { Text(description) }
            for index in 0..<months {
                let month = first.adding(months: index)
                if month.month == 1 || index == 0 {
                    El("text", [("x", fmt(left + column * Double(index) + 2)), ("y", "10"), ("class", "chart-label small")]) { Text(String(month.year)) }
                }
                El("text", [("x", fmt(left + column * Double(index) + column / 2)), ("y", "25"), ("class", "chart-label small"), ("text-anchor", "middle")]) {
                    Text(String(month.month))
                }
                El("line", [("x1", fmt(left + column * Double(index))), ("x2", fmt(left + column * Double(index))), ("y1", "28"), ("y2", fmt(height)),
                            ("class", "chart-grid")])
            }
            for (index, bar) in bars.enumerated() {
                let y = top + row * Double(index)
                let startIndex = max(0, first.months(to: bar.start)), endIndex = min(months - 1, first.months(to: bar.due))
                El("text", [("x", "0"), ("y", fmt(y + 16)), ("class", "chart-label small")]) { Text(fitted(bar.label, width: 36)) }
                if endIndex >= startIndex {
                    El("rect", [("x", fmt(left + column * Double(startIndex) + 2)), ("y", fmt(y + 4)), ("width", fmt(column * Double(endIndex - startIndex + 1) - 4)),
                                ("height", "16"), ("rx", "3"), ("class", "plan-bar plan-\(bar.state)")])
                }
            }
        }
    }

    fileprivate static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The label cut to fit the chart's left column, counting a Japanese character as two
    /// half-width ones, so an English label is not cut at the length a Japanese one needs.
    static func fitted(_ label: String, width: Int) -> String {
        func units(_ character: Character) -> Int { character.unicodeScalars.allSatisfy { $0.value < 0x2E80 } ? 1 : 2 }
        guard label.reduce(0, { $0 + units($1) }) > width else { return label }
        var kept = "", used = 0
        for character in label {
            if used + units(character) > width - 2 { break }
            kept.append(character)
            used += units(character)
        }
        return kept + "…"
    }
}
