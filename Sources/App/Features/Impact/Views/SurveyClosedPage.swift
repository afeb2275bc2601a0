import Foundation
import Plot

/// What someone with a survey's link sees while it is not taking answers.
enum SurveyClosedPage {
    struct Model: Sendable {
        let page: PageContext
        let survey: Survey
        /// Today in the UK, to say when a survey not yet open opens.
        var today = UKDate.today()
    }

    static func view(_ model: Model) -> HTML {
        let survey = model.survey
        return Layout(title: "This survey is closed", page: model.page).render(
            .h1(.plainText("This survey is closed")),
            .p(
                .plainText(
                    survey.opensOn.map { $0 > model.today ? "It opens on \(DisplayDate.day(iso: $0))." : "" } ?? "")),
            .p(
                .plainText(
                    "Answers are taken only while a survey is open. If you think this is a mistake, ask the people who sent you the link."
                ))
        )
    }
}
