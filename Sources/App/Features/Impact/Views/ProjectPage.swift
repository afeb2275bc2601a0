import Foundation
import Plot

/// `/impact/projects/{slug}`: a project's theory of change, its outcomes and surveys, with the
/// forms its admins add outcomes and surveys on.
enum ProjectPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        let organisation: Organisation
        /// In order, each measured by indicators from `lookup`.
        let outcomes: [Outcome]
        let lookup: IndicatorLookup
        /// Oldest first.
        let surveys: [Survey]
        /// Whether the viewer runs the organisation, and so may add outcomes and surveys.
        let canEdit: Bool
        /// Whether the viewer works for the organisation, and so opens its surveys and stories of change.
        let canWork: Bool
        var surveyForm = SurveyOpeningForm()
        var outcomeForm = OutcomeForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let organisation = model.organisation
        let outcomes = model.outcomes
        let lookup = model.lookup
        let surveys = model.surveys
        let canEdit = model.canEdit
        let canWork = model.canWork
        let errors = model.errors
        return Layout(title: project.name, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.projects.path), .plainText("Projects"))),
            .span(.class("caption"), .plainText(organisation.name)),
            .h1(.plainText(project.name)),
            .p(.class("lead"), .plainText(project.summary)),
            .p(.plainText(Vocabulary.kindOfWork.label(for: project.kindOfWork) ?? "")),
            .if(
                canEdit,
                .p(.a(.href(SiteURL.editProject(project.slug).path.attributeEscaped), .plainText("Edit the project")))),
            .h2(.plainText("Theory of change")),
            .ol(
                .class("theory-of-change"),
                step("What goes in", Project.lines(project.inputs), empty: "Not described yet."),
                step("What we do", Project.lines(project.activities), empty: "Not described yet."),
                step("What we count", Project.lines(project.outputs), empty: "Nothing counted yet."),
                .li(
                    .class("theory-of-change__step"),
                    .h3(.id("outcomes"), .plainText("The changes we hope for")),
                    .if(
                        outcomes.isEmpty,
                        .p(
                            .plainText(
                                "No outcomes yet. Each outcome is a change for people, measured by one or more indicators."
                            ))),
                    .ol(
                        .class("outcomes"),
                        .forEach(outcomes) { outcome in
                            .li(
                                .p(.strong(.plainText(outcome.description))),
                                .p(.class("hint"), .plainText("Measured by:")),
                                .ul(
                                    .class("bullet-list"),
                                    .forEach(outcome.indicators(lookup)) { indicator in
                                        .li(
                                            .code(.plainText(indicator.code)),
                                            .plainText(
                                                " – " + indicator.construct(for: project) + ": " + indicator.wording))
                                    })
                            )
                        })
                ),
                step("The difference in the long run", Project.lines(project.impact), empty: "Not described yet.")
            ),
            .if(canEdit, outcomeForm(model)),
            .h2(.id("surveys"), .plainText("Surveys")),
            .if(
                surveys.isEmpty,
                .p(
                    .plainText(
                        "No surveys yet. Ask the same questions before and after, and the answers of each person are paired by the code they choose."
                    ))),
            .ul(
                .class("bullet-list"),
                .forEach(surveys) { survey in
                    .li(
                        .a(
                            .href(
                                (canWork
                                    ? SiteURL.survey(project.slug, survey.id!)
                                    : SiteURL.surveyAnalysis(project.slug, survey.id!)).path.attributeEscaped),
                            .plainText(survey.title)),
                        .plainText(" – " + survey.mode.label + (survey.isOpen() ? ", open" : ", closed")))
                }),
            .ul(
                .class("bullet-list"),
                .if(
                    !surveys.isEmpty,
                    .li(
                        .a(
                            .href(SiteURL.projectAnalysis(project.slug).path.attributeEscaped),
                            .plainText("See what the answers show across all surveys")))),
                .li(
                    .a(
                        .href(SiteURL.projectReport(project.slug).path.attributeEscaped),
                        .plainText("The project report, ready to print"))),
                .li(
                    .a(
                        .href(SiteURL.projectIndicators(project.slug).path.attributeEscaped),
                        .plainText("The organisation's own and local indicators"))),
                .if(
                    canWork,
                    .li(
                        .a(
                            .href(SiteURL.changeStories(project.slug).path.attributeEscaped),
                            .plainText("Stories of change"))))),
            .if(
                canEdit && !outcomes.isEmpty,
                surveyForm(model))
        )
    }

    private static func surveyForm(_ model: Model) -> Node<HTML.BodyContext> {
        let lookup = model.lookup
        let outcomes = model.outcomes
        let draft = model.surveyForm
        let errors = model.errors
        let indicators = lookup.all.filter { indicator in
            outcomes.contains { $0.indicators(lookup).contains(indicator) }
        }
        return .form(
            .method(.post), .action(SiteURL.projectSurveys(model.project.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h3(.plainText("Open a survey")),
            Forms.input(
                .init(
                    name: "survey_title", label: "Survey title", value: draft.title,
                    hint: "For example: Tournament players, September"), errors: errors),
            Forms.radios(
                name: "mode", legend: "When is it answered?",
                options: Survey.Mode.allCases.map { ($0.rawValue, $0.label, $0.hint) }, selected: draft.mode,
                errors: errors),
            Forms.checkboxes(
                name: "survey_indicators", legend: "Questions",
                options: indicators.map { ($0.code, "\($0.code): \($0.construct(for: model.project))") },
                checked: draft.codes, errors: errors, groupID: "survey_indicators"),
            Forms.dateInput(
                name: "opens_on", legend: "Opens on (optional)", value: draft.opensOn,
                hint: "For example, 27 3 2026. Leave it empty to open the survey now.", errors: errors),
            Forms.dateInput(
                name: "closes_on", legend: "Closes on (optional)", value: draft.closesOn,
                hint: "For example, 27 4 2026. Leave it empty to keep the survey open.", errors: errors),
            Forms.submit("Open the survey", secondary: true)
        )
    }

    private static func step(_ heading: String, _ lines: [String], empty: String) -> Node<HTML.ListContext> {
        .li(
            .class("theory-of-change__step"),
            .h3(.plainText(heading)),
            .if(lines.isEmpty, .p(.plainText(empty))),
            .ul(.class("bullet-list"), .forEach(lines) { .li(.plainText($0)) })
        )
    }

    private static func outcomeForm(_ model: Model) -> Node<HTML.BodyContext> {
        let draft = model.outcomeForm
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.projectOutcomes(model.project.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h2(.plainText("Add an outcome")),
            Forms.textarea(
                name: "description", label: "The change you hope for", value: draft.description,
                hint:
                    "A change for people, for example: Young people from the two estates feel at ease with each other.",
                rows: 3, errors: errors),
            Forms.checkboxes(
                name: "indicators", legend: "Indicators to measure it by",
                hint:
                    "Community Life Survey questions can be compared with England's figures only when asked word for word.",
                options: model.lookup.all.map { ($0.code, "\($0.code): \($0.construct(for: model.project))") },
                checked: draft.codes,
                errors: errors, groupID: "indicators"),
            Forms.submit("Add the outcome", secondary: true)
        )
    }
}
