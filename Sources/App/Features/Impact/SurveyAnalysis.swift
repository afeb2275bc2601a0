import Fluent
import Foundation
import Plot
import SQLKit
import Statistics
import Vapor

/// What one survey's answers show, for the organisation in full and for other members under
/// disclosure control; and the same figures as CSV.
struct SurveyAnalysisController {
    /// Everything the analysis page and the downloads need, read with a fixed number of queries.
    struct Analysis {
        let contents: SurveyContents
        let isPublic: Bool
        let beforeSurveys: [Survey]
        let paired: [String: IndicatorAnalysis]
        let pairCounts: [String: [SVGCharts.PairCount]]
        /// Bars to draw per item: a label and the counts for it.
        let rows: [String: [(label: String, counts: [Double: Int])]]
        let headlines: [String: SurveyFigures.Headline]
        let written: [String: [String]]
        let writtenCounts: [String: Int]
    }

    func show(req: Request) async throws -> Response {
        let analysis = try await Self.analyse(req)
        return SurveyAnalysisViews.page(req, analysis).response()
    }

    /// The figures as published: for the organisation the true counts, for everyone else the
    /// counts under disclosure control.
    func figuresCSV(req: Request) async throws -> Response {
        let analysis = try await Self.analyse(req)
        var rows: [[String]] = []
        for item in analysis.contents.items {
            for row in analysis.rows[item.code] ?? [] {
                let choices = SurveyAnalysisViews.orderedChoices(item, counts: row.counts)
                let published = SurveyAnalysisViews.published(
                    choices.map { row.counts[$0.value] ?? 0 }, isPublic: analysis.isPublic)
                for (choice, count) in zip(choices, published) {
                    rows.append([
                        item.code, item.question, row.label, choice.label, count.map(String.init) ?? "fewer than 8", "",
                    ])
                }
            }
            if let change = analysis.paired[item.code]?.change {
                rows.append([
                    item.code, item.question, "Paired", "People with answers before and after",
                    change.nPairs.map(String.init) ?? "fewer than 8", change.summary,
                ])
                for (label, value) in [
                    ("Improved", change.improved), ("Stayed the same", change.same), ("Got worse", change.worse),
                ] {
                    rows.append([item.code, item.question, "Paired", label, value.map(String.init) ?? "hidden", ""])
                }
            }
            if case .text = item.answer {
                let count = analysis.writtenCounts[item.code] ?? 0
                rows.append([
                    item.code, item.question, "Written answers", "People who wrote an answer",
                    analysis.isPublic ? (Disclosure.publish(count).map(String.init) ?? "fewer than 8") : String(count),
                    "",
                ])
            }
        }
        let csv = CSVWriter.document(
            header: ["question_code", "question", "group", "answer", "people", "summary"],
            rows: rows.map { $0.map(Self.safeCell) })
        return Self.download(csv, name: "\(analysis.contents.project.slug)-figures.csv")
    }

