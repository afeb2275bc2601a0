import Plot
import Vapor

/// `/account/profile`: editing one's own profile.
enum ProfileFormPage {
    struct Model: Sendable {
        let page: PageContext
        let form: ProfileForm
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        return Layout(title: "Your profile", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Your profile")),
            .p(
                .class("lead"),
                .plainText(
                    "Tell other practitioners about your work. Nothing here is shown to anyone until you choose who may see it, at the end of this page."
                )),
            .form(
                .method(.post), .action(SiteURL.profile.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "role", label: "Your role (optional)", value: form.role,
                        hint: "For example: youth worker, mediator, community development officer, imam, researcher."),
                    errors: errors),
                Forms.textarea(
                    name: "bio", label: "About you (optional)", value: form.bio,
                    hint: "Your work, where, and who with. Leave a blank line between paragraphs.", rows: 6,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "skills", label: "Skills (optional)", value: form.skills,
                        hint: "Separate them with commas, like: facilitation, conflict coaching, Roma community work."),
                    errors: errors),
                Forms.checkboxes(
                    name: "method", legend: "Methods you use (optional)", hint: "Select all that apply.",
                    options: Vocabulary.method.terms.map { ($0.code, $0.label) }, checked: form.methods, errors: errors),
                Forms.checkboxes(
                    name: "theme", legend: "Themes you work on (optional)", hint: "Select all that apply.",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes, errors: errors),
                Forms.input(
                    .init(
                        name: "languages", label: "Languages you work in (optional)", value: form.languages,
                        hint: "For example: English, Urdu, Polish."), errors: errors),
                Forms.checkbox(
                    name: "critical_friend", label: "I am open to being a critical friend to other practitioners",
                    checked: form.criticalFriend),
                Forms.radios(
                    name: "visibility", legend: "Who can see your profile?",
                    options: ProfileVisibility.allCases.map { ($0.rawValue, $0.label, $0.hint) },
                    selected: form.visibility, errors: errors),
                Forms.submit("Save profile")
            )
        )
    }
}
