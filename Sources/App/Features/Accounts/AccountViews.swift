import Plot
import Vapor

/// The pages of signing up, signing in and looking after an account.
enum AccountViews {
    struct SignUpInput {
        var name = ""
        var email = ""
    }

    static func signUp(_ request: Request, input: SignUpInput = .init(), errors: FormErrors = .init()) -> HTML {
        Layout(title: "Create an account", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Create an account")),
            .p(
                .class("lead"),
                .plainText(
                    "An account lets you join a hub, share stories of your work and find people to learn from. Your details stay private unless you choose to share them."
                )),
            .form(
                .method(.post), .action(SiteURL.signUp.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(name: "name", label: "Full name", value: input.name, autocomplete: "name", spellcheck: false),
                    errors: errors),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: input.email,
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

    static func checkEmail(
        _ request: Request, heading: String = "Check your email", message: String, offerNewConfirmationLink: Bool = true
    ) -> HTML {
        Layout(title: heading, request: request).render(
            .h1(.plainText(heading)),
            .p(.class("lead"), .plainText(message)),
            .p(
                .plainText(
                    "The message can take a few minutes to arrive. Check your spam or junk folder if you cannot see it."
                )),
            .if(
                offerNewConfirmationLink,
                .p(
                    .a(
                        .href(SiteURL.resendConfirmation.path),
                        .plainText("Not received a confirmation link? Ask for a new one"))))
        )
    }

    struct SignInInput {
        var email = ""
        var next = ""
    }

    static func signIn(
        _ request: Request, input: SignInInput = .init(), errors: FormErrors = .init(), tooManyAttempts: Bool = false
    ) -> HTML {
        Layout(title: "Sign in", request: request, hasErrors: !errors.isEmpty || tooManyAttempts).render(
            Forms.errorSummary(errors),
            .if(
                tooManyAttempts,
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
                Forms.csrfField(request),
                Forms.hidden("next", input.next),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: input.email, autocomplete: "email",
                        spellcheck: false), errors: errors),
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

    static func confirmEmail(_ request: Request, token: String, address: String) -> HTML {
        Layout(title: "Confirm your email address", request: request).render(
            .h1(.plainText("Confirm your email address")),
            .p(
                .class("lead"), .plainText("Press the button to confirm that "), .strong(.plainText(address)),
                .plainText(" is your email address.")),
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

    static func requestLink(
        _ request: Request, title: String, intro: String, action: SiteURL, button: String, email: String = "",
        errors: FormErrors = .init()
    ) -> HTML {
        Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(.class("lead"), .plainText(intro)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email, value: email, autocomplete: "email",
                        spellcheck: false), errors: errors),
                Forms.submit(button)
            )
        )
    }

    static func resetPassword(
        _ request: Request, token: String, tokenCount: Int, revokeTokens: Bool = false, errors: FormErrors = .init()
    ) -> HTML {
        Layout(title: "Choose a new password", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Choose a new password")),
            .form(
                .method(.post), .action(SiteURL.resetPassword.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.hidden("token", token),
                Forms.input(
                    .init(
                        name: "password", label: "New password", type: .password, hint: "At least 10 characters.",
                        autocomplete: "new-password"), errors: errors),
                .if(
                    tokenCount > 0,
                    Forms.checkbox(
                        name: "revoke_tokens",
                        label:
                            "Also revoke my \(tokenCount == 1 ? "API token" : "\(tokenCount) API tokens"), so programs using \(tokenCount == 1 ? "it" : "them") can no longer reach my account",
                        checked: revokeTokens)),
                Forms.submit("Set new password")
            )
        )
    }

    static func undoEmailChange(_ request: Request, token: String, oldAddress: String) -> HTML {
        Layout(title: "Put your old email address back", request: request).render(
            .h1(.plainText("Put your old email address back")),
            .p(
                .class("lead"), .plainText("Your account's email address was changed away from "),
                .strong(.plainText(oldAddress)), .plainText(".")),
            .p(
                .plainText(
                    "If you did not make that change, press the button. Your account gets this address back, everyone signed in to it is signed out, its API tokens and its password stop working, and we send a link to this address to choose a new password."
                )),
            .form(
                .method(.post), .action(SiteURL.undoEmailChange.path),
                Forms.csrfField(request),
                Forms.hidden("token", token),
                Forms.submit("Put my old address back")
            )
        )
    }

    /// What the account page shows about the person and their access.
    struct AccountPage {
        struct OrganisationRow {
            let slug: String
            let name: String
            let isAdmin: Bool
        }

        let user: User
        let roles: [String]
        let isApprovedMember: Bool
        let pendingHubNames: [String]
        let organisations: [OrganisationRow]
        let tokens: [APIToken]
        let newToken: String?
        let defaultTokenDays: Int
    }

    private static func row(_ term: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .div(.class("summary-list__row"), .dt(.plainText(term)), .dd(value))
    }

    private static func membershipText(_ page: AccountPage) -> Node<HTML.BodyContext> {
        if page.isApprovedMember {
            return .p(
                .plainText(
                    "You are an approved member of the alliance: you can read members-only listings, events and stories, find practitioners and use peer support."
                ))
        }
        let waiting =
            page.pendingHubNames.isEmpty
            ? "You have not asked to join a hub yet. Ask to join one from its page: "
            : "You have asked to join \(page.pendingHubNames.joined(separator: ", ")). A steward of the hub will look at your request and we will email you when they decide. You can also ask to join another hub: "
        return .div(
            .class("status-panel"), .id("membership"),
            .h2(.plainText("Your membership is waiting for approval")),
            .p(
                .plainText(
                    "Until a hub approves you, you see what any visitor sees. You can already write story drafts, keep your profile, add an organisation and register for public events."
                )),
            .p(.plainText(waiting), .a(.href(SiteURL.hubs.path), .plainText("find a hub")), .plainText("."))
        )
    }

    static func account(
        _ request: Request, page: AccountPage, name: String? = nil, email: String? = nil,
        detailErrors: FormErrors = .init(),
        passwordErrors: FormErrors = .init(), tokenErrors: FormErrors = .init(), errors: FormErrors = .init(),
        tokenName: String = "", tokenDays: String = ""
    ) -> HTML {
        let user = page.user
        let allErrors = FormErrors.merged(errors, detailErrors, passwordErrors, tokenErrors)
        let liveTokens = page.tokens.filter { !$0.isExpired }
        return Layout(title: "Your account", request: request, hasErrors: !allErrors.isEmpty).render(
            Forms.errorSummary(allErrors),
            .h1(.plainText("Your account")),
            .dl(
                .class("summary-list"),
                row("Name", .plainText(user.name)),
                row("Email address", .plainText(user.email)),
                .unwrap(user.pendingEmail) { pending in
                    row("New email address", .plainText(pending + " (waiting for you to open the link we sent to it)"))
                },
                row(
                    "Email confirmed",
                    .plainText(user.emailConfirmedAt == nil ? "Not yet: check your email for the link" : "Yes")),
                row(
                    "Roles",
                    page.roles.isEmpty
                        ? .plainText("Registered, not yet approved into a hub")
                        : .ul(.class("plain-list"), .forEach(page.roles) { .li(.plainText($0)) }))
            ),
            membershipText(page),
            .p(
                .a(.href(SiteURL.person(user.id!).path.attributeEscaped), .plainText("See your practitioner profile")),
                .plainText(" or "),
                .a(.href(SiteURL.profile.path), .plainText("edit it")), .plainText(". You choose who can see it.")),
            .if(
                !page.organisations.isEmpty,
                .group(
                    .h2(.id("organisations"), .plainText("Your organisations")),
                    .ul(
                        .class("plain-list"),
                        .forEach(page.organisations) { organisation in
                            .li(
                                .a(
                                    .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                    .plainText(organisation.name)),
                                .plainText(organisation.isAdmin ? " (admin) " : " (member) "),
                                .form(
                                    .class("inline-form"), .method(.post),
                                    .action(SiteURL.leaveOrganisation(organisation.slug).path.attributeEscaped),
                                    Forms.csrfField(request),
                                    .button(
                                        .type(.submit), .class("link-button"), .plainText("Leave"),
                                        .span(.class("visually-hidden"), .plainText(" " + organisation.name))))
                            )
                        })
                )),
            .h2(.plainText("Change your details")),
            .form(
                .method(.post), .action(SiteURL.account.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "name", label: "Full name", value: name ?? user.name, autocomplete: "name",
                        spellcheck: false), errors: detailErrors),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email,
                        value: email ?? user.pendingEmail ?? user.email,
                        hint:
                            "If you change it, we will send a link to the new address; it changes when you open the link, and we tell your old address.",
                        autocomplete: "email", spellcheck: false), errors: detailErrors),
                Forms.input(
                    .init(
                        name: "email_password", label: "Current password (only to change your email address)",
                        type: .password, autocomplete: "current-password"), errors: detailErrors),
                Forms.submit("Save details")
            ),
            .h2(.plainText("Change your password")),
            .form(
                .method(.post), .action(SiteURL.accountPassword.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "current_password", label: "Current password", type: .password,
                        autocomplete: "current-password"), errors: passwordErrors),
                Forms.input(
                    .init(
                        name: "new_password", label: "New password", type: .password, hint: "At least 10 characters.",
                        autocomplete: "new-password"), errors: passwordErrors),
                .if(
                    !liveTokens.isEmpty,
                    Forms.checkbox(
                        name: "revoke_tokens",
                        label:
                            "Also revoke my \(liveTokens.count == 1 ? "API token" : "\(liveTokens.count) API tokens")",
                        checked: false)),
                Forms.submit("Change password")
            ),
            tokensSection(request, page: page, errors: tokenErrors, typedName: tokenName, typedDays: tokenDays),
            .h2(.id("your-data"), .plainText("Your data")),
            .p(
                .plainText(
                    "Download everything Bridgework holds about you as one zip file, with a note explaining each file.")
            ),
            .p(
                .a(
                    .class("button button--secondary"), .href(SiteURL.accountData.path),
                    .attribute(named: "download", value: "bridgework-my-data.zip"), .plainText("Download my data"))),
            .p(.a(.href(SiteURL.deleteAccount.path), .plainText("Delete my account")))
        )
    }

