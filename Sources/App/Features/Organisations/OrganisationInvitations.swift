import Fluent
import Plot
import SQLKit
import Vapor

/// An invitation to join an organisation, sent to an email address. Nobody becomes a member or
/// an admin of an organisation without saying yes: the person signed in with that address
/// accepts or declines it. Only the token's hash is kept.
final class OrganisationInvitation: Model, @unchecked Sendable {
    static let schema = "organisation_invitations"
    static let lifetime: TimeInterval = 14 * 24 * 60 * 60

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "email") var email: String
    @Field(key: "role") var role: OrganisationMembership.Role
    @Field(key: "token_hash") var tokenHash: String
    @OptionalParent(key: "invited_by") var invitedBy: User?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $organisation, $email, $role, $tokenHash, $invitedBy, $expiresAt, $createdAt]
    }

    init(organisationID: UUID, email: String, role: OrganisationMembership.Role, tokenHash: String, invitedBy: UUID?) {
        self.$organisation.id = organisationID
        self.email = email
        self.role = role
        self.tokenHash = tokenHash
        self.$invitedBy.id = invitedBy
        self.expiresAt = Date().addingTimeInterval(Self.lifetime)
    }

    /// Invites `email`; a new invitation to the same address replaces the old one, whose link
    /// stops working. Only the person at that address can use the link.
    /// False, sending nothing, when the inviter has used up their invitations for the hour.
    @discardableResult
    static func send(
        to email: String, joining organisation: Organisation, as role: OrganisationMembership.Role, request req: Request
    ) async throws -> Bool {
        let inviter = req.currentUser?.id.uuidString ?? "nobody"
        guard
            try await SignInThrottle.reserve(
                [ThrottleKey(throttle: .invitations, key: Throttle.invitations.key(inviter))], on: req.db) != nil
        else {
            return false
        }
        let organisationID = try organisation.requireID()
        let token = Tokens.random()
        try await OrganisationInvitation.query(on: req.db).filter(\.$organisation.$id == organisationID).filter(
            \.$email == email
        ).delete()
        try await OrganisationInvitation(
            organisationID: organisationID, email: email, role: role, tokenHash: Tokens.hash(token),
            invitedBy: req.currentUser?.id
        )
        .create(on: req.db)
        try await req.audit(
            .invitationSent, subjectType: "organisation", subjectID: organisationID, detail: role.rawValue)
        let link = SiteURL.respondToInvitation.absolute(base: req.application.publicBaseURL, query: ["token": token])
        try await req.mailer.send(
            to: email, subject: "An invitation to join \(organisation.name) on Bridgework",
            body: """
                Hello,

                \(req.currentUser?.name ?? "An admin") has invited you to join \(organisation.name) on Bridgework as \(role == .admin ? "an admin" : "a member").

                To accept or decline, open this link and sign in with this email address (or create an account with it):

                \(link)

                The link works for 14 days. If you were not expecting this, you can ignore it: nothing changes unless you accept.

                Bridgework
                """, secrets: [token])
        return true
    }
}

