import Vapor

/// What someone may try to do. Route-level actions are checked by `PolicyMiddleware` before a
/// handler runs; actions on one hub or organisation are checked in the handler with the record.
enum Action: String, Sendable, CaseIterable {
    /// Public pages, health checks and static files.
    case readPublic
    /// Sign-up, sign-in and password reset forms.
    case useSignInForms
    /// Members-only things: members-only listings, events and profiles, alliance-scope stories,
    /// projects and their figures. Approved members only, never merely anyone with an account.
    case readMembersOnly
    /// Reading a project and its published figures: approved members, and the project's own organisation.
    case readProject
    /// Reading a project's public report: anyone who may see its organisation in the directory.
    case readPublishedReport
    /// Measuring the impact of one's organisation's projects: anyone who belongs to an
    /// organisation, and the national team.
    case measureImpact
    /// Member work: finding practitioners, peer support, reporting where a narrative is met.
    case workAsMember
    /// Signing out, seeing and changing one's own account.
    case manageOwnAccount
    /// Adding an organisation to the directory (its creator becomes its admin).
    case addOrganisation
    /// Finding practitioners who chose to be seen by members.
    case findPractitioners
    /// The outbox of messages waiting for a mail transport.
    case readOutbox
    /// Granting and removing coordinator, steward and organisation admin roles.
    case manageRoles
    /// Creating hubs and changing any hub's details and stewards (the national team).
    case manageHubs
    /// Calling the JSON API as oneself (bearer token).
    case useAPIAsSelf
    /// Steward work for one hub: approving members, reviewing stories, the tension picture.
    case stewardHub
    /// Admin work for one organisation: editing it, managing its members, projects, surveys, events.
    case administerOrganisation
    /// Work done for an organisation by any of its members: typing in paper surveys, collecting
    /// stories of change.
    case workForOrganisation
    /// Running an event: its hub's stewards or its organisation's admins.
    case organiseEvent
    /// Reading a request for a critical friend: the person who asked and the people they invited.
    /// Nobody else, coordinators included: the challenge is private.
    case readPeerRequest
    /// Inviting people to, or closing, a request: the person who asked.
    case managePeerRequest
    /// Reading and writing a private conversation: its two people only.
    case joinPeerThread
    /// Withdrawing a skill offer: the person who made it, or the national team.
    case manageSkillOffer
    /// Starting a story draft.
    case draftStory
    /// Changing one story: its text, photo and consents, and sending it for review (its author).
    case editStory
    /// Seeing a story's workflow page and withdrawing a consent (its author and its hub's stewards).
    case followStory
    /// Publishing a story or returning it to its author (its hub's stewards).
    case reviewStory
    /// Writing and editing case studies, narratives and library resources (the national team).
    case curateContent
    /// The tension watch of one hub: logging observations and reading the hub's picture. The hub's
    /// own members only (directly or through an approved organisation), never the national team
    /// as such: tension information leaves a hub only as levels and counts.
    case watchHubTension
    /// Acknowledging observations, recording follow-ups, setting the hub's level, its scale and
    /// retention, and checking in after a trigger event: that hub's stewards only.
    case stewardHubTension
    /// The alliance's national view, declaring trigger events and publishing tension weeks (the
    /// national team).
    case coordinateAlliance
}

/// The record an action is about, when it is about one.
enum PolicyResource: Sendable {
    case none
    case hub(UUID)
    case organisation(UUID)
    /// An organisation's directory listing, public or for alliance members only.
    case listing(organisationID: UUID, isPublic: Bool)
    /// `editorsUnderReview`: everyone who saved a version since the published one.
    case story(authorID: UUID?, hubID: UUID, editorsUnderReview: Set<UUID> = [])
    case eventHost(hubID: UUID?, organisationID: UUID?)
    case peerRequest(askerID: UUID, inviteeIDs: Set<UUID>)
    case peerThread(askerID: UUID, inviteeID: UUID)
    case ownedBy(UUID)
}

/// The one place that decides who may do what.
enum Policy {
    /// Actions a visitor may take on some records but not others (a public organisation's report,
    /// not a members-only one's): the record is loaded before the visitor is answered.
    static let openToVisitorsOnSomeRecords: Set<Action> = [.readPublishedReport]

