import Foundation
import Plot

/// `/impact/projects/{slug}/surveys/{id}/poster` and `/cards`: the survey's short address to print,
/// as one poster on a page or as eight cards to cut out and hand round.
enum SurveyPosterPage {
    enum Format: Sendable {
        case poster
        case cards
    }

    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let format: Format
        /// The address as printed, to type: "bridgework.org.uk/a/K7P3-QX9M".
        let shortAddress: String
        /// The same address as a link.
        let shortLink: String
    }

    /// "https://bridgework.org.uk" printed as "bridgework.org.uk": browsers add the rest.
    static func withoutScheme(_ base: String) -> String {
        for scheme in ["https://", "http://"] where base.hasPrefix(scheme) {
            return String(base.dropFirst(scheme.count))
        }
        return base
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let survey = contents.survey
        let project = contents.project
        let surveyID = survey.id!
        let other =
            model.format == .poster
            ? (SiteURL.surveyCards(project.slug, surveyID), "Print it as cards instead")
            : (SiteURL.surveyPoster(project.slug, surveyID), "Print it as a poster instead")
        return Layout(
            title: (model.format == .poster ? "Poster: " : "Cards: ") + survey.title, page: model.page
        ).render(
            .div(
                .class("no-print"),
                .p(
                    .a(.href(SiteURL.survey(project.slug, surveyID).path.attributeEscaped), .plainText(survey.title))),
                .h1(.plainText(model.format == .poster ? "A poster for the survey" : "Cards for the survey")),
                .p(
                    .plainText(
                        "Print this page from your browser; the site's header and these words are left off the paper. "
                    ),
                    .a(.href(other.0.path.attributeEscaped), .plainText(other.1)), .plainText(".")),
                .p(
                    .class("hint"),
                    .plainText(
                        "The short address opens this survey for anyone who types it while the survey is open, so put it up only where the people taking part will see it."
                    ))
            ),
            model.format == .poster ? poster(model) : cards(model)
        )
    }

    private static func poster(_ model: Model) -> Node<HTML.BodyContext> {
        let contents = model.contents
        let survey = contents.survey
        return .section(
            .class("poster"), .attribute(named: "aria-label", value: "The poster"),
            .p(.class("poster__from"), .plainText(contents.organisationName)),
            .h2(.class("poster__title"), .plainText(survey.title)),
            .p(.class("poster__lead"), .plainText(contents.text(.askedBy, in: .english))),
            .p(
                .plainText(
                    "It takes a few minutes. Your answers are anonymous: we never ask your name, and you can skip any question."
                )),
            .div(
                .class("poster__address"),
                .p(.plainText("On your phone or computer, go to")),
                .p(.class("poster__link"), .a(.href(model.shortLink.attributeEscaped), .plainText(model.shortAddress)))
            ),
            .if(
                survey.mode.asksForCode,
                .p(
                    .plainText(
                        (survey.mode.pairsWithBefore
                            ? "You will be asked for the code you used last time. "
                            : "You will be asked to choose a code, to use again in the survey after the project. ")
                            + (contents.project.codeHint.map { $0.hasSuffix(".") ? $0 : $0 + "." } ?? "")))),
            .unwrap(survey.closesOn) { .p(.strong(.plainText("Open until \(DisplayDate.day(iso: $0))."))) }
        )
    }

    private static func cards(_ model: Model) -> Node<HTML.BodyContext> {
        let contents = model.contents
        let survey = contents.survey
        return .ul(
            .class("survey-cards"), .attribute(named: "aria-label", value: "Eight cards to cut out"),
            .forEach(1...8) { _ in
                .li(
                    .class("survey-card"),
                    .p(.class("survey-card__title"), .plainText(survey.title)),
                    .p(.plainText("Go to")),
                    .p(.class("survey-card__link"), .plainText(model.shortAddress)),
                    .if(
                        survey.mode.asksForCode,
                        .p(.class("survey-card__code"), .plainText("Your code: ____________"))),
                    .p(.class("survey-card__from"), .plainText(contents.organisationName)))
            })
    }
}
