import Plot

/// `/account`: the person's details and access, and the forms that change them.
enum AccountPage {
    struct OrganisationRow: Sendable {
        let slug: String
        let name: String
        /// Whether they are one of its admins, to say so beside its name.
        let isAdmin: Bool
    }

    struct Model: Sendable {
        let page: PageContext
        let user: User
        let roles: [String]
        /// Whether they already see members-only things, or are still waiting for a hub.
        let canReadMembersOnly: Bool
        let pendingHubNames: [String]
        let organisations: [OrganisationRow]
        let tokens: [APIToken]
        /// A token just made, shown this once.
        var newToken: String? = nil
        let defaultTokenDays: Int
        /// What was typed into the details form, when it is shown again.
        var name: String? = nil
        var email: String? = nil
        var detailErrors = FormErrors()
        var passwordErrors = FormErrors()
        var tokenErrors = FormErrors()
        /// Problems from elsewhere, such as leaving an organisation.
        var errors = FormErrors()
        var tokenName = ""
        var tokenDays = ""
    }

    static func view(_ model: Model) -> HTML {
        let user = model.user
        let allErrors = FormErrors.merged(model.errors, model.detailErrors, model.passwordErrors, model.tokenErrors)
        let liveTokens = model.tokens.filter { !$0.isExpired }
        return Layout(title: "Your account", page: model.page, hasErrors: !allErrors.isEmpty).render(
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
                    model.roles.isEmpty
                        ? .plainText("Registered, not yet approved into a hub")
                        : .ul(.class("plain-list"), .forEach(model.roles) { .li(.plainText($0)) }))
            ),
            membershipText(model),
            .p(
                .a(.href(SiteURL.person(user.id!).path.attributeEscaped), .plainText("See your practitioner profile")),
                .plainText(" or "),
                .a(.href(SiteURL.profile.path), .plainText("edit it")), .plainText(". You choose who can see it.")),
            .if(
                !model.organisations.isEmpty,
                .group(
                    .h2(.id("organisations"), .plainText("Your organisations")),
                    .ul(
                        .class("plain-list"),
                        .forEach(model.organisations) { organisation in
                            .li(
                                .a(
                                    .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                    .plainText(organisation.name)),
                                .plainText(organisation.isAdmin ? " (admin) " : " (member) "),
                                .form(
                                    .class("inline-form"), .method(.post),
                                    .action(SiteURL.leaveOrganisation(organisation.slug).path.attributeEscaped),
                                    Forms.csrfField(model.page),
                                    .button(
                                        .type(.submit), .class("link-button"), .plainText("Leave"),
                                        .span(.class("visually-hidden"), .plainText(" " + organisation.name))))
                            )
                        })
                )),
            .h2(.plainText("Change your details")),
            .form(
                .method(.post), .action(SiteURL.account.path), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "name", label: "Full name", value: model.name ?? user.name, autocomplete: "name",
                        spellcheck: false), errors: model.detailErrors),
                Forms.input(
                    .init(
                        name: "email", label: "Email address", type: .email,
                        value: model.email ?? user.pendingEmail ?? user.email,
                        hint:
                            "If you change it, we will send a link to the new address; it changes when you open the link, and we tell your old address.",
                        autocomplete: "email", spellcheck: false), errors: model.detailErrors),
                Forms.input(
                    .init(
                        name: "email_password", label: "Current password (only to change your email address)",
                        type: .password, autocomplete: "current-password"), errors: model.detailErrors),
                Forms.submit("Save details")
            ),
            .h2(.plainText("Change your password")),
            .form(
                .method(.post), .action(SiteURL.accountPassword.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "current_password", label: "Current password", type: .password,
                        autocomplete: "current-password"), errors: model.passwordErrors),
                Forms.input(
                    .init(
                        name: "new_password", label: "New password", type: .password, hint: "At least 10 characters.",
                        autocomplete: "new-password"), errors: model.passwordErrors),
                .if(
                    !liveTokens.isEmpty,
                    Forms.checkbox(
                        name: "revoke_tokens",
                        label:
                            "Also revoke my \(liveTokens.count == 1 ? "API token" : "\(liveTokens.count) API tokens")",
                        checked: false)),
                Forms.submit("Change password")
            ),
            tokensSection(model),
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

    private static func row(_ term: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .div(.class("summary-list__row"), .dt(.plainText(term)), .dd(value))
    }

    private static func membershipText(_ model: Model) -> Node<HTML.BodyContext> {
        if model.canReadMembersOnly {
            return .p(
                .plainText(
                    "You are an approved member of the alliance: you can read members-only listings, events and stories, find practitioners and use peer support."
                ))
        }
        let waiting =
            model.pendingHubNames.isEmpty
            ? "You have not asked to join a hub yet. Ask to join one from its page: "
            : "You have asked to join \(model.pendingHubNames.joined(separator: ", ")). A steward of the hub will look at your request and we will email you when they decide. You can also ask to join another hub: "
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

    private static func tokensSection(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.id("api-tokens"), .plainText("API tokens")),
            .p(
                .plainText(
                    "A token lets a program use the Bridgework API as you. Anyone who has it can act as you, so keep it secret and revoke it when it is no longer needed."
                )),
            .unwrap(model.newToken) { token in
                .div(
                    .class("status-panel"), .attribute(named: "role", value: "status"),
                    .p(.strong(.plainText("Your new token. Copy it now: it will not be shown again."))),
                    .pre(.class("token"), .code(.plainText(token)))
                )
            },
            .if(model.tokens.isEmpty, .p(.plainText("You have no API tokens."))),
            .if(
                !model.tokens.isEmpty,
                .table(
                    .class("table"),
                    .caption(.class("visually-hidden"), .plainText("Your API tokens")),
                    .thead(
                        .tr(
                            .columnHeader("Name"), .columnHeader("Made"), .columnHeader("Last used"),
                            .columnHeader("Expires"), .columnHeader("Change"))),
                    .tbody(
                        .forEach(model.tokens) { token in
                            tokenRow(token, page: model.page)
                        })
                )),
            .h3(.plainText("Make a token")),
            .form(
                .method(.post), .action(SiteURL.accountTokens.path),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "token_name", label: "Name", value: model.tokenName,
                        hint: "So you know what it is for, like \"Newsletter sync\".", spellcheck: false),
                    errors: model.tokenErrors),
                Forms.input(
                    .init(
                        name: "token_days", label: "Days until it expires",
                        value: model.tokenDays.isEmpty ? String(model.defaultTokenDays) : model.tokenDays,
                        hint: "A whole number of days, like 90.", width: "input--width-10"), errors: model.tokenErrors),
                Forms.submit("Make token", secondary: true)
            )
        )
    }

    private static func tokenRow(_ token: APIToken, page: PageContext) -> Node<HTML.TableContext> {
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
                    Forms.csrfField(page),
                    .button(
                        .type(.submit), .class("link-button"), .plainText("Revoke"),
                        .span(.class("visually-hidden"), .plainText(" " + token.name)))))
        )
    }
}
