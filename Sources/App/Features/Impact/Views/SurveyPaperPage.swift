import Foundation
import Plot

/// `/impact/projects/{slug}/surveys/{id}/paper`: a form to print, every question with boxes to
/// tick, in the same order as online.
enum SurveyPaperPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let language: SurveyLanguage
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let language = model.language
        let survey = contents.survey
        let items = contents.asked(in: language)
        let mode = survey.mode
        let title = contents.words("title", in: language, otherwise: survey.title)
        return Layout(title: "Paper form: \(survey.title)", page: model.page).render(
            .p(
                .class("no-print"),
                .a(
                    .href(SiteURL.survey(contents.project.slug, survey.id!).path.attributeEscaped),
                    .plainText("Back to the survey")),
                .plainText(". Print this page from your browser; the site's header and links are left off the paper.")),
            SurveyViews.languageSwitch(
                contents, current: language,
                link: {
                    SiteURL.paperSurvey(contents.project.slug, survey.id!).with(
                        query: $0.code == "en" ? [:] : ["lang": $0.code])
                }),
            .div(
                .class("paper-form"), .attribute(named: "lang", value: language.code.attributeEscaped),
                .unwrap(language.rightToLeft ? "rtl" : nil) { .attribute(named: "dir", value: $0.attributeEscaped) },
                .h1(.plainText(title)),
                .p(.plainText(contents.words("consent", in: language, otherwise: SurveyViews.consentStatement))),
                .p(.class("paper-form__box"), .plainText("☐ I agree to answer on these terms")),
                .if(
                    mode.asksForCode,
                    .p(
                        .class("paper-form__line"),
                        .plainText(
                            (mode.pairsWithBefore ? "The code you used last time" : "Your code")
                                + " (\(Self.withoutFullStop(contents.project.codeHint) ?? "a word and a number you will remember"); never your name): ______________________"
                        ))),
                .ol(
                    .class("paper-form__questions"),
                    .forEach(items) { item in
                        .li(.p(.strong(.plainText(item.question))), paperAnswer(item))
                    }),
                .if(
                    mode.asksThen,
                    .group(
                        .h2(.plainText("Looking back")),
                        .p(.plainText(contents.words("then", in: language, otherwise: SurveyViews.lookBackIntro))),
                        .ol(
                            .class("paper-form__questions"),
                            .forEach(items.filter(\.isMeasured)) { item in
                                .li(.p(.strong(.plainText(item.question))), paperAnswer(item))
                            })
                    ))
            )
        )
    }

    private static func paperAnswer(_ item: SurveyItem) -> Node<HTML.BodyContext> {
        switch item.answer {
        case .choices(let choices, _):
            return .ul(.class("paper-form__choices"), .forEach(choices) { .li(.plainText("☐ " + $0.label)) })
        case .number(let range):
            return .p(.plainText("Write a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)): ________"))
        case .text: return .p(.class("paper-form__write"), .plainText("Write your answer here:"))
        }
    }

    /// "Your street and your birth day." as the start of a bracket: the full stop would clash.
    static func withoutFullStop(_ words: String?) -> String? {
        words.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }
}
