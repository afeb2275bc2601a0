import Plot
import Vapor

/// `/organisations/{slug}/members`: an organisation's people, the invitations waiting, and the
/// form to invite someone.
enum OrganisationMembersPage {
    struct Model: Sendable {
        let page: PageContext
        let organisation: Organisation
        /// By name, each with its user loaded.
        let members: [OrganisationMembership]
        /// Those not yet answered or expired, newest first.
        let invitations: [OrganisationInvitation]
        var errors = FormErrors()
        var typedEmail = ""
    }

    static func view(_ model: Model) -> HTML {
        let organisation = model.organisation
        let errors = model.errors
        let title = "Members of \(organisation.name)"
        func changeButton(_ membership: OrganisationMembership, _ change: String, _ text: String) -> Node<
            HTML.BodyContext
        > {
            .form(
                .class("inline-form"), .method(.post),
                .action(SiteURL.organisationMember(organisation.slug, membership.id!).path.attributeEscaped),
                Forms.csrfField(model.page), Forms.hidden("change", change),
                .button(
                    .type(.submit), .class("link-button"), .plainText(text),
                    .span(.class("visually-hidden"), .plainText(" – " + membership.user.name)))
            )
        }
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(
                .a(
                    .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                    .plainText("Back to \(organisation.name)"))),
            .h1(.plainText(title)),
            .table(
                .class("table"), .id("members"),
                .caption(.class("visually-hidden"), .plainText("People in \(organisation.name)")),
                .thead(.tr(.columnHeader("Name"), .columnHeader("Role"), .columnHeader("Changes"))),
                .tbody(
                    .forEach(model.members) { membership in
                        let isAdmin = membership.role == .admin
                        return .tr(
                            .td(.plainText(membership.user.name)),
                            .td(.plainText(isAdmin ? "Admin" : "Member")),
                            .td(
                                .div(
                                    .class("button-group"),
                                    isAdmin
                                        ? changeButton(membership, "make-member", "Make member")
                                        : changeButton(membership, "make-admin", "Make admin"),
                                    changeButton(membership, "remove", "Remove")))
                        )
                    })
            ),
            .if(
                !model.invitations.isEmpty,
                .group(
                    .h2(.plainText("Invitations waiting for an answer")),
                    .table(
                        .class("table"), .id("invitations"),
                        .caption(.class("visually-hidden"), .plainText("Invitations not yet answered")),
                        .thead(
                            .tr(
                                .columnHeader("Sent to"), .columnHeader("Role"), .columnHeader("Sent"),
                                .columnHeader("Change"))),
                        .tbody(
                            .forEach(model.invitations) { invitation in
                                .tr(
                                    .td(.plainText(invitation.email)),
                                    .td(.plainText(invitation.role == .admin ? "Admin" : "Member")),
                                    .td(.plainText(DisplayDate.day(invitation.createdAt ?? Date()))),
                                    .td(
                                        .form(
                                            .class("inline-form"), .method(.post),
                                            .action(
                                                SiteURL.withdrawInvitation(organisation.slug, invitation.id!).path
                                                    .attributeEscaped),
                                            Forms.csrfField(model.page),
                                            .button(
                                                .type(.submit), .class("link-button"), .plainText("Withdraw"),
                                                .span(
                                                    .class("visually-hidden"),
                                                    .plainText(" the invitation to " + invitation.email)))
                                        ))
                                )
                            })
                    )
                )),
            .h2(.plainText("Invite someone")),
            .form(
                .method(.post), .action(SiteURL.organisationMembers(organisation.slug).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(
                        name: "member-email", label: "Their email address", type: .email, value: model.typedEmail,
                        hint:
                            "We will email them an invitation. They join when they accept it, signed in with this address.",
                        spellcheck: false), errors: errors),
                Forms.radios(
                    name: "role", legend: "Their role",
                    options: [
                        (OrganisationMembership.Role.member.rawValue, "Member", nil),
                        (
                            OrganisationMembership.Role.admin.rawValue, "Admin",
                            "Admins can edit the organisation and manage its members."
                        ),
                    ], selected: OrganisationMembership.Role.member.rawValue, errors: errors),
                Forms.submit("Send invitation")
            )
        )
    }
}
