import Fluent
import Plot
import SQLKit
import Vapor

/// `/peer-support`: ask for a critical friend, invite one of the people suggested, talk in a
/// private thread; and offer skills to others. What is private answers 404 to everyone else, so
/// nobody can even learn that a request exists.
struct PeerSupportController {
    func index(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let mine = try await PeerRequest.query(on: req.db).filter(\.$asker.$id == user.id)
            .sort(\.$createdAt, .descending).all()
        let invitations = try await PeerInvitation.query(on: req.db).filter(\.$invitee.$id == user.id)
            .filter(\.$status ~~ [PeerInvitation.Status.invited, .accepted, .closed])
            .with(\.$request) { $0.with(\.$asker) }.sort(\.$createdAt, .descending).all()
            .filter { $0.status != .closed || $0.respondedAt != nil }
        let sent =
            mine.isEmpty
            ? []
            : try await PeerInvitation.query(on: req.db).filter(\.$request.$id ~~ mine.compactMap(\.id))
                .with(\.$invitee).all()
        let profile = try await Profile.query(on: req.db).filter(\.$user.$id == user.id).first()
        let model = PeerSupportPage.Model(
            page: req.page, requests: mine, sent: sent, invitations: invitations,
            isAvailable: profile?.criticalFriend == true)
        return PeerSupportPage.view(model).response()
    }

    func newForm(req: Request) async throws -> Response {
        PeerRequestFormPage.view(.init(page: req.page)).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = req.form(PeerRequestForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            let model = PeerRequestFormPage.Model(page: req.page, form: form, errors: errors)
            return PeerRequestFormPage.view(model).response(status: .unprocessableEntity)
        }
        let request = PeerRequest()
        request.$asker.id = user.id
        request.title = form.title
        request.challenge = form.challenge
        request.methods = PeerRequest.codes(form.methods)
        request.themes = PeerRequest.codes(form.themes)
        request.preferOutsideHub = form.preferOutsideHub
        request.status = .open
        try await request.create(on: req.db)
        return req.redirect(
            to: SiteURL.peerRequest(try request.requireID()).with(notice: PeerSupportNotice.peerRequestSaved))
    }

    func show(req: Request) async throws -> Response {
        let subject = try req.subject(PeerRequestSubject.self)
        let (request, invitations) = (subject.request, subject.invitations)
        let user = try req.requireCurrentUser()
        let canManage = Policy.can(
            req.currentUser, .managePeerRequest, .peerRequest(askerID: request.$asker.id, inviteeIDs: []))
        let suggestions =
            canManage && request.isOpen ? try await PeerMatching.suggestions(for: request, on: req.db) : []
        let asker = try await request.$asker.get(on: req.db)
        let model = PeerRequestPage.Model(
            page: req.page, request: request, asker: asker, canManage: canManage, invitations: invitations,
            mine: invitations.first { $0.$invitee.id == user.id }, suggestions: suggestions)
        return PeerRequestPage.view(model).response()
    }

    func invite(req: Request) async throws -> Response {
        let request = try req.subject(PeerRequestSubject.self).request
        guard request.isOpen, let inviteeID = UUID(uuidString: req.form.text("invitee")) else {
            throw Abort(.badRequest)
        }
        // Only someone the platform would suggest now: open to it, visible, not yet asked.
        let suggestions = try await PeerMatching.suggestions(for: request, limit: 1_000, on: req.db)
        guard let suggestion = suggestions.first(where: { $0.userID == inviteeID }) else {
            return req.redirect(
                to: SiteURL.peerRequest(try request.requireID()).with(notice: PeerSupportNotice.peerNoLongerAvailable))
        }
        let invitation = PeerInvitation()
        invitation.$request.id = try request.requireID()
        invitation.$invitee.id = inviteeID
        invitation.status = .invited
        invitation.reasons = suggestion.reasonsForInvitee.joined(separator: "; ")
        do {
            try await invitation.create(on: req.db)
        } catch {
            // Pressed twice at once: the unique pair keeps one invitation.
            let kept = try await PeerInvitation.query(on: req.db).filter(\.$request.$id == request.requireID())
                .filter(\.$invitee.$id == inviteeID).first()
            guard kept != nil else { throw error }
        }
        if let invitee = try await User.find(inviteeID, on: req.db) {
            try await req.mailer.send(
                to: invitee.email, subject: "Would you be a critical friend?",
                body: """
                    Hello \(invitee.name),

                    \(req.currentUser?.name ?? "A member") would like you as a critical friend for a challenge in their good relations work. Why you were suggested: \(suggestion.reasonsForInvitee.joined(separator: "; ")).

                    Read what it is about, and accept or decline: \(SiteURL.peerRequest(try request.requireID()).absolute(base: req.application.publicBaseURL))

                    You can stop being suggested at any time by switching off "open to being a critical friend" on your profile.
                    """)
        }
        return req.redirect(
            to: SiteURL.peerRequest(try request.requireID()).with(notice: PeerSupportNotice.peerInvited))
    }

