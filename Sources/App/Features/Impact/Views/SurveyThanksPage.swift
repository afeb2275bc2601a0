import Foundation
import Plot

/// What a participant sees once their answers are sent.
enum SurveyThanksPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let language: SurveyLanguage
        /// False when an after survey's code matches no answer from before the project.
        var codeMatchesBefore = true
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let language = model.language
        return Layout(title: "Thank you", page: model.page).render(
            .div(
                .class("panel-confirmation"),
                .h1(.plainText("Thank you")),
                .p(
                    .plainText(
                        "Your answers to \u{201C}\(contents.words("title", in: language, otherwise: contents.survey.title))\u{201D} have been sent."
                    ))),
            .if(
                contents.survey.mode == .before,
                .p(.plainText("Remember your code: you will be asked for it in the survey after the project."))),
            .if(
                !model.codeMatchesBefore,
                .div(
                    .class("inset"),
                    .p(
                        .plainText(
                            "We found no answers from before the project under the code you gave, so your answers cannot be compared with how things were then. They still count among everyone's answers after the project."
                        ))))
        )
    }
}
