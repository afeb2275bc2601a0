import Foundation
import Plot

/// `/impact/projects/{slug}/surveys/{id}/paper-answers`: the form a volunteer uses to type in one
/// paper form after another.
enum PaperAnswersPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let form: SurveyResponseForm
        /// How many paper forms have been typed in so far.
        let entered: Int
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let state = model.form
        let entered = model.entered
        let errors = model.errors
        let survey = contents.survey
        let mode = survey.mode
        let items = contents.asked()
        let measured = items.filter(\.isMeasured)
        return Layout(title: "Type in paper answers: \(survey.title)", page: model.page, hasErrors: !errors.isEmpty)
            .render(
                Forms.errorSummary(errors),
                .p(
                    .a(
                        .href(SiteURL.survey(contents.project.slug, survey.id!).path.attributeEscaped),
                        .plainText(survey.title))),
                .h1(.plainText("Type in paper answers")),
                .p(
                    .class("lead"),
                    .plainText(
                        "Copy one paper form at a time, exactly as the person answered. Leave a question empty if they left it empty. \(entered) paper form\(entered == 1 ? "" : "s") typed in so far."
                    )),
                .form(
                    .method(.post),
                    .action(SiteURL.paperAnswers(contents.project.slug, survey.id!).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.hidden("submission_key", state.submissionKey),
                    Forms.checkboxes(
                        name: "consent_box", legend: "Agreement",
                        options: [("yes", "The person ticked \u{201C}I agree to answer on these terms\u{201D}")],
                        checked: state.consented ? ["yes"] : [], errors: errors),
                    .if(
                        mode.asksForCode,
                        Forms.input(
                            .init(
                                name: "participant_code",
                                label: mode.requiresCode ? "Their code" : "Their code (if they wrote one)",
                                value: state.participantCode, autocomplete: "off", width: "input--width-10",
                                spellcheck: false), errors: errors)),
                    .forEach(Array(items.enumerated())) { index, item in
                        SurveyForm.question(
                            item, field: "answer_\(item.code)",
                            label: "Question \(index + 1) of \(items.count): \(item.question)",
                            typed: state.typed["answer_\(item.code)"] ?? "", errors: errors)
                    },
                    .if(
                        mode.asksThen,
                        .group(
                            .h2(.plainText("Looking back")),
                            .forEach(Array(measured.enumerated())) { index, item in
                                SurveyForm.question(
                                    item, field: "then_\(item.code)",
                                    label:
                                        "Before the project, question \(index + 1) of \(measured.count): \(item.question)",
                                    typed: state.typed["then_\(item.code)"] ?? "", errors: errors)
                            }
                        )),
                    Forms.submit("Save and type in the next form")
                )
            )
    }
}