    func respond(req: Request) async throws -> Response {
        let subject = try req.subject(PeerRequestSubject.self)
        let (request, invitations) = (subject.request, subject.invitations)
        let user = try req.requireCurrentUser()
        guard request.isOpen, let invitation = invitations.first(where: { $0.$invitee.id == user.id }),
            invitation.status == .invited
        else {
            throw Abort(.notFound, reason: "This request is closed, or you have already answered it.")
        }
        let accepted = req.form.text("decision") == "accept"
        let answer: PeerInvitation.Status = accepted ? .accepted : .declined
        // From "invited" only, in one update: a double press, or the asker closing the request
        // at the same moment, cannot leave two answers.
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let answered = try await sql.raw(
            """
            UPDATE peer_invitations SET status = \(bind: answer.rawValue), responded_at = \(bind: Date())
            WHERE id = \(bind: try invitation.requireID()) AND status = \(bind: PeerInvitation.Status.invited.rawValue)
            RETURNING id
            """
        ).all()
        guard !answered.isEmpty else {
            throw Abort(.notFound, reason: "This request is closed, or you have already answered it.")
        }
        let asker = try await request.$asker.get(on: req.db)
        let base = req.application.publicBaseURL
        let threadLink = SiteURL.peerThread(try invitation.requireID()).absolute(base: base)
        let requestLink = SiteURL.peerRequest(try request.requireID()).absolute(base: base)
        try await req.mailer.send(
            to: asker.email,
            subject: accepted
                ? "\(user.name) will be your critical friend" : "\(user.name) cannot be your critical friend this time",
            body: accepted
                ? "Hello \(asker.name),\n\n\(user.name) has accepted. Your private conversation is here: \(threadLink)"
                : "Hello \(asker.name),\n\n\(user.name) has declined, with thanks for asking. You can invite someone else: \(requestLink)"
        )
        guard accepted else {
            return req.redirect(to: SiteURL.peerSupport.with(notice: PeerSupportNotice.peerDeclined))
        }
        return req.redirect(
            to: SiteURL.peerThread(try invitation.requireID()).with(notice: PeerSupportNotice.peerAccepted))
    }

    func closeRequest(req: Request) async throws -> Response {
        let request = try req.subject(PeerRequestSubject.self).request
        request.status = .closed
        try await request.save(on: req.db)
        // Invitations not yet answered lapse with the request; conversations already open go on.
        try await PeerInvitation.query(on: req.db).filter(\.$request.$id == request.requireID())
            .filter(\.$status == .invited)
            .set(\.$status, to: .closed).set(\.$closedAt, to: Date()).update()
        return req.redirect(
            to: SiteURL.peerRequest(try request.requireID()).with(notice: PeerSupportNotice.peerRequestClosed))
    }

    // MARK: Threads

    func thread(req: Request) async throws -> Response {
        let subject = try req.subject(PeerThreadSubject.self)
        let (invitation, request) = (subject.invitation, subject.request)
        return PeerThreadPage.view(try await threadModel(req, invitation: invitation, request: request)).response()
    }

