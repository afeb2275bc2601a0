import Foundation

/// Charts drawn on the server as SVG: no JavaScript, readable by screen readers through a title
/// and description, always shown beside a table of the same numbers.
enum SVGCharts {
    /// How many people moved from one answer before to one answer after.
    struct PairCount: Equatable, Sendable {
        let before: Double
        let after: Double
        let count: Int
    }

    /// A paired dot plot: "before" on the left, "after" on the right, one line for each
    /// before-to-after combination, as thick as the number of people who made it. Lines that go up
    /// are drawn in the "better" colour when higher is better (and the other way round).
    static func pairedDotPlot(_ pairs: [PairCount], scale: ClosedRange<Double>, lowerIsBetter: Bool, id: String, title: String, description: String) -> String {
        let width = 360.0, height = 240.0, left = 70.0, right = 290.0, top = 20.0, bottom = 200.0
        let span = max(scale.upperBound - scale.lowerBound, 1)
        func y(_ value: Double) -> Double { bottom - (value - scale.lowerBound) / span * (bottom - top) }
        let largest = Double(pairs.map(\.count).max() ?? 1)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(title.attributeEscaped)</title>
            <desc id="\(id)-desc">\(description.attributeEscaped)</desc>
            <line x1="\(left)" y1="\(top)" x2="\(left)" y2="\(bottom)" class="chart__axis"/>
            <line x1="\(right)" y1="\(top)" x2="\(right)" y2="\(bottom)" class="chart__axis"/>
            <text x="\(left)" y="\(bottom + 25)" text-anchor="middle" class="chart__label">Before</text>
            <text x="\(right)" y="\(bottom + 25)" text-anchor="middle" class="chart__label">After</text>

            """
        let ticks = stride(from: scale.lowerBound, through: scale.upperBound, by: span <= 10 ? 1 : span / 5)
        for tick in ticks {
            svg += "<text x=\"\(left - 12)\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\" class=\"chart__tick\">\(format(tick))</text>\n"
        }
        for pair in pairs.sorted(by: { $0.count < $1.count }) {
            let better = lowerIsBetter ? pair.after < pair.before : pair.after > pair.before
            let worse = lowerIsBetter ? pair.after > pair.before : pair.after < pair.before
            let kind = better ? "better" : worse ? "worse" : "same"
            let stroke = 1.5 + 10 * Double(pair.count) / largest
            svg += "<line x1=\"\(left)\" y1=\"\(format(y(pair.before)))\" x2=\"\(right)\" y2=\"\(format(y(pair.after)))\" class=\"chart__pair chart__pair--\(kind)\" stroke-width=\"\(format(stroke))\"/>\n"
            svg += "<circle cx=\"\(left)\" cy=\"\(format(y(pair.before)))\" r=\"4\" class=\"chart__dot\"/><circle cx=\"\(right)\" cy=\"\(format(y(pair.after)))\" r=\"4\" class=\"chart__dot\"/>\n"
        }
        svg += "</svg>"
        return svg
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
