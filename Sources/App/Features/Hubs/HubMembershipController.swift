import Fluent
import Plot
import Vapor

/// Joining and leaving hubs, and the stewards' work of answering requests and adding stewards.
struct HubMembershipController {
    private func hub(_ req: Request) async throws -> Hub {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.query(on: req.db).filter(\.$slug == slug).first()
        else {
            throw Abort(.notFound)
        }
        return hub
    }

    /// The hub in the path, after checking the person stewards it (or is a coordinator).
    private func stewardedHub(_ req: Request) async throws -> Hub {
        let hub = try await hub(req)
        try req.authorize(.stewardHub, .hub(try hub.requireID()))
        return hub
    }

    // MARK: Joining and leaving

    func join(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let hub = try await hub(req)
        let hubID = try hub.requireID()
        if try await HubMembership.query(on: req.db).filter(\.$hub.$id == hubID).filter(\.$user.$id == user.id).first()
            == nil
        {
            let isOpen = hub.membershipPolicy == Hub.MembershipPolicy.open.rawValue
            try await HubMembership(hubID: hubID, userID: user.id, role: .member, status: isOpen ? .approved : .pending)
                .create(on: req.db)
            try await req.audit(isOpen ? .hubJoined : .hubJoinRequested, subjectType: "hub", subjectID: hubID)
            if !isOpen {
                try await notifyStewards(
                    of: hub, subject: "\(user.name) asked to join \(hub.name)",
                    body: """
                        \(user.name) has asked to join the \(hub.name) hub on Bridgework.

                        You can approve or decline the request here:
                        \(SiteURL.hubRequests(hub.slug).absolute(base: req.application.publicBaseURL))
                        """, req: req)
            }
            return req.redirect(
                to: SiteURL.hub(hub.slug).with(query: ["notice": (isOpen ? Notice.joinedHub : .askedToJoinHub).rawValue]
                ))
        }
        return req.redirect(to: SiteURL.hub(hub.slug).path)
    }

    func leave(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let hub = try await hub(req)
        let hubID = try hub.requireID()
        try await HubMembership.query(on: req.db).filter(\.$hub.$id == hubID).filter(\.$user.$id == user.id).delete()
        try await req.audit(.hubLeft, subjectType: "hub", subjectID: hubID)
        return req.redirect(to: SiteURL.hub(hub.slug).with(query: ["notice": Notice.leftHub.rawValue]))
    }

    // MARK: Stewards' requests page

    struct Requests {
        let people: [(HubMembership, User)]
        let organisations: [(OrganisationHub, Organisation)]
    }

    private func pendingRequests(for hubID: UUID, on db: Database) async throws -> Requests {
        let people = try await HubMembership.query(on: db)
            .filter(\.$hub.$id == hubID).filter(\.$status == MembershipStatus.pending.rawValue)
            .with(\.$user).sort(\.$createdAt).all()
        let organisations = try await OrganisationHub.query(on: db)
            .filter(\.$hub.$id == hubID).filter(\.$status == MembershipStatus.pending.rawValue)
            .with(\.$organisation).sort(\.$createdAt).all()
        return Requests(
            people: people.map { ($0, $0.user) }, organisations: organisations.map { ($0, $0.organisation) })
    }

    func requests(req: Request) async throws -> Response {
        let hub = try await stewardedHub(req)
        return HubRequestViews.page(
            req, hub: hub, requests: try await pendingRequests(for: try hub.requireID(), on: req.db)
        ).response()
    }

    struct DecisionForm: Content {
        var decision: String?
        var reason: String?
    }

    /// A steward's answer to a request, checked the same way for people and organisations.
    enum Decision {
        case approve
        case decline(reason: String)

        /// The decision, or the problem to show beside the reason box `field`.
        static func read(_ req: Request, field: String, toldWho: String) -> (
            decision: Decision?, errors: FormErrors, typedReason: String
        ) {
            let form = (try? req.content.decode(DecisionForm.self)) ?? DecisionForm()
            let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var errors = FormErrors()
            switch form.decision {
            case "approve":
                return (.approve, errors, reason)
            case "decline" where reason.isEmpty:
                errors.add(field, "Give a reason: it is sent to \(toldWho) so they understand the decision")
            case "decline" where reason.count > 1000:
                errors.add(field, "The reason must be 1,000 characters or fewer")
            case "decline":
                return (.decline(reason: reason), errors, reason)
            default:
                errors.add(field, "Choose whether to approve or decline the request")
            }
            return (nil, errors, reason)
        }
    }

