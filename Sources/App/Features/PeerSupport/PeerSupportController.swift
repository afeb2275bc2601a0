import Fluent
import Plot
import SQLKit
import Vapor

/// `/peer-support`: ask for a critical friend, invite one of the people suggested, talk in a
/// private thread; and offer skills to others. What is private answers 404 to everyone else, so
/// nobody can even learn that a request exists.
struct PeerSupportController {
    struct RequestForm: Sendable {
        var title = "", challenge = "", methods: Set<String> = [], themes: Set<String> = [], preferOutsideHub = false
    }

    func index(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let mine = try await PeerRequest.query(on: req.db).filter(\.$asker.$id == user.id).sort(
            \.$createdAt, .descending
        ).all()
        let invitations = try await PeerInvitation.query(on: req.db).filter(\.$invitee.$id == user.id)
            .filter(
                \.$status ~~ [
                    PeerInvitation.Status.invited.rawValue, PeerInvitation.Status.accepted.rawValue,
                    PeerInvitation.Status.closed.rawValue,
                ]
            )
            .with(\.$request) { $0.with(\.$asker) }.sort(\.$createdAt, .descending).all()
            .filter { $0.invitationStatus != .closed || $0.respondedAt != nil }
        let sent =
            mine.isEmpty
            ? []
            : try await PeerInvitation.query(on: req.db).filter(\.$request.$id ~~ mine.compactMap(\.id)).with(
                \.$invitee
            ).all()
        let profile = try await Profile.query(on: req.db).filter(\.$user.$id == user.id).first()
        return PeerSupportViews.index(
            req, requests: mine, sent: sent, invitations: invitations, available: profile?.criticalFriend == true
        ).response()
    }

    func newForm(req: Request) async throws -> Response {
        PeerSupportViews.form(req, form: .init()).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = RequestForm(
            title: req.formText("title"), challenge: req.formText("challenge", keepNewlines: true),
            methods: ContentChecks.list(req, "methods"), themes: ContentChecks.list(req, "themes"),
            preferOutsideHub: ContentChecks.list(req, "outside_hub").contains("yes"))
        var errors = FormErrors()
        ContentChecks.required(form.title, field: "title", label: "a short title", max: 120, into: &errors)
        ContentChecks.required(form.challenge, field: "challenge", label: "the challenge", max: 5_000, into: &errors)
        ContentChecks.codes(form.methods, in: .method, field: "methods", into: &errors)
        ContentChecks.codes(form.themes, in: .theme, field: "themes", into: &errors)
        guard errors.isEmpty else {
            return PeerSupportViews.form(req, form: form, errors: errors).response(status: .unprocessableEntity)
        }
        let request = PeerRequest()
        request.$asker.id = user.id
        request.title = form.title
        request.challenge = form.challenge
        request.methods = PeerRequest.codes(form.methods)
        request.themes = PeerRequest.codes(form.themes)
        request.preferOutsideHub = form.preferOutsideHub
        request.status = PeerRequest.Status.open.rawValue
        try await request.create(on: req.db)
        return req.redirect(
            to: SiteURL.peerRequest(try request.requireID()).with(query: ["notice": Notice.peerRequestSaved.rawValue]))
    }

    func show(req: Request) async throws -> Response {
        let (request, invitations) = try await Self.request(req)
        let user = try req.requireCurrentUser()
        let isAsker = Policy.can(
            req.currentUser, .managePeerRequest, .peerRequest(askerID: request.$asker.id, inviteeIDs: []))
        let suggestions = isAsker && request.isOpen ? try await PeerMatching.suggestions(for: request, on: req.db) : []
        let asker = try await request.$asker.get(on: req.db)
        return PeerSupportViews.show(
            req, request: request, asker: asker, isAsker: isAsker, invitations: invitations,
            mine: invitations.first { $0.$invitee.id == user.id }, suggestions: suggestions
        ).response()
    }

    func invite(req: Request) async throws -> Response {
        let (request, _) = try await Self.request(req)
        try Self.authorize(req, .managePeerRequest, request)
        guard request.isOpen, let inviteeID = UUID(uuidString: req.formText("invitee")) else {
            throw Abort(.badRequest)
        }
        // Only someone the platform would suggest now: open to it, visible, not yet asked.
        guard
            let suggestion = try await PeerMatching.suggestions(for: request, limit: 1_000, on: req.db).first(where: {
                $0.userID == inviteeID
            })
        else {
            return req.redirect(
                to: SiteURL.peerRequest(try request.requireID()).with(query: [
                    "notice": Notice.peerNoLongerAvailable.rawValue
                ]))
        }
        let invitation = PeerInvitation()
        invitation.$request.id = try request.requireID()
        invitation.$invitee.id = inviteeID
        invitation.status = PeerInvitation.Status.invited.rawValue
        invitation.reasons = suggestion.reasonsForInvitee.joined(separator: "; ")
        do { try await invitation.create(on: req.db) } catch {
            // Pressed twice at once: the unique pair keeps one invitation.
            guard
                try await PeerInvitation.query(on: req.db).filter(\.$request.$id == request.requireID()).filter(
                    \.$invitee.$id == inviteeID
                ).first() != nil
            else { throw error }
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
            to: SiteURL.peerRequest(try request.requireID()).with(query: ["notice": Notice.peerInvited.rawValue]))
    }

