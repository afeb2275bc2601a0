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
        return view(req, organisation: organisation, members: try await members(of: organisation, on: req.db)).response()
    }

    struct AddForm: Content {
        var email: String?
        var role: String?
        enum CodingKeys: String, CodingKey { case email = "member-email", role }
    }

    func add(req: Request) async throws -> Response {
        let organisation = try await administered(req)
        let organisationID = try organisation.requireID()
        let form = (try? req.content.decode(AddForm.self)) ?? AddForm()
        let email = User.normalise(email: form.email ?? "")
        let role = OrganisationMembership.Role(rawValue: form.role ?? "") ?? .member
        var errors = FormErrors()
        let user = email.isEmpty ? nil : try await User.query(on: req.db).filter(\.$email == email).first()
        if email.isEmpty {
            errors.add("member-email", "Enter the email address of the person to add")
        } else if user == nil {
            errors.add("member-email", "There is no Bridgework account with that email address. Ask them to create one first")
        } else if try await OrganisationMembership.query(on: req.db).filter(\.$organisation.$id == organisationID).filter(\.$user.$id == user!.requireID()).first() != nil {
            errors.add("member-email", "That person is already a member of this organisation")
        }
        guard errors.isEmpty, let user else {
            return view(req, organisation: organisation, members: try await members(of: organisation, on: req.db), errors: errors, typedEmail: form.email ?? "")
                .response(status: .unprocessableEntity)
        }
        try await OrganisationMembership(organisationID: organisationID, userID: user.requireID(), role: role).create(on: req.db)
        if role == .admin {
            try await req.audit(.roleGranted, subjectType: "user", subjectID: user.id, detail: "admin of organisation \(organisation.slug)")
        }
        try await req.mailer.send(to: user.email, subject: "You have been added to \(organisation.name) on Bridgework", body: """
        Hello \(user.name),

        You are now \(role == .admin ? "an admin" : "a member") of \(organisation.name) on Bridgework:
        \(SiteURL.organisation(organisation.slug).absolute(base: req.application.publicBaseURL))

        Bridgework
        """)
        return req.redirect(to: SiteURL.organisationMembers(organisation.slug).with(query: ["notice": Notice.membersUpdated.rawValue]))
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
            membership.role = OrganisationMembership.Role.admin.rawValue
            try await membership.save(on: req.db)
            try await req.audit(.roleGranted, subjectType: "user", subjectID: membership.user.id, detail: "admin of organisation \(organisation.slug)")
        case "make-member" where isLastAdmin, "remove" where isLastAdmin:
            errors.add("members", "\(organisation.name) needs at least one admin. Make someone else an admin first")
        case "make-member":
            membership.role = OrganisationMembership.Role.member.rawValue
            try await membership.save(on: req.db)
            try await req.audit(.roleRevoked, subjectType: "user", subjectID: membership.user.id, detail: "admin of organisation \(organisation.slug)")
        case "remove":
            try await membership.delete(on: req.db)
            try await req.audit(.roleRevoked, subjectType: "user", subjectID: membership.user.id, detail: "\(membership.role) of organisation \(organisation.slug)")
        default:
            errors.add("members", "Choose a change to make")
        }
        guard errors.isEmpty else {
            return view(req, organisation: organisation, members: try await members(of: organisation, on: req.db), errors: errors)
                .response(status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.organisationMembers(organisation.slug).with(query: ["notice": Notice.membersUpdated.rawValue]))
    }

    private func view(_ req: Request, organisation: Organisation, members: [OrganisationMembership], errors: FormErrors = .init(), typedEmail: String = "") -> HTML {
        let title = "Members of \(organisation.name)"
        func changeButton(_ membership: OrganisationMembership, _ change: String, _ text: String) -> Node<HTML.BodyContext> {
            .form(
                .class("inline-form"), .method(.post),
                .action(SiteURL.organisationMember(organisation.slug, membership.id!).path.attributeEscaped),
                Forms.csrfField(req), Forms.hidden("change", change),
                .button(.type(.submit), .class("link-button"), .plainText(text), .span(.class("visually-hidden"), .plainText(" – " + membership.user.name)))
            )
        }
        return Layout(title: title, request: req, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.organisation(organisation.slug).path.attributeEscaped), .plainText("Back to \(organisation.name)"))),
            .h1(.plainText(title)),
            .table(
                .class("table"), .id("members"),
                .caption(.class("visually-hidden"), .plainText("People in \(organisation.name)")),
                .thead(.tr(.th(.plainText("Name")), .th(.plainText("Role")), .th(.plainText("Changes")))),
                .tbody(.forEach(members) { membership in
                    let isAdmin = membership.role == OrganisationMembership.Role.admin.rawValue
                    return .tr(
                        .td(.plainText(membership.user.name)),
                        .td(.plainText(isAdmin ? "Admin" : "Member")),
                        .td(.div(.class("button-group"),
                                 isAdmin ? changeButton(membership, "make-member", "Make member") : changeButton(membership, "make-admin", "Make admin"),
                                 changeButton(membership, "remove", "Remove")))
                    )
                })
            ),
            .h2(.plainText("Add someone")),
            .form(
                .method(.post), .action(SiteURL.organisationMembers(organisation.slug).path.attributeEscaped), .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(req),
                Forms.input(.init(name: "member-email", label: "Their email address", type: .email, value: typedEmail, hint: "They need a Bridgework account already.", spellcheck: false), errors: errors),
                Forms.radios(name: "role", legend: "Their role", options: [
                    (OrganisationMembership.Role.member.rawValue, "Member", nil),
                    (OrganisationMembership.Role.admin.rawValue, "Admin", "Admins can edit the organisation and manage its members."),
                ], selected: OrganisationMembership.Role.member.rawValue, errors: errors),
                Forms.submit("Add to organisation")
            )
        )
    }
}
