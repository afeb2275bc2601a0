import Foundation
import Plot

/// `/s/{token}`: the survey as a participant answers it. Page 1 asks for agreement, a code and the
/// answers; page 2, in after-with-then surveys only, looks back to before the project.
enum SurveyAnswerPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let language: SurveyLanguage
        let form: SurveyResponseForm
        var pageNumber = 1
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let language = model.language
        let state = model.form
        let page = model.pageNumber
        let errors = model.errors
        let survey = contents.survey
        let mode = survey.mode
        let items = contents.asked(in: language)
        let pages = mode.asksThen ? 2 : 1
        let measured = items.filter(\.isMeasured)
        let title = contents.words("title", in: language, otherwise: survey.title)
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            SurveyViews.languageSwitch(
                contents, current: language,
                link: { SiteURL.answerSurvey(survey.token).with(query: $0.code == "en" ? [:] : ["lang": $0.code]) }),
            .div(
                .attribute(named: "lang", value: language.code.attributeEscaped),
                .unwrap(language.rightToLeft ? "rtl" : nil) { .attribute(named: "dir", value: $0.attributeEscaped) },
                .h1(.plainText(title)),
                .p(
                    .class("caption"),
                    .plainText(
                        pages == 1
                            ? "\(items.count) question\(items.count == 1 ? "" : "s"). It takes a few minutes."
                            : "Page \(page) of \(pages)")),
                .if(
                    pages > 1,
                    .element(
                        named: "progress",
                        nodes: [
                            .attribute(named: "max", value: String(pages).attributeEscaped),
                            .attribute(named: "value", value: String(page).attributeEscaped),
                            .attribute(named: "aria-label", value: "Page \(page) of \(pages)".attributeEscaped),
                            .plainText("Page \(page) of \(pages)"),
                        ])),
                .form(
                    .method(.post), .action(SiteURL.answerSurvey(survey.token).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.hidden("submission_key", state.submissionKey),
                    Forms.hidden("lang", language.code),
                    .if(
                        page == 1,
                        .group(
                            .div(
                                .class("inset"),
                                .p(
                                    .plainText(
                                        contents.words("consent", in: language, otherwise: SurveyViews.consentStatement)
                                    ))),
                            Forms.checkboxes(
                                name: "consent_box", legend: "Your agreement",
                                options: [("yes", "I agree to answer on these terms")],
                                checked: state.consented ? ["yes"] : [], errors: errors),
                            .if(
                                mode.asksForCode,
                                Forms.input(
                                    .init(
                                        name: "participant_code",
                                        label: codeLabel(mode), value: state.participantCode,
                                        hint: codeHint(mode, organisationHint: contents.project.codeHint),
                                        autocomplete: "off", width: "input--width-10", spellcheck: false),
                                    errors: errors)),
                            .forEach(Array(items.enumerated())) { index, item in
                                SurveyForm.question(
                                    item, field: "answer_\(item.code)",
                                    label: "Question \(index + 1) of \(items.count): \(item.question)",
                                    typed: state.typed["answer_\(item.code)"] ?? "", errors: errors)
                            },
                            Forms.hidden("step", "1"),
                            Forms.submit(pages > 1 ? "Continue" : "Send my answers")
                        )),
                    .if(
                        page == 2,
                        .group(
                            // What was answered on page 1 travels with the form, so nothing needs
                            // JavaScript or a session.
                            Forms.hidden("consent_box[]", "yes"),
                            Forms.hidden("participant_code", state.participantCode),
                            .forEach(items) { item in
                                Forms.hidden("answer_\(item.code)", state.typed["answer_\(item.code)"] ?? "")
                            },
                            .h2(.plainText("Looking back")),
                            .p(
                                .class("lead"),
                                .plainText(contents.words("then", in: language, otherwise: SurveyViews.lookBackIntro))),
                            .forEach(Array(measured.enumerated())) { index, item in
                                SurveyForm.question(
                                    item, field: "then_\(item.code)",
                                    label:
                                        "Before the project, question \(index + 1) of \(measured.count): \(item.question)",
                                    typed: state.typed["then_\(item.code)"] ?? "", errors: errors)
                            },
                            Forms.hidden("step", "2"),
                            Forms.submit("Send my answers")
                        ))
                )
            )
        )
    }

    private static func codeLabel(_ mode: Survey.Mode) -> String {
        switch mode {
        case .after: return "The code you used last time"
        case .afterWithThen: return "The code you used last time (optional)"
        default: return "Your code"
        }
    }

    /// Before: how to make a code. After: to use the same one again. Either way with the
    /// organisation's own hint, which is how a person finds their code again.
    private static func codeHint(_ mode: Survey.Mode, organisationHint: String?) -> String {
        let making =
            mode.pairsWithBefore
            ? "Give the same code you gave in the survey before the project, so your answers can be compared."
            : "Choose a code you will remember and use the same one each time. It links your answers without your name; please do not use your name."
        let hint =
            organisationHint.map { " \($0.hasSuffix(".") ? $0 : $0 + ".")" }
            ?? " For example a word and a number, such as river-42."
        let optional = mode.requiresCode ? "" : " Leave it empty if you did not answer a survey before the project."
        return making + hint + optional
    }
}