    private static func tokensSection(
        _ request: Request, page: AccountPage, errors: FormErrors, typedName: String, typedDays: String
    ) -> Node<HTML.BodyContext> {
        .group(
            .h2(.id("api-tokens"), .plainText("API tokens")),
            .p(
                .plainText(
                    "A token lets a program use the Bridgework API as you. Anyone who has it can act as you, so keep it secret and revoke it when it is no longer needed."
                )),
            .unwrap(page.newToken) { token in
                .div(
                    .class("status-panel"), .attribute(named: "role", value: "status"),
                    .p(.strong(.plainText("Your new token. Copy it now: it will not be shown again."))),
                    .pre(.class("token"), .code(.plainText(token)))
                )
            },
            .if(page.tokens.isEmpty, .p(.plainText("You have no API tokens."))),
            .if(
                !page.tokens.isEmpty,
                .table(
                    .class("table"),
                    .caption(.class("visually-hidden"), .plainText("Your API tokens")),
                    .thead(
                        .tr(
                            .columnHeader("Name"), .columnHeader("Made"), .columnHeader("Last used"),
                            .columnHeader("Expires"), .columnHeader("Change"))),
                    .tbody(
                        .forEach(page.tokens) { token in
                            .tr(
                                .td(.plainText(token.name)),
                                .td(.plainText(token.createdAt.map(DisplayDate.day) ?? "unknown")),
                                .td(.plainText(token.lastUsedAt.map(DisplayDate.day) ?? "Never")),
                                .td(
                                    .plainText(
                                        token.expiresAt.map {
                                            (token.isExpired ? "Expired " : "") + DisplayDate.day($0)
                                        } ?? "Never")),
                                .td(
                                    .form(
                                        .class("inline-form"), .method(.post),
                                        .action(SiteURL.revokeAccountToken(token.id!).path.attributeEscaped),
                                        Forms.csrfField(request),
                                        .button(
                                            .type(.submit), .class("link-button"), .plainText("Revoke"),
                                            .span(.class("visually-hidden"), .plainText(" " + token.name)))))
                            )
                        })
                )),
            .h3(.plainText("Make a token")),
            .form(
                .method(.post), .action(SiteURL.accountTokens.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "token_name", label: "Name", value: typedName,
                        hint: "So you know what it is for, like \"Newsletter sync\".", spellcheck: false),
                    errors: errors),
                Forms.input(
                    .init(
                        name: "token_days", label: "Days until it expires",
                        value: typedDays.isEmpty ? String(page.defaultTokenDays) : typedDays,
                        hint: "A whole number of days, like 90.", width: "input--width-10"), errors: errors),
                Forms.submit("Make token", secondary: true)
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