    func respond(req: Request) async throws -> Response {
        let (request, invitations) = try await Self.request(req)
        let user = try req.requireCurrentUser()
        guard request.isOpen, let invitation = invitations.first(where: { $0.$invitee.id == user.id }),
            invitation.invitationStatus == .invited
        else {
            throw Abort(.notFound, reason: "This request is closed, or you have already answered it.")
        }
        let accepted = req.formText("decision") == "accept"
        // From "invited" only, in one update: a double press, or the asker closing the request
        // at the same moment, cannot leave two answers.
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        let answered = try await sql.raw(
            """
            UPDATE peer_invitations SET status = \(bind: (accepted ? PeerInvitation.Status.accepted : .declined).rawValue), responded_at = \(bind: Date())
            WHERE id = \(bind: try invitation.requireID()) AND status = \(bind: PeerInvitation.Status.invited.rawValue)
            RETURNING id
            """
        ).all()
        guard !answered.isEmpty else {
            throw Abort(.notFound, reason: "This request is closed, or you have already answered it.")
        }
        let asker = try await request.$asker.get(on: req.db)
        try await req.mailer.send(
            to: asker.email,
            subject: accepted
                ? "\(user.name) will be your critical friend" : "\(user.name) cannot be your critical friend this time",
            body: accepted
                ? "Hello \(asker.name),\n\n\(user.name) has accepted. Your private conversation is here: \(SiteURL.peerThread(try invitation.requireID()).absolute(base: req.application.publicBaseURL))"
                : "Hello \(asker.name),\n\n\(user.name) has declined, with thanks for asking. You can invite someone else: \(SiteURL.peerRequest(try request.requireID()).absolute(base: req.application.publicBaseURL))"
        )
        return accepted
            ? req.redirect(
                to: SiteURL.peerThread(try invitation.requireID()).with(query: ["notice": Notice.peerAccepted.rawValue])
            )
            : req.redirect(to: SiteURL.peerSupport.with(query: ["notice": Notice.peerDeclined.rawValue]))
    }

    func closeRequest(req: Request) async throws -> Response {
        let (request, _) = try await Self.request(req)
        try Self.authorize(req, .managePeerRequest, request)
        request.status = PeerRequest.Status.closed.rawValue
        try await request.save(on: req.db)
        // Invitations not yet answered lapse with the request; conversations already open go on.
        try await PeerInvitation.query(on: req.db).filter(\.$request.$id == request.requireID()).filter(
            \.$status == PeerInvitation.Status.invited.rawValue
        )
        .set(\.$status, to: PeerInvitation.Status.closed.rawValue).set(\.$closedAt, to: Date()).update()
        return req.redirect(
            to: SiteURL.peerRequest(try request.requireID()).with(query: ["notice": Notice.peerRequestClosed.rawValue]))
    }

    // MARK: Threads

    func thread(req: Request) async throws -> Response {
        let (invitation, request) = try await Self.thread(req)
        return try await threadPage(req, invitation: invitation, request: request).response()
    }

    private func threadPage(
        _ req: Request, invitation: PeerInvitation, request: PeerRequest, draft: String = "",
        errors: FormErrors = .init()
    ) async throws -> HTML {
        let messages = try await PeerMessage.query(on: req.db).filter(\.$invitation.$id == invitation.requireID()).with(
            \.$author
        ).sort(\.$createdAt).all()
        let asker = try await request.$asker.get(on: req.db)
        let invitee = try await invitation.$invitee.get(on: req.db)
        return PeerSupportViews.thread(
            req, invitation: invitation, request: request, asker: asker, invitee: invitee, messages: messages,
            draft: draft, errors: errors)
    }