    func decidePerson(req: Request) async throws -> Response {
        let hub = try await stewardedHub(req)
        let hubID = try hub.requireID()
        guard let requestID = req.parameters.get("requestID", as: UUID.self),
            let membership = try await HubMembership.query(on: req.db).filter(\.$id == requestID).filter(
                \.$hub.$id == hubID
            ).with(\.$user).first()
        else { throw Abort(.notFound) }
        let field = "reason-\(requestID.uuidString)"
        let (decision, errors, typedReason) = Decision.read(req, field: field, toldWho: "the person")
        switch decision {
        case .approve:
            membership.status = MembershipStatus.approved.rawValue
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
            return req.redirect(
                to: SiteURL.hubRequests(hub.slug).with(query: ["notice": Notice.requestApproved.rawValue]))
        case .decline(let reason):
            membership.status = MembershipStatus.declined.rawValue
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
            return req.redirect(
                to: SiteURL.hubRequests(hub.slug).with(query: ["notice": Notice.requestDeclined.rawValue]))
        case nil:
            let requests = try await pendingRequests(for: hubID, on: req.db)
            return HubRequestViews.page(
                req, hub: hub, requests: requests, errors: errors, typedReasons: [field: typedReason]
            ).response(status: .unprocessableEntity)
        }
    }

    func decideOrganisation(req: Request) async throws -> Response {
        let hub = try await stewardedHub(req)
        let hubID = try hub.requireID()
        guard let requestID = req.parameters.get("requestID", as: UUID.self),
            let request = try await OrganisationHub.query(on: req.db).filter(\.$id == requestID).filter(
                \.$hub.$id == hubID
            ).with(\.$organisation).first()
        else { throw Abort(.notFound) }
        let field = "reason-\(requestID.uuidString)"
        let (decision, errors, typedReason) = Decision.read(req, field: field, toldWho: "the organisation's admins")
        guard let decision else {
            let requests = try await pendingRequests(for: hubID, on: req.db)
            return HubRequestViews.page(
                req, hub: hub, requests: requests, errors: errors, typedReasons: [field: typedReason]
            ).response(status: .unprocessableEntity)
        }
        let approving: Bool
        let reason: String
        switch decision {
        case .approve: (approving, reason) = (true, "")
        case .decline(let given): (approving, reason) = (false, given)
        }
        request.status = (approving ? MembershipStatus.approved : .declined).rawValue
        request.reason = approving ? nil : reason
        try await request.save(on: req.db)
        try await req.audit(
            approving ? .hubRequestApproved : .hubRequestDeclined, subjectType: "organisation",
            subjectID: request.organisation.id, detail: "hub \(hub.slug)")
        let admins = try await User.query(on: req.db)
            .join(OrganisationMembership.self, on: \OrganisationMembership.$user.$id == \User.$id)
            .filter(OrganisationMembership.self, \.$organisation.$id == request.$organisation.id)
            .filter(OrganisationMembership.self, \.$role == OrganisationMembership.Role.admin.rawValue)
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
            to: SiteURL.hubRequests(hub.slug).with(query: [
                "notice": (approving ? Notice.requestApproved : .requestDeclined).rawValue
            ]))
    }

    // MARK: Adding stewards

    struct StewardForm: Content {
        var email: String?
        enum CodingKeys: String, CodingKey { case email = "steward-email" }
    }

    func addSteward(req: Request) async throws -> Response {
        let hub = try await stewardedHub(req)
        let hubID = try hub.requireID()
        let email = User.normalise(email: (try? req.content.decode(StewardForm.self))?.email ?? "")
        var errors = FormErrors()
        let membership =
            email.isEmpty
            ? nil
            : try await HubMembership.query(on: req.db)
                .join(User.self, on: \HubMembership.$user.$id == \User.$id)
                .filter(\.$hub.$id == hubID)
                .filter(\.$status == MembershipStatus.approved.rawValue)
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
            let requests = try await pendingRequests(for: hubID, on: req.db)
            return HubRequestViews.page(req, hub: hub, requests: requests, errors: errors, typedSteward: email)
                .response(status: .unprocessableEntity)
        }
        membership.role = HubMembership.Role.steward.rawValue
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
        return req.redirect(to: SiteURL.hubRequests(hub.slug).with(query: ["notice": Notice.stewardAdded.rawValue]))
    }

    private func notifyStewards(of hub: Hub, subject: String, body: String, req: Request) async throws {
        try await req.tellStewards(ofHub: try hub.requireID(), subject: subject, body: body)
    }
}

