import Plot
import Vapor

/// `/organisations/new` and `/organisations/{slug}/edit`: the form to add or edit an organisation.
enum OrganisationFormPage {
    struct Model: Sendable {
        let page: PageContext
        let title: String
        /// Where the form is sent.
        let action: String
        let form: OrganisationForm
        /// Every hub, to choose among.
        let hubs: [Hub]
        var errors = FormErrors()
        /// The button's words.
        let submit: String
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        return Layout(title: model.title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(model.title)),
            .form(
                .method(.post), .action(model.action.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(name: "name", label: "Name", value: form.name, autocomplete: "organization"), errors: errors),
                Forms.textarea(
                    name: "summary", label: "Summary", value: form.summary,
                    hint:
                        "One or two sentences, shown in search results. Up to \(OrganisationForm.maximumSummary) characters.",
                    rows: 3, errors: errors),
                Forms.textarea(
                    name: "description", label: "Description (optional)", value: form.description,
                    hint: "What you do, who with, and how. Leave a blank line between paragraphs.", rows: 8,
                    errors: errors),
                .forEach(Vocabulary.allCases) { vocabulary in
                    Forms.checkboxes(
                        name: vocabulary.rawValue, legend: vocabulary.pluralTitle + " (optional)",
                        hint: "Select all that apply.",
                        options: vocabulary.terms.map { ($0.code, $0.label) }, checked: form.terms[vocabulary] ?? [],
                        errors: errors)
                },
                AreaPicker.fieldset(
                    legend: "Areas served (optional)", chosen: form.areas, error: errors["areas"]),
                Forms.checkboxes(
                    name: "hub", legend: "Hubs (optional)",
                    hint:
                        "Ask to join a hub. Some hubs let organisations join at once; others ask a steward to approve.",
                    options: model.hubs.map { ($0.slug, $0.name) }, checked: form.hubs, errors: errors, groupID: "hubs"),
                Forms.input(
                    .init(
                        name: "website", label: "Website (optional)", type: .url, value: form.website,
                        autocomplete: "url", spellcheck: false), errors: errors),
                Forms.input(
                    .init(
                        name: "charity_number", label: "Registered charity number (optional)",
                        value: form.charityNumber, width: "input--width-10"), errors: errors),
                Forms.input(
                    .init(
                        name: "contact_email", label: "Public contact email (optional)", type: .email,
                        value: form.contactEmail,
                        hint: "Shown on the listing. Use a shared address, not a personal one.", autocomplete: "email",
                        spellcheck: false), errors: errors),
                Forms.input(
                    .init(
                        name: "contact_phone", label: "Public telephone number (optional)", type: .tel,
                        value: form.contactPhone, autocomplete: "tel", width: "input--width-20"), errors: errors),
                Forms.radios(
                    name: "visibility", legend: "Who can see this listing?",
                    options: [
                        (
                            Organisation.Visibility.public.rawValue, "Everyone",
                            "It appears in public search, on the map and in open data."
                        ),
                        (
                            Organisation.Visibility.members.rawValue, "Alliance members only",
                            "Only people a hub has approved into the alliance can find it."
                        ),
                    ], selected: form.visibility, errors: errors),
                Forms.submit(model.submit)
            )
        )
    }
}
