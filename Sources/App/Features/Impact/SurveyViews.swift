import Foundation
import Plot
import Vapor

/// How a survey question is drawn on a form: radios for choices, a number box, a text box.
enum SurveyForm {
    /// The field an error links to: the first radio of a choice, or the box itself.
    static func firstOptionID(_ field: String, _ item: SurveyItem) -> String {
        if case .choices(let choices, _) = item.answer, let first = choices.first {
            return "\(field)-\(formatted(first.value))"
        }
        return field
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func question(_ item: SurveyItem, field: String, label: String, typed: String, errors: FormErrors) -> Node<
        HTML.FormContext
    > {
        switch item.answer {
        case .number(let range):
            return Forms.input(
                .init(
                    name: field, label: label, type: .number, value: typed,
                    hint: "A number from \(Int(range.lowerBound)) to \(Int(range.upperBound)).", width: "input--width-5"
                ), errors: errors)
        case .text:
            return Forms.textarea(name: field, label: label, value: typed, rows: 3, errors: errors)
        case .choices(let choices, _):
            return Forms.radios(
                name: field, legend: label, options: choices.map { (formatted($0.value), $0.label, nil) },
                selected: typed, errors: errors)
        }
    }
}

enum SurveyViews {
    static let consentStatement =
        "Your answers are anonymous: we never ask your name. The project will use them, added up with everyone else's, to see what difference its work makes. You can skip any question, and stop at any time."
    static let lookBackIntro =
        "Now think back to before the project began. For each question, choose how you would have answered then."

    struct FormState: Sendable {
        var submissionKey: String
        var participantCode = ""
        var consented = false
        var typed: [String: String] = [:]
    }

    struct QuestionDraft: Sendable {
        var kind = ""
        var wording = ""
        var options = ""
        var scaleFrom = ""
        var scaleTo = ""
    }

    // MARK: The public form

