import Foundation
import Plot

/// `/admin/people/{personID}`: one person's roles, the forms that change them, and deleting the account.
enum PersonAdminPage {
    /// A hub the person belongs to.
    struct HubRole: Sendable {
        let hubID: UUID
        let hubName: String
        let isSteward: Bool
    }

    /// An organisation the person belongs to.
    struct OrganisationRole: Sendable {
        let organisationID: UUID
        let organisationName: String
        let isAdmin: Bool
    }

    struct Model: Sendable {
        let page: PageContext
        let user: User
        let hubRoles: [HubRole]
        let organisationRoles: [OrganisationRole]
        /// Every hub and organisation, as (id, name), to choose from.
        let hubChoices: [(value: String, label: String)]
        let organisationChoices: [(value: String, label: String)]
        var errors = FormErrors()
        var typedReason = ""
    }

    static func view(_ model: Model) -> HTML {
        let user = model.user
        let errors = model.errors
        let userID = user.id!
        let action = SiteURL.adminPersonRoles(userID).path
        return Layout(title: user.name, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.adminPeople.path), .plainText("Back to people"))),
            .h1(.plainText(user.name)),
            .p(.plainText(user.email)),
            .h2(.id("coordinator"), .attribute(named: "tabindex", value: "-1"), .plainText("National coordinator")),
            .p(
                .plainText(
                    user.isCoordinator
                        ? "This person is a national coordinator." : "This person is not a national coordinator.")),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.hidden(
                    "change", (user.isCoordinator ? RoleChange.removeCoordinator : .grantCoordinator).rawValue),
                Forms.submit(
                    user.isCoordinator ? "Remove coordinator role" : "Make national coordinator", secondary: true)
            ),
            .h2(.plainText("Hubs")),
            .if(model.hubRoles.isEmpty, .p(.plainText("No hub roles."))),
            .ul(
                .class("plain-list"),
                .forEach(model.hubRoles) { role in
                    .li(
                        .plainText("\(role.isSteward ? "Steward" : "Member") of \(role.hubName) "),
                        removeButton(
                            .removeHub, role.hubID, label: "from \(role.hubName)", action: action, page: model.page))
                }),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.hidden("change", RoleChange.grantSteward.rawValue),
                selectField(name: "hub", label: "Make steward of a hub", options: model.hubChoices, errors: errors),
                Forms.submit("Make steward", secondary: true)
            ),
            .h2(.plainText("Organisations")),
            .if(model.organisationRoles.isEmpty, .p(.plainText("No organisation roles."))),
            .ul(
                .class("plain-list"),
                .forEach(model.organisationRoles) { role in
                    .li(
                        .plainText("\(role.isAdmin ? "Admin" : "Member") of \(role.organisationName) "),
                        removeButton(
                            .removeOrganisation, role.organisationID, label: "from \(role.organisationName)",
                            action: action, page: model.page))
                }),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.hidden("change", RoleChange.grantAdmin.rawValue),
                selectField(
                    name: "organisation", label: "Invite to be admin of an organisation",
                    options: model.organisationChoices, errors: errors),
                .p(.class("hint"), .plainText("They get an email and become an admin only if they accept.")),
                Forms.submit("Send invitation", secondary: true)
            ),
            .h2(.id("delete"), .plainText("Delete this account")),
            .p(
                .plainText(
                    "Removes the account as if its owner had deleted it: "
                        + DeleteAccountPage.whatHappens.prefix(3).joined(separator: " "))),
            .form(
                .method(.post), .action(SiteURL.adminDeletePerson(userID).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.textarea(
                    name: "reason", label: "Why the account is being deleted", value: model.typedReason,
                    hint: "Kept in the activity log.", rows: 3, errors: errors),
                .button(.type(.submit), .class("button button--warning"), .plainText("Delete this account"))
            )
        )
    }

    private static func removeButton(
        _ change: RoleChange, _ id: UUID, label: String, action: String, page: PageContext
    ) -> Node<HTML.BodyContext> {
        .form(
            .class("inline-form"), .method(.post), .action(action.attributeEscaped),
            Forms.csrfField(page),
            Forms.hidden("change", change.rawValue),
            Forms.hidden("target", id.uuidString),
            .button(
                .type(.submit), .class("link-button"), .plainText("Remove"),
                .span(.class("visually-hidden"), .plainText(" " + label)))
        )
    }

    private static func selectField(
        name: String, label: String, options: [(value: String, label: String)], errors: FormErrors
    ) -> Node<HTML.FormContext> {
        Forms.select(
            name: name, label: label, empty: "Choose one", options: options, selected: nil, error: errors[name])
    }
}