    func postMessage(req: Request) async throws -> Response {
        let (invitation, request) = try await Self.thread(req)
        let user = try req.requireCurrentUser()
        let body = req.formText("body", keepNewlines: true)
        var errors = FormErrors()
        if invitation.invitationStatus != .accepted {
            errors.add("body", "This conversation has been closed, so no more messages can be added")
        }
        ContentChecks.required(body, field: "body", label: "a message", max: 5_000, into: &errors)
        guard errors.isEmpty else {
            return try await threadPage(req, invitation: invitation, request: request, draft: body, errors: errors)
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
        let (invitation, _) = try await Self.thread(req)
        if invitation.invitationStatus == .accepted {
            invitation.status = PeerInvitation.Status.closed.rawValue
            invitation.closedAt = Date()
            try await invitation.save(on: req.db)
        }
        return req.redirect(
            to: SiteURL.peerThread(try invitation.requireID()).with(query: ["notice": Notice.peerThreadClosed.rawValue])
        )
    }

    // MARK: Skills

    func skills(req: Request) async throws -> Response {
        try await skillsPage(req).response()
    }

    private func skillsPage(
        _ req: Request, draft: (title: String, description: String, methods: Set<String>) = ("", "", []),
        errors: FormErrors = .init()
    ) async throws -> HTML {
        let page = PageRequest(req)
        let paged = try await SkillOffer.query(on: req.db).with(\.$user).sort(\.$createdAt, .descending).paged(page)
        return PeerSupportViews.skills(req, offers: paged, draft: draft, errors: errors)
    }

    func addSkill(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let title = req.formText("skill_title")
        let description = req.formText("skill_description", keepNewlines: true)
        let methods = ContentChecks.list(req, "skill_methods")
        var errors = FormErrors()
        ContentChecks.required(title, field: "skill_title", label: "what you offer", max: 150, into: &errors)
        ContentChecks.optional(description, field: "skill_description", label: "the details", max: 2_000, into: &errors)
        ContentChecks.codes(methods, in: .method, field: "skill_methods", into: &errors)
        guard errors.isEmpty else {
            return try await skillsPage(req, draft: (title, description, methods), errors: errors).response(
                status: .unprocessableEntity)
        }
        let offer = SkillOffer()
        offer.$user.id = user.id
        offer.title = title
        offer.description = description
        offer.methods = PeerRequest.codes(methods)
        try await offer.create(on: req.db)
        return req.redirect(to: SiteURL.skillOffers.with(query: ["notice": Notice.skillOffered.rawValue]))
    }

    func deleteSkill(req: Request) async throws -> Response {
        guard let id = req.parameters.get("skillOfferID", as: UUID.self),
            let offer = try await SkillOffer.find(id, on: req.db)
        else { throw Abort(.notFound) }
        try req.authorize(.manageSkillOffer, .ownedBy(offer.$user.id))
        try await offer.delete(on: req.db)
        return req.redirect(to: SiteURL.skillOffers.with(query: ["notice": Notice.skillWithdrawn.rawValue]))
    }

    // MARK: Finding things, for the people allowed only

    private static func authorize(_ req: Request, _ action: Action, _ request: PeerRequest) throws {
        guard Policy.can(req.currentUser, action, .peerRequest(askerID: request.$asker.id, inviteeIDs: [])) else {
            throw Abort(.notFound)
        }
    }

    /// The request named, with its invitations, if this person asked or was invited (and has not
    /// declined); otherwise 404, whoever they are.
    static func request(_ req: Request) async throws -> (PeerRequest, [PeerInvitation]) {
        guard let id = req.parameters.get("peerRequestID", as: UUID.self),
            let request = try await PeerRequest.find(id, on: req.db)
        else { throw Abort(.notFound) }
        let invitations = try await PeerInvitation.query(on: req.db).filter(\.$request.$id == id).with(\.$invitee).sort(
            \.$createdAt
        ).all()
        // Readers: those invited and not yet answering, and those who accepted. Nobody who declined,
        // nor anyone whose invitation lapsed unanswered when the request closed.
        let readers = Set(
            invitations.filter {
                $0.invitationStatus == .invited || $0.invitationStatus == .accepted
                    || ($0.invitationStatus == .closed && $0.respondedAt != nil)
            }
            .map { $0.$invitee.id })
        guard
            Policy.can(req.currentUser, .readPeerRequest, .peerRequest(askerID: request.$asker.id, inviteeIDs: readers))
        else { throw Abort(.notFound) }
        return (request, invitations)
    }

    static func thread(_ req: Request) async throws -> (PeerInvitation, PeerRequest) {
        guard let id = req.parameters.get("peerInvitationID", as: UUID.self),
            let invitation = try await PeerInvitation.query(on: req.db).filter(\.$id == id).with(\.$request).first(),
            invitation.invitationStatus == .accepted || invitation.invitationStatus == .closed,
            Policy.can(
                req.currentUser, .joinPeerThread,
                .peerThread(askerID: invitation.request.$asker.id, inviteeID: invitation.$invitee.id))
        else { throw Abort(.notFound) }
        return (invitation, invitation.request)
    }
}
