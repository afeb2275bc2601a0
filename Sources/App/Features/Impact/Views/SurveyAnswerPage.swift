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
        let words = { (word: SurveyFormWord, values: [String: String]) in contents.text(word, in: language, values) }
        let numberHint = { (range: ClosedRange<Double>) in
            words(.numberHint, ["from": String(Int(range.lowerBound)), "to": String(Int(range.upperBound))])
        }
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
                            ? words(.length, ["total": String(items.count)])
                            : words(.page, ["number": String(page), "total": String(pages)]))),
                .p(.plainText(words(.askedBy, [:]))),
                .if(
                    pages > 1,
                    .element(
                        named: "progress",
                        nodes: [
                            .attribute(named: "max", value: String(pages).attributeEscaped),
                            .attribute(named: "value", value: String(page).attributeEscaped),
                            .attribute(
                                named: "aria-label",
                                value: words(.page, ["number": String(page), "total": String(pages)]).attributeEscaped),
                            .plainText(words(.page, ["number": String(page), "total": String(pages)])),
                        ])),
                .form(
                    .method(.post), .action(SiteURL.answerSurvey(survey.token).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.hidden("submission_key", state.submissionKey),
                    Forms.hidden("lang", language.code),
                    .if(!state.checkedCode.isEmpty, Forms.hidden("code_checked", state.checkedCode)),
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
                                name: "consent_box", legend: words(.agreement, [:]),
                                options: [("yes", words(.agree, [:]))],
                                checked: state.consented ? ["yes"] : [], errors: errors),
                            .if(
                                mode.asksForCode,
                                Forms.input(
                                    .init(
                                        name: "participant_code",
                                        label: words(.code, [:]), value: state.participantCode,
                                        hint: words(.codeHint, [:]),
                                        autocomplete: "off", width: "input--width-10", spellcheck: false),
                                    errors: errors)),
                            .forEach(Array(items.enumerated())) { index, item in
                                SurveyForm.question(
                                    item, field: "answer_\(item.code)",
                                    label: words(
                                        .question, ["number": String(index + 1), "total": String(items.count)])
                                        + ": " + item.question,
                                    typed: state.typed["answer_\(item.code)"] ?? "", errors: errors,
                                    numberHint: numberHint)
                            },
                            Forms.hidden("step", "1"),
                            Forms.submit(words(pages > 1 ? .continueButton : .send, [:]))
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
                            .h2(.plainText(words(.lookingBack, [:]))),
                            .p(
                                .class("lead"),
                                .plainText(contents.words("then", in: language, otherwise: SurveyViews.lookBackIntro))),
                            .forEach(Array(measured.enumerated())) { index, item in
                                SurveyForm.question(
                                    item, field: "then_\(item.code)",
                                    label: words(
                                        .lookBackQuestion,
                                        ["number": String(index + 1), "total": String(measured.count)])
                                        + ": " + item.question,
                                    typed: state.typed["then_\(item.code)"] ?? "", errors: errors,
                                    numberHint: numberHint)
                            },
                            Forms.hidden("step", "2"),
                            Forms.submit(words(.send, [:]))
                        ))
                )
            )
        )
    }

}
