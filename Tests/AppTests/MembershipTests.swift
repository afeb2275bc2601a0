import Fluent
import Vapor
import XCTVapor

@testable import App

/// "Members only" means people a hub approved, never merely anyone with an account.
final class MembershipTests: XCTestCase {
    /// A members-only organisation with contact details, a members-only event, an alliance-scope
    /// story and a members-visible profile: everything a registered person must not see.
    private struct MembersOnlyThings {
        let organisation: Organisation
        let event: Event
        let storySlug: String
        let profileOwnerID: UUID
    }

    private func makeMembersOnlyThings(_ app: Application, people: TestPeople) async throws -> MembersOnlyThings {
        let organisation = Organisation(
            slug: "quiet-circle", name: "Quiet Circle", summary: "A members-only listing.", visibility: .members)
        organisation.contactEmail = "hello@quiet-circle.example"
        organisation.contactPhone = "0113 496 0000"
        try await organisation.create(on: app.db)
        try await OrganisationHub(
            organisationID: organisation.requireID(), hubID: people.hub.requireID(), status: .approved
        ).create(on: app.db)

        let event = Event(
            slug: "members-supper", title: "Members supper", hubID: people.hub.id,
            startsAt: Date().addingTimeInterval(86_400), endsAt: Date().addingTimeInterval(90_000))
        event.audience = .members
        event.place = "The back room at the Crown"
        event.description = "Supper."
        event.capacity = 10
        try await event.create(on: app.db)

        let memberRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
        let member = try XCTUnwrap(memberRow)
        let story = try await TestContent.publishedStory(
            "A story for the alliance", in: people.hub, by: member.id, scope: .alliance, on: app)

        try await Profile(
            userID: member.requireID(), role: "Mediator", bio: "Works on the estate.", visibility: .members
        ).create(on: app.db)
        return MembersOnlyThings(
            organisation: organisation, event: event, storySlug: story.slug, profileOwnerID: try member.requireID())
    }

