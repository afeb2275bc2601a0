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
    @Field(key: "role") var role: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalParent(key: "invited_by") var invitedBy: User?
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, email: String, role: OrganisationMembership.Role, tokenHash: String, invitedBy: UUID?) {
        self.$organisation.id = organisationID
        self.email = email
        self.role = role.rawValue
        self.tokenHash = tokenHash
        self.$invitedBy.id = invitedBy
        self.expiresAt = Date().addingTimeInterval(Self.lifetime)
    }

    var membershipRole: OrganisationMembership.Role { OrganisationMembership.Role(rawValue: role) ?? .member }

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

struct M020CreateOrganisationInvitations: AsyncMigration {
    var name: String { "M020CreateOrganisationInvitations" }

    func prepare(on database: Database) async throws {
        try await database.schema(OrganisationInvitation.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .unique(on: "organisation_id", "email")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OrganisationInvitation.schema).delete()
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
        return InvitationViews.respond(req, invitation: invitation, token: token).response()
    }

    func respond(req: Request) async throws -> Response {
        let token = req.formText("token")
        guard let invitation = try await Self.invitation(token: token, on: req.db) else { throw Self.notValid() }
        let user = try req.requireCurrentUser()
        // The link works only for the person it was sent to.
        guard user.email == invitation.email else {
            return InvitationViews.respond(req, invitation: invitation, token: token).response(status: .forbidden)
        }
        let organisation = invitation.organisation
        let organisationID = try organisation.requireID()
        let accepting = req.formText("decision") == "accept"
        // Claimed by deleting it in one statement: of two presses at once, one answers.
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let claimed = try await sql.raw(
            "DELETE FROM organisation_invitations WHERE id = \(bind: invitation.requireID()) RETURNING id"
        ).all()
        guard !claimed.isEmpty else { throw Self.notValid() }
        guard accepting else {
            try await req.audit(.invitationDeclined, subjectType: "organisation", subjectID: organisationID)
            return req.redirect(to: SiteURL.account.with(query: ["notice": Notice.invitationDeclined.rawValue]))
        }
        let existing = try await OrganisationMembership.query(on: req.db)
            .filter(\.$organisation.$id == organisationID).filter(\.$user.$id == user.id).first()
        if let existing {
            if invitation.membershipRole == .admin, existing.role != OrganisationMembership.Role.admin.rawValue {
                existing.role = OrganisationMembership.Role.admin.rawValue
                try await existing.save(on: req.db)
            }
        } else {
            try await OrganisationMembership(
                organisationID: organisationID, userID: user.id, role: invitation.membershipRole
            ).create(on: req.db)
        }
        try await req.audit(
            .invitationAccepted, subjectType: "organisation", subjectID: organisationID, detail: invitation.role)
        if invitation.membershipRole == .admin {
            try await req.audit(
                .roleGranted, subjectType: "user", subjectID: user.id,
                detail: "admin of organisation \(organisation.slug)")
        }
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(query: ["notice": Notice.invitationAccepted.rawValue]))
    }

    func leave(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first(),
            let membership = try await OrganisationMembership.query(on: req.db)
                .filter(\.$organisation.$id == organisation.requireID()).filter(\.$user.$id == user.id).first()
        else { throw Abort(.notFound) }
        if membership.role == OrganisationMembership.Role.admin.rawValue {
            let admins = try await OrganisationMembership.query(on: req.db).filter(
                \.$organisation.$id == organisation.requireID()
            )
            .filter(\.$role == OrganisationMembership.Role.admin.rawValue).count()
            if admins <= 1 {
                var errors = FormErrors()
                errors.add(
                    "organisations",
                    "You are the only admin of \(organisation.name), so you cannot leave it yet. Make someone else an admin first"
                )
                return try await AccountController.accountPage(req, errors: errors).response(
                    status: .unprocessableEntity)
            }
        }
        try await membership.delete(on: req.db)
        try await req.audit(
            .organisationLeft, subjectType: "organisation", subjectID: organisation.id, detail: membership.role)
        return req.redirect(to: SiteURL.account.with(query: ["notice": Notice.leftOrganisation.rawValue]))
    }
}

enum InvitationViews {
    static func respond(_ request: Request, invitation: OrganisationInvitation, token: String) -> HTML {
        let organisation = invitation.organisation
        let role = invitation.membershipRole == .admin ? "an admin" : "a member"
        let title = "Join \(organisation.name)"
        let here = SiteURL.respondToInvitation.with(query: ["token": token])
        let answer: Node<HTML.BodyContext>
        if let user = request.currentUser {
            if user.email == invitation.email {
                answer = .group(
                    .p(
                        .plainText(
                            "As \(role), you will appear among its people on Bridgework"
                                + (invitation.membershipRole == .admin
                                    ? " and be able to edit its listing, manage its members, projects, surveys and events."
                                    : "."))),
                    .div(
                        .class("button-group"),
                        .form(
                            .method(.post), .action(SiteURL.respondToInvitation.path), Forms.csrfField(request),
                            Forms.hidden("token", token),
                            Forms.hidden("decision", "accept"), Forms.submit("Accept the invitation")),
                        .form(
                            .method(.post), .action(SiteURL.respondToInvitation.path), Forms.csrfField(request),
                            Forms.hidden("token", token),
                            Forms.hidden("decision", "decline"), Forms.submit("Decline", secondary: true))
                    )
                )
            } else {
                answer = .p(
                    .plainText(
                        "This invitation was sent to a different email address from the one you are signed in with. Sign out, then sign in with the address the invitation was sent to, and open the link again."
                    ))
            }
        } else {
            answer = .group(
                .p(
                    .plainText(
                        "Sign in with the email address this invitation was sent to, or create an account with it, then answer."
                    )),
                .p(
                    .a(
                        .class("button"), .href(SiteURL.signIn.with(query: ["next": here]).attributeEscaped),
                        .plainText("Sign in to answer"))),
                .p(.a(.href(SiteURL.signUp.path), .plainText("Create an account")))
            )
        }
        return Layout(title: title, request: request).render(
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "You have been invited to join \(organisation.name) as \(role). You decide: nothing changes unless you accept."
                )),
            answer
        )
    }
}
