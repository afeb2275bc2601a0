import Plot
import Vapor

/// The pages of signing up, signing in and looking after an account.
enum AccountViews {
    struct SignUpInput { var name = ""; var email = "" }

    static func signUp(_ request: Request, input: SignUpInput = .init(), errors: FormErrors = .init()) -> HTML {
        Layout(title: "Create an account", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Create an account")),
            .p(.class("lead"), .plainText("An account lets you join a hub, share stories of your work and find people to learn from. Your details stay private unless you choose to share them.")),
            .form(
                .method(.post), .action(SiteURL.signUp.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(.init(name: "name", label: "Full name", value: input.name, autocomplete: "name", spellcheck: false), errors: errors),
                Forms.input(.init(name: "email", label: "Email address", type: .email, value: input.email, hint: "We will send you a link to confirm it.", autocomplete: "email", spellcheck: false), errors: errors),
                Forms.input(.init(name: "password", label: "Password", type: .password, hint: "At least 10 characters. A few unrelated words make a strong password.", autocomplete: "new-password"), errors: errors),
                Forms.submit("Create account")
            ),
            .p(.plainText("Already have an account? "), .a(.href(SiteURL.signIn.path), .plainText("Sign in")), .plainText("."))
        )
    }

    static func checkEmail(_ request: Request, heading: String = "Check your email", message: String, offerNewConfirmationLink: Bool = true) -> HTML {
        Layout(title: heading, request: request).render(
            .h1(.plainText(heading)),
            .p(.class("lead"), .plainText(message)),
            .p(.plainText("The message can take a few minutes to arrive. Check your spam or junk folder if you cannot see it.")),
            .if(offerNewConfirmationLink, .p(.a(.href(SiteURL.resendConfirmation.path), .plainText("Not received a confirmation link? Ask for a new one"))))
        )
    }

    struct SignInInput { var email = ""; var next = "" }

    static func signIn(_ request: Request, input: SignInInput = .init(), errors: FormErrors = .init(), tooManyAttempts: Bool = false) -> HTML {
        Layout(title: "Sign in", request: request, hasErrors: !errors.isEmpty || tooManyAttempts).render(
            Forms.errorSummary(errors),
            .if(tooManyAttempts, .div(
                .class("error-summary"), .attribute(named: "role", value: "alert"),
                .attribute(named: "aria-labelledby", value: "limit-title"), .attribute(named: "tabindex", value: "-1"),
                .h2(.id("limit-title"), .class("error-summary__title"), .plainText("Too many attempts")),
                .p(.plainText("There have been too many unsuccessful attempts to sign in. Wait 15 minutes and try again, or reset your password."))
            )),
            .h1(.plainText("Sign in")),
            .form(
                .method(.post), .action(SiteURL.signIn.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.hidden("next", input.next),
                Forms.input(.init(name: "email", label: "Email address", type: .email, value: input.email, autocomplete: "email", spellcheck: false), errors: errors),
                Forms.input(.init(name: "password", label: "Password", type: .password, autocomplete: "current-password"), errors: errors),
                Forms.submit("Sign in")
            ),
            .p(.a(.href(SiteURL.forgotPassword.path), .plainText("Forgotten your password?"))),
            .p(.a(.href(SiteURL.resendConfirmation.path), .plainText("Need a new link to confirm your email address?"))),
            .p(.plainText("New to Bridgework? "), .a(.href(SiteURL.signUp.path), .plainText("Create an account")), .plainText("."))
        )
    }

    static func confirmEmail(_ request: Request, token: String, address: String) -> HTML {
        Layout(title: "Confirm your email address", request: request).render(
            .h1(.plainText("Confirm your email address")),
            .p(.class("lead"), .plainText("Press the button to confirm that "), .strong(.plainText(address)), .plainText(" is your email address.")),
            .form(
                .method(.post), .action(SiteURL.confirmEmail.path),
                Forms.csrfField(request),
                Forms.hidden("token", token),
                Forms.submit("Confirm email address")
            )
        )
    }

    static func linkNotValid(_ request: Request, retryText: String, retryURL: SiteURL) -> HTML {
        Layout(title: "This link has expired or has already been used", request: request).render(
            .h1(.plainText("This link has expired or has already been used")),
            .p(.plainText("Links we send by email work once, for a limited time. Nothing has been changed.")),
            .p(.a(.href(retryURL.path.attributeEscaped), .plainText(retryText)))
        )
    }

    static func requestLink(_ request: Request, title: String, intro: String, action: SiteURL, button: String, email: String = "", errors: FormErrors = .init()) -> HTML {
        Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(.class("lead"), .plainText(intro)),
            .form(
                .method(.post), .action(action.path.attributeEscaped), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(.init(name: "email", label: "Email address", type: .email, value: email, autocomplete: "email", spellcheck: false), errors: errors),
                Forms.submit(button)
            )
        )
    }

    static func resetPassword(_ request: Request, token: String, errors: FormErrors = .init()) -> HTML {
        Layout(title: "Choose a new password", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Choose a new password")),
            .form(
                .method(.post), .action(SiteURL.resetPassword.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.hidden("token", token),
                Forms.input(.init(name: "password", label: "New password", type: .password, hint: "At least 10 characters.", autocomplete: "new-password"), errors: errors),
                Forms.submit("Set new password")
            )
        )
    }

    struct AccountSummary {
        let user: User
        let roles: [String]
    }

    static func account(_ request: Request, summary: AccountSummary, name: String? = nil, email: String? = nil, detailErrors: FormErrors = .init(), passwordErrors: FormErrors = .init()) -> HTML {
        let user = summary.user
        let allErrors = FormErrors.merged(detailErrors, passwordErrors)
        return Layout(title: "Your account", request: request, hasErrors: !allErrors.isEmpty).render(
            Forms.errorSummary(allErrors),
            .h1(.plainText("Your account")),
            .dl(
                .class("summary-list"),
                .div(.class("summary-list__row"), .dt(.plainText("Name")), .dd(.plainText(user.name))),
                .div(.class("summary-list__row"), .dt(.plainText("Email address")), .dd(.plainText(user.email))),
                .unwrap(user.pendingEmail) { pending in
                    .div(.class("summary-list__row"), .dt(.plainText("New email address")), .dd(.plainText(pending + " (waiting for you to open the link we sent to it)")))
                },
                .div(.class("summary-list__row"), .dt(.plainText("Email confirmed")), .dd(.plainText(user.emailConfirmedAt == nil ? "Not yet: check your email for the link" : "Yes"))),
                .div(.class("summary-list__row"), .dt(.plainText("Roles")), .dd(
                    .if(summary.roles.isEmpty, .plainText("Member")),
                    .if(!summary.roles.isEmpty, .ul(.class("plain-list"), .forEach(summary.roles) { .li(.plainText($0)) }))
                ))
            ),
            .p(.a(.href(SiteURL.person(user.id!).path.attributeEscaped), .plainText("See your practitioner profile")), .plainText(" or "),
               .a(.href(SiteURL.profile.path), .plainText("edit it")), .plainText(". You choose who can see it.")),
            .h2(.plainText("Change your details")),
            .form(
                .method(.post), .action(SiteURL.account.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(.init(name: "name", label: "Full name", value: name ?? user.name, autocomplete: "name", spellcheck: false), errors: detailErrors),
                Forms.input(.init(name: "email", label: "Email address", type: .email, value: email ?? user.pendingEmail ?? user.email, hint: "If you change it, we will send a link to the new address. It changes when you open the link.", autocomplete: "email", spellcheck: false), errors: detailErrors),
                Forms.submit("Save details")
            ),
            .h2(.plainText("Change your password")),
            .form(
                .method(.post), .action(SiteURL.accountPassword.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(.init(name: "current_password", label: "Current password", type: .password, autocomplete: "current-password"), errors: passwordErrors),
                Forms.input(.init(name: "new_password", label: "New password", type: .password, hint: "At least 10 characters.", autocomplete: "new-password"), errors: passwordErrors),
                Forms.submit("Change password")
            )
        )
    }
}

extension FormErrors {
    static func merged(_ lists: FormErrors...) -> FormErrors {
        var result = FormErrors()
        for list in lists { for item in list.items { result.add(item.field, item.message) } }
        return result
    }
}