enum HubRequestViews {
    static func page(
        _ request: Request, hub: Hub, requests: HubMembershipController.Requests, errors: FormErrors = .init(),
        typedReasons: [String: String] = [:], typedSteward: String = ""
    ) -> HTML {
        let title = "Requests to join \(hub.name)"
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText("Back to the hub"))),
            .h1(.plainText(title)),
            .h2(.plainText("People")),
            .if(requests.people.isEmpty, .p(.plainText("No one is waiting."))),
            .forEach(requests.people) { membership, user in
                decisionCard(
                    request, title: user.name, detail: "Asked on " + DisplayDate.dateTime(membership.createdAt),
                    action: SiteURL.hubPersonDecision(hub.slug, membership.id!).path, id: membership.id!,
                    errors: errors, typedReasons: typedReasons)
            },
            .h2(.plainText("Organisations")),
            .if(requests.organisations.isEmpty, .p(.plainText("No organisation is waiting."))),
            .forEach(requests.organisations) { membership, organisation in
                decisionCard(
                    request, title: organisation.name, detail: organisation.summary,
                    action: SiteURL.hubOrganisationDecision(hub.slug, membership.id!).path, id: membership.id!,
                    errors: errors, typedReasons: typedReasons)
            },
            .h2(.plainText("Add a steward")),
            .p(
                .plainText(
                    "Stewards welcome new members and organisations, and look after the hub. Any member of the hub can become one."
                )),
            .form(
                .method(.post), .action(SiteURL.hubStewards(hub.slug).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "steward-email", label: "Email address of the member", type: .email, value: typedSteward,
                        spellcheck: false), errors: errors),
                Forms.submit("Make steward", secondary: true)
            )
        )
    }

    private static func decisionCard(
        _ request: Request, title: String, detail: String, action: String, id: UUID, errors: FormErrors,
        typedReasons: [String: String]
    ) -> Node<HTML.BodyContext> {
        let field = "reason-\(id.uuidString)"
        return .article(
            .class("message"),
            .h3(.class("message__subject"), .plainText(title)),
            .p(.plainText(detail)),
            .form(
                .method(.post), .action(action.attributeEscaped),
                Forms.csrfField(request),
                Forms.textarea(
                    name: "reason", id: field, label: "Reason, if you decline (sent to them)",
                    value: typedReasons[field] ?? "", rows: 3, errors: errors),
                .div(
                    .class("button-group"),
                    .button(
                        .type(.submit), .class("button"), .attribute(named: "name", value: "decision"),
                        .attribute(named: "value", value: "approve"),
                        .plainText("Approve"), .span(.class("visually-hidden"), .plainText(" " + title))),
                    .button(
                        .type(.submit), .class("button button--warning"), .attribute(named: "name", value: "decision"),
                        .attribute(named: "value", value: "decline"),
                        .plainText("Decline"), .span(.class("visually-hidden"), .plainText(" " + title)))
                )
            )
        )
    }
}

extension Request {
    /// Emails every approved steward of a hub, through the outbox.
    func tellStewards(ofHub hubID: UUID, subject: String, body: String) async throws {
        try await mailer.tellStewards(ofHub: hubID, subject: subject, body: body)
    }
}

extension Mailer {
    /// Emails each approved steward of a hub; from a request or from a scheduled command.
    func tellStewards(ofHub hubID: UUID, subject: String, body: String) async throws {
        let stewards = try await User.query(on: db)
            .join(HubMembership.self, on: \HubMembership.$user.$id == \User.$id)
            .filter(HubMembership.self, \.$hub.$id == hubID)
            .filter(HubMembership.self, \.$role == HubMembership.Role.steward.rawValue)
            .filter(HubMembership.self, \.$status == MembershipStatus.approved.rawValue)
            .all()
        for steward in stewards {
            try await send(to: steward.email, subject: subject, body: "Hello \(steward.name),\n\n\(body)\n\nBridgework")
        }
    }
}