    private func threadModel(
        _ req: Request, invitation: PeerInvitation, request: PeerRequest, draft: String = "",
        errors: FormErrors = .init()
    ) async throws -> PeerThreadPage.Model {
        let messages = try await PeerMessage.query(on: req.db).filter(\.$invitation.$id == invitation.requireID())
            .with(\.$author).sort(\.$createdAt).all()
        let asker = try await request.$asker.get(on: req.db)
        let invitee = try await invitation.$invitee.get(on: req.db)
        let other = req.currentUser?.id == asker.id ? invitee : asker
        let model = PeerThreadPage.Model(
            page: req.page, invitation: invitation, request: request, other: other, messages: messages, draft: draft,
            errors: errors)
        return model
    }

    func postMessage(req: Request) async throws -> Response {
        let subject = try req.subject(PeerThreadSubject.self)
        let (invitation, request) = (subject.invitation, subject.request)
        let user = try req.requireCurrentUser()
        let body = req.form.text("body", keepNewlines: true)
        var errors = FormErrors()
        if invitation.status != .accepted {
            errors.add("body", "This conversation has been closed, so no more messages can be added")
        }
        ContentChecks.required(body, field: "body", label: "a message", max: 5_000, into: &errors)
        guard errors.isEmpty else {
            return PeerThreadPage.view(
                try await threadModel(req, invitation: invitation, request: request, draft: body, errors: errors)
            )
            .response(status: .unprocessableEntity)
        }
        let message = PeerMessage()
        message.$invitation.id = try invitation.requireID()
        message.$author.id = user.id
        message.body = body
        try await message.create(on: req.db)
        // The other person is told there is a message, never what it says: email is not private enough.
        let otherID = user.id == request.$asker.id ? invitation.$invitee.id : request.$asker.id
        if let other = try await User.find(otherID, on: req.db) {
            try await req.mailer.send(
                to: other.email, subject: "A new message from your critical friend conversation",
                body: """
                    Hello \(other.name),

                    \(user.name) has written to you. Read it here: \(SiteURL.peerThread(try invitation.requireID()).absolute(base: req.application.publicBaseURL))
                    """)
        }
        return req.redirect(
            to: SiteURL.peerThread(try invitation.requireID()).path
                + "#message-\(try message.requireID().uuidString.lowercased())")
    }

    func closeThread(req: Request) async throws -> Response {
        let invitation = try req.subject(PeerThreadSubject.self).invitation
        if invitation.status == .accepted {
            invitation.status = .closed
            invitation.closedAt = Date()
            try await invitation.save(on: req.db)
        }
        return req.redirect(
            to: SiteURL.peerThread(try invitation.requireID()).with(notice: PeerSupportNotice.peerThreadClosed))
    }

    // MARK: Skills

    func skills(req: Request) async throws -> Response {
        SkillOffersPage.view(try await skillsModel(req)).response()
    }

    private func skillsModel(_ req: Request, draft: SkillOfferForm = .init(), errors: FormErrors = .init())
        async throws -> SkillOffersPage.Model
    {
        let page = PageRequest(req)
        let paged = try await SkillOffer.query(on: req.db).with(\.$user).sort(\.$createdAt, .descending).paged(page)
        let withdrawable = paged.items.filter {
            Policy.can(req.currentUser, .manageSkillOffer, .ownedBy($0.$user.id))
        }
        let model = SkillOffersPage.Model(
            page: req.page, offers: paged, withdrawable: Set(withdrawable.compactMap(\.id)), draft: draft,
            errors: errors)
        return model
    }

    func addSkill(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = req.form(SkillOfferForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return SkillOffersPage.view(try await skillsModel(req, draft: form, errors: errors)).response(
                status: .unprocessableEntity)
        }
        let offer = SkillOffer()
        offer.$user.id = user.id
        offer.title = form.title
        offer.description = form.description
        offer.methods = PeerRequest.codes(form.methods)
        try await offer.create(on: req.db)
        return req.redirect(to: SiteURL.skillOffers.with(notice: PeerSupportNotice.skillOffered))
    }

    func deleteSkill(req: Request) async throws -> Response {
        let offer = try req.subject(SkillOffer.self)
        try await offer.delete(on: req.db)
        return req.redirect(to: SiteURL.skillOffers.with(notice: PeerSupportNotice.skillWithdrawn))
    }
}
