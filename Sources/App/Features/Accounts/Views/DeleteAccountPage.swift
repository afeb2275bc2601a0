import Plot

/// `/account/delete`: what deleting an account does, and the form that does it.
enum DeleteAccountPage {
    /// What deletion removes and keeps, also quoted on the admin's person page.
    static let whatHappens = [
        "Your account, profile, hub and organisation memberships, sign-ins and API tokens are removed, and you are signed out everywhere.",
        "Your places at events to come are cancelled and passed to the people waiting; your registrations are removed.",
        "Your story drafts, and stories never published, are removed.",
        "Stories already published stay only where the consents of the people in them still allow, with the author shown as \"a former member\".",
        "A peer-support conversation you had stays for the other person, with you shown as \"a former member\". Requests nobody took up are removed.",
        "Survey answers are anonymous already and stay in the figures.",
        "The activity log keeps what happened under an id that no longer leads to you, without network addresses.",
    ]

    struct Model: Sendable {
        let page: PageContext
        /// The last national coordinator cannot go, so the form is not offered.
        let isLastCoordinator: Bool
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Delete your account", page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .h1(.plainText("Delete your account")),
            .p(
                .class("lead"), .plainText("Deleting your account cannot be undone. Before you go, you can "),
                .a(.href(SiteURL.accountData.path), .plainText("download everything we hold about you")),
                .plainText(".")),
            .h2(.plainText("What happens")),
            .ul(.class("bullet-list"), .forEach(whatHappens) { .li(.plainText($0)) }),
            .if(
                model.isLastCoordinator,
                .p(
                    .class("status-panel"),
                    .plainText(
                        "You are the only national coordinator, so your account cannot be deleted until someone else is a coordinator."
                    ))),
            .if(
                !model.isLastCoordinator,
                .form(
                    .method(.post), .action(SiteURL.deleteAccount.path),
                    .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrfField(model.page),
                    Forms.input(
                        .init(
                            name: "password", label: "Your password", type: .password, hint: "To make sure it is you.",
                            autocomplete: "current-password"), errors: model.errors),
                    .button(.type(.submit), .class("button button--warning"), .plainText("Delete my account"))
                )),
            .p(.a(.href(SiteURL.account.path), .plainText("Keep my account and go back")))
        )
    }
}
