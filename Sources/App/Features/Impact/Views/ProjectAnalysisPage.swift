import Foundation
import Plot
import Statistics

/// `/impact/projects/{slug}/analysis`: every survey before the project paired with every survey
/// after it, per indicator.
enum ProjectAnalysisPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        let lookup: IndicatorLookup
        /// The paired analysis of each indicator, by code.
        let analyses: [String: IndicatorAnalysis]
        /// Each person's move, by indicator, shown only inside the organisation.
        let pairCounts: [String: [SVGCharts.PairCount]]
        let surveys: [Survey]
        /// Whether the figures are as published beyond the organisation.
        let isPublic: Bool
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let lookup = model.lookup
        let analyses = model.analyses
        let pairCounts = model.pairCounts
        let surveys = model.surveys
        let isPublic = model.isPublic
        let codes = lookup.all.map(\.code).filter { analyses[$0] != nil }
        return Layout(title: "What the answers show: \(project.name)", page: model.page).render(
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("What the answers show")),
            .p(
                .class("lead"),
                .plainText(
                    "Every survey before the project paired with every survey after it, by each person's code. Each survey's own page shows how people answered, and comparisons with England."
                )),
            .if(
                isPublic,
                .p(
                    .class("inset"),
                    .plainText(
                        "You are seeing the figures as published beyond the organisation. " + Disclosure.publishedNote))
            ),
            .if(
                !surveys.isEmpty,
                .ul(
                    .class("bullet-list"),
                    .forEach(surveys) { survey in
                        .li(
                            .a(
                                .href(SiteURL.surveyAnalysis(project.slug, survey.id!).path.attributeEscaped),
                                .plainText(survey.title)), .plainText(" – " + survey.mode.label))
                    })),
            .if(codes.isEmpty, .p(.plainText("No paired answers yet."))),
            .forEach(codes) { code in
                let indicator = lookup.indicator(code)!
                let name = "\(code): \(indicator.construct(for: project))"
                let analysis = analyses[code]!
                return .section(
                    .class("analysis"),
                    .h2(.plainText(name)),
                    SurveyAnalysisViews.changeSection(
                        analysis.change, item: SurveyItem(indicator), people: project.participantsWord, heading: nil,
                        name: name),
                    .unwrap(pairCounts[code].flatMap { $0.isEmpty ? nil : $0 }) { pairs in
                        SurveyAnalysisViews.pairedChart(
                            SurveyItem(indicator), name: name, pairs: pairs, startLabel: "Before")
                    }
                )
            }
        )
    }
}
