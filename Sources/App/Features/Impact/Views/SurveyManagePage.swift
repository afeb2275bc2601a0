import Foundation
import Plot

/// `/impact/projects/{slug}/surveys/{id}`: a survey's page for its organisation: its link, its
/// questions, its languages and its paper form.
enum SurveyManagePage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        /// How many people have answered.
        let responses: Int
        /// The full address participants open.
        let participantLink: String
        /// The address to type from a poster or card.
        var shortAddress = ""
        /// Whether the viewer runs the organisation, and so may add questions and translations.
        let canEdit: Bool
        var questionForm = SurveyQuestionForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let responses = model.responses
        let canEdit = model.canEdit
        let errors = model.errors
        let survey = contents.survey
        let project = contents.project
        let surveyID = survey.id!
        let link = model.participantLink
        return Layout(title: survey.title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .span(.class("caption"), .plainText("Survey")),
            .h1(.plainText(survey.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("When it is answered")), .dd(.plainText(survey.mode.label))),
                .div(
                    .dt(.plainText("Open")),
                    .dd(
                        .plainText(
                            (survey.isOpen() ? "Yes" : "No")
                                + (survey.opensOn.map { ", from \(DisplayDate.day(iso: $0))" } ?? "")
                                + (survey.closesOn.map { ", until \(DisplayDate.day(iso: $0))" } ?? "")))),
                .div(.dt(.plainText("Answers so far")), .dd(.plainText(String(responses)))),
                .div(
                    .dt(.plainText("Link for participants")),
                    .dd(.a(.href(SiteURL.answerSurvey(survey.token).path.attributeEscaped), .plainText(link)))),
                .div(
                    .dt(.plainText("Short address, for paper")),
                    .dd(.plainText(model.shortAddress)))),
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
                        .href(SiteURL.surveyPoster(project.slug, surveyID).path.attributeEscaped),
                        .plainText("Print a poster with the short address"))),
                .li(
                    .a(
                        .href(SiteURL.surveyCards(project.slug, surveyID).path.attributeEscaped),
                        .plainText("Print cards with the short address to hand round"))),
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
                questionForm(model)),
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

    private static func questionForm(_ model: Model) -> Node<HTML.BodyContext> {
        let contents = model.contents
        let draft = model.questionForm
        let errors = model.errors
        return .form(
            .method(.post),
            .action(SiteURL.surveyQuestions(contents.project.slug, contents.survey.id!).path.attributeEscaped),
            Forms.csrfField(model.page),
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
}