    static func can(_ user: CurrentUser?, _ action: Action, _ resource: PolicyResource = .none) -> Bool {
        switch action {
        case .readPublic, .useSignInForms:
            return true
        case .manageOwnAccount, .useAPIAsSelf, .addOrganisation, .draftStory:
            return user != nil
        case .readMembersOnly, .workAsMember, .findPractitioners:
            return user?.isApprovedMember == true
        case .readOutbox, .manageRoles, .curateContent, .manageHubs, .coordinateAlliance:
            return user?.isCoordinator == true
        case .watchHubTension:
            guard let user, case .hub(let hubID) = resource else { return false }
            return user.memberOfHubs.contains(hubID) || user.hubsThroughOrganisations.contains(hubID)
        case .stewardHubTension:
            guard let user, case .hub(let hubID) = resource else { return false }
            return user.stewardOfHubs.contains(hubID)
        case .stewardHub:
            guard let user, case .hub(let hubID) = resource else { return false }
            return user.isCoordinator || user.stewardOfHubs.contains(hubID)
        case .administerOrganisation:
            guard let user, case .organisation(let organisationID) = resource else { return false }
            return user.isCoordinator || user.adminOfOrganisations.contains(organisationID)
        case .workForOrganisation:
            guard let user, case .organisation(let organisationID) = resource else { return false }
            return user.isCoordinator || user.memberOfOrganisations.contains(organisationID)
        case .readProject:
            return can(user, .readMembersOnly) || can(user, .workForOrganisation, resource)
        case .measureImpact:
            guard let user else { return false }
            // An organisation's admins are among its members.
            return user.isCoordinator || !user.memberOfOrganisations.isEmpty
        case .readPublishedReport:
            guard case .listing(let organisationID, let isPublic) = resource else { return false }
            return isPublic || can(user, .readMembersOnly)
                || can(user, .workForOrganisation, .organisation(organisationID))
        case .organiseEvent:
            guard let user, case .eventHost(let hubID, let organisationID) = resource else { return false }
            return user.isCoordinator || hubID.map(user.stewardOfHubs.contains) == true
                || organisationID.map(user.adminOfOrganisations.contains) == true
        case .readPeerRequest:
            guard let user, case .peerRequest(let askerID, let inviteeIDs) = resource else { return false }
            return user.id == askerID || inviteeIDs.contains(user.id)
        case .managePeerRequest:
            guard let user, case .peerRequest(let askerID, _) = resource else { return false }
            return user.id == askerID
        case .joinPeerThread:
            guard let user, case .peerThread(let askerID, let inviteeID) = resource else { return false }
            return user.id == askerID || user.id == inviteeID
        case .manageSkillOffer:
            guard let user, case .ownedBy(let ownerID) = resource else { return false }
            return user.isCoordinator || user.id == ownerID
        case .editStory:
            guard let user, case .story(let authorID, _, _) = resource else { return false }
            return user.isCoordinator || (authorID != nil && authorID == user.id)
        case .reviewStory:
            // A second person always checks: nobody reviews a story they wrote or edited since it was last published.
            guard let user, case .story(let authorID, let hubID, let editors) = resource, authorID != user.id,
                !editors.contains(user.id)
            else {
                return false
            }
            return user.isCoordinator || user.stewardOfHubs.contains(hubID)
        case .followStory:
            return can(user, .editStory, resource) || can(user, .reviewStory, resource)
        }
    }
}

/// A record a route is about, such as a hub, an organisation or a story, and what the policy needs
/// to know of it. Features make their models conform.
protocol PolicySubject: Sendable {
    var policyResource: PolicyResource { get }
}

/// Loads the record a route is about from the request's path, or throws (a 404 when there is none).
/// Declared beside the feature's model; named by the route that needs it.
struct SubjectLoader: Sendable {
    let load: @Sendable (Request) async throws -> any PolicySubject

    init(_ load: @escaping @Sendable (Request) async throws -> any PolicySubject) {
        self.load = load
    }
}

/// What a route declares: the action it performs and, when the action is about one record, how to
/// load that record. `hiddenUnless` names an action; someone who may not even do that is told the
/// record does not exist.
struct RouteRequirement: Sendable {
    /// Checked first, before anything is loaded: who may use the route at all.
    var gate: Action? = nil
    let action: Action
    let subject: SubjectLoader?
    let hiddenUnless: Action?
}

/// Key under which a route records its requirement (see `Route.requires`).
struct PolicyActionKey: Hashable, Sendable {}

extension Route {
    /// Declares which action a route performs. Every route must say; a test walks the route table.
    @discardableResult
    func requires(_ action: Action) -> Route {
        userInfo[AnySendableHashable(PolicyActionKey())] = RouteRequirement(
            action: action, subject: nil, hiddenUnless: nil)
        return self
    }

    /// Declares an action on one record: the record is loaded once, checked by the policy before the
    /// handler runs, and handed to the handler through `Request.subject`.
    @discardableResult
    func requires(_ action: Action, on subject: SubjectLoader, hiddenUnless: Action? = nil) -> Route {
        userInfo[AnySendableHashable(PolicyActionKey())] = RouteRequirement(
            action: action, subject: subject, hiddenUnless: hiddenUnless)
        return self
    }

