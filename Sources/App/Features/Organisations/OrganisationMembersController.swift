import Fluent
import Plot
import Vapor

/// `/organisations/{slug}/members`: an organisation's admins (and coordinators) add people with
/// an account, make them admins, and remove them. An organisation always keeps at least one admin.
struct OrganisationMembersController {
    private func administered(_ req: Request) async throws -> Organisation {
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        return organisation
    }

    private func members(of organisation: Organisation, on db: Database) async throws -> [OrganisationMembership] {
        try await OrganisationMembership.query(on: db)
            .filter(\.$organisation.$id == organisation.requireID())
            .join(User.self, on: \OrganisationMembership.$user.$id == \User.$id)
            .sort(User.self, \.$name)
            .with(\.$user)
            .all()
    }

    func page(req: Request) async throws -> Response {
        let organisation = try await administered(req)
        return try await view(req, organisation: organisation).response()
    }

    /// Sends an invitation to the address, whether or not it has an account, and answers the
    /// same either way: the form never tells anyone who has an account.
    func add(req: Request) async throws -> Response {
        let organisation = try await administered(req)
        let typedEmail = req.formText("member-email")
        let email = User.normalise(email: typedEmail)
        let role = OrganisationMembership.Role(rawValue: req.formText("role")) ?? .member
        var errors = FormErrors()
        if email.isEmpty {
            errors.add("member-email", "Enter the email address of the person to invite")
        } else if let problem = AccountRules.emailProblem(email) {
            errors.add("member-email", problem)
        }
        guard errors.isEmpty else {
            return try await view(req, organisation: organisation, errors: errors, typedEmail: typedEmail).response(
                status: .unprocessableEntity)
        }
        guard try await OrganisationInvitation.send(to: email, joining: organisation, as: role, request: req) else {
            errors.add(
                "member-email",
                "You have sent a lot of invitations in the last hour. Wait a while, then send this one again")
            return try await view(req, organisation: organisation, errors: errors, typedEmail: typedEmail).response(
                status: .tooManyRequests)
        }
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(query: ["notice": Notice.invitationSent.rawValue]))
    }

    func withdraw(req: Request) async throws -> Response {
        let organisation = try await administered(req)
        guard let invitationID = req.parameters.get("invitationID", as: UUID.self),
            let invitation = try await OrganisationInvitation.query(on: req.db).filter(\.$id == invitationID)
                .filter(\.$organisation.$id == organisation.requireID()).first()
        else { throw Abort(.notFound) }
        try await invitation.delete(on: req.db)
        try await req.audit(.invitationWithdrawn, subjectType: "organisation", subjectID: organisation.id)
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(query: [
                "notice": Notice.invitationWithdrawn.rawValue
            ]))
    }

    struct ChangeForm: Content { var change: String? }

    func change(req: Request) async throws -> Response {
        let organisation = try await administered(req)
        let organisationID = try organisation.requireID()
        guard let membershipID = req.parameters.get("membershipID", as: UUID.self),
            let membership = try await OrganisationMembership.query(on: req.db).filter(\.$id == membershipID)
                .filter(\.$organisation.$id == organisationID).with(\.$user).first()
        else { throw Abort(.notFound) }
        let change = (try? req.content.decode(ChangeForm.self))?.change ?? ""
        let admins = try await OrganisationMembership.query(on: req.db).filter(\.$organisation.$id == organisationID)
            .filter(\.$role == OrganisationMembership.Role.admin.rawValue).count()
        let isLastAdmin = membership.role == OrganisationMembership.Role.admin.rawValue && admins <= 1
        var errors = FormErrors()
        switch change {
        case "make-admin":
            // Admin duties are asked, never given: they become an admin when they accept.
            try await OrganisationInvitation.send(
                to: membership.user.email, joining: organisation, as: .admin, request: req)
            return req.redirect(
                to: SiteURL.organisationMembers(organisation.slug).with(query: [
                    "notice": Notice.invitationSent.rawValue
                ]))
        case "make-member" where isLastAdmin, "remove" where isLastAdmin:
            errors.add("members", "\(organisation.name) needs at least one admin. Make someone else an admin first")
        case "make-member":
            membership.role = OrganisationMembership.Role.member.rawValue
            try await membership.save(on: req.db)
            try await req.audit(
                .roleRevoked, subjectType: "user", subjectID: membership.user.id,
                detail: "admin of organisation \(organisation.slug)")
        case "remove":
            try await membership.delete(on: req.db)
            try await req.audit(
                .roleRevoked, subjectType: "user", subjectID: membership.user.id,
                detail: "\(membership.role) of organisation \(organisation.slug)")
        default:
            errors.add("members", "Choose a change to make")
        }
        guard errors.isEmpty else {
            return try await view(req, organisation: organisation, errors: errors).response(
                status: .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(query: ["notice": Notice.membersUpdated.rawValue]))
    }

    private func view(_ req: Request, organisation: Organisation, errors: FormErrors = .init(), typedEmail: String = "")
        async throws -> HTML
    {
        let members = try await members(of: organisation, on: req.db)
        let invitations = try await OrganisationInvitation.query(on: req.db).filter(
            \.$organisation.$id == organisation.requireID()
        )
        .filter(\.$expiresAt > Date()).sort(\.$createdAt, .descending).all()
        return Self.page(
            req, organisation: organisation, members: members, invitations: invitations, errors: errors,
            typedEmail: typedEmail)
    }

    private static func page(
        _ req: Request, organisation: Organisation, members: [OrganisationMembership],
        invitations: [OrganisationInvitation],
        errors: FormErrors, typedEmail: String
    ) -> HTML {
        let title = "Members of \(organisation.name)"
        func changeButton(_ membership: OrganisationMembership, _ change: String, _ text: String) -> Node<
            HTML.BodyContext
        > {
            .form(
                .class("inline-form"), .method(.post),
                .action(SiteURL.organisationMember(organisation.slug, membership.id!).path.attributeEscaped),
                Forms.csrfField(req), Forms.hidden("change", change),
                .button(
                    .type(.submit), .class("link-button"), .plainText(text),
                    .span(.class("visually-hidden"), .plainText(" – " + membership.user.name)))
            )
        }
        return Layout(title: title, request: req, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(
                .a(
                    .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                    .plainText("Back to \(organisation.name)"))),
            .h1(.plainText(title)),
            .table(
                .class("table"), .id("members"),
                .caption(.class("visually-hidden"), .plainText("People in \(organisation.name)")),
                .thead(.tr(.th(.plainText("Name")), .th(.plainText("Role")), .th(.plainText("Changes")))),
                .tbody(
                    .forEach(members) { membership in
                        let isAdmin = membership.role == OrganisationMembership.Role.admin.rawValue
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
                !invitations.isEmpty,
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
                            .forEach(invitations) { invitation in
                                .tr(
                                    .td(.plainText(invitation.email)),
                                    .td(.plainText(invitation.membershipRole == .admin ? "Admin" : "Member")),
                                    .td(.plainText(DisplayDate.day(invitation.createdAt ?? Date()))),
                                    .td(
                                        .form(
                                            .class("inline-form"), .method(.post),
                                            .action(
                                                SiteURL.withdrawInvitation(organisation.slug, invitation.id!).path
                                                    .attributeEscaped),
                                            Forms.csrfField(req),
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
                Forms.csrfField(req),
                Forms.input(
                    .init(
                        name: "member-email", label: "Their email address", type: .email, value: typedEmail,
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
