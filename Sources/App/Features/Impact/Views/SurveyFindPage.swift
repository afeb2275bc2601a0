import Foundation
import Plot

/// `/a`: where a person types the code from a poster or card, and where a code that opens no
/// survey is explained, with what they typed kept in the box.
enum SurveyFindPage {
    struct Model: Sendable {
        let page: PageContext
        let typed: String
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Open a survey", page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .h1(.plainText("Open a survey")),
            .p(.class("lead"), .plainText("Type the code printed on the poster or card.")),
            .form(
                .method(.get), .action(SiteURL.findSurvey.path.attributeEscaped),
                Forms.input(
                    .init(
                        name: "code", label: "The survey's code", value: model.typed,
                        hint: "8 letters and numbers, such as K7P3-QX9M.", autocomplete: "off",
                        width: "input--width-10", spellcheck: false), errors: model.errors),
                Forms.submit("Open the survey")
            )
        )
    }
}
