import Foundation
import Plot

/// `/impact/indicators`: the indicator library, with the official wording kept exact and the
/// national figures that give local results their context.
enum IndicatorLibraryPage {
    struct Model: Sendable {
        let page: PageContext
        /// Whether the viewer sees members-only things, such as the projects this page points to.
        let canReadMembersOnly: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(
            title: "Indicators", page: model.page,
            description: "Clear indicators for measuring good relations work, with national figures for England."
        ).render(
            .h1(.plainText("Indicators")),
            .p(
                .class("lead"),
                .plainText(
                    "Questions that measure what good relations work changes, so that projects can ask the same things in the same way and compare honestly."
                )),
            .if(
                model.canReadMembersOnly,
                .p(
                    .plainText("Alliance members can see each other's "),
                    .a(.href(SiteURL.projects.path), .plainText("projects and their theories of change")),
                    .plainText("."))),
            .h2(.plainText("From the Community Life Survey")),
            .p(
                .plainText(
                    "The government's own survey of neighbourhood life in England. Keep the wording exactly as it is here: a reworded question cannot be compared with the national figure. The survey changed method in 2016/17, from interviews to online and paper, so compare only with figures from the same method, and treat national figures as context, never as a control group."
                )),
            indicatorTable(
                IndicatorCatalogue.communityLifeSurvey,
                caption: "Community Life Survey indicators, with national figures for England", withFigures: true),
            .p(
                .class("hint"),
                .plainText(
                    "Question wording: Community Life Survey, Crown copyright, reused under the Open Government Licence. The headline figure is the share giving one of the top two answers unless said otherwise."
                )),
            .h2(.plainText("Intergroup contact")),
            .p(
                .plainText(
                    "Contact between groups is the best-evidenced way relations improve: a review of 515 studies found that more contact goes with less prejudice. These questions are in our own words; choose the [group] that fits your project."
                )),
            indicatorTable(
                IndicatorCatalogue.intergroupContact, caption: "Intergroup contact indicators", withFigures: false),
            .h2(.plainText("Analysing before and after answers")),
            .p(
                .plainText(
                    "Answers from the same people before and after a project, linked by a participant code they choose (never a name), can be analysed with the command "
                ),
                .code(.plainText("bridgework analyse answers.csv")),
                .plainText(
                    ". It reports how many people improved, stayed the same or got worse, and adds tests only when there are enough answers to support them: under 5 pairs nothing is summarised, and under 10 no test is made."
                ))
        )
    }

    private static func indicatorTable(_ indicators: [LibraryIndicator], caption: String, withFigures: Bool) -> Node<
        HTML.BodyContext
    > {
        .table(
            .class("table"),
            .caption(.class("visually-hidden"), .plainText(caption)),
            .thead(
                .tr(
                    .th(.attribute(named: "scope", value: "col"), .plainText("Code")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("What it measures")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("Question")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("Answers")),
                    .if(withFigures, .th(.attribute(named: "scope", value: "col"), .plainText("England")))
                )),
            .tbody(
                .forEach(indicators) { indicator in
                    .tr(
                        .td(.code(.plainText(indicator.code))),
                        .td(.plainText(indicator.construct)),
                        .td(
                            indicator.isOfficialWording
                                ? .plainText("\u{201C}\(indicator.wording)\u{201D}") : .plainText(indicator.wording),
                            .if(
                                !indicator.parts.isEmpty,
                                .ul(.class("plain-list"), .forEach(indicator.parts) { .li(.plainText($0.wording)) })),
                            .unwrap(indicator.scoringNote) { .p(.class("hint"), .plainText($0)) }),
                        .td(.plainText(indicator.answers.joined(separator: " / "))),
                        .if(
                            withFigures,
                            .td(
                                .ul(
                                    .class("plain-list"),
                                    .forEach(indicator.nationalFigures) { figure in
                                        .li(
                                            .plainText(
                                                [
                                                    figure.percent.map { "\($0)%" },
                                                    figure.year.isEmpty ? nil : "(\(figure.year))", figure.note,
                                                ].compactMap { $0 }.joined(separator: " ")))
                                    })))
                    )
                })
        )
    }
}
