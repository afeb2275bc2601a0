import Foundation
import Plot
import Statistics

/// `/impact/projects/{slug}/report` and `/public-report`: the report for a board or a funder,
/// following the theory of change. The organisation's admins read their own with exact counts;
/// the public version, and anyone else's, has its figures under disclosure control.
enum ProjectReportPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        let organisation: Organisation
        let outcomes: [Outcome]
        let lookup: IndicatorLookup
        /// The paired analysis of each indicator, by code, as published.
        let analyses: [String: IndicatorAnalysis]
        let surveys: [Survey]
        let counts: [UUID: SurveyFigures.Counts]
        /// How many people answered each survey, by its id.
        let responses: [UUID: Int]
        /// Stories a panel chose whose tellers agreed they may leave the organisation.
        let chosenStories: [ChangeStory]
        /// Whether the figures are under disclosure control (anything that leaves the organisation).
        let isPublic: Bool
        /// Whether the reader may open the project's own pages.
        let canReadProject: Bool
        /// When the report is written, as it says.
        var writtenAt = Date()
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let lookup = model.lookup
        let analyses = model.analyses
        let surveys = model.surveys
        let counts = model.counts
        let responses = model.responses
        let chosenStories = model.chosenStories
        let isPublic = model.isPublic
        return Layout(title: "\(isPublic ? "Public report" : "Report"): \(project.name)", page: model.page).render(
            .p(
                .class("no-print"),
                .if(
                    model.canReadProject,
                    .group(
                        .a(
                            .href(SiteURL.project(project.slug).path.attributeEscaped),
                            .plainText("Back to the project")),
                        .plainText(". "))),
                .plainText("This report is ready to print or save as PDF from your browser.")),
            .span(.class("caption"), .plainText(model.organisation.name)),
            .h1(.plainText("\(project.name): what changed")),
            .p(.class("lead"), .plainText(project.summary)),
            .if(
                isPublic,
                .p(
                    .class("hint"),
                    .plainText("\(Disclosure.publishedNote) Written \(DisplayDate.day(model.writtenAt))."))
            ),
            .if(
                !isPublic,
                .p(
                    .class("inset"),
                    .plainText(
                        "This is the organisation's own report, with exact counts: keep it inside the organisation. Written \(DisplayDate.day(model.writtenAt)). For a funder or anyone else, share "
                    ),
                    .a(
                        .href(SiteURL.projectPublicReport(project.slug).path.attributeEscaped),
                        .plainText("the public version")),
                    .plainText(", whose figures are under disclosure control."))),
            .h2(.plainText("What went in and what we did")),
            list("What goes in", Project.lines(project.inputs)),
            list("What we do", Project.lines(project.activities)),
            list("What we count", Project.lines(project.outputs)),
            .h2(.plainText("Surveys")),
            .if(surveys.isEmpty, .p(.plainText("No surveys yet."))),
            .ul(
                .class("bullet-list"),
                .forEach(surveys) { survey in
                    .li(
                        .plainText(
                            "\(survey.title) (\(survey.mode.label.lowercased())): "
                                + answered(responses[survey.id!] ?? 0, isPublic: isPublic)))
                }),
            .h2(.plainText("The changes we hoped for, and the evidence")),
            .if(model.outcomes.isEmpty, .p(.plainText("No outcomes set yet."))),
            .forEach(model.outcomes) { outcome in
                .section(
                    .class("report-outcome"),
                    .h3(.plainText(outcome.description)),
                    .ul(
                        .class("bullet-list"),
                        .forEach(outcome.indicators(lookup)) { indicator in
                            .li(
                                .strong(.plainText("\(indicator.construct(for: project)) (\(indicator.code)). ")),
                                .plainText(analyses[indicator.code]?.change.summary ?? "No paired answers yet."),
                                .unwrap(analyses[indicator.code]?.perceivedChange) { .plainText(" " + $0.summary) },
                                .unwrap(nationalLine(indicator, surveys: surveys, counts: counts, isPublic: isPublic)) {
                                    .plainText(" " + $0)
                                }
                            )
                        })
                )
            },
            .h2(.plainText("Stories of change")),
            .if(
                chosenStories.isEmpty,
                .p(.plainText("No stories of change chosen yet that their tellers agreed may leave the organisation."))),
            .forEach(chosenStories) { story in
                .section(
                    .class("report-story"),
                    .h3(
                        .plainText(
                            "\(story.domain.label): told by \(story.teller)"
                        )),
                    .p(.plainText(story.whatHappened)),
                    .p(.em(.plainText("Why it matters to them: " + story.whyItMatters))),
                    .forEach(story.selections.filter(\.chosen)) { selection in
                        .p(
                            .class("hint"),
                            .plainText("Chosen by \(selection.panel) (\(selection.level)): \(selection.reasons)"))
                    }
                )
            },
            .h2(.plainText("The difference in the long run")),
            list(nil, Project.lines(project.impact))
        )
    }

    /// The share giving the top two answers in the latest survey, beside England's figure.
    private static func nationalLine(
        _ indicator: LibraryIndicator, surveys: [Survey], counts: [UUID: SurveyFigures.Counts], isPublic: Bool
    ) -> String? {
        guard let figure = indicator.nationalFigures.last(where: { $0.percent != nil }), let national = figure.percent
        else { return nil }
        for survey in surveys.reversed() {
            guard let answers = counts[survey.id!]?[indicator.code]?[.now],
                let headline = SurveyFigures.headline(SurveyItem(indicator), counts: answers)
            else { continue }
            guard Disclosure.allowsMeans(base: headline.people) else {
                return "Too few answers in \(survey.title) to set beside England's \(national)%."
            }
            return SurveyAnalysisViews.topTwoShare(headline, isPublic: isPublic, place: "In \(survey.title)")
                + " England: \(national)% (\(figure.year))."
        }
        return nil
    }

    /// "12 people answered", "about 10 people answered", "fewer than 8 people answered".
    private static func answered(_ count: Int, isPublic: Bool) -> String {
        guard count > 0 else { return "no answers yet" }
        let shown = SurveyAnalysisViews.published(count, isPublic: isPublic)
        return shown == .exact(1) ? "1 person answered" : "\(shown.text) people answered"
    }

    private static func list(_ heading: String?, _ lines: [String]) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            .if(lines.isEmpty, .p(.plainText("Not described."))),
            .ul(.class("bullet-list"), .forEach(lines) { .li(.plainText($0)) })
        )
    }
}
