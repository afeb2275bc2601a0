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
    /// `tickLabels` names the values of a worded scale ("Very confident"); other ticks show numbers.
    static func pairedDotPlot(
        _ pairs: [PairCount], scale: ClosedRange<Double>, lowerIsBetter: Bool, id: String,
        tickLabels: [Double: String] = [:], title: String, description: String
    ) -> String {
        // Room on the left for the longest word, at about 8 units a character of the 14px labels.
        let longest = Double(tickLabels.values.map(\.count).max() ?? 3)
        let left = max(70.0, 24 + longest * 8)
        let right = left + 220
        let width = right + 70
        let height = 240.0
        let top = 20.0
        let bottom = 200.0
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
        let ticks =
            tickLabels.isEmpty
            ? Array(stride(from: scale.lowerBound, through: scale.upperBound, by: span <= 10 ? 1 : span / 5))
            : tickLabels.keys.filter { scale.contains($0) }.sorted()
        for tick in ticks {
            let label = tickLabels[tick] ?? format(tick)
            svg +=
                "<text x=\"\(format(left - 12))\" y=\"\(format(y(tick) + 4))\" text-anchor=\"end\" class=\"chart__tick\">\(label.attributeEscaped)</text>\n"
        }
        for pair in pairs.sorted(by: { $0.count < $1.count }) {
            let better = lowerIsBetter ? pair.after < pair.before : pair.after > pair.before
            let worse = lowerIsBetter ? pair.after > pair.before : pair.after < pair.before
            let kind = better ? "better" : worse ? "worse" : "same"
            let stroke = 1.5 + 10 * Double(pair.count) / largest
            svg +=
                "<line x1=\"\(left)\" y1=\"\(format(y(pair.before)))\" x2=\"\(right)\" y2=\"\(format(y(pair.after)))\" class=\"chart__pair chart__pair--\(kind)\" stroke-width=\"\(format(stroke))\"/>\n"
            svg +=
                "<circle cx=\"\(left)\" cy=\"\(format(y(pair.before)))\" r=\"4\" class=\"chart__dot\"/><circle cx=\"\(right)\" cy=\"\(format(y(pair.after)))\" r=\"4\" class=\"chart__dot\"/>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// One bar of a diverging chart: how many gave each answer, worst answer first.
    struct DivergingRow: Equatable, Sendable {
        let label: String
        let counts: [Int]
    }

    /// Diverging stacked bars for an answer scale: unfavourable answers to the left of a centre
    /// line, favourable ones to the right, a middle answer split across it. Each bar is drawn as
    /// shares of its own total, so rows with different numbers of people compare fairly.
    static func divergingBars(_ rows: [DivergingRow], answers: [String], id: String, title: String, description: String)
        -> String
    {
        let labelWidth = 130.0
        let half = 190.0
        let centre = labelWidth + 10 + half
        let rowHeight = 34.0
        let barHeight = 22.0
        let top = 10.0
        let legendTop = top + Double(rows.count) * rowHeight + 12
        let legendRows = (answers.count + 2) / 3
        let height = legendTop + Double(legendRows) * 22 + 8
        let width = centre + half + 10
        let n = answers.count
        func kind(_ index: Int) -> String {
            if n % 2 == 1 && index == n / 2 { return "middle" }
            let lowSide = index < n / 2
            let distance = lowSide ? n / 2 - index : index - (n - 1) / 2
            let far = distance > max(1, n / 4)
            return (lowSide ? "low" : "high") + (far ? "-far" : "")
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--wide" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(title.attributeEscaped)</title>
            <desc id="\(id)-desc">\(description.attributeEscaped)</desc>

            """
        for (rowIndex, row) in rows.enumerated() {
            let total = Double(row.counts.reduce(0, +))
            let y = top + Double(rowIndex) * rowHeight
            svg +=
                "<text x=\"\(format(labelWidth))\" y=\"\(format(y + barHeight / 2 + 5))\" text-anchor=\"end\" class=\"chart__label\">\(row.label.attributeEscaped)</text>\n"
            guard total > 0 else { continue }
            let shares = row.counts.map { Double($0) / total }
            // The left edge: everything below the middle, plus half of a middle answer.
            var below = shares.prefix(n / 2).reduce(0, +)
            if n % 2 == 1 { below += shares[n / 2] / 2 }
            var x = centre - below * half
            for (index, share) in shares.enumerated() where share > 0 {
                let w = share * half
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(w))\" height=\"\(format(barHeight))\" class=\"chart__seg chart__seg--\(kind(index))\"/>\n"
                x += w
            }
        }
        svg +=
            "<line x1=\"\(format(centre))\" y1=\"\(format(top - 4))\" x2=\"\(format(centre))\" y2=\"\(format(legendTop - 8))\" class=\"chart__axis\"/>\n"
        // The legend, best answer first, three to a line.
        for (position, index) in (0..<n).reversed().enumerated() {
            let x = 10 + Double(position % 3) * (width - 20) / 3
            let y = legendTop + Double(position / 3) * 22
            svg +=
                "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"14\" height=\"14\" class=\"chart__seg chart__seg--\(kind(index))\"/>"
            svg +=
                "<text x=\"\(format(x + 20))\" y=\"\(format(y + 12))\" class=\"chart__tick\">\(answers[index].attributeEscaped)</text>\n"
        }
        svg += "</svg>"
        return svg
    }

    /// One column of a weekly chart: its short label and its value, or nil where there is none.
    struct WeeklyValue: Equatable, Sendable {
        let label: String
        let value: Int?
    }

    /// A bar for each week on a scale of 1 to `maximum`, taller for a higher level. A week with no
    /// value has no bar and a short dash on the axis, so a missing week never looks like a calm one.
    /// Every `labelEvery`th week is labelled on the axis.
    static func weeklyLevels(
        _ weeks: [WeeklyValue], maximum: Int, id: String, title: String, description: String, labelEvery: Int = 2
    ) -> String {
        let left = 40.0
        let top = 12.0
        let bottom = 170.0
        let columns = max(weeks.count, 1)
        let step = max(14.0, min(48.0, 560.0 / Double(columns)))
        let width = left + step * Double(columns) + 12
        let height = bottom + 34
        func y(_ level: Double) -> Double { bottom - level / Double(max(maximum, 1)) * (bottom - top) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--wide" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(title.attributeEscaped)</title>
            <desc id="\(id)-desc">\(description.attributeEscaped)</desc>
            <line x1="\(format(left))" y1="\(format(bottom))" x2="\(format(width - 6))" y2="\(format(bottom))" class="chart__axis"/>

            """
        for level in 1...max(maximum, 1) {
            svg +=
                "<text x=\"\(format(left - 10))\" y=\"\(format(y(Double(level)) + 5))\" text-anchor=\"end\" class=\"chart__tick\">\(level)</text>\n"
        }
        let every = max(labelEvery, 1)
        for (index, week) in weeks.enumerated() {
            let x = left + step * Double(index)
            let barWidth = step * 0.7
            if let value = week.value {
                let clamped = Double(min(max(value, 0), maximum))
                svg +=
                    "<rect x=\"\(format(x + step * 0.15))\" y=\"\(format(y(clamped)))\" width=\"\(format(barWidth))\" height=\"\(format(bottom - y(clamped)))\" class=\"chart__bar chart__bar--level-\(min(max(value, 1), 5))\"/>\n"
            } else {
                svg +=
                    "<line x1=\"\(format(x + step * 0.3))\" y1=\"\(format(bottom - 4))\" x2=\"\(format(x + step * 0.7))\" y2=\"\(format(bottom - 4))\" class=\"chart__missing\"/>\n"
            }
            if index % every == (weeks.count - 1) % every {
                svg +=
                    "<text x=\"\(format(x + step / 2))\" y=\"\(format(bottom + 20))\" text-anchor=\"middle\" class=\"chart__tick\">\(week.label.attributeEscaped)</text>\n"
            }
        }
        svg += "</svg>"
        return svg
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
