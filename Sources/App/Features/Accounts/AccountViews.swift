import Plot

/// `/signup`: making an account.
enum SignUpPage {
    struct Model: Sendable {
        let page: PageContext
        var name = ""
        var email = ""
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let errors = model.errors
        return Layout(title: "Create an account", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Create an account")),
            .p(
                .class("lead"),
                .plainText(
                    "An account lets you join a hub, share stories of your work and find people to learn from. Your details stay private unless you choose to share them."
                )),
            .form(
                .method(.post), .action(SiteURL.signUp.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(name: "name", label: "Full name", value: model.name, autocomplete: "name", spellcheck: false),
                    errors: errors),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: model.email,
                        hint: "We will send you a link to confirm it.", autocomplete: "email", spellcheck: false),
                    errors: errors),
                Forms.input(
                    .init(
                        name: "password", label: "Password", type: .password,
                        hint: "At least 10 characters. A few unrelated words make a strong password.",
                        autocomplete: "new-password"), errors: errors),
                Forms.submit("Create account")
            ),
            .p(
                .plainText("Already have an account? "), .a(.href(SiteURL.signIn.path), .plainText("Sign in")),
                .plainText("."))
        )
    }
}

/// "Check your email": the answer to every form that sends a link.
enum CheckEmailPage {
    struct Model: Sendable {
        let page: PageContext
        var heading = "Check your email"
        let message: String
        var offersNewConfirmationLink = true
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: model.heading, page: model.page).render(
            .h1(.plainText(model.heading)),
            .p(.class("lead"), .plainText(model.message)),
            .p(
                .plainText(
                    "The message can take a few minutes to arrive. Check your spam or junk folder if you cannot see it."
                )),
            .if(
                model.offersNewConfirmationLink,
                .p(
                    .a(
                        .href(SiteURL.resendConfirmation.path),
                        .plainText("Not received a confirmation link? Ask for a new one"))))
        )
    }
}

/// `/signin`.
enum SignInPage {
    struct Model: Sendable {
        let page: PageContext
        var email = ""
        /// Where to go once signed in, carried in a hidden field.
        var next = ""
        var errors = FormErrors()
        var tooManyAttempts = false
    }

    static func view(_ model: Model) -> HTML {
        let errors = model.errors
        return Layout(title: "Sign in", page: model.page, hasErrors: !errors.isEmpty || model.tooManyAttempts).render(
            Forms.errorSummary(errors),
            .if(
                model.tooManyAttempts,
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"),
                    .attribute(named: "aria-labelledby", value: "limit-title"),
                    .attribute(named: "tabindex", value: "-1"),
                    .h2(.id("limit-title"), .class("error-summary__title"), .plainText("Too many attempts")),
                    .p(
                        .plainText(
                            "There have been too many unsuccessful attempts to sign in. Wait 15 minutes and try again, or reset your password."
                        ))
                )),
            .h1(.plainText("Sign in")),
            .form(
                .method(.post), .action(SiteURL.signIn.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.hidden("next", model.next),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: model.email,
                        autocomplete: "email", spellcheck: false), errors: errors),
                Forms.input(
                    .init(name: "password", label: "Password", type: .password, autocomplete: "current-password"),
                    errors: errors),
                Forms.submit("Sign in")
            ),
            .p(.a(.href(SiteURL.forgotPassword.path), .plainText("Forgotten your password?"))),
            .p(
                .a(.href(SiteURL.resendConfirmation.path), .plainText("Need a new link to confirm your email address?"))
            ),
            .p(
                .plainText("New to Bridgework? "), .a(.href(SiteURL.signUp.path), .plainText("Create an account")),
                .plainText("."))
        )
    }
}

/// The page a confirmation link opens; the address is confirmed only when its button is pressed.
enum ConfirmEmailPage {
    struct Model: Sendable {
        let page: PageContext
        let token: String
        let address: String
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Confirm your email address", page: model.page).render(
            .h1(.plainText("Confirm your email address")),
            .p(
                .class("lead"), .plainText("Press the button to confirm that "), .strong(.plainText(model.address)),
                .plainText(" is your email address.")),
            .form(
                .method(.post), .action(SiteURL.confirmEmail.path),
                Forms.csrfField(model.page),
                Forms.hidden("token", model.token),
                Forms.submit("Confirm email address")
            )
        )
    }
}

/// What a spent or expired emailed link opens.
enum LinkNotValidPage {
    struct Model: Sendable {
        let page: PageContext
        let retryText: String
        let retryURL: SiteURL
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "This link has expired or has already been used", page: model.page).render(
            .h1(.plainText("This link has expired or has already been used")),
            .p(.plainText("Links we send by email work once, for a limited time. Nothing has been changed.")),
            .p(.a(.href(model.retryURL.path.attributeEscaped), .plainText(model.retryText)))
        )
    }
}

/// A form that asks for an address to send a link to: a new confirmation link, or a reset link.
enum RequestLinkPage {
    struct Model: Sendable {
        let page: PageContext
        let title: String
        let intro: String
        let action: SiteURL
        let button: String
        var email = ""
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: model.title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .h1(.plainText(model.title)),
            .p(.class("lead"), .plainText(model.intro)),
            .form(
                .method(.post), .action(model.action.path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: model.email,
                        autocomplete: "email", spellcheck: false), errors: model.errors),
                Forms.submit(model.button)
            )
        )
    }
}

/// The page a reset link opens: choosing a new password.
enum ResetPasswordPage {
    struct Model: Sendable {
        let page: PageContext
        let token: String
        /// How many API tokens the person has, to offer revoking them.
        let tokenCount: Int
        var revokeTokens = false
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let tokenCount = model.tokenCount
        return Layout(title: "Choose a new password", page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .h1(.plainText("Choose a new password")),
            .form(
                .method(.post), .action(SiteURL.resetPassword.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.hidden("token", model.token),
                Forms.input(
                    .init(
                        name: "password", label: "New password", type: .password, hint: "At least 10 characters.",
                        autocomplete: "new-password"), errors: model.errors),
                .if(
                    tokenCount > 0,
                    Forms.checkbox(
                        name: "revoke_tokens",
                        label:
                            "Also revoke my \(tokenCount == 1 ? "API token" : "\(tokenCount) API tokens"), so programs using \(tokenCount == 1 ? "it" : "them") can no longer reach my account",
                        checked: model.revokeTokens)),
                Forms.submit("Set new password")
            )
        )
    }
}

/// The page the old address's link opens after an email change: putting the old address back.
enum UndoEmailChangePage {
    struct Model: Sendable {
        let page: PageContext
        let token: String
        let oldAddress: String
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Put your old email address back", page: model.page).render(
            .h1(.plainText("Put your old email address back")),
            .p(
                .class("lead"), .plainText("Your account's email address was changed away from "),
                .strong(.plainText(model.oldAddress)), .plainText(".")),
            .p(
                .plainText(
                    "If you did not make that change, press the button. Your account gets this address back, everyone signed in to it is signed out, its API tokens and its password stop working, and we send a link to this address to choose a new password."
                )),
            .form(
                .method(.post), .action(SiteURL.undoEmailChange.path),
                Forms.csrfField(model.page),
                Forms.hidden("token", model.token),
                Forms.submit("Put my old address back")
            )
        )
    }
}

extension FormErrors {
    static func merged(_ lists: FormErrors...) -> FormErrors {
        var result = FormErrors()
        for list in lists {
            for item in list.items {
                result.add(item.field, item.message)
            }
        }
        return result
    }
}
