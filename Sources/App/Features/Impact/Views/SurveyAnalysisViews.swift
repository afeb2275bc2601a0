import Foundation
import Plot
import Statistics

/// Pieces the analysis pages and downloads share: the table of a paired change, the chart of each
/// person's move, and how counts and numbers are shown.
enum SurveyAnalysisViews {
    static func changeTable(_ change: ChangeAnalysis, heading: String?, name: String) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            .p(.strong(.plainText(change.summary))),
            .table(
                .class("table"),
                .caption(
                    .class("visually-hidden"), .plainText("Figures for \(name)" + (heading.map { ": \($0)" } ?? ""))),
                .tbody(
                    .labelledRow(
                        "People with answers at both times", change.counts?.whole.text ?? number(change.nPairs)),
                    .labelledRow(
                        "Improved / stayed the same / got worse",
                        change.counts.map { split in (0..<3).map(split.cell).joined(separator: " / ") } ?? "–"),
                    .labelledRow(
                        "Middle answer at the start and at the end",
                        "\(decimal(change.medianBefore)) → \(decimal(change.medianAfter))"),
                    .labelledRow(
                        "Average change (95% interval)",
                        decimal(change.meanChange)
                            + (change.ci95MeanChange.map { " (\(decimal($0.first)) to \(decimal($0.last)))" } ?? "")),
                    .labelledRow(
                        "Wilcoxon signed-rank test",
                        change.wilcoxon.map {
                            "p \(pValue($0.p)) (\($0.method == .exact ? "exact" : "normal approximation"))"
                        } ?? "not possible with this many answers"),
                    .labelledRow("Rank-biserial correlation (effect size)", decimal(change.rankBiserial)),
                    .labelledRow(
                        "Paired t-test",
                        change.pairedT.map { "t = \(decimal($0.t)), \($0.df) degrees of freedom, p \(pValue($0.p))" }
                            ?? "not possible with this many answers"),
                    .labelledRow(
                        "Standardised change d_z (Hedges g_z)",
                        change.dz.map { "\(decimal($0)) (\(decimal(change.gz)))" } ?? "–")
                )
            )
        )
    }

    static func pairedChart(_ item: SurveyItem, name: String, pairs: [SVGCharts.PairCount], startLabel: String) -> Node<
        HTML.BodyContext
    > {
        let values: [Double]
        switch item.answer {
        case .choices(let choices, _): values = choices.map(\.value)
        case .number(let range): values = [range.lowerBound, range.upperBound]
        case .text: values = []
        }
        let low = min(values.min() ?? 0, pairs.map { min($0.before, $0.after) }.min() ?? 0)
        let high = max(values.max() ?? 1, pairs.map { max($0.before, $0.after) }.max() ?? 1)
        let id = "pairs-" + item.code.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        let people = pairs.map(\.count).reduce(0, +)
        let svg = SVGCharts.pairedDotPlot(
            pairs, scale: low...high, lowerIsBetter: item.lowerIsBetter, id: id,
            title: "How each person's answer to \(name) changed",
            description:
                "One line for each move from an answer at the start (\(startLabel.lowercased())) to an answer at the end, \(people) people in all; thicker lines are moves more people made. The table below gives the same numbers."
        )
        return .div(
            .class("chart-block"),
            .h3(.plainText("Each person's change")),
            .raw(svg),
            .table(
                .class("table"),
                .caption(.plainText("The same moves as numbers")),
                .thead(.tr(.columnHeader(startLabel), .columnHeader("End"), .columnHeader("People"))),
                .tbody(
                    .forEach(pairs) { pair in
                        .tr(
                            .td(.plainText(decimal(pair.before, places: 0))),
                            .td(.plainText(decimal(pair.after, places: 0))), .td(.plainText(String(pair.count))))
                    })
            )
        )
    }

    /// The choices in the order a chart reads them: worst first for a scale.
    static func orderedChoices(_ item: SurveyItem, counts: [Double: Int]) -> [(label: String, value: Double)] {
        switch item.answer {
        case .choices(let choices, _):
            return choices.sorted { item.lowerIsBetter ? $0.value > $1.value : $0.value < $1.value }
        case .number:
            return counts.keys.sorted().map { (SurveyForm.formatted($0), $0) }
        case .text:
            return []
        }
    }

    /// Counts as shown: true counts inside the organisation, disclosure-controlled beyond it.
    static func published(_ counts: [Int], isPublic: Bool) -> [ShownCount] {
        isPublic ? Disclosure.shown(counts) : counts.map { .exact($0) }
    }

    /// One count (a total) as shown.
    static func published(_ count: Int, isPublic: Bool) -> ShownCount {
        isPublic ? Disclosure.shown(count) : .exact(count)
    }

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "–" }

    static func decimal(_ value: Double?, places: Int = 2) -> String {
        guard let value else { return "–" }
        return String(format: "%.\(places)f", value)
    }

    /// "= 0.023", or "< 0.001" rather than a p-value rounded to zero.
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : "= " + decimal(p, places: 3)
    }
}
