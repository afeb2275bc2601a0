import Plot

/// `/peer-support/new`: a member describes a challenge, in private.
enum PeerRequestFormPage {
    struct Model: Sendable {
        let page: PageContext
        var form = PeerRequestForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        return Layout(title: "Ask for a critical friend", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Ask for a critical friend")),
            .p(.class("lead"), .plainText(PeerSupportViews.privacy)),
            .form(
                .method(.post), .action(SiteURL.newPeerRequest.path),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "title", label: "A short title", value: form.title,
                        hint: "For example: Keeping a dialogue group going after a local incident"), errors: errors),
                Forms.textarea(
                    name: "challenge", label: "The challenge", value: form.challenge,
                    hint:
                        "What is happening, what you have tried, and what you would like to think through. Leave out anything that would identify the people you work with.",
                    rows: 8, errors: errors),
                Forms.checkboxes(
                    name: "methods", legend: "Methods it involves (optional)",
                    options: CuratedViews.options(.method), checked: form.methods, errors: errors),
                Forms.checkboxes(
                    name: "themes", legend: "Themes it touches (optional)",
                    options: CuratedViews.options(.theme), checked: form.themes, errors: errors),
                Forms.checkboxes(
                    name: "outside_hub", legend: "Who you would rather talk to",
                    options: [("yes", "Someone outside my own hubs")], checked: form.preferOutsideHub ? ["yes"] : [],
                    errors: errors),
                Forms.submit("Save and see suggestions")
            )
        )
    }
}
