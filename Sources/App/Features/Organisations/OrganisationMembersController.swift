import Fluent
import Plot
import Vapor

/// `/organisations/{slug}/members`: an organisation's admins (and coordinators) add people with
/// an account, make them admins, and remove them. An organisation always keeps at least one admin.
struct OrganisationMembersController {
    /// The organisation in the path, which the route's policy checked the person administers.
    private func administered(_ req: Request) throws -> Organisation {
        try req.subject(Organisation.self)
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
        let organisation = try administered(req)
        return OrganisationMembersPage.view(try await pageModel(req, organisation: organisation)).response()
    }

    /// Sends an invitation to the address, whether or not it has an account, and answers the
    /// same either way: the form never tells anyone who has an account.
    func add(req: Request) async throws -> Response {
        let organisation = try administered(req)
        let form = req.form(OrganisationInviteForm.self)
        var errors = form.validate()
        guard errors.isEmpty else {
            return OrganisationMembersPage.view(
                try await pageModel(req, organisation: organisation, errors: errors, typedEmail: form.typedEmail)
            )
            .response(status: .unprocessableEntity)
        }
        let sent = try await OrganisationInvitation.send(
            to: form.email, joining: organisation, as: form.role, request: req)
        guard sent else {
            errors.add(
                "member-email",
                "You have sent a lot of invitations in the last hour. Wait a while, then send this one again")
            return OrganisationMembersPage.view(
                try await pageModel(req, organisation: organisation, errors: errors, typedEmail: form.typedEmail)
            )
            .response(status: .tooManyRequests)
        }
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(notice: OrganisationNotice.invitationSent))
    }

    func withdraw(req: Request) async throws -> Response {
        let organisation = try administered(req)
        guard let invitationID = req.parameters.get("invitationID", as: UUID.self),
            let invitation = try await OrganisationInvitation.query(on: req.db).filter(\.$id == invitationID)
                .filter(\.$organisation.$id == organisation.requireID()).first()
        else { throw Abort(.notFound) }
        try await invitation.delete(on: req.db)
        try await req.audit(.invitationWithdrawn, subjectType: "organisation", subjectID: organisation.id)
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(notice: OrganisationNotice.invitationWithdrawn))
    }

    func change(req: Request) async throws -> Response {
        let organisation = try administered(req)
        let organisationID = try organisation.requireID()
        guard let membershipID = req.parameters.get("membershipID", as: UUID.self),
            let membership = try await OrganisationMembership.query(on: req.db).filter(\.$id == membershipID)
                .filter(\.$organisation.$id == organisationID).with(\.$user).first()
        else { throw Abort(.notFound) }
        let change = req.form.text("change")
        let admins = try await OrganisationMembership.query(on: req.db)
            .filter(\.$organisation.$id == organisationID)
            .filter(\.$role == .admin)
            .count()
        let isLastAdmin = membership.role == .admin && admins <= 1
        var errors = FormErrors()
        switch change {
        case "make-admin":
            // Admin duties are asked, never given: they become an admin when they accept.
            try await OrganisationInvitation.send(
                to: membership.user.email, joining: organisation, as: .admin, request: req)
            return req.redirect(
                to: SiteURL.organisationMembers(organisation.slug).with(notice: OrganisationNotice.invitationSent))
        case "make-member" where isLastAdmin, "remove" where isLastAdmin:
            errors.add("members", "\(organisation.name) needs at least one admin. Make someone else an admin first")
        case "make-member":
            membership.role = .member
            try await membership.save(on: req.db)
            try await req.audit(
                .roleRevoked, subjectType: "user", subjectID: membership.user.id,
                detail: "admin of organisation \(organisation.slug)")
        case "remove":
            try await membership.delete(on: req.db)
            try await req.audit(
                .roleRevoked, subjectType: "user", subjectID: membership.user.id,
                detail: "\(membership.role.rawValue) of organisation \(organisation.slug)")
        default:
            errors.add("members", "Choose a change to make")
        }
        guard errors.isEmpty else {
            return OrganisationMembersPage.view(try await pageModel(req, organisation: organisation, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        return req.redirect(
            to: SiteURL.organisationMembers(organisation.slug).with(notice: OrganisationNotice.membersUpdated))
    }

    private func pageModel(
        _ req: Request, organisation: Organisation, errors: FormErrors = .init(), typedEmail: String = ""
    )
        async throws -> OrganisationMembersPage.Model
    {
        let members = try await members(of: organisation, on: req.db)
        let invitations = try await OrganisationInvitation.query(on: req.db).filter(
            \.$organisation.$id == organisation.requireID()
        )
        .filter(\.$expiresAt > Date()).sort(\.$createdAt, .descending).all()
        let model = OrganisationMembersPage.Model(
            page: req.page, organisation: organisation, members: members, invitations: invitations, errors: errors,
            typedEmail: typedEmail)
        return model
    }
}

/// The invitation form on the members page: an address, and the role offered.
struct OrganisationInviteForm: SubmittedForm {
    /// The address as typed, to show again.
    let typedEmail: String
    let email: String
    let role: OrganisationMembership.Role

    init(_ input: FormInput) {
        typedEmail = input.text("member-email")
        email = User.normalise(email: typedEmail)
        role = OrganisationMembership.Role(rawValue: input.text("role")) ?? .member
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if email.isEmpty {
            errors.add("member-email", "Enter the email address of the person to invite")
        } else if let problem = AccountRules.emailProblem(email) {
            errors.add("member-email", problem)
        }
        return errors
    }
}