    func testARegisteredPersonNotYetApprovedSeesWhatAVisitorSeesAndNoMore() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let things = try await makeMembersOnlyThings(app, people: people)
            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.steward.email)

            for reader in [registered, TestClient(app)] {
                let organisationPage = try await reader.get("/organisations/quiet-circle")
                XCTAssertEqual(organisationPage.status, .notFound)
                XCTAssertFalse(organisationPage.text.contains("hello@quiet-circle.example"))
                let list = try await reader.get("/organisations?q=quiet")
                XCTAssertFalse(list.text.contains("Quiet Circle"))
                let hub = try await reader.get("/hubs/\(people.hub.slug)")
                XCTAssertFalse(hub.text.contains("Quiet Circle"))
                XCTAssertFalse(hub.text.contains("Members supper"), "the hub's members-only event")
                XCTAssertFalse(hub.text.contains("A story for the alliance"), "the hub's alliance story")
                XCTAssertFalse(hub.text.contains("Narratives seen here lately"), "sightings are for members")
                let search = try await reader.get("/search?q=circle")
                XCTAssertFalse(search.text.contains("Quiet Circle"))
                let awaited1 = try await reader.get("/events/\(things.event.slug)").status
                XCTAssertEqual(awaited1, .notFound)
                let awaited2 = try await reader.get("/events").text.contains("Members supper")
                XCTAssertFalse(awaited2)
                let awaited3 = try await reader.get("/events.ics").text.contains("Crown")
                XCTAssertFalse(awaited3)
                let awaited4 = try await reader.get("/stories/\(things.storySlug)").status
                XCTAssertEqual(awaited4, .notFound)
                let awaited5 = try await reader.get("/stories").text.contains("A story for the alliance")
                XCTAssertFalse(awaited5)
                let awaited6 = try await reader.get("/people/\(things.profileOwnerID.uuidString.lowercased())").status
                XCTAssertEqual(awaited6, .notFound)
            }
            // The registered person is told plainly what they are waiting for.
            let people403 = try await registered.get("/people")
            XCTAssertEqual(people403.status, .forbidden)
            XCTAssertTrue(people403.text.contains("This is for approved members"))
            XCTAssertTrue(
                people403.text.contains("a steward will look at your request")
                    || people403.text.contains("will look at your request"))
            let awaited7 = try await registered.get("/peer-support").status
            XCTAssertEqual(awaited7, .forbidden)
            let account = try await registered.get("/account")
            XCTAssertTrue(account.text.contains("Your membership is waiting for approval"))
            XCTAssertFalse(account.text.contains(">Practitioners<"), "no members' links in the navigation")

            // An approved member sees all of it, on the hub's page too.
            let memberHub = try await member.get("/hubs/\(people.hub.slug)").text
            XCTAssertTrue(memberHub.contains("Members supper"))
            XCTAssertTrue(memberHub.contains("A story for the alliance"))
            XCTAssertTrue(memberHub.contains("Narratives seen here lately"))
            let awaited8 = try await member.get("/organisations/quiet-circle").text.contains(
                "hello@quiet-circle.example")
            XCTAssertTrue(awaited8)
            let awaited9 = try await member.get("/events/\(things.event.slug)").text.contains(
                "The back room at the Crown")
            XCTAssertTrue(awaited9)
            let awaited10 = try await member.get("/stories/\(things.storySlug)").status
            XCTAssertEqual(awaited10, .ok)
            let awaited11 = try await member.get("/people/\(things.profileOwnerID.uuidString.lowercased())").status
            XCTAssertEqual(awaited11, .ok)
            let awaited12 = try await member.get("/account").text.contains(">Practitioners<")
            XCTAssertTrue(awaited12)
        }
    }

    func testAMemberOfAnOrganisationAHubApprovedIsAnAllianceMemberAndAPendingRequestIsNot() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            _ = try await makeMembersOnlyThings(app, people: people)
            let registeredRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.registered.email)
                .first()
            let registered = try XCTUnwrap(registeredRow)
            // Asking to join a hub is not being approved.
            try await HubMembership(
                hubID: people.hub.requireID(), userID: registered.requireID(), role: .member, status: .pending
            ).create(on: app.db)
            var current = try await CurrentUser.load(registered, on: app.db)
            XCTAssertFalse(current.isApprovedMember)
            XCTAssertFalse(Policy.can(current, .readMembersOnly))
            let browser = TestClient(app)
            try await browser.signIn(registered.email)
            let awaited13 = try await browser.get("/account").text.contains("You have asked to join Riverside")
            XCTAssertTrue(awaited13)

            // Belonging to an organisation no hub has approved is not enough either.
            let loner = Organisation(slug: "loner", name: "Loner", summary: "Not in a hub yet.")
            try await loner.create(on: app.db)
            try await OrganisationMembership(
                organisationID: loner.requireID(), userID: registered.requireID(), role: .member
            ).create(on: app.db)
            try await OrganisationHub(
                organisationID: loner.requireID(), hubID: people.otherHub.requireID(), status: .pending
            ).create(on: app.db)
            current = try await CurrentUser.load(registered, on: app.db)
            XCTAssertFalse(current.isApprovedMember)

            // Once a steward approves the organisation, its people are members.
            try await OrganisationHub.query(on: app.db).filter(\.$organisation.$id == loner.requireID()).set(
                \.$status, to: MembershipStatus.approved
            ).update()
            current = try await CurrentUser.load(registered, on: app.db)
            XCTAssertTrue(current.isApprovedMember)
            let awaited14 = try await browser.get("/organisations/quiet-circle").status
            XCTAssertEqual(awaited14, .ok)
            let awaited15 = try await browser.get("/people").status
            XCTAssertEqual(awaited15, .ok)
        }
    }

    func testAMembersOnlyOrganisationIsNeverNamedToVisitorsAsAHubsHostOrAnEventsHost() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let hidden = Organisation(
                slug: "hidden-host", name: "Hidden Host Trust", summary: "Members only.", visibility: .members)
            try await hidden.create(on: app.db)
            let host = HubHost()
            host.$hub.id = try people.hub.requireID()
            host.$organisation.id = try hidden.requireID()
            try await host.create(on: app.db)
            let event = Event(
                slug: "open-picnic", title: "Open picnic", hubID: nil, startsAt: Date().addingTimeInterval(86_400),
                endsAt: Date().addingTimeInterval(90_000))
            event.$organisation.id = hidden.id
            event.description = "Everyone welcome."
            event.place = "The park"
            event.capacity = 20
            try await event.create(on: app.db)

            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            for reader in [TestClient(app), registered] {
                let hub = try await reader.get("/hubs/\(people.hub.slug)")
                XCTAssertFalse(hub.text.contains("Hidden Host Trust"), "hub page")
                for path in ["/events", "/events/open-picnic", "/hubs/\(people.hub.slug)/events"] {
                    let page = try await reader.get(path)
                    XCTAssertFalse(page.text.contains("Hidden Host Trust"), path)
                }
                let eventPage = try await reader.get("/events/open-picnic")
                XCTAssertTrue(
                    eventPage.text.contains("An organisation in the alliance"),
                    "said truthfully, without the name, in the page, its description and its JSON-LD")
                let awaited16 = try await reader.get("/events/open-picnic.ics").text.contains("Hidden Host Trust")
                XCTAssertFalse(awaited16)
            }
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let awaited17 = try await member.get("/hubs/\(people.hub.slug)").text.contains("Hidden Host Trust")
            XCTAssertTrue(awaited17)
            let awaited18 = try await member.get("/events/open-picnic").text.contains("Hidden Host Trust")
            XCTAssertTrue(awaited18)
        }
    }

    func testHubCountsOfOrganisationsCountOnlyWhatTheReaderMaySee() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            _ = try await makeMembersOnlyThings(app, people: people)
            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let visitorCount = try await TestClient(app).get("/hubs").text.contains("0 organisations")
            let registeredCount = try await registered.get("/hubs").text.contains("0 organisations")
            XCTAssertEqual(visitorCount, registeredCount)
            let awaited19 = try await member.get("/hubs").text.contains("1 organisation")
            XCTAssertTrue(awaited19)
        }
    }
}
