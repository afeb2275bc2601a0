import Fluent
import Plot
import Vapor

/// Joining and leaving hubs, and the stewards' work of answering requests and adding stewards.
struct HubMembershipController {
    private func hub(_ req: Request) async throws -> Hub {
        guard let slug = req.parameters.get("hubSlug"), let hub = try await Hub.find(slug: slug, on: req.db) else {
            throw Abort(.notFound)
        }
        return hub
    }

    /// The hub in the path, which the route's policy checked the person stewards (or is a coordinator).
    private func stewardedHub(_ req: Request) throws -> Hub {
        try req.subject(Hub.self)
    }

    // MARK: Joining and leaving

    func join(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let hub = try await hub(req)
        let hubID = try hub.requireID()
        let existing = try await HubMembership.query(on: req.db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$user.$id == user.id)
            .first()
        if existing == nil {
            let isOpen = hub.membershipPolicy == .open
            let message = String(req.form.text("message", keepNewlines: true).prefix(HubMembership.maximumMessage))
            let membership = HubMembership(
                hubID: hubID, userID: user.id, role: .member, status: isOpen ? .approved : .pending)
            membership.message = message.isEmpty ? nil : message
            try await membership.create(on: req.db)
            try await req.audit(isOpen ? .hubJoined : .hubJoinRequested, subjectType: "hub", subjectID: hubID)
            if !isOpen {
                try await notifyStewards(
                    of: hub, subject: "\(user.name) asked to join \(hub.name)",
                    body: """
                        \(user.name) has asked to join the \(hub.name) hub on Bridgework.
                        \(message.isEmpty ? "" : "\nThey wrote:\n\(message)\n")
                        You can approve or decline the request here:
                        \(SiteURL.hubRequests(hub.slug).absolute(base: req.application.publicBaseURL))
                        """, req: req)
            }
            return req.redirect(to: SiteURL.hub(hub.slug).with(notice: isOpen ? HubNotice.joinedHub : .askedToJoinHub))
        }
        return req.redirect(to: SiteURL.hub(hub.slug).path)
    }

    func leave(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let hub = try await hub(req)
        let hubID = try hub.requireID()
        try await HubMembership.query(on: req.db).filter(\.$hub.$id == hubID).filter(\.$user.$id == user.id).delete()
        try await req.audit(.hubLeft, subjectType: "hub", subjectID: hubID)
        return req.redirect(to: SiteURL.hub(hub.slug).with(notice: HubNotice.leftHub))
    }

    // MARK: Stewards' requests page

    private func pendingRequests(for hubID: UUID, on db: Database) async throws -> HubRequestsPage.Requests {
        let people = try await HubMembership.query(on: db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$status == .pending)
            .with(\.$user)
            .sort(\.$createdAt)
            .all()
        let organisations = try await OrganisationHub.query(on: db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$status == .pending)
            .with(\.$organisation)
            .sort(\.$createdAt)
            .all()
        // Each person's organisations, in one query, so stewards know who they are asking with.
        let belonging = try await OrganisationMembership.query(on: db)
            .filter(\.$user.$id ~~ people.map { $0.$user.id })
            .with(\.$organisation)
            .all()
        let organisationNames = Dictionary(grouping: belonging, by: { $0.$user.id }).mapValues {
            $0.map(\.organisation.name).sorted()
        }
        return HubRequestsPage.Requests(
            people: people.map { ($0, $0.user) }, organisations: organisations.map { ($0, $0.organisation) },
            organisationsOfPeople: organisationNames)
    }

    /// The requests page again, showing what was wrong with a steward's answer.
    private func requestsPage(
        _ req: Request, hub: Hub, errors: FormErrors, typedReasons: [String: String] = [:],
        typedSteward: String = ""
    ) async throws -> Response {
        let requests = try await pendingRequests(for: try hub.requireID(), on: req.db)
        let model = HubRequestsPage.Model(
            page: req.page, hub: hub, requests: requests, errors: errors, typedReasons: typedReasons,
            typedSteward: typedSteward)
        return HubRequestsPage.view(model).response(status: .unprocessableEntity)
    }

    func requests(req: Request) async throws -> Response {
        let hub = try stewardedHub(req)
        let requests = try await pendingRequests(for: try hub.requireID(), on: req.db)
        return HubRequestsPage.view(.init(page: req.page, hub: hub, requests: requests)).response()
    }

