import Fluent
import Plot
import SQLKit
import Vapor

/// The right to erasure (UK GDPR article 17). The account's row stays as an empty tombstone,
/// named "A former member", so what others keep (a peer conversation, a published story whose
/// consents still allow it) can still say who wrote it without saying who they were.
enum AccountDeletion {
    static let formerMemberName = "A former member"

    enum Refusal: AbortError, Equatable {
        /// The alliance would have nobody left to run it.
        case lastCoordinator

        var status: HTTPResponseStatus { .conflict }
        var reason: String {
            "This is the only national coordinator, so the account cannot be deleted. Make someone else a coordinator first."
        }
    }

    /// Whether this account may go: the last national coordinator cannot.
    static func refusal(for user: User, on db: Database) async throws -> Refusal? {
        guard user.isCoordinator else { return nil }
        let coordinators = try await User.query(on: db).filter(\.$isCoordinator == true).filter(\.$deletedAt == nil)
            .count()
        return coordinators <= 1 ? .lastCoordinator : nil
    }

    static func delete(_ user: User, request: Request, reason: String = "") async throws {
        if let refusal = try await refusal(for: user, on: request.db) { throw refusal }
        let userID = try user.requireID()
        let email = user.email

        // Places at events still to come are given back first, so the people waiting get them.
        let live = try await EventRegistration.query(on: request.db)
            .filter(\.$user.$id == userID)
            .filter(
                \.$status ~~ [
                    EventRegistration.Status.confirmed.rawValue, EventRegistration.Status.waitlisted.rawValue,
                    EventRegistration.Status.unconfirmed.rawValue, EventRegistration.Status.confirming.rawValue,
                ]
            )
            .with(\.$event).all()
        for registration in live where !registration.event.hasEnded() {
            try await EventBooking(req: request).cancel(registration, event: registration.event)
        }

        try await request.db.transaction { db in
            // Checked again inside, so two coordinators leaving at once cannot leave none.
            if try await refusal(for: user, on: db) != nil { throw Refusal.lastCoordinator }
            try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
            try await APIToken.query(on: db).filter(\.$user.$id == userID).delete()
            try await EmailToken.query(on: db).filter(\.$user.$id == userID).delete()
            try await ThrottleCounter.query(on: db).filter(
                \.$key == SignInThrottle.keys(email: email, address: nil)[0].key
            ).delete()
            try await HubMembership.query(on: db).filter(\.$user.$id == userID).delete()
            try await OrganisationMembership.query(on: db).filter(\.$user.$id == userID).delete()
            try await OrganisationInvitation.query(on: db).filter(\.$email == email).delete()
            if let profile = try await Profile.query(on: db).filter(\.$user.$id == userID).first() {
                try await ProfileTerm.query(on: db).filter(\.$profile.$id == profile.requireID()).delete()
                try await profile.delete(on: db)
            }
            try await EventRegistration.query(on: db).filter(\.$user.$id == userID).delete()

            // Drafts and stories never published go; published ones stay only as far as their
            // consents allow, which every reader's request works out afresh.
            let drafts = try await Story.query(on: db).filter(\.$author.$id == userID).filter(
                \.$firstPublishedAt == nil
            ).all()
            let draftIDs = drafts.compactMap(\.id)
            if !draftIDs.isEmpty {
                try await StoryPhoto.query(on: db).filter(\.$story.$id ~~ draftIDs).delete()
                try await StoryConsent.query(on: db).filter(\.$story.$id ~~ draftIDs).delete()
                try await StoryTerm.query(on: db).filter(\.$story.$id ~~ draftIDs).delete()
                try await StoryVersion.query(on: db).filter(\.$story.$id ~~ draftIDs).delete()
                try await Story.query(on: db).filter(\.$id ~~ draftIDs).delete()
            }

            // A conversation that started stays for the other person; requests nobody took up go.
            func hadConversation(_ invitation: PeerInvitation) -> Bool {
                invitation.status == PeerInvitation.Status.accepted.rawValue
                    || (invitation.status == PeerInvitation.Status.closed.rawValue && invitation.respondedAt != nil)
            }
            for peerRequest in try await PeerRequest.query(on: db).filter(\.$asker.$id == userID).all() {
                let invitations = try await PeerInvitation.query(on: db).filter(
                    \.$request.$id == peerRequest.requireID()
                ).all()
                let unanswered = invitations.filter { !hadConversation($0) }.compactMap(\.id)
                if !unanswered.isEmpty { try await PeerInvitation.query(on: db).filter(\.$id ~~ unanswered).delete() }
                if invitations.contains(where: hadConversation) {
                    peerRequest.status = PeerRequest.Status.closed.rawValue
                    try await peerRequest.save(on: db)
                } else {
                    try await peerRequest.delete(on: db)
                }
            }
            let received = try await PeerInvitation.query(on: db).filter(\.$invitee.$id == userID).all()
            let unansweredReceived = received.filter { !hadConversation($0) }.compactMap(\.id)
            if !unansweredReceived.isEmpty {
                try await PeerInvitation.query(on: db).filter(\.$id ~~ unansweredReceived).delete()
            }
            try await SkillOffer.query(on: db).filter(\.$user.$id == userID).delete()
            try await CaseStudySave.query(on: db).filter(\.$user.$id == userID).delete()
            try await CustomIndicatorVote.query(on: db).filter(\.$user.$id == userID).delete()
            // Messages to this address since it became theirs (an address can pass to someone else).
            try await OutboxMessage.query(on: db).filter(\.$recipient == email).filter(
                \.$createdAt >= user.addressHeldSince
            ).delete()
            if let pending = user.pendingEmail {
                try await OutboxMessage.query(on: db).filter(\.$recipient == pending).filter(
                    \.$createdAt >= user.addressHeldSince
                ).delete()
            }
            // What they did for others (sightings, paper answers typed in, events run) stays under
            // the emptied account, so counts and records stay true without saying who.
            guard let sql = db as? SQLDatabase else { return }
            // The log keeps what happened under the account's opaque id, without network addresses.
            try await sql.raw(
                "UPDATE audit_entries SET ip_address = NULL WHERE actor_id = \(bind: userID) OR subject_id = \(bind: userID.uuidString)"
            ).run()

            user.name = formerMemberName
            user.email = "deleted-\(userID.uuidString.lowercased())@deleted.invalid"
            user.pendingEmail = nil
            // No password can match this, so the row can never be signed in to.
            user.passwordHash = "!"
            user.emailConfirmedAt = nil
            user.isCoordinator = false
            user.deletedAt = Date()
            try await user.save(on: db)
        }
        // Written without a network address, like every other entry about the account now.
        let byOwner = request.currentUser?.id == userID
        try await AuditEntry(
            actorID: byOwner ? userID : request.currentUser?.id, action: .accountDeleted, subjectType: "user",
            subjectID: userID.uuidString,
            detail: reason.isEmpty ? "by its owner" : "by a coordinator: \(reason)",
            ipAddress: byOwner ? nil : request.clientAddress
        )
        .create(on: request.db)
    }
}