/// `/invitations/respond`: the invited person accepts or declines, signed in with the address the
/// invitation went to; `/organisations/{slug}/leave`: a member leaves.
struct OrganisationInvitationController {
    /// The live invitation a link carries, if any.
    static func invitation(token: String, on db: Database) async throws -> OrganisationInvitation? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        return try await OrganisationInvitation.query(on: db)
            .filter(\.$tokenHash == Tokens.hash(token))
            .filter(\.$expiresAt > Date())
            .with(\.$organisation)
            .first()
    }

    private static func notValid() -> Abort {
        Abort(
            .notFound,
            reason:
                "This invitation link no longer works: it was answered, withdrawn, or is more than 14 days old. Ask the organisation's admin to invite you again."
        )
    }

    func page(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        guard let invitation = try await Self.invitation(token: token, on: req.db) else { throw Self.notValid() }
        return InvitationPage.view(invitationModel(req, invitation: invitation, token: token)).response()
    }

    private func invitationModel(_ req: Request, invitation: OrganisationInvitation, token: String)
        -> InvitationPage.Model
    {
        InvitationPage.Model(
            page: req.page, invitation: invitation, token: token, isSignedIn: req.currentUser != nil,
            isInvitee: req.currentUser?.email == invitation.email)
    }

    func respond(req: Request) async throws -> Response {
        let answer = req.form(InvitationAnswerForm.self)
        let token = answer.token
        guard let invitation = try await Self.invitation(token: token, on: req.db) else { throw Self.notValid() }
        let user = try req.requireCurrentUser()
        // The link works only for the person it was sent to.
        guard user.email == invitation.email else {
            let model = invitationModel(req, invitation: invitation, token: token)
            return InvitationPage.view(model).response(status: .forbidden)
        }
        let organisation = invitation.organisation
        let organisationID = try organisation.requireID()
        let accepting = answer.accepting
        // Claimed by deleting it in one statement: of two presses at once, one answers.
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let claimed = try await sql.raw(
            "DELETE FROM organisation_invitations WHERE id = \(bind: invitation.requireID()) RETURNING id"
        ).all()
        guard !claimed.isEmpty else { throw Self.notValid() }
        guard accepting else {
            try await req.audit(.invitationDeclined, subjectType: "organisation", subjectID: organisationID)
            return req.redirect(to: SiteURL.account.with(notice: OrganisationNotice.invitationDeclined))
        }
        let existing = try await OrganisationMembership.query(on: req.db)
            .filter(\.$organisation.$id == organisationID).filter(\.$user.$id == user.id).first()
        if let existing {
            if invitation.role == .admin, existing.role != .admin {
                existing.role = .admin
                try await existing.save(on: req.db)
            }
        } else {
            try await OrganisationMembership(
                organisationID: organisationID, userID: user.id, role: invitation.role
            ).create(on: req.db)
        }
        try await req.audit(
            .invitationAccepted, subjectType: "organisation", subjectID: organisationID,
            detail: invitation.role.rawValue)
        if invitation.role == .admin {
            try await req.audit(
                .roleGranted, subjectType: "user", subjectID: user.id,
                detail: "admin of organisation \(organisation.slug)")
        }
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(notice: OrganisationNotice.invitationAccepted))
    }

    func leave(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.find(slug: slug, on: req.db),
            let membership = try await OrganisationMembership.query(on: req.db)
                .filter(\.$organisation.$id == organisation.requireID()).filter(\.$user.$id == user.id).first()
        else { throw Abort(.notFound) }
        if membership.role == .admin {
            let admins = try await OrganisationMembership.query(on: req.db)
                .filter(\.$organisation.$id == organisation.requireID())
                .filter(\.$role == .admin)
                .count()
            if admins <= 1 {
                var errors = FormErrors()
                errors.add(
                    "organisations",
                    "You are the only admin of \(organisation.name), so you cannot leave it yet. Make someone else an admin first"
                )
                return AccountPage.view(try await AccountController.accountModel(req, errors: errors)).response(
                    status: .unprocessableEntity)
            }
        }
        try await membership.delete(on: req.db)
        try await req.audit(
            .organisationLeft, subjectType: "organisation", subjectID: organisation.id,
            detail: membership.role.rawValue)
        return req.redirect(to: SiteURL.account.with(notice: OrganisationNotice.leftOrganisation))
    }
}

/// An answer to an invitation: the link's token, carried in a hidden field, and yes or no.
struct InvitationAnswerForm: SubmittedForm {
    let token: String
    let accepting: Bool

    init(_ input: FormInput) {
        token = input.text("token")
        accepting = input.text("decision") == "accept"
    }

    /// Nothing to say: a token that matches no live invitation is answered as a broken link.
    func validate() -> FormErrors {
        FormErrors()
    }
}