    /// Declares two rules: who may use the route at all (`gate`, say members, with its 403 for
    /// anyone else), then the action on the record it names, checked once the record is loaded.
    @discardableResult
    func requires(_ gate: Action, then action: Action, on subject: SubjectLoader, hiddenUnless: Action? = nil)
        -> Route
    {
        userInfo[AnySendableHashable(PolicyActionKey())] = RouteRequirement(
            gate: gate, action: action, subject: subject, hiddenUnless: hiddenUnless)
        return self
    }

    var requirement: RouteRequirement? {
        userInfo[AnySendableHashable(PolicyActionKey())] as? RouteRequirement
    }

    var requiredAction: Action? { requirement?.action }
}

/// Enforces each route's declared action. A route that declares none is refused: fail closed.
struct PolicyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        guard let route = request.route else {
            return try await next.respond(to: request)
        }
        guard let requirement = route.requirement else {
            request.logger.error("Route \(route.description) declares no policy action; refusing it.")
            throw Abort(.forbidden)
        }
        if let gate = requirement.gate {
            try request.authorize(gate)
        }
        if let loader = requirement.subject {
            // A visitor is asked to sign in before anything is looked up, so whether a record
            // exists is not told to someone who could never act on it.
            if request.currentUser == nil, !Policy.can(nil, requirement.action),
                !Policy.openToVisitorsOnSomeRecords.contains(requirement.action)
            {
                throw SignInRequired()
            }
            let subject = try await loader.load(request)
            if let knowAction = requirement.hiddenUnless {
                try request.authorize(requirement.action, subject.policyResource, hiddenUnless: knowAction)
            } else {
                try request.authorize(requirement.action, subject.policyResource)
            }
            request.storage[PolicySubjectKey.self] = subject
        } else {
            try request.authorize(requirement.action)
        }
        return try await next.respond(to: request)
    }
}

private struct PolicySubjectKey: StorageKey { typealias Value = any PolicySubject }

extension Request {
    /// The record this route is about, loaded and authorised before the handler ran.
    func subject<Subject: PolicySubject>(_ type: Subject.Type = Subject.self) throws -> Subject {
        guard let subject = storage[PolicySubjectKey.self] as? Subject else {
            // A route that loads nothing, or something else, asked for this: a programming error.
            logger.error("The route \(route?.description ?? url.path) has no \(Subject.self) loaded.")
            throw Abort(.internalServerError)
        }
        return subject
    }
}

extension Request {
    /// Whether this person sees members-only things (the one rule every such surface uses).
    var seesMembersOnly: Bool { Policy.can(currentUser, .readMembersOnly) }

    /// Like `authorize`, but someone who may not even `knowAction` the record is told it does not
    /// exist (404), so nobody learns that a private record is there.
    func authorize(_ action: Action, _ resource: PolicyResource, hiddenUnless knowAction: Action) throws {
        guard Policy.can(currentUser, action, resource) else {
            // Where visitors may read some records of a kind, asking one to sign in would tell them this one exists.
            guard currentUser != nil || Policy.openToVisitorsOnSomeRecords.contains(action) else {
                throw SignInRequired()
            }
            throw Policy.can(currentUser, knowAction, resource) ? Abort(.forbidden) : Abort(.notFound)
        }
    }

    /// Throws unless the current person may do `action` (to `resource`).
    /// Visitors are asked to sign in; signed-in people who may not are refused.
    func authorize(_ action: Action, _ resource: PolicyResource = .none) throws {
        guard Policy.can(currentUser, action, resource) else {
            guard let currentUser else { throw SignInRequired() }
            if !currentUser.isApprovedMember, Policy.can(Self.asApprovedMember(currentUser), action, resource) {
                throw MembershipRequired()
            }
            throw Abort(.forbidden)
        }
    }
}

extension Request {
    /// The same person as if a steward had approved them: tells "not yet approved" apart from "never allowed".
    fileprivate static func asApprovedMember(_ user: CurrentUser) -> CurrentUser {
        CurrentUser(
            id: user.id, name: user.name, email: user.email, isCoordinator: false, stewardOfHubs: user.stewardOfHubs,
            memberOfHubs: [UUID()], adminOfOrganisations: user.adminOfOrganisations,
            memberOfOrganisations: user.memberOfOrganisations, hubsThroughOrganisations: user.hubsThroughOrganisations)
    }
}

/// A registered person, not yet approved into a hub, asked for something that is for members.
struct MembershipRequired: AbortError {
    var status: HTTPResponseStatus { .forbidden }
    var reason: String {
        "This is for approved members of the alliance. Ask to join a hub: an open hub lets you in at once, and in the others a steward looks at your request."
    }
}

/// A visitor asked for something that needs an account: pages redirect to sign in, the API answers 401.
struct SignInRequired: AbortError {
    var status: HTTPResponseStatus { .unauthorized }
    var reason: String { "You need to sign in to do that." }
}