    /// Page 1: agreement, code and questions; page 2 (after-with-then surveys only): the look back.
    static func form(
        _ request: Request, contents: SurveyContents, language: SurveyLanguage, state: FormState, page: Int = 1,
        errors: FormErrors = .init()
    ) -> HTML {
        let survey = contents.survey
        let mode = survey.surveyMode
        let items = contents.items(in: language)
        let pages = mode.asksThen ? 2 : 1
        let measured = items.filter(\.isMeasured)
        let title = contents.words("title", in: language, otherwise: survey.title)
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            languageSwitch(
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
                    Forms.csrfField(request),
                    Forms.hidden("submission_key", state.submissionKey),
                    Forms.hidden("lang", language.code),
                    .if(
                        page == 1,
                        .group(
                            .div(
                                .class("inset"),
                                .p(.plainText(contents.words("consent", in: language, otherwise: consentStatement)))),
                            Forms.checkboxes(
                                name: "consent_box", legend: "Your agreement",
                                options: [("yes", "I agree to answer on these terms")],
                                checked: state.consented ? ["yes"] : [], errors: errors),
                            .if(
                                mode.asksForCode,
                                Forms.input(
                                    .init(
                                        name: "participant_code",
                                        label: mode.requiresCode ? "Your code" : "Your code (optional)",
                                        value: state.participantCode, hint: codeHint(mode),
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
                            // What was answered on page 1 travels with the form, so nothing needs JavaScript or a session.
                            Forms.hidden("consent_box[]", "yes"),
                            Forms.hidden("participant_code", state.participantCode),
                            .forEach(items) { item in
                                Forms.hidden("answer_\(item.code)", state.typed["answer_\(item.code)"] ?? "")
                            },
                            .h2(.plainText("Looking back")),
                            .p(
                                .class("lead"),
                                .plainText(contents.words("then", in: language, otherwise: lookBackIntro))),
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

    private static func codeHint(_ mode: Survey.Mode) -> String {
        let base =
            "Choose a code you will remember, such as a word and a number (river-42), and use the same one each time. It links your answers without your name. Please do not use your name."
        return mode.requiresCode ? base : base + " Leave it empty if you did not answer a survey before the project."
    }

    private static func languageSwitch(
        _ contents: SurveyContents, current: SurveyLanguage, link: (SurveyLanguage) -> String
    ) -> Node<HTML.BodyContext> {
        .if(
            !contents.languages.isEmpty,
            .nav(
                .class("language-switch"), .attribute(named: "aria-label", value: "Languages"),
                .ul(
                    .class("inline-list"),
                    .forEach([SurveyLanguage.english] + contents.languages) { language in
                        .li(
                            language == current
                                ? .strong(
                                    .attribute(named: "lang", value: language.code.attributeEscaped),
                                    .plainText(language.ownName))
                                : .a(
                                    .href(link(language).attributeEscaped),
                                    .attribute(named: "lang", value: language.code.attributeEscaped),
                                    .attribute(named: "hreflang", value: language.code.attributeEscaped),
                                    .plainText(
                                        language.ownName + (language == .english ? "" : " (\(language.englishName))"))))
                    })
            ))
    }

    static func thanks(_ request: Request, contents: SurveyContents, language: SurveyLanguage) -> HTML {
        Layout(title: "Thank you", request: request).render(
            .div(
                .class("panel-confirmation"),
                .h1(.plainText("Thank you")),
                .p(
                    .plainText(
                        "Your answers to \u{201C}\(contents.words("title", in: language, otherwise: contents.survey.title))\u{201D} have been sent."
                    ))),
            .if(
                contents.survey.surveyMode == .before,
                .p(.plainText("Remember your code: you will be asked for it in the survey after the project.")))
        )
    }

    static func closed(_ request: Request, survey: Survey) -> HTML {
        Layout(title: "This survey is closed", request: request).render(
            .h1(.plainText("This survey is closed")),
            .p(.plainText(survey.opensOn.map { $0 > UKDate.today() ? "It opens on \($0)." : "" } ?? "")),
            .p(
                .plainText(
                    "Answers are taken only while a survey is open. If you think this is a mistake, ask the people who sent you the link."
                ))
        )
    }

    // MARK: The organisation's page for a survey

    static func manage(
        _ request: Request, contents: SurveyContents, responses: Int, canEdit: Bool, questionDraft: QuestionDraft,
        errors: FormErrors
    ) -> HTML {
        let survey = contents.survey
        let project = contents.project
        let surveyID = survey.id!
        let link = request.application.publicBaseURL + SiteURL.answerSurvey(survey.token).path
        return Layout(title: survey.title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .span(.class("caption"), .plainText("Survey")),
            .h1(.plainText(survey.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("When it is answered")), .dd(.plainText(survey.surveyMode.label))),
                .div(
                    .dt(.plainText("Open")),
                    .dd(
                        .plainText(
                            (survey.isOpen() ? "Yes" : "No") + (survey.opensOn.map { ", from \($0)" } ?? "")
                                + (survey.closesOn.map { ", until \($0)" } ?? "")))),
                .div(.dt(.plainText("Answers so far")), .dd(.plainText(String(responses)))),
                .div(
                    .dt(.plainText("Link for participants")),
                    .dd(.a(.href(SiteURL.answerSurvey(survey.token).path.attributeEscaped), .plainText(link))))),
            .p(
                .class("hint"),
                .plainText(
                    "Anyone with the link can answer while the survey is open, so share it only with the people taking part."
                )),
            .ul(
                .class("bullet-list"),
                .li(
                    .a(
                        .href(SiteURL.surveyAnalysis(project.slug, surveyID).path.attributeEscaped),
                        .plainText("See what the answers show"))),
                .li(
                    .a(
                        .href(SiteURL.paperSurvey(project.slug, surveyID).path.attributeEscaped),
                        .plainText("Print the paper form"))),
                .li(
                    .a(
                        .href(SiteURL.paperAnswers(project.slug, surveyID).path.attributeEscaped),
                        .plainText("Type in answers from paper forms")))),
            .h2(.id("questions"), .plainText("Questions")),
            .if(contents.items.isEmpty, .p(.plainText("No questions yet."))),
            .ol(
                .class("bullet-list"),
                .forEach(contents.items) { item in
                    .li(.plainText(item.question + " "), .span(.class("hint"), .plainText("(" + describe(item) + ")")))
                }),
            .if(
                canEdit && responses == 0,
                questionForm(request, contents: contents, draft: questionDraft, errors: errors)),
            .if(
                canEdit && responses > 0,
                .p(
                    .class("hint"),
                    .plainText(
                        "The questions are fixed now that people have answered. Open a new survey to ask something different."
                    ))),
            .h2(.id("translations"), .plainText("Languages")),
            .p(
                .plainText(
                    contents.languages.isEmpty
                        ? "English only. Add a translation so people can answer in the language they read best."
                        : "People can choose: English, " + contents.languages.map(\.englishName).joined(separator: ", ")
                            + ".")),
            .if(
                canEdit,
                .p(
                    .a(
                        .href(SiteURL.surveyTranslations(project.slug, surveyID).path.attributeEscaped),
                        .plainText("Add or change a translation"))))
        )
    }

    private static func describe(_ item: SurveyItem) -> String {
        let source = item.indicator.map { $0.code } ?? "own question"
        switch item.answer {
        case .choices(let choices, _): return source + ": " + choices.map(\.label).joined(separator: " / ")
        case .number(let range): return source + ": a number from \(Int(range.lowerBound)) to \(Int(range.upperBound))"
        case .text: return source + ": a short written answer"
        }
    }

    private static func questionForm(
        _ request: Request, contents: SurveyContents, draft: QuestionDraft, errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post),
            .action(SiteURL.surveyQuestions(contents.project.slug, contents.survey.id!).path.attributeEscaped),
            Forms.csrfField(request),
            .h3(.plainText("Add a question of your own")),
            .p(
                .class("hint"),
                .plainText(
                    "Your own questions are shown to everyone answering and analysed on this survey's page. Written answers are seen only inside your organisation."
                )),
            Forms.radios(
                name: "kind", legend: "Kind of answer",
                options: SurveyQuestion.Kind.allCases.map { ($0.rawValue, $0.label, nil) }, selected: draft.kind,
                errors: errors),
            Forms.textarea(name: "wording", label: "The question", value: draft.wording, rows: 2, errors: errors),
            Forms.textarea(
                name: "options", label: "Answers to choose from (for a choice)", value: draft.options,
                hint: "One answer on each line.", rows: 4, errors: errors),
            .div(
                .class("form-row"),
                Forms.input(
                    .init(
                        name: "scale_from", label: "Scale from (for a scale)", type: .number, value: draft.scaleFrom,
                        hint: "0 or 1", width: "input--width-5"), errors: errors),
                Forms.input(
                    .init(
                        name: "scale_to", label: "Scale to", type: .number, value: draft.scaleTo, hint: "3 to 10",
                        width: "input--width-5"), errors: errors)),
            Forms.submit("Add the question", secondary: true)
        )
    }

    // MARK: Translations

    /// Every piece of a survey a person reads, with its key and English words.
    static func translatableEntries(_ contents: SurveyContents) -> [(key: String, english: String)] {
        var entries: [(String, String)] = [("title", contents.survey.title), ("consent", consentStatement)]
        if contents.survey.surveyMode.asksThen { entries.append(("then", lookBackIntro)) }
        for item in contents.items {
            entries.append((item.code, item.question))
            // Numbers need no translation; worded answers do.
            if case .choices(let choices, _) = item.answer, !choices.allSatisfy({ Double($0.label) != nil }) {
                for (index, choice) in choices.enumerated() {
                    entries.append(("\(item.code).\(index + 1)", choice.label))
                }
            }
        }
        return entries
    }

    static func translation(
        _ request: Request, contents: SurveyContents, language: SurveyLanguage?, typed: [String: String],
        errors: FormErrors = .init()
    ) -> HTML {
        let survey = contents.survey
        let project = contents.project
        let action = SiteURL.surveyTranslations(project.slug, survey.id!)
        return Layout(title: "Translate \(survey.title)", request: request, hasErrors: !errors.isEmpty).render(
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
                    selected: language?.code, error: errors["lang"]),
                Forms.submit("Choose", secondary: true)
            ),
            .unwrap(language) { language in
                .form(
                    .method(.post), .action(action.path.attributeEscaped),
                    Forms.csrfField(request),
                    Forms.hidden("lang", language.code),
                    .h2(.plainText("In \(language.englishName)")),
                    .forEach(translatableEntries(contents)) { entry in
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

    // MARK: Paper

    /// A form to print: every question with boxes to tick, the same order as online.
    static func paper(_ request: Request, contents: SurveyContents, language: SurveyLanguage) -> HTML {
        let survey = contents.survey
        let items = contents.items(in: language)
        let mode = survey.surveyMode
        let title = contents.words("title", in: language, otherwise: survey.title)
        return Layout(title: "Paper form: \(survey.title)", request: request).render(
            .p(
                .class("no-print"),
                .a(
                    .href(SiteURL.survey(contents.project.slug, survey.id!).path.attributeEscaped),
                    .plainText("Back to the survey")),
                .plainText(". Print this page from your browser; the site's header and links are left off the paper.")),
            languageSwitch(
                contents, current: language,
                link: {
                    SiteURL.paperSurvey(contents.project.slug, survey.id!).with(
                        query: $0.code == "en" ? [:] : ["lang": $0.code])
                }),
            .div(
                .class("paper-form"), .attribute(named: "lang", value: language.code.attributeEscaped),
                .unwrap(language.rightToLeft ? "rtl" : nil) { .attribute(named: "dir", value: $0.attributeEscaped) },
                .h1(.plainText(title)),
                .p(.plainText(contents.words("consent", in: language, otherwise: consentStatement))),
                .p(.class("paper-form__box"), .plainText("☐ I agree to answer on these terms")),
                .if(
                    mode.asksForCode,
                    .p(
                        .class("paper-form__line"),
                        .plainText(
                            "Your code (a word and a number you will remember, never your name): ______________________"
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
                        .p(.plainText(contents.words("then", in: language, otherwise: lookBackIntro))),
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

    /// The form a volunteer uses to type in one paper form after another.
    static func paperEntry(
        _ request: Request, contents: SurveyContents, state: FormState, entered: Int, errors: FormErrors = .init()
    ) -> HTML {
        let survey = contents.survey
        let mode = survey.surveyMode
        let items = contents.items
        let measured = items.filter(\.isMeasured)
        return Layout(title: "Type in paper answers: \(survey.title)", request: request, hasErrors: !errors.isEmpty)
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
                    Forms.csrfField(request),
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
