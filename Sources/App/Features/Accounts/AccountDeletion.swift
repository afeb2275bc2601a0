import Fluent
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
                    EventRegistration.Status.confirmed, EventRegistration.Status.waitlisted,
                    EventRegistration.Status.unconfirmed, EventRegistration.Status.confirming,
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
                invitation.status == .accepted || (invitation.status == .closed && invitation.respondedAt != nil)
            }
            for peerRequest in try await PeerRequest.query(on: db).filter(\.$asker.$id == userID).all() {
                let invitations = try await PeerInvitation.query(on: db).filter(
                    \.$request.$id == peerRequest.requireID()
                ).all()
                let unanswered = invitations.filter { !hadConversation($0) }.compactMap(\.id)
                if !unanswered.isEmpty { try await PeerInvitation.query(on: db).filter(\.$id ~~ unanswered).delete() }
                if invitations.contains(where: hadConversation) {
                    peerRequest.status = .closed
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
            // Tension observations stay with their hub, which needs them, but no longer say who
            // logged, acknowledged or checked in.
            try await TensionObservation.query(on: db).filter(\.$author.$id == userID).set(\.$author.$id, to: nil)
                .update()
            try await TensionObservation.query(on: db).filter(\.$acknowledgedBy.$id == userID)
                .set(\.$acknowledgedBy.$id, to: nil).update()
            try await TensionHubLevel.query(on: db).filter(\.$setBy.$id == userID).set(\.$setBy.$id, to: nil).update()
            try await TriggerCheckIn.query(on: db).filter(\.$user.$id == userID).set(\.$user.$id, to: nil).update()
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
        let model = DeleteAccountPage.Model(page: req.page, isLastCoordinator: refusal == .lastCoordinator)
        return DeleteAccountPage.view(model).response()
    }

    func deleteAccount(req: Request) async throws -> Response {
        let current = try req.requireCurrentUser()
        guard let user = try await User.find(current.id, on: req.db) else { throw Abort(.notFound) }
        let form = req.form(DeleteAccountForm.self)
        var errors = form.validate()
        var status = HTTPResponseStatus.unprocessableEntity
        let refusal = try await AccountDeletion.refusal(for: user, on: req.db)
        if refusal == .lastCoordinator {
            errors.add(
                "password",
                "You are the only national coordinator, so your account cannot be deleted yet. Make someone else a coordinator first"
            )
        } else if let problem = try await passwordProblem(form.password, of: user, req: req) {
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
            let model = DeleteAccountPage.Model(
                page: req.page, isLastCoordinator: refusal == .lastCoordinator, errors: errors)
            return DeleteAccountPage.view(model).response(status: status)
        }
        try await AccountDeletion.delete(user, request: req)
        let response = req.redirect(to: SiteURL.home.with(notice: AccountsNotice.accountDeleted))
        response.cookies[Sessions.cookieName] = Sessions.cookie(value: "", maxAge: 0, settings: req.settings)
        req.currentUser = nil
        return response
    }
}
