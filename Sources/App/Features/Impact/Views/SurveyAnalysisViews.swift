import Foundation
import Plot
import Statistics

/// Pieces the analysis pages and downloads share: the table of a paired change, the chart of each
/// person's move, and how counts and numbers are shown.
enum SurveyAnalysisViews {
    /// One change: a plain sentence of what changed, then, folded away, how sure we can be: the
    /// summary with its test, and each figure with a sentence saying what it means.
    static func changeSection(
        _ change: ChangeAnalysis, item: SurveyItem, people: String, heading: String?, name: String,
        lookingBack: Bool = false
    ) -> Node<HTML.BodyContext> {
        let plain = ChangeInWords.of(item).sentence(change, people: people, lookingBack: lookingBack)
        let isPublished = change.counts.map { !$0.isExact } ?? false
        var rows: [(String, String, String)] = [
            (
                "People with answers at both times", change.counts?.whole.text ?? number(change.nPairs),
                "Only people who answered at both times, under the same code, are compared."
            ),
            (
                "Improved / stayed the same / got worse",
                change.counts.map { split in (0..<3).map(split.cell).joined(separator: " / ") } ?? "–",
                "How many gave a better, the same or a worse answer at the end than at the start."
            ),
            (
                "Middle answer at the start and at the end",
                "\(answerWords(change.medianBefore, item: item)) → \(answerWords(change.medianAfter, item: item))",
                "Half the people gave this answer or a lower one, and half this or a higher one."
            ),
        ]
        let tests: [(String, String, String)] = [
            (
                "Average change (95% interval)",
                decimal(change.meanChange)
                    + (change.ci95MeanChange.map { " (\(decimal($0.first)) to \(decimal($0.last)))" } ?? ""),
                "How far answers moved on average, in steps of the answer scale, and the range the true average most likely lies in."
            ),
            (
                "Wilcoxon signed-rank test",
                change.wilcoxon.map { "p \(pValue($0.p)) (\($0.method == .exact ? "exact" : "normal approximation"))" }
                    ?? "not possible with this many answers",
                "How likely a change this consistent would be if nothing had really changed: under 0.05 is taken as unlikely to be chance."
            ),
            (
                "Rank-biserial correlation (effect size)", decimal(change.rankBiserial),
                "From −1 to 1: how much more people moved one way than the other, weighting bigger moves more; 0 is no lean either way."
            ),
            (
                "Paired t-test",
                change.pairedT.map { "t = \(decimal($0.t)), \($0.df) degrees of freedom, p \(pValue($0.p))" }
                    ?? "not possible with this many answers",
                "A second test of the average change; it trusts the average more than the Wilcoxon test does."
            ),
            (
                "Standardised change d_z (Hedges g_z)",
                change.dz.map { "\(decimal($0)) (\(decimal(change.gz)))" } ?? "–",
                "The average change set against how much people's changes differed: about 0.2 is small, 0.5 medium and 0.8 large."
            ),
        ]
        if isPublished {
            rows.append(
                (
                    "Averages, tests and effect sizes", "inside the organisation only",
                    "With counts rounded, an average or a test's figures could show the exact numbers, so only whether chance is a likely explanation is given above."
                ))
        } else {
            rows += tests
        }
        return .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            .p(.class("lead"), .plainText(plain ?? change.summary)),
            .details(
                .class("details"),
                .summary(.class("details__summary"), .plainText("How sure can we be?")),
                .p(.plainText(change.summary)),
                .dl(
                    .class("summary-list"),
                    .attribute(named: "aria-label", value: "Figures for \(name)".attributeEscaped),
                    .forEach(rows) { row in
                        .div(.dt(.plainText(row.0)), .dd(.plainText(row.1), .p(.class("hint"), .plainText(row.2))))
                    })
            )
        )
    }

    /// A middle answer in the answer's words: "Fairly confident", or "between Not very confident
    /// and Somewhat confident" for a median halfway between two answers; a number where the
    /// answer is one.
    static func answerWords(_ value: Double?, item: SurveyItem) -> String {
        guard let value else { return "–" }
        guard case .choices(let choices, _) = item.answer else { return decimal(value) }
        if let exact = choices.first(where: { $0.value == value }) { return exact.label }
        let below = choices.filter { $0.value < value }.max { $0.value < $1.value }
        let above = choices.filter { $0.value > value }.min { $0.value < $1.value }
        if let below, let above { return "between \(below.label) and \(above.label)" }
        return decimal(value)
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
        let words: [Double: String]
        if case .choices(let choices, _) = item.answer {
            words = Dictionary(choices.map { ($0.value, $0.label) }, uniquingKeysWith: { first, _ in first })
        } else {
            words = [:]
        }
        let svg = SVGCharts.pairedDotPlot(
            pairs, scale: low...high, lowerIsBetter: item.lowerIsBetter, id: id, tickLabels: words,
            title: "How each person's answer to \(name) changed",
            description:
                "One line for each move from an answer at the start (\(startLabel.lowercased())) to an answer at the end, \(people) people in all; thicker lines are moves more people made. The numbers behind the chart, below it, give the same moves."
        )
        return .div(
            .class("chart-block"),
            .h3(.plainText("Each person's change")),
            .raw(svg),
            numbersBehind(
                isChartDrawn: true,
                .table(
                    .class("table"),
                    .caption(.plainText("The same moves as numbers")),
                    .thead(.tr(.columnHeader(startLabel), .columnHeader("End"), .columnHeader("People"))),
                    .tbody(
                        .forEach(pairs) { pair in
                            .tr(
                                .td(.plainText(answerWords(pair.before, item: item))),
                                .td(.plainText(answerWords(pair.after, item: item))),
                                .td(.plainText(String(pair.count))))
                        })
                ))
        )
    }

    /// A chart's table: folded away under the chart, so each indicator stays short on a phone,
    /// and open when there is no chart, since it is then the only way to read the figures.
    static func numbersBehind(isChartDrawn: Bool, _ table: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        guard isChartDrawn else { return table }
        // Built as elements: Plot's details takes only nodes made inside it, and the table is made apart.
        return .element(
            named: "details",
            nodes: [
                .class("details"),
                .element(
                    named: "summary",
                    nodes: [.class("details__summary"), .plainText("The numbers behind the chart")]),
                table,
            ])
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

    /// "Here, 62% gave one of the top two answers (95% interval 40% to 80%, from 16 people)." Beyond
    /// the organisation, what disclosure control allows of the two counts (top two answers, the
    /// rest), with no interval: an exact percentage and its interval give the counts away.
    static func topTwoShare(_ headline: SurveyFigures.Headline, isPublic: Bool, place: String) -> String {
        guard isPublic else {
            let share = headline.share
            return
                "\(place), \(percentage(share.estimate)) gave one of the top two answers (95% interval \(percentage(share.low)) to \(percentage(share.high)), from \(headline.people) people)."
        }
        let split = Disclosure.split([headline.top, headline.people - headline.top], exact: false)
        if split.isWithheld {
            return "\(place), with so few people, any share could give someone's answer away, so none is shown."
        }
        if split.parts[0] == .hidden {
            return
                "\(place), of \(split.whole.text) people, how many gave one of the top two answers is hidden, so that a small count cannot be worked out."
        }
        let who = split.parts[0] == .exact(0) ? "none" : split.cell(0)
        return "\(place), \(who) of \(split.whole.text) people gave one of the top two answers."
    }

    static func percentage(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

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