    /// Every answer of the survey, one row per answer, for the organisation's admins. People
    /// appear under a stand-in for their code, never the code itself.
    func answersCSV(req: Request) async throws -> Response {
        let (project, survey) = try await SurveyController.survey(inProject: req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        let surveyID = try survey.requireID()
        let projectID = try project.requireID()
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        // Plain rows, a few queries in all; never a model object per answer.
        let responses = try await sql.raw(
            """
            SELECT id, participant_code AS code, entered_by IS NOT NULL AS paper FROM survey_responses
            WHERE survey_id = \(bind: surveyID) ORDER BY created_at, id
            """
        ).all()
        let answers = try await sql.raw(
            """
            SELECT response_id AS response, indicator_code AS item, part, value FROM survey_answers
            WHERE survey_id = \(bind: surveyID) ORDER BY part, indicator_code
            """
        ).all()
        let texts = try await sql.raw(
            """
            SELECT response_id AS response, item_code AS item, text FROM survey_text_answers
            WHERE survey_id = \(bind: surveyID) ORDER BY item_code
            """
        ).all()
        var cells: [UUID: [[String]]] = [:]
        for row in answers {
            cells[try row.decode(column: "response", as: UUID.self), default: []].append([
                try row.decode(column: "item", as: String.self), try row.decode(column: "part", as: String.self),
                SurveyForm.formatted(try row.decode(column: "value", as: Double.self)), "",
            ])
        }
        for row in texts {
            cells[try row.decode(column: "response", as: UUID.self), default: []].append([
                try row.decode(column: "item", as: String.self), SurveyAnswer.now, "",
                try row.decode(column: "text", as: String.self),
            ])
        }
        var standIns: [String: String] = [:]
        var rows: [[String]] = []
        for (number, response) in responses.enumerated() {
            let id = try response.decode(column: "id", as: UUID.self)
            let code = try response.decode(column: "code", as: String.self)
            if !code.isEmpty, standIns[code] == nil {
                standIns[code] = SurveyFigures.pseudonym(code: code, project: projectID, key: req.application.csrfKey)
            }
            let paper = try response.decode(column: "paper", as: Bool.self) ? "yes" : "no"
            for cell in cells[id] ?? [] {
                rows.append([String(number + 1), standIns[code] ?? "", survey.title, survey.mode] + cell + [paper])
            }
        }
        let csv = CSVWriter.document(
            header: [
                "response", "person", "survey", "mode", "question_code", "part", "answer", "written_answer",
                "typed_from_paper",
            ],
            rows: rows.map { $0.map(Self.safeCell) })
        return Self.download(csv, name: "\(project.slug)-answers.csv")
    }

    // MARK: Reading

    static func analyse(_ req: Request) async throws -> Analysis {
        let (project, survey) = try await SurveyController.survey(inProject: req)
        let organisationID = project.$organisation.id
        let isPublic = !Policy.can(req.currentUser, .administerOrganisation, .organisation(organisationID))
        let contents = try await survey.contents(on: req.db)
        let surveyID = try survey.requireID()
        let mode = survey.surveyMode
        let beforeSurveys =
            mode.pairsWithBefore
            ? try await project.surveys(on: req.db).filter { $0.surveyMode == .before }
            : []
        let beforeIDs = beforeSurveys.compactMap(\.id)
        let tallies =
            mode.pairsWithBefore
            ? try await SurveyFigures.pairTallies(beforeSurveys: beforeIDs, afterSurveys: [surveyID], on: req.db)
            : [:]
        var paired: [String: IndicatorAnalysis] = [:]
        for item in contents.items where item.isMeasured {
            guard let rows = tallies[item.code] else { continue }
            paired[item.code] = PairedAnalysis.analyse(
                indicator: item.code, observations: SurveyFigures.observations(rows), includesThen: mode.asksThen,
                lowerIsBetter: item.lowerIsBetter, public: isPublic)
        }
        // Each person's move is shown only inside the organisation: small groups could be recognised.
        let hasRealBefore = tallies.values.joined().contains { $0.before != nil && $0.after != nil }
        let pairCounts = isPublic ? [:] : SurveyFigures.pairCounts(tallies, fromThen: mode.asksThen && !hasRealBefore)
        let counts = try await SurveyFigures.counts(surveys: [surveyID] + beforeIDs, on: req.db)
        let here = counts[surveyID] ?? [:]
        let before = SurveyFigures.merge(beforeIDs.map { counts[$0] ?? [:] })
        var rows: [String: [(String, [Double: Int])]] = [:]
        var headlines: [String: SurveyFigures.Headline] = [:]
        for item in contents.items where item.isMeasured {
            var itemRows: [(String, [Double: Int])] = []
            switch mode {
            case .after:
                if let counts = before[item.code]?[SurveyAnswer.now] { itemRows.append(("Before", counts)) }
                itemRows.append(("After", here[item.code]?[SurveyAnswer.now] ?? [:]))
            case .afterWithThen:
                if let counts = before[item.code]?[SurveyAnswer.now] { itemRows.append(("Before, asked then", counts)) }
                itemRows.append(("Before, looking back", here[item.code]?[SurveyAnswer.then] ?? [:]))
                itemRows.append(("Now", here[item.code]?[SurveyAnswer.now] ?? [:]))
            default:
                itemRows.append(("Answers", here[item.code]?[SurveyAnswer.now] ?? [:]))
            }
            rows[item.code] = itemRows
            if let headline = SurveyFigures.headline(item, counts: here[item.code]?[SurveyAnswer.now] ?? [:]) {
                headlines[item.code] = headline
            }
        }
        let written = isPublic ? [:] : try await SurveyFigures.writtenAnswers(survey: surveyID, limit: 300, on: req.db)
        let writtenCounts = try await SurveyFigures.writtenAnswerCounts(survey: surveyID, on: req.db)
        return Analysis(
            contents: contents, isPublic: isPublic, beforeSurveys: beforeSurveys, paired: paired,
            pairCounts: pairCounts,
            rows: rows.mapValues { $0.map { (label: $0.0, counts: $0.1) } }, headlines: headlines, written: written,
            writtenCounts: writtenCounts)
    }

    /// Cells a spreadsheet would read as a formula start with a quote mark instead.
    static func safeCell(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil else { return value }
        return "'" + value
    }

    static func download(_ csv: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}

enum SurveyAnalysisViews {
    static func page(_ request: Request, _ analysis: SurveyAnalysisController.Analysis) -> HTML {
        let contents = analysis.contents
        let survey = contents.survey
        let project = contents.project
        let surveyID = survey.id!
        let mode = survey.surveyMode
        return Layout(title: "What the answers show: \(survey.title)", request: request).render(
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .span(.class("caption"), .plainText(survey.title)),
            .h1(.plainText("What the answers show")),
            .p(.class("lead"), .plainText(intro(mode, beforeSurveys: analysis.beforeSurveys))),
            .if(
                analysis.isPublic,
                .p(
                    .class("inset"),
                    .plainText(
                        "You are seeing the figures as published beyond the organisation: counts are rounded to the nearest 5, counts under 8 are hidden, and averages and percentages need at least 10 people."
                    ))),
            .p(
                .a(
                    .href(SiteURL.surveyFiguresCSV(project.slug, surveyID).path.attributeEscaped),
                    .plainText("Download these figures (CSV)")),
                .if(
                    !analysis.isPublic,
                    .group(
                        .plainText(" · "),
                        .a(
                            .href(SiteURL.surveyAnswersCSV(project.slug, surveyID).path.attributeEscaped),
                            .plainText("Download every answer, without codes (CSV)"))))),
            .if(contents.items.isEmpty, .p(.plainText("This survey has no questions yet."))),
            .forEach(contents.items) { item in
                section(item, analysis: analysis)
            }
        )
    }

    private static func intro(_ mode: Survey.Mode, beforeSurveys: [Survey]) -> String {
        switch mode {
        case .after:
            return beforeSurveys.isEmpty
                ? "There is no survey before the project to pair these answers with, so only the answers themselves are shown."
                : "Each person's answers before and after are paired by their code. Numbers are shown only where there are enough answers to mean something."
        case .afterWithThen:
            return
                "People said how they are now and, looking back, how they were before: the perceived change. Where they also answered a survey before the project, the difference between what they said then and how they remember it is the response shift."
        case .before:
            return "The answers before the project. Each person's change shows on the page of the survey after it."
        case .afterOnly, .feedback:
            return
                "How people answered. With no answers from before, this shows where people are, not how they changed."
        }
    }

    private static func section(_ item: SurveyItem, analysis: SurveyAnalysisController.Analysis) -> Node<
        HTML.BodyContext
    > {
        let name = item.indicator.map { "\($0.code): \($0.construct)" } ?? "\(item.code): \(item.question)"
        let paired = analysis.paired[item.code]
        return .section(
            .class("analysis"),
            .h2(.plainText(name)),
            .if(item.indicator != nil, .p(.class("hint"), .plainText(item.question))),
            .unwrap(paired) { paired in
                .group(
                    .if(
                        (paired.change.nPairs ?? 1) > 0 || !paired.includesThen,
                        changeTable(
                            paired.change, heading: paired.includesThen ? "Change since the survey before" : nil,
                            name: name)),
                    .unwrap(paired.perceivedChange) {
                        changeTable($0, heading: "Perceived change, from looking back to now", name: name)
                    },
                    .unwrap(paired.responseShift) { shift in
                        .p(
                            .plainText(
                                "Response shift: on average people remembered their starting point \(decimal(abs(shift))) \(shift > 0 ? "lower" : "higher") than they had rated it at the time"
                                    + (shift == 0
                                        ? " (no shift)."
                                        : ". Looking back can make change seem larger or smaller than it was.")))
                    }
                )
            },
            .unwrap(analysis.pairCounts[item.code].flatMap { $0.isEmpty ? nil : $0 }) { pairs in
                pairedChart(
                    item, name: name, pairs: pairs,
                    startLabel: analysis.contents.survey.surveyMode.asksThen && (paired?.change.nPairs ?? 0) == 0
                        ? "Looking back" : "Before")
            },
            .unwrap(analysis.rows[item.code]) { rows in
                answerChart(item, name: name, rows: rows, isPublic: analysis.isPublic)
            },
            .unwrap(analysis.headlines[item.code]) {
                nationalComparison(item, headline: $0, isPublic: analysis.isPublic)
            },
            .if(
                { if case .text = item.answer { return true } else { return false } }(),
                writtenAnswers(item, analysis: analysis))
        )
    }

    static func changeTable(_ change: ChangeAnalysis, heading: String?, name: String) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            .p(.strong(.plainText(change.summary))),
            .table(
                .class("table"),
                .caption(
                    .class("visually-hidden"), .plainText("Figures for \(name)" + (heading.map { ": \($0)" } ?? ""))),
                .tbody(
                    .labelledRow("People with answers at both times", number(change.nPairs)),
                    .labelledRow(
                        "Improved / stayed the same / got worse",
                        [change.improved, change.same, change.worse].map(number).joined(separator: " / ")),
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
    static func published(_ counts: [Int], isPublic: Bool) -> [Int?] {
        isPublic ? Disclosure.publish(counts) : counts.map(Optional.some)
    }

    private static func answerChart(
        _ item: SurveyItem, name: String, rows: [(label: String, counts: [Double: Int])], isPublic: Bool
    ) -> Node<HTML.BodyContext> {
        let numberScale: Bool = { if case .number = item.answer { return true } else { return false } }()
        let choices =
            numberScale
            ? orderedChoices(
                item, counts: rows.reduce(into: [Double: Int]()) { $0.merge($1.counts, uniquingKeysWith: +) })
            : orderedChoices(item, counts: [:])
        let table = rows.map { row in
            (
                label: row.label, total: row.counts.values.reduce(0, +),
                shown: published(choices.map { row.counts[$0.value] ?? 0 }, isPublic: isPublic)
            )
        }
        let ordered: Bool = {
            if case .choices(_, let ordered) = item.answer { return ordered } else { return false }
        }()
        let drawable = table.filter { $0.total > 0 && (!isPublic || Disclosure.allowsMeans(base: $0.total)) }
        let id = "answers-" + item.code.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" }
        return .div(
            .class("chart-block"),
            .h3(.plainText("How people answered")),
            .if(
                ordered && !drawable.isEmpty,
                .raw(
                    SVGCharts.divergingBars(
                        drawable.map { SVGCharts.DivergingRow(label: $0.label, counts: $0.shown.map { $0 ?? 0 }) },
                        answers: choices.map(\.label), id: id, title: "How people answered \(name)",
                        description:
                            "For each group, the share giving each answer: less favourable answers to the left of the centre line, more favourable to the right."
                            + (isPublic ? " Hidden small counts are left out." : "")
                            + " The table below gives the numbers."))),
            .if(
                isPublic && ordered && drawable.count < table.filter { $0.total > 0 }.count,
                .p(.class("hint"), .plainText("Groups with fewer than 10 answers are not drawn."))),
            .table(
                .class("table"),
                .caption(.plainText("Number of people giving each answer")),
                .thead(.tr(.columnHeader("Answer"), .forEach(table) { .columnHeader($0.label) })),
                .tbody(
                    .forEach(Array(choices.enumerated()).reversed()) { index, choice in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .plainText(choice.label)),
                            .forEach(table) { column in
                                .td(.plainText(column.shown[index].map(String.init) ?? "fewer than 8"))
                            })
                    })
            )
        )
    }

    private static func nationalComparison(_ item: SurveyItem, headline: SurveyFigures.Headline, isPublic: Bool)
        -> Node<HTML.BodyContext>
    {
        guard let indicator = item.indicator, let figure = indicator.nationalFigures.last(where: { $0.percent != nil }),
            let national = figure.percent
        else { return .empty }
        let enough = !isPublic || Disclosure.allowsMeans(base: headline.people)
        let share = headline.share
        return .div(
            .class("national-figure"),
            .h3(.plainText("Beside England's figure")),
            .if(
                enough,
                .p(
                    .plainText(
                        "Here, \(percent(share.estimate)) gave one of the top two answers (95% interval \(percent(share.low)) to \(percent(share.high)), from \(isPublic ? "about \(Disclosure.roundToNearest5(headline.people))" : String(headline.people)) people). In England as a whole, \(national)% did (Community Life Survey \(figure.year))."
                    ))),
            .if(
                !enough,
                .p(
                    .plainText(
                        "Fewer than 10 people answered, too few to give a share. In England as a whole, \(national)% gave one of the top two answers (Community Life Survey \(figure.year))."
                    ))),
            .if(
                enough && Disclosure.isLowReliability(base: headline.people),
                .p(.class("hint"), .plainText("Low reliability: fewer than 30 answers, so the interval is wide."))),
            .p(
                .class("hint"),
                .plainText(
                    "England's figure is context, not a control group: the people here were not chosen to be like England, and the interval shows how far the share could move by chance alone."
                ))
        )
    }

    private static func writtenAnswers(_ item: SurveyItem, analysis: SurveyAnalysisController.Analysis) -> Node<
        HTML.BodyContext
    > {
        let count = analysis.writtenCounts[item.code] ?? 0
        if analysis.isPublic {
            return .p(
                .plainText(
                    "Written answers stay inside the organisation. "
                        + (Disclosure.publish(count).map { "About \($0) people wrote one." }
                            ?? "Fewer than 8 people wrote one.")))
        }
        let answers = analysis.written[item.code] ?? []
        return .div(
            .h3(.plainText("Written answers (\(count))")),
            .if(answers.isEmpty, .p(.plainText("None yet."))),
            .ul(.class("bullet-list"), .forEach(answers) { .li(.plainText($0)) }),
            .if(
                count > answers.count,
                .p(.class("hint"), .plainText("The newest \(answers.count) are shown; the CSV download has them all.")))
        )
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

    private static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }
}
