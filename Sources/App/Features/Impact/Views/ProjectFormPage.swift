import Foundation
import Plot

/// `/impact/projects/new` and `/impact/projects/{slug}/edit`: an admin sets out a project and its
/// theory of change.
enum ProjectFormPage {
    struct Model: Sendable {
        let page: PageContext
        let form: ProjectForm
        /// The project being changed, or nil for a new one.
        let project: Project?
        /// The organisations the person runs, which the project may belong to.
        let organisations: [Organisation]
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        let title = model.project == nil ? "Add a project" : "Edit the project"
        let action = model.project.map { SiteURL.editProject($0.slug) } ?? .newProject
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Work back from the change you want: what you will do, what you will count, and the changes for people you hope to see. Put one item on each line."
                )),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.select(
                    name: "organisation", label: "Organisation", empty: "Choose an organisation",
                    options: model.organisations.map { ($0.slug, $0.name) },
                    selected: form.organisation.isEmpty ? nil : form.organisation, error: errors["organisation"]),
                Forms.input(.init(name: "name", label: "Project name", value: form.name), errors: errors),
                Forms.textarea(name: "summary", label: "Summary", value: form.summary, rows: 3, errors: errors),
                Forms.radios(
                    name: "kind_of_work", legend: "Kind of work",
                    options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label, nil) }, selected: form.kindOfWork,
                    errors: errors),
                Forms.textarea(
                    name: "inputs", label: "What goes in (optional)", value: form.inputs,
                    hint: "People, money, places, partners.", rows: 3, errors: errors),
                Forms.textarea(
                    name: "activities", label: "What you do", value: form.activities,
                    hint: "For example: Monthly football tournaments for 14 to 18 year olds.", rows: 4, errors: errors),
                Forms.textarea(
                    name: "outputs", label: "What you count (optional)", value: form.outputs,
                    hint: "For example: Number of sessions; number of young people taking part.", rows: 3,
                    errors: errors),
                Forms.textarea(
                    name: "impact", label: "The difference in the long run (optional)", value: form.impact, rows: 3,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "participants", label: "Who answers the surveys, in a word or two (optional)",
                        value: form.participants,
                        hint:
                            "Used when the answers are described, for example: pupils, residents, parents. Plural, please.",
                        width: "input--width-20"), errors: errors),
                Forms.checkboxes(
                    name: "about_practitioners", legend: "Practitioners",
                    options: [
                        (
                            "yes",
                            "The people answering are practitioners: staff or volunteers who do good relations work"
                        )
                    ],
                    checked: form.isAboutPractitioners ? ["yes"] : [], errors: errors),
                Forms.input(
                    .init(
                        name: "code_hint", label: "How people make their survey code (optional)", value: form.codeHint,
                        hint:
                            "Shown beside the code box on this project's surveys, so each person makes the same code before and after. For example: the first two letters of your street and the day you were born. Never ask for a name."
                    ), errors: errors),
                Forms.submit("Save")
            )
        )
    }
}
