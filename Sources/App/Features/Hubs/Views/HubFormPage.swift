import Plot
import Vapor

/// `/hubs/new` and `/hubs/{slug}/edit`: the national team's form for a hub's details, the council
/// areas it serves and who stewards it.
enum HubFormPage {
    struct Model: Sendable {
        let page: PageContext
        let title: String
        /// Where the form is sent.
        let action: String
        let form: HubForm
        /// The hub's stewards now, to keep or let go; empty for a new hub.
        var currentStewards: [User] = []
        var errors = FormErrors()
        /// The button's words.
        let submit: String
        /// Where "Cancel" goes.
        let cancel: String
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
                    .init(
                        name: "name", label: "Name", value: form.name,
                        hint: "Usually the place it serves, like ‘Tees Valley’."), errors: errors),
                Forms.select(
                    name: "region", label: "Region", empty: "Choose a region",
                    options: LocalAuthorities.regions.map { ($0, $0) }, selected: form.region,
                    error: errors["region"]),
                Forms.textarea(
                    name: "summary", label: "Summary", value: form.summary,
                    hint:
                        "A sentence or two about who the hub brings together and what it does. Up to \(HubForm.maximumSummary) characters.",
                    rows: 3, errors: errors),
                AreaPicker.fieldset(
                    legend: "Council areas it serves",
                    hint: "Open a region to choose its council areas. An area can belong to one hub only.",
                    chosen: form.areas, error: errors["areas"]),
                Forms.radios(
                    name: "membership_policy", legend: "How do people and organisations join?",
                    options: [
                        (
                            Hub.MembershipPolicy.approval.rawValue, "A steward approves each request",
                            "Stewards see who is asking and what they wrote before saying yes."
                        ),
                        (
                            Hub.MembershipPolicy.open.rawValue, "Anyone with an account joins at once",
                            "Members see members-only pages as soon as they join."
                        ),
                    ], selected: form.membershipPolicy, errors: errors),
                .if(
                    !model.currentStewards.isEmpty,
                    Forms.checkboxes(
                        name: "keep_steward", legend: "Stewards",
                        hint: "Untick anyone who should stop being a steward. They stay members of the hub.",
                        options: model.currentStewards.map { ($0.id?.uuidString ?? "", "\($0.name) (\($0.email))") },
                        checked: form.keptStewards, errors: errors)),
                Forms.textarea(
                    name: "new_stewards",
                    label: model.currentStewards.isEmpty ? "Stewards (optional)" : "Add stewards (optional)",
                    value: form.newStewards,
                    hint:
                        "The email addresses of people with an account, one a line. Each is told by email. Someone not yet a member of the hub joins it as a steward.",
                    rows: 3, errors: errors),
                .div(
                    .class("button-group"),
                    Forms.submit(model.submit),
                    .a(.class("link"), .href(model.cancel.attributeEscaped), .plainText("Cancel"))
                )
            )
        )
    }
}
