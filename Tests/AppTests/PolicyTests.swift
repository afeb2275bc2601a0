import Fluent
import Vapor
import XCTVapor

@testable import App

/// Authorisation as a matrix: every route, every kind of person.
final class PolicyTests: XCTestCase {
    enum Who: String, CaseIterable {
        case anonymous, member, organisationAdmin, otherOrganisationAdmin, steward, otherSteward, coordinator
        /// A confirmed account that no hub has approved yet.
        case registered
        /// Someone whose account was deleted, still holding the cookie and API token it had.
        case deleted

        var role: TestPeople.Role? { TestPeople.Role(rawValue: rawValue) }
    }

    /// Who may use each route. Written out by hand, so a change in the policy shows up here.
    static let everyone = Set(Who.allCases)
    static let signedIn = everyone.subtracting([.anonymous, .deleted])
    /// Approved alliance members: everyone with an account except those not yet approved.
    static let members = signedIn.subtracting([.registered])
    /// The organisation's own people; in these fixtures only its admin belongs to it.
    static let organisationWorkers: Set<Who> = [.organisationAdmin, .coordinator]
    /// Private things answer 404 to everyone not involved, so nobody learns they exist; on these
    /// routes a 404 is a refusal.
    static let hiddenWhenRefused: Set<String> = [
        "GET /peer-support/requests/:peerRequestID", "POST /peer-support/requests/:peerRequestID/invite",
        "POST /peer-support/requests/:peerRequestID/respond", "POST /peer-support/requests/:peerRequestID/close",
        "GET /peer-support/conversations/:peerInvitationID",
        "POST /peer-support/conversations/:peerInvitationID/messages",
        "POST /peer-support/conversations/:peerInvitationID/close",
        "GET /stories/:storySlug/manage", "GET /stories/:storySlug/edit", "POST /stories/:storySlug/edit",
        "POST /stories/:storySlug/consents", "POST /stories/:storySlug/consents/:consentID/withdraw",
        "POST /stories/:storySlug/submit", "POST /stories/:storySlug/review", "POST /stories/:storySlug/photo",
        "POST /stories/:storySlug/photo/remove",
    ]
    /// Everyone who runs a hub or an organisation, and so may add events.
    static let eventHosts: Set<Who> = [
        .organisationAdmin, .otherOrganisationAdmin, .steward, .otherSteward, .coordinator,
    ]
    static let expected: [String: Set<Who>] = [
        "GET /": everyone,
        "GET /healthz": everyone,
        "GET /readyz": everyone,
        // Open to every role; the handler answers only a request from this machine (see CoreTests).
        "GET /metrics": everyone,
        "GET /signup": everyone,
        "POST /signup": everyone,
        "GET /signup/check-email": everyone,
        "GET /email/confirm": everyone,
        "POST /email/confirm": everyone,
        "GET /email/resend": everyone,
        "POST /email/resend": everyone,
        "GET /signin": everyone,
        "POST /signin": everyone,
        "POST /signout": signedIn,
        "GET /password/forgot": everyone,
        "POST /password/forgot": everyone,
        "GET /password/reset": everyone,
        "POST /password/reset": everyone,
        "GET /account": signedIn,
        "GET /home": signedIn,
        "POST /account": signedIn,
        "POST /account/password": signedIn,
        "GET /account/email/undo": everyone,
        "POST /account/email/undo": everyone,
        "POST /account/tokens": signedIn,
        "POST /account/tokens/:tokenID/revoke": signedIn,
        "GET /account/data.zip": signedIn,
        "GET /account/delete": signedIn,
        "POST /account/delete": signedIn,
        "POST /admin/people/:personID/delete": [.coordinator],
        "GET /invitations/respond": everyone,
        "POST /invitations/respond": signedIn,
        "POST /organisations/:organisationSlug/invitations/:invitationID/withdraw": [.organisationAdmin, .coordinator],
        "POST /organisations/:organisationSlug/leave": signedIn,
        "GET /admin/outbox": [.coordinator],
        "GET /admin/people": [.coordinator],
        "GET /admin/people/:personID": [.coordinator],
        "POST /admin/people/:personID/roles": [.coordinator],
        "GET /api/v1/me": signedIn,
        "GET /hubs": everyone,
        "GET /hubs/:hubSlug": everyone,
        "GET /organisations": everyone,
        "GET /search": everyone,
        "GET /organisations/new": signedIn,
        "POST /organisations/new": signedIn,
        "GET /organisations/:organisationSlug": everyone,
        "GET /organisations/:organisationSlug/edit": [.organisationAdmin, .coordinator],
        "POST /organisations/:organisationSlug/edit": [.organisationAdmin, .coordinator],
        "POST /hubs/:hubSlug/join": signedIn,
        "POST /hubs/:hubSlug/leave": signedIn,
        "GET /hubs/:hubSlug/requests": [.steward, .coordinator],
        "GET /hubs/new": [.coordinator],
        "POST /hubs/new": [.coordinator],
        "GET /hubs/:hubSlug/edit": [.coordinator],
        "POST /hubs/:hubSlug/edit": [.coordinator],
        "GET /privacy": everyone,
        "GET /accessibility": everyone,
        "GET /open-data": everyone,
        "GET /press": everyone,
        "GET /digest/unsubscribe": everyone,
        "POST /digest/unsubscribe": everyone,
        "POST /home/digest": signedIn,
        "POST /hubs/:hubSlug/requests/people/:requestID": [.steward, .coordinator],
        "POST /hubs/:hubSlug/requests/organisations/:requestID": [.steward, .coordinator],
        "POST /hubs/:hubSlug/stewards": [.steward, .coordinator],
        "GET /api/v1/hubs": everyone,
        "GET /api/v1/hubs/:hubSlug": everyone,
        "GET /api/v1/organisations": everyone,
        "GET /api/v1/organisations/:organisationSlug": everyone,
        "POST /api/v1/organisations": signedIn,
        "PATCH /api/v1/organisations/:organisationSlug": [.organisationAdmin, .coordinator],
        "GET /api/v1/openapi.json": everyone,
        "GET /api/hsds/organizations": everyone,
        "GET /people": members,
        "GET /people/:personID": everyone,
        "GET /account/profile": signedIn,
        "POST /account/profile": signedIn,
        "GET /organisations/:organisationSlug/members": [.organisationAdmin, .coordinator],
        "POST /organisations/:organisationSlug/members": [.organisationAdmin, .coordinator],
        "POST /organisations/:organisationSlug/members/:membershipID": [.organisationAdmin, .coordinator],
        "GET /api/hsds/organizations/:organizationID": everyone,
        "GET /stories": everyone,
        "GET /stories/new": signedIn,
        "POST /stories/new": signedIn,
        "GET /stories/review": signedIn,
        "GET /account/stories": signedIn,
        "GET /stories/:storySlug": everyone,
        "GET /stories/:storySlug/media": everyone,
        "GET /stories/:storySlug/photo": everyone,
        "GET /stories/:storySlug/manage": [.member, .steward, .coordinator],
        "GET /stories/:storySlug/edit": [.member, .coordinator],
        "POST /stories/:storySlug/edit": [.member, .coordinator],
        "POST /stories/:storySlug/consents": [.member, .coordinator],
        "POST /stories/:storySlug/consents/:consentID/withdraw": [.member, .steward, .coordinator],
        "POST /stories/:storySlug/submit": [.member, .coordinator],
        "POST /stories/:storySlug/review": [.steward, .coordinator],
        "POST /stories/:storySlug/photo": [.member, .coordinator],
        "POST /stories/:storySlug/photo/remove": [.member, .coordinator],
        "GET /stories/feed.atom": everyone,
        "GET /hubs/:hubSlug/stories.atom": everyone,
        "GET /stories/themes/:theme/feed.atom": everyone,
        "GET /sitemap.xml": everyone,
        "GET /api/v1/stories": everyone,
        "GET /practice": everyone,
        "GET /practice/new": [.coordinator],
        "POST /practice/new": [.coordinator],
        "GET /practice/:caseStudySlug": everyone,
        "GET /practice/:caseStudySlug/edit": [.coordinator],
        "POST /practice/:caseStudySlug/edit": [.coordinator],
        "POST /practice/:caseStudySlug/save": signedIn,
        "GET /account/saved": signedIn,
        "GET /narratives": everyone,
        "GET /narratives/new": [.coordinator],
        "POST /narratives/new": [.coordinator],
        "GET /narratives/:narrativeSlug": everyone,
        "GET /narratives/:narrativeSlug/edit": [.coordinator],
        "POST /narratives/:narrativeSlug/edit": [.coordinator],
        "POST /narratives/:narrativeSlug/sightings": members,
        "GET /library": everyone,
        "GET /impact/indicators": everyone,
        "GET /impact/projects": signedIn,
        "GET /impact/projects/new": [.organisationAdmin, .otherOrganisationAdmin, .coordinator],
        "POST /impact/projects/new": [.organisationAdmin, .otherOrganisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug": members,
        "GET /impact/projects/:projectSlug/edit": [.organisationAdmin, .coordinator],
        "POST /impact/projects/:projectSlug/edit": [.organisationAdmin, .coordinator],
        "POST /impact/projects/:projectSlug/outcomes": [.organisationAdmin, .coordinator],
        "POST /impact/projects/:projectSlug/surveys": [.organisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug/analysis": members,
        "GET /impact/projects/:projectSlug/report": members,
        "GET /impact/projects/:projectSlug/public-report": everyone,
        "GET /impact/projects/:projectSlug/surveys/:surveyID": organisationWorkers,
        "POST /impact/projects/:projectSlug/surveys/:surveyID/questions": [.organisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug/surveys/:surveyID/translations": [.organisationAdmin, .coordinator],
        "POST /impact/projects/:projectSlug/surveys/:surveyID/translations": [.organisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug/surveys/:surveyID/paper": organisationWorkers,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/poster": organisationWorkers,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/cards": organisationWorkers,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/paper-answers": organisationWorkers,
        "POST /impact/projects/:projectSlug/surveys/:surveyID/paper-answers": organisationWorkers,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/analysis": members,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/figures.csv": members,
        "GET /impact/projects/:projectSlug/surveys/:surveyID/answers.csv": [.organisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug/indicators": members,
        "POST /impact/projects/:projectSlug/indicators/own": [.organisationAdmin, .coordinator],
        "POST /impact/projects/:projectSlug/indicators/local": members,
        "POST /impact/projects/:projectSlug/indicators/:indicatorID/vote": members,
        "POST /impact/projects/:projectSlug/indicators/:indicatorID/adopt": [.organisationAdmin, .coordinator],
        "GET /impact/projects/:projectSlug/stories-of-change": organisationWorkers,
        "POST /impact/projects/:projectSlug/stories-of-change": organisationWorkers,
        "GET /impact/projects/:projectSlug/stories-of-change/:changeStoryID": organisationWorkers,
        "POST /impact/projects/:projectSlug/stories-of-change/:changeStoryID/selections": organisationWorkers,
        "POST /impact/projects/:projectSlug/stories-of-change/:changeStoryID/feedback": organisationWorkers,
        "POST /impact/projects/:projectSlug/stories-of-change/:changeStoryID/story": organisationWorkers,
        "GET /impact": everyone,
        "GET /events": everyone,
        "GET /events.ics": everyone,
        "GET /hubs/:hubSlug/events": everyone,
        "GET /hubs/:hubSlug/events.ics": everyone,
        "GET /events/:eventSlug": everyone,
        "POST /events/:eventSlug/register": everyone,
        "POST /events/:eventSlug/cancel": signedIn,
        "GET /events/registrations/confirm": everyone,
        "POST /events/registrations/confirm": everyone,
        "GET /events/registrations/cancel": everyone,
        "POST /events/registrations/cancel": everyone,
        "GET /events/feedback": everyone,
        "POST /events/feedback": everyone,
        "GET /events/new": eventHosts,
        "POST /events/new": eventHosts,
        "GET /events/:eventSlug/edit": [.steward, .coordinator],
        "POST /events/:eventSlug/edit": [.steward, .coordinator],
        "GET /events/:eventSlug/registrations": [.steward, .coordinator],
        "GET /events/:eventSlug/registrations.csv": [.steward, .coordinator],
        "POST /events/:eventSlug/attendance": [.steward, .coordinator],
        "POST /events/:eventSlug/message": [.steward, .coordinator],
        "POST /events/:eventSlug/feedback-requests": [.steward, .coordinator],
        "GET /about": everyone,
        "GET /peer-support": members,
        "GET /peer-support/new": members,
        "POST /peer-support/new": members,
        "GET /peer-support/requests/:peerRequestID": [.member, .steward, .organisationAdmin],
        "POST /peer-support/requests/:peerRequestID/invite": [.member],
        "POST /peer-support/requests/:peerRequestID/respond": [.organisationAdmin],
        "POST /peer-support/requests/:peerRequestID/close": [.member],
        "GET /peer-support/conversations/:peerInvitationID": [.member, .steward],
        "POST /peer-support/conversations/:peerInvitationID/messages": [.member, .steward],
        "POST /peer-support/conversations/:peerInvitationID/close": [.member, .steward],
        "GET /peer-support/skills": members,
        "POST /peer-support/skills": members,
        "POST /peer-support/skills/:skillOfferID/withdraw": [.member, .coordinator],
        "GET /hubs/:hubSlug/impact": everyone,
        "GET /s/:surveyToken": everyone,
        "POST /s/:surveyToken": everyone,
        "GET /a/:shortCode": everyone,
        "GET /a": everyone,
        "GET /library/new": [.coordinator],
        "POST /library/new": [.coordinator],
        "GET /library/:resourceSlug": everyone,
        "GET /library/:resourceSlug/edit": [.coordinator],
        "POST /library/:resourceSlug/edit": [.coordinator],
        "GET /api/v1/case-studies": everyone,
        "GET /api/v1/case-studies/:caseStudySlug": everyone,
        "GET /api/v1/narratives": everyone,
        "GET /api/v1/narratives/:narrativeSlug": everyone,
        "GET /api/v1/resources": everyone,
        "GET /api/v1/resources/:resourceSlug": everyone,
        "GET /api/v1/stories/:storySlug": everyone,
        "POST /api/v1/stories": signedIn,
        // A hub's tension watch is its own members' (here, only the steward belongs to the hub):
        // not the national team's, not another hub's steward, not members of other hubs.
        "GET /hubs/:hubSlug/tension": [.steward],
        "GET /hubs/:hubSlug/tension/new": [.steward],
        "POST /hubs/:hubSlug/tension/new": [.steward],
        "GET /hubs/:hubSlug/tension/observations/:observationID": [.steward],
        "POST /hubs/:hubSlug/tension/observations/:observationID/follow-up": [.steward],
        "POST /hubs/:hubSlug/tension/level": [.steward],
        "GET /hubs/:hubSlug/tension/settings": [.steward],
        "POST /hubs/:hubSlug/tension/settings": [.steward],
        "GET /hubs/:hubSlug/trigger-events/:triggerEventID": [.steward],
        "POST /hubs/:hubSlug/trigger-events/:triggerEventID": [.steward],
        "GET /alliance": [.coordinator],
        "POST /alliance/weeks": [.coordinator],
        "GET /alliance/public": everyone,
        "GET /alliance/public.csv": everyone,
        "GET /alliance/trigger-events/new": [.coordinator],
        "POST /alliance/trigger-events/new": [.coordinator],
        "GET /alliance/trigger-events/:triggerEventID": [.coordinator],
        "GET /alliance/trigger-events/:triggerEventID/edit": [.coordinator],
        "POST /alliance/trigger-events/:triggerEventID/edit": [.coordinator],
        "POST /alliance/trigger-events/:triggerEventID/close": [.coordinator],
    ]

    func testEveryRouteDeclaresAPolicyAction() async throws {
        try await withApp { app, _ in
            for route in app.routes.all {
                XCTAssertNotNil(route.requiredAction, "\(route.description) has no policy decision")
            }
        }
    }

    func testEveryRouteIsInTheAuthorisationMatrix() async throws {
        try await withApp { app, _ in
            let routes = Set(app.routes.all.map(\.description))
            XCTAssertEqual(routes, Set(Self.expected.keys), "add new routes to PolicyTests.expected")
        }
    }

    func testARouteWithoutAPolicyActionIsRefused() async throws {
        try await withApp { app, _ in
            app.get("forgotten-route") { _ in "secret" }
            let response = try await TestClient(app).get("/forgotten-route")
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertFalse(response.text.contains("secret"))
        }
    }

    func testEachRouteAllowsExactlyTheExpectedPeople() async throws {
        // Each kind of person gets a fresh database, and routes that take away a role (leaving a
        // hub) run last, so one request's effect cannot change the next one's answer.
        for who in Who.allCases {
            try await withApp { app, _ in
                let people = try await TestPeople.make(on: app)
                let memberRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email)
                    .first()
                let member = try XCTUnwrap(memberRow)
                // A story by the member in the steward's hub, waiting for review, with one consent.
                let story = Story(
                    slug: "policy-story", title: "A story", summary: "Summary", body: "Body", hubID: people.hub.id!,
                    organisationID: nil, authorID: member.id, kindOfWork: "mediation")
                story.status = .submitted
                try await story.create(on: app.db)
                try await StoryVersion(
                    storyID: story.id!, number: 1, title: "A story", summary: "Summary", body: "Body",
                    savedBy: member.id
                ).create(on: app.db)
                let consent = StoryConsent(
                    storyID: story.id!, person: "Sam", scope: .public, howGiven: "Signed form", givenOn: "2026-01-01",
                    expiresOn: nil)
                try await consent.create(on: app.db)
                // The record each path parameter names: the test people's own hub and organisation.
                let project = Project()
                project.slug = "policy-project"
                project.name = "A project"
                project.summary = "Summary"
                project.kindOfWork = "mediation"
                project.inputs = ""
                project.activities = "Talks"
                project.outputs = ""
                project.impact = ""
                project.$organisation.id = people.organisation.id!
                try await project.create(on: app.db)
                let survey = Survey(
                    projectID: project.id!, title: "Before", mode: .before, indicatorCodes: ["CONFIDENCE"],
                    opensOn: nil, closesOn: nil)
                try await survey.create(on: app.db)
                let local = try await IndicatorsController.create(
                    kind: .local, status: .proposed, organisationID: people.organisation.id!, construct: "Park",
                    wording: "I can walk through the park at night", answers: "Yes\nNo", community: "Estate",
                    proposer: member.id, on: app.db)
                let changeStory = ChangeStory()
                changeStory.$project.id = project.id!
                changeStory.domain = .relations
                changeStory.period = "2026"
                changeStory.toldOn = "2026-05-01"
                changeStory.teller = "A parent"
                changeStory.consent = .organisation
                changeStory.place = ""
                changeStory.whatHappened = "Talked"
                changeStory.whyItMatters = "Trust"
                try await changeStory.create(on: app.db)
                let policyEvent = Event(
                    slug: "policy-event", title: "An event", hubID: people.hub.id!,
                    startsAt: Date().addingTimeInterval(86_400), endsAt: Date().addingTimeInterval(90_000))
                policyEvent.description = "Talk"
                policyEvent.place = "Hall"
                policyEvent.capacity = 10
                try await policyEvent.create(on: app.db)
                // A member's request for a critical friend: the steward accepted, the organisation's admin is still invited.
                let peerRequest = PeerRequest()
                peerRequest.$asker.id = member.id!
                peerRequest.title = "A challenge"
                peerRequest.challenge = "Private"
                peerRequest.methods = ""
                peerRequest.themes = ""
                peerRequest.preferOutsideHub = false
                peerRequest.status = .open
                try await peerRequest.create(on: app.db)
                var inviteeIDs: [TestPeople.Role: UUID] = [:]
                for role in [TestPeople.Role.steward, .organisationAdmin] {
                    inviteeIDs[role] = try await User.query(on: app.db).filter(\.$email == role.email).first()!.id!
                }
                let accepted = PeerInvitation()
                accepted.$request.id = peerRequest.id!
                accepted.$invitee.id = inviteeIDs[.steward]!
                accepted.status = .accepted
                accepted.reasons = "Fits"
                try await accepted.create(on: app.db)
                let pending = PeerInvitation()
                pending.$request.id = peerRequest.id!
                pending.$invitee.id = inviteeIDs[.organisationAdmin]!
                pending.status = .invited
                pending.reasons = "Fits"
                try await pending.create(on: app.db)
                let skillOffer = SkillOffer()
                skillOffer.$user.id = member.id!
                skillOffer.title = "Facilitation"
                skillOffer.description = ""
                skillOffer.methods = ""
                try await skillOffer.create(on: app.db)
                let triggerEvent = try await TensionFixtures.triggerEvent(on: app.db)
                let observation = try await TensionFixtures.observation(in: people.hub, on: app.db)
                let parameterValues = [
                    "triggerEventID": triggerEvent.id!.uuidString, "observationID": observation.id!.uuidString,
                    "peerRequestID": peerRequest.id!.uuidString, "peerInvitationID": accepted.id!.uuidString,
                    "skillOfferID": skillOffer.id!.uuidString,
                    "eventSlug": policyEvent.slug, "surveyToken": "no-such-survey", "shortCode": "NOSUCHCO",
                    "surveyID": survey.id!.uuidString,
                    "indicatorID": local.id!.uuidString, "changeStoryID": changeStory.id!.uuidString,
                    "projectSlug": project.slug, "caseStudySlug": "no-such-case-study",
                    "narrativeSlug": "no-such-narrative", "resourceSlug": "no-such-resource", "storySlug": story.slug,
                    "consentID": consent.id!.uuidString, "theme": "faith", "personID": member.id!.uuidString,
                    "hubSlug": people.hub.slug, "organisationSlug": people.organisation.slug,
                    "requestID": UUID().uuidString, "membershipID": UUID().uuidString,
                    "organizationID": people.organisation.id!.uuidString,
                    "tokenID": UUID().uuidString, "invitationID": UUID().uuidString,
                ]
                // A member who deletes their account, keeping a copy of the cookie and token they had.
                var leftoverCookies: [String: String] = [:]
                var leftoverToken = ""
                if who == .deleted {
                    let leaver = User(
                        name: "Leaver", email: "leaver@example.org",
                        passwordHash: try Bcrypt.hash(TestPeople.password, cost: 4), emailConfirmedAt: Date())
                    try await leaver.create(on: app.db)
                    try await HubMembership(
                        hubID: people.homeHub.requireID(), userID: leaver.requireID(), role: .member
                    ).create(on: app.db)
                    leftoverToken = Tokens.random()
                    try await APIToken(userID: leaver.requireID(), tokenHash: Tokens.hash(leftoverToken)).create(
                        on: app.db)
                    let browser = TestClient(app)
                    try await browser.signIn(leaver.email)
                    leftoverCookies = browser.cookies
                    let deletion = try await browser.post("/account/delete", form: ["password": TestPeople.password])
                    XCTAssertEqual(deletion.status, .seeOther, "the leaver's account is deleted")
                }
                let routes = app.routes.all.sorted {
                    ($0.path.last?.description == "leave" ? 1 : 0) < ($1.path.last?.description == "leave" ? 1 : 0)
                }
                for route in routes {
                    let browser = TestClient(app, cookies: leftoverCookies)
                    var headers = HTTPHeaders()
                    if who == .deleted, route.path.first == "api" {
                        headers.bearerAuthorization = BearerAuthorization(token: leftoverToken)
                    }
                    if let role = who.role {
                        try await browser.signIn(role.email)
                        if route.path.first == "api" {
                            let userRow = try await User.query(on: app.db).filter(\.$email == role.email).first()
                            let user = try XCTUnwrap(userRow)
                            let token = Tokens.random()
                            try await APIToken(userID: user.requireID(), tokenHash: Tokens.hash(token)).create(
                                on: app.db)
                            headers.bearerAuthorization = BearerAuthorization(token: token)
                        }
                    }
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component {
                                return parameterValues[name] ?? "unknown-parameter-\(name)"
                            }
                            return component.description
                        }.joined(separator: "/")
                    let response: XCTHTTPResponse
                    switch route.method {
                    case .GET: response = try await browser.get(path, headers: headers)
                    case .POST where route.path.first != "api":
                        response = try await browser.post(path, headers: headers)
                    default:
                        headers.contentType = .json
                        response = try await browser.send(
                            route.method, path, headers: headers, body: ByteBuffer(string: "{}"))
                    }
                    let expectedPeople = try XCTUnwrap(Self.expected[route.description], route.description)
                    // A deleted account is nobody: its cookie gets what a visitor gets, and its old API
                    // token is refused outright, even where no token is needed.
                    let allowed =
                        who == .deleted
                        ? expectedPeople.contains(.anonymous) && route.path.first != "api"
                        : expectedPeople.contains(who)
                    XCTAssertLessThan(response.status.code, 500, "\(route.description) as \(who)")
                    let denied: Bool
                    if who == .anonymous || who == .deleted {
                        denied =
                            response.status == .unauthorized
                            || (response.status == .seeOther && (response.location ?? "").hasPrefix("/signin?next="))
                    } else {
                        denied =
                            response.status == .forbidden
                            || (Self.hiddenWhenRefused.contains(route.description) && response.status == .notFound)
                    }
                    XCTAssertEqual(!denied, allowed, "\(route.description) as \(who): status \(response.status.code)")
                }
            }
        }
    }

    func testStewardWorkIsForStewardsOfThatHubAndCoordinatorsOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let hub = PolicyResource.hub(people.hub.id!)
            let expectations: [Who: Bool] = [
                .anonymous: false, .member: false, .organisationAdmin: false, .otherOrganisationAdmin: false,
                .steward: true, .otherSteward: false, .coordinator: true,
            ]
            for (who, allowed) in expectations {
                let user = try await Self.currentUser(who, on: app)
                XCTAssertEqual(Policy.can(user, .stewardHub, hub), allowed, "\(who)")
                XCTAssertFalse(Policy.can(user, .stewardHub, .none), "a steward action needs a hub")
            }
        }
    }

    func testOrganisationAdminWorkIsForAdminsOfThatOrganisationAndCoordinatorsOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let organisation = PolicyResource.organisation(people.organisation.id!)
            let expectations: [Who: Bool] = [
                .anonymous: false, .member: false, .organisationAdmin: true, .otherOrganisationAdmin: false,
                .steward: false, .otherSteward: false, .coordinator: true,
            ]
            for (who, allowed) in expectations {
                let user = try await Self.currentUser(who, on: app)
                XCTAssertEqual(Policy.can(user, .administerOrganisation, organisation), allowed, "\(who)")
            }
        }
    }

    func testOrganisationWorkIsForItsMembersAndCoordinatorsOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            try await OrganisationMembership(
                organisationID: people.organisation.id!, userID: member!.id!, role: .member
            ).create(on: app.db)
            let organisation = PolicyResource.organisation(people.organisation.id!)
            let expectations: [Who: Bool] = [
                .anonymous: false, .member: true, .organisationAdmin: true, .otherOrganisationAdmin: false,
                .steward: false, .otherSteward: false, .coordinator: true,
            ]
            for (who, allowed) in expectations {
                let user = try await Self.currentUser(who, on: app)
                XCTAssertEqual(Policy.can(user, .workForOrganisation, organisation), allowed, "\(who)")
                XCTAssertEqual(
                    Policy.can(user, .administerOrganisation, organisation), allowed && who != .member,
                    "a plain member is not an admin")
            }
        }
    }

    static func currentUser(_ who: Who, on app: Application) async throws -> CurrentUser? {
        guard let role = who.role,
            let user = try await User.query(on: app.db).filter(\.$email == role.email).first()
        else { return nil }
        return try await CurrentUser.load(user, on: app.db)
    }
}