    func decidePerson(req: Request) async throws -> Response {
        let hub = try stewardedHub(req)
        let hubID = try hub.requireID()
        guard let requestID = req.parameters.get("requestID", as: UUID.self),
            let membership = try await HubMembership.query(on: req.db).filter(\.$id == requestID).filter(
                \.$hub.$id == hubID
            ).with(\.$user).first()
        else { throw Abort(.notFound) }
        let form = HubDecisionForm(req.form, requestID: requestID, toldWho: "the person")
        switch form.decision {
        case .approve:
            membership.status = .approved
            membership.reason = nil
            try await membership.save(on: req.db)
            try await req.audit(
                .hubRequestApproved, subjectType: "user", subjectID: membership.user.id,
                detail: "member of hub \(hub.slug)")
            try await req.mailer.send(
                to: membership.user.email, subject: "Welcome to the \(hub.name) hub",
                body: """
                    Hello \(membership.user.name),

                    A steward of the \(hub.name) hub has approved your request to join. You are now a member:
                    \(SiteURL.hub(hub.slug).absolute(base: req.application.publicBaseURL))

                    Bridgework
                    """)
            return req.redirect(to: SiteURL.hubRequests(hub.slug).with(notice: HubNotice.requestApproved))
        case .decline(let reason):
            membership.status = .declined
            membership.reason = reason
            try await membership.save(on: req.db)
            try await req.audit(
                .hubRequestDeclined, subjectType: "user", subjectID: membership.user.id, detail: "hub \(hub.slug)")
            try await req.mailer.send(
                to: membership.user.email, subject: "Your request to join the \(hub.name) hub",
                body: """
                    Hello \(membership.user.name),

                    A steward of the \(hub.name) hub has declined your request to join, and gave this reason:

                    \(reason)

                    If you would like to talk about it, reply to the hub's stewards through the hub page:
                    \(SiteURL.hub(hub.slug).absolute(base: req.application.publicBaseURL))

                    Bridgework
                    """)
            return req.redirect(to: SiteURL.hubRequests(hub.slug).with(notice: HubNotice.requestDeclined))
        case nil:
            return try await requestsPage(
                req, hub: hub, errors: form.validate(), typedReasons: [form.field: form.reason])
        }
    }

    func decideOrganisation(req: Request) async throws -> Response {
        let hub = try stewardedHub(req)
        let hubID = try hub.requireID()
        guard let requestID = req.parameters.get("requestID", as: UUID.self),
            let request = try await OrganisationHub.query(on: req.db).filter(\.$id == requestID).filter(
                \.$hub.$id == hubID
            ).with(\.$organisation).first()
        else { throw Abort(.notFound) }
        let form = HubDecisionForm(req.form, requestID: requestID, toldWho: "the organisation's admins")
        guard let decision = form.decision else {
            return try await requestsPage(
                req, hub: hub, errors: form.validate(), typedReasons: [form.field: form.reason])
        }
        let approving: Bool
        let reason: String
        switch decision {
        case .approve: (approving, reason) = (true, "")
        case .decline(let given): (approving, reason) = (false, given)
        }
        request.status = approving ? .approved : .declined
        request.reason = approving ? nil : reason
        try await request.save(on: req.db)
        try await req.audit(
            approving ? .hubRequestApproved : .hubRequestDeclined, subjectType: "organisation",
            subjectID: request.organisation.id, detail: "hub \(hub.slug)")
        let admins = try await User.query(on: req.db)
            .join(OrganisationMembership.self, on: \OrganisationMembership.$user.$id == \User.$id)
            .filter(OrganisationMembership.self, \.$organisation.$id == request.$organisation.id)
            .filter(OrganisationMembership.self, \.$role == .admin)
            .all()
        for admin in admins {
            try await req.mailer.send(
                to: admin.email,
                subject: approving
                    ? "\(request.organisation.name) has joined the \(hub.name) hub"
                    : "\(request.organisation.name)'s request to join the \(hub.name) hub",
                body: approving
                    ? "Hello \(admin.name),\n\nA steward of the \(hub.name) hub has approved \(request.organisation.name)'s request to join.\n\nBridgework"
                    : "Hello \(admin.name),\n\nA steward of the \(hub.name) hub has declined \(request.organisation.name)'s request to join, and gave this reason:\n\n\(reason)\n\nBridgework"
            )
        }
        return req.redirect(
            to: SiteURL.hubRequests(hub.slug).with(notice: approving ? HubNotice.requestApproved : .requestDeclined))
    }

    // MARK: Adding stewards