extension AccountController {
    func deleteAccountPage(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        let refusal = try await AccountDeletion.refusal(for: user, on: req.db)
        return AccountDeletionViews.confirm(req, isLastCoordinator: refusal == .lastCoordinator).response()
    }

    func deleteAccount(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        var errors = FormErrors()
        var status = HTTPResponseStatus.unprocessableEntity
        let refusal = try await AccountDeletion.refusal(for: user, on: req.db)
        if refusal == .lastCoordinator {
            errors.add(
                "password",
                "You are the only national coordinator, so your account cannot be deleted yet. Make someone else a coordinator first"
            )
        } else if let problem = try await passwordProblem(req.password(field: "password"), of: user, req: req) {
            // The page asks for "your password", so its messages say that.
            let message = problem.message
                .replacingOccurrences(
                    of: "Enter your current password", with: "Enter your password to delete your account"
                )
                .replacingOccurrences(of: "Your current password", with: "Your password")
            errors.add("password", message)
            status = problem.status
        }
        guard errors.isEmpty else {
            return AccountDeletionViews.confirm(req, isLastCoordinator: refusal == .lastCoordinator, errors: errors)
                .response(status: status)
        }
        try await AccountDeletion.delete(user, request: req)
        let response = req.redirect(to: SiteURL.home.with(query: ["notice": Notice.accountDeleted.rawValue]))
        response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
        req.currentUser = nil
        return response
    }
}

enum AccountDeletionViews {
    static let whatHappens = [
        "Your account, profile, hub and organisation memberships, sign-ins and API tokens are removed, and you are signed out everywhere.",
        "Your places at events to come are cancelled and passed to the people waiting; your registrations are removed.",
        "Your story drafts, and stories never published, are removed.",
        "Stories already published stay only where the consents of the people in them still allow, with the author shown as \"a former member\".",
        "A peer-support conversation you had stays for the other person, with you shown as \"a former member\". Requests nobody took up are removed.",
        "Survey answers are anonymous already and stay in the figures.",
        "The activity log keeps what happened under an id that no longer leads to you, without network addresses.",
    ]

    static func confirm(_ request: Request, isLastCoordinator: Bool, errors: FormErrors = .init()) -> HTML {
        Layout(title: "Delete your account", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("Delete your account")),
            .p(
                .class("lead"), .plainText("Deleting your account cannot be undone. Before you go, you can "),
                .a(.href(SiteURL.accountData.path), .plainText("download everything we hold about you")),
                .plainText(".")),
            .h2(.plainText("What happens")),
            .ul(.class("bullet-list"), .forEach(whatHappens) { .li(.plainText($0)) }),
            .if(
                isLastCoordinator,
                .p(
                    .class("status-panel"),
                    .plainText(
                        "You are the only national coordinator, so your account cannot be deleted until someone else is a coordinator."
                    ))),
            .if(
                !isLastCoordinator,
                .form(
                    .method(.post), .action(SiteURL.deleteAccount.path),
                    .attribute(named: "novalidate", value: "novalidate"),
                    Forms.csrfField(request),
                    Forms.input(
                        .init(
                            name: "password", label: "Your password", type: .password, hint: "To make sure it is you.",
                            autocomplete: "current-password"), errors: errors),
                    .button(.type(.submit), .class("button button--warning"), .plainText("Delete my account"))
                )),
            .p(.a(.href(SiteURL.account.path), .plainText("Keep my account and go back")))
        )
    }
}
