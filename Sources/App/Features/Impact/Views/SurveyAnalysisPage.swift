import Foundation
import Plot
import Statistics

/// `/impact/projects/{slug}/surveys/{id}/analysis`: what one survey's answers show, in full for the
/// organisation and under disclosure control for other members.
enum SurveyAnalysisPage {
    struct Model: Sendable {
        let page: PageContext
        let analysis: SurveyAnalysisController.Analysis
    }

    static func view(_ model: Model) -> HTML {
        let analysis = model.analysis
        let contents = analysis.contents
        let survey = contents.survey
        let project = contents.project
        let surveyID = survey.id!
        let mode = survey.mode
        return Layout(title: "What the answers show: \(survey.title)", page: model.page).render(
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .span(.class("caption"), .plainText(survey.title)),
            .h1(.plainText("What the answers show")),
            .p(.class("lead"), .plainText(intro(mode, beforeSurveys: analysis.beforeSurveys))),
            .if(
                analysis.isPublic,
                .p(
                    .class("inset"),
                    .plainText(
                        "You are seeing the figures as published beyond the organisation. " + Disclosure.publishedNote))
            ),
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
            .if(
                analysis.unpairedPeople > 0,
                .div(
                    .class("inset"),
                    .p(.plainText(unpairedSentence(analysis))))),
            .if(contents.items.isEmpty, .p(.plainText("This survey has no questions yet."))),
            .forEach(contents.items) { item in
                section(item, analysis: analysis)
            }
        )
    }

    /// How many after-answers could not be paired, true of the count for the organisation and
    /// under disclosure control for anyone else.
    private static func unpairedSentence(_ analysis: SurveyAnalysisController.Analysis) -> String {
        let count = SurveyAnalysisViews.published(analysis.unpairedPeople, isPublic: analysis.isPublic)
        let people: String
        switch count {
        case .exact(1): people = "1 person"
        case .exact(let value): people = "\(value) people"
        case .about(let value): people = "About \(value) people"
        case .fewerThanEight, .hidden: people = "Fewer than 8 people"
        }
        return
            "\(people) answered under a code that matches no answers from before the project. Their answers are counted below, but they cannot be paired, so they are not in the changes."
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
        let project = analysis.contents.project
        let name =
            item.indicator.map { "\($0.code): \($0.construct(for: project))" } ?? "\(item.code): \(item.question)"
        let paired = analysis.paired[item.code]
        return .section(
            .class("analysis"),
            .h2(.plainText(name)),
            .if(item.indicator != nil, .p(.class("hint"), .plainText(item.question))),
            .unwrap(item.indicator?.scoringNote) { .p(.class("hint"), .plainText("How it is scored: " + $0)) },
            .unwrap(paired) { paired in
                .group(
                    .if(
                        (paired.change.nPairs ?? 1) > 0 || !paired.includesThen,
                        SurveyAnalysisViews.changeSection(
                            paired.change, item: item, people: project.participantsWord,
                            heading: paired.includesThen ? "Change since the survey before" : nil, name: name)),
                    .unwrap(paired.perceivedChange) {
                        SurveyAnalysisViews.changeSection(
                            $0, item: item, people: project.participantsWord,
                            heading: "Perceived change, from looking back to now", name: name, lookingBack: true)
                    },
                    .unwrap(paired.responseShift) { shift in
                        .p(
                            .plainText(
                                "Response shift: on average people remembered their starting point \(SurveyAnalysisViews.decimal(abs(shift))) \(shift > 0 ? "lower" : "higher") than they had rated it at the time"
                                    + (shift == 0
                                        ? " (no shift)."
                                        : ". Looking back can make change seem larger or smaller than it was.")))
                    }
                )
            },
            .unwrap(analysis.pairCounts[item.code].flatMap { $0.isEmpty ? nil : $0 }) { pairs in
                SurveyAnalysisViews.pairedChart(
                    item, name: name, pairs: pairs,
                    startLabel: analysis.contents.survey.mode.asksThen && (paired?.change.nPairs ?? 0) == 0
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

    private static func answerChart(
        _ item: SurveyItem, name: String, rows: [(label: String, counts: [Double: Int])], isPublic: Bool
    ) -> Node<HTML.BodyContext> {
        let numberScale: Bool = { if case .number = item.answer { return true } else { return false } }()
        let choices =
            numberScale
            ? SurveyAnalysisViews.orderedChoices(
                item, counts: rows.reduce(into: [Double: Int]()) { $0.merge($1.counts, uniquingKeysWith: +) })
            : SurveyAnalysisViews.orderedChoices(item, counts: [:])
        let table = rows.map { row in
            (
                label: row.label, total: row.counts.values.reduce(0, +),
                shown: SurveyAnalysisViews.published(choices.map { row.counts[$0.value] ?? 0 }, isPublic: isPublic)
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
                        drawable.map {
                            SVGCharts.DivergingRow(label: $0.label, counts: $0.shown.map { $0.number ?? 0 })
                        },
                        answers: choices.map(\.label), id: id, title: "How people answered \(name)",
                        description:
                            "For each group, the share giving each answer: less favourable answers to the left of the centre line, more favourable to the right."
                            + (isPublic ? " Hidden small counts are left out." : "")
                            + " The numbers behind the chart, below it, give the counts."))),
            .if(
                isPublic && ordered && drawable.count < table.filter { $0.total > 0 }.count,
                .p(.class("hint"), .plainText("Groups with fewer than 10 answers are not drawn."))),
            SurveyAnalysisViews.numbersBehind(
                isChartDrawn: ordered && !drawable.isEmpty,
                .table(
                    .class("table"),
                    .caption(.plainText("Number of people giving each answer")),
                    .thead(.tr(.columnHeader("Answer"), .forEach(table) { .columnHeader($0.label) })),
                    .tbody(
                        .forEach(Array(choices.enumerated()).reversed()) { index, choice in
                            .tr(
                                .th(.attribute(named: "scope", value: "row"), .plainText(choice.label)),
                                .forEach(table) { column in
                                    .td(.plainText(column.shown[index].text))
                                })
                        })
                ))
        )
    }

    private static func nationalComparison(_ item: SurveyItem, headline: SurveyFigures.Headline, isPublic: Bool)
        -> Node<HTML.BodyContext>
    {
        guard let indicator = item.indicator, let figure = indicator.nationalFigures.last(where: { $0.percent != nil }),
            let national = figure.percent
        else { return .empty }
        let enough = !isPublic || Disclosure.allowsMeans(base: headline.people)
        let england = " In England as a whole, \(national)% did (Community Life Survey \(figure.year))."
        let here = SurveyAnalysisViews.topTwoShare(headline, isPublic: isPublic, place: "Here")
        return .div(
            .class("national-figure"),
            .h3(.plainText("Beside England's figure")),
            .if(
                enough,
                .p(.plainText(here + england))),
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
                        + "People who wrote one: \(SurveyAnalysisViews.published(count, isPublic: true).text)."))
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

}