    func addSteward(req: Request) async throws -> Response {
        let hub = try stewardedHub(req)
        let hubID = try hub.requireID()
        let email = User.normalise(email: req.form.text("steward-email"))
        var errors = FormErrors()
        let membership =
            email.isEmpty
            ? nil
            : try await HubMembership.query(on: req.db)
                .join(User.self, on: \HubMembership.$user.$id == \User.$id)
                .filter(\.$hub.$id == hubID)
                .filter(\.$status == .approved)
                .filter(User.self, \.$email == email)
                .with(\.$user)
                .first()
        if email.isEmpty {
            errors.add("steward-email", "Enter the email address of the member to make a steward")
        } else if membership == nil {
            errors.add(
                "steward-email",
                "Only members of this hub can become its stewards. Check the address, or ask them to join first")
        }
        guard errors.isEmpty, let membership else {
            return try await requestsPage(req, hub: hub, errors: errors, typedSteward: email)
        }
        membership.role = .steward
        try await membership.save(on: req.db)
        try await req.audit(
            .roleGranted, subjectType: "user", subjectID: membership.user.id, detail: "steward of hub \(hub.slug)")
        try await req.mailer.send(
            to: membership.user.email, subject: "You are now a steward of the \(hub.name) hub",
            body: """
                Hello \(membership.user.name),

                A steward of the \(hub.name) hub has made you a steward too. You can now welcome new members and organisations:
                \(SiteURL.hubRequests(hub.slug).absolute(base: req.application.publicBaseURL))

                Bridgework
                """)
        return req.redirect(to: SiteURL.hubRequests(hub.slug).with(notice: HubNotice.stewardAdded))
    }

    private func notifyStewards(of hub: Hub, subject: String, body: String, req: Request) async throws {
        try await req.tellStewards(ofHub: try hub.requireID(), subject: subject, body: body)
    }
}

extension Request {
    /// Emails every approved steward of a hub, through the outbox.
    func tellStewards(ofHub hubID: UUID, subject: String, body: String) async throws {
        try await mailer.tellStewards(ofHub: hubID, subject: subject, body: body)
    }

    /// Tells each hub's stewards that an organisation asked to join, as a person's request does.
    func tellStewards(organisation: Organisation, askedToJoin hubs: [Hub]) async throws {
        for hub in hubs {
            try await tellStewards(
                ofHub: try hub.requireID(), subject: "\(organisation.name) asked to join \(hub.name)",
                body: """
                    \(organisation.name) has asked to join the \(hub.name) hub on Bridgework.

                    What they do: \(organisation.summary)

                    You can approve or decline the request here:
                    \(SiteURL.hubRequests(hub.slug).absolute(base: application.publicBaseURL))
                    """)
        }
    }
}

extension Mailer {
    /// Emails each approved steward of a hub; from a request or from a scheduled command.
    func tellStewards(ofHub hubID: UUID, subject: String, body: String) async throws {
        let stewards = try await User.query(on: db)
            .join(HubMembership.self, on: \HubMembership.$user.$id == \User.$id)
            .filter(HubMembership.self, \.$hub.$id == hubID)
            .filter(HubMembership.self, \.$role == .steward)
            .filter(HubMembership.self, \.$status == .approved)
            .all()
        for steward in stewards {
            try await send(to: steward.email, subject: subject, body: "Hello \(steward.name),\n\n\(body)\n\nBridgework")
        }
    }
}

/// A steward's answer to a request, read the same way for people and organisations.
struct HubDecisionForm: SubmittedForm {
    enum Decision {
        case approve
        case decline(reason: String)
    }

    let choice: String
    let reason: String
    /// Each request on the page has its own reason box; problems are shown beside this one.
    var field = "reason"
    /// Who a reason for declining is sent to, as the error message names them.
    var toldWho = "the person"

    init(_ input: FormInput) {
        choice = input.text("decision")
        reason = input.text("reason", keepNewlines: true)
    }

    init(_ input: FormInput, requestID: UUID, toldWho: String) {
        self.init(input)
        field = "reason-\(requestID.uuidString)"
        self.toldWho = toldWho
    }

    /// The decision, or nil when `validate` has something to say.
    var decision: Decision? {
        guard validate().isEmpty else { return nil }
        return choice == "approve" ? .approve : .decline(reason: reason)
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        switch choice {
        case "approve":
            break
        case "decline" where reason.isEmpty:
            errors.add(field, "Give a reason: it is sent to \(toldWho) so they understand the decision")
        case "decline" where reason.count > 1000:
            errors.add(field, "The reason must be 1,000 characters or fewer")
        case "decline":
            break
        default:
            errors.add(field, "Choose whether to approve or decline the request")
        }
        return errors
    }
}
