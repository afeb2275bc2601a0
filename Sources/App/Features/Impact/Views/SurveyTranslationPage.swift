import Foundation
import Plot

/// `/impact/projects/{slug}/surveys/{id}/translations`: an admin translates every piece of a
/// survey into one language.
enum SurveyTranslationPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        /// The language chosen, if one is.
        let language: SurveyLanguage?
        /// The words in that language, by item key: saved, or typed after a problem.
        let typed: [String: String]
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let typed = model.typed
        let errors = model.errors
        let survey = contents.survey
        let project = contents.project
        let action = SiteURL.surveyTranslations(project.slug, survey.id!)
        return Layout(title: "Translate \(survey.title)", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.survey(project.slug, survey.id!).path.attributeEscaped), .plainText(survey.title))),
            .h1(.plainText("Translate the survey")),
            .p(
                .class("lead"),
                .plainText(
                    "Write each piece in the other language. Anything left empty is shown in English. Community Life Survey questions keep their meaning only in a careful translation; note it when you compare with England's figures."
                )),
            .form(
                .method(.get), .action(action.path.attributeEscaped),
                Forms.select(
                    name: "lang", label: "Language", empty: "Choose a language",
                    options: SurveyLanguage.all.map { ($0.code, "\($0.englishName) (\($0.ownName))") },
                    selected: model.language?.code, error: errors["lang"]),
                Forms.submit("Choose", secondary: true)
            ),
            .unwrap(model.language) { language in
                .form(
                    .method(.post), .action(action.path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.hidden("lang", language.code),
                    .h2(.plainText("In \(language.englishName)")),
                    .forEach(SurveyViews.translatableEntries(contents)) { entry in
                        .div(
                            .class("form-group" + (errors["t_\(entry.key)"] == nil ? "" : " form-group--error")),
                            .label(.class("label"), .for("t_\(entry.key)".attributeEscaped), .plainText(entry.english)),
                            .unwrap(errors["t_\(entry.key)"]) {
                                .p(
                                    .class("error-message"), .span(.class("visually-hidden"), .plainText("Error: ")),
                                    .plainText($0))
                            },
                            .textarea(
                                .class("textarea"), .id("t_\(entry.key)".attributeEscaped),
                                .name("t_\(entry.key)".attributeEscaped), .rows(entry.key == "consent" ? 4 : 2),
                                .attribute(named: "lang", value: language.code.attributeEscaped),
                                .unwrap(language.rightToLeft ? "rtl" : nil) {
                                    .attribute(named: "dir", value: $0.attributeEscaped)
                                },
                                .plainText(typed[entry.key] ?? "")))
                    },
                    Forms.submit("Save the translation")
                )
            }
        )
    }
}
