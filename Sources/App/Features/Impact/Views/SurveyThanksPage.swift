import Foundation
import Plot

/// What a participant sees once their answers are sent.
enum SurveyThanksPage {
    struct Model: Sendable {
        let page: PageContext
        let contents: SurveyContents
        let language: SurveyLanguage
        /// False when the person was told their code matched nothing from before, and sent anyway.
        var codeMatchesBefore = true
    }

    static func view(_ model: Model) -> HTML {
        let contents = model.contents
        let language = model.language
        let words = { (word: SurveyFormWord) in contents.text(word, in: language) }
        return Layout(title: words(.thanks), page: model.page).render(
            .div(
                .attribute(named: "lang", value: language.code.attributeEscaped),
                .unwrap(language.rightToLeft ? "rtl" : nil) { .attribute(named: "dir", value: $0.attributeEscaped) },
                .div(
                    .class("panel-confirmation"),
                    .h1(.plainText(words(.thanks))),
                    .p(.plainText(words(.sent)))),
                .if(contents.survey.mode == .before, .p(.plainText(words(.remember)))),
                .if(!model.codeMatchesBefore, .div(.class("inset"), .p(.plainText(words(.noMatch)))))
            )
        )
    }
}
