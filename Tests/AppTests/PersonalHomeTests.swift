import Fluent
import Vapor
import XCTVapor

@testable import App

/// `/home`, where sign-in lands: what is waiting for each person, and nothing that is another's.
final class PersonalHomeTests: XCTestCase {
    /// A story waiting for review in the test hub, and a person and an organisation asking to join it.
    private func waitingWork(_ app: Application, _ people: TestPeople) async throws {
        let member = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
        let story = Story(
            slug: "waiting", title: "A story to review", summary: "Summary", body: "Body", hubID: people.hub.id!,
            organisationID: nil, authorID: member?.id, kindOfWork: "mediation")
        story.status = .submitted
        try await story.create(on: app.db)
        let registered = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.registered.email)
            .first()
        try await HubMembership(
            hubID: people.hub.requireID(), userID: registered!.requireID(), role: .member, status: .pending
        )
        .create(on: app.db)
        try await OrganisationHub(
            organisationID: people.otherOrganisation.requireID(), hubID: people.hub.requireID(), status: .pending
        ).create(on: app.db)
    }

    private func signedIn(_ app: Application, _ role: TestPeople.Role) async throws -> TestClient {
        let client = TestClient(app)
        try await client.signIn(role.email)
        return client
    }

    func testSignInLandsOnYourHome() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let client = TestClient(app)
            let form = try await client.get("/signin")
            XCTAssertEqual(form.status, .ok)
            let signedIn = try await client.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password])
            XCTAssertEqual(signedIn.status, .seeOther)
            XCTAssertEqual(signedIn.location, "/home")
            let home = try await client.get("/home")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.text.contains("Your home"))
            XCTAssertTrue(home.text.contains("href=\"/home\""), "the header links to it on every page")
        }
    }

    func testAStewardSeesTheStoriesAndRequestsWaitingInTheirHubWithLinks() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await waitingWork(app, people)
            let home = try await signedIn(app, .steward).get("/home")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.text.contains("1 story waiting for your review"), home.text)
            XCTAssertTrue(home.text.contains("href=\"/stories/review\""))
            XCTAssertTrue(home.text.contains("2 requests to join Riverside"), "a person and an organisation")
            XCTAssertTrue(home.text.contains("href=\"/hubs/riverside/requests\""))
        }
    }

    func testAnotherHubsStewardAndAMemberSeeNoneOfThatHubsWaitingWork() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await waitingWork(app, people)
            for role in [TestPeople.Role.otherSteward, .member, .organisationAdmin] {
                let home = try await signedIn(app, role).get("/home")
                XCTAssertEqual(home.status, .ok)
                XCTAssertFalse(home.text.contains("waiting for your review"), "\(role)")
                XCTAssertFalse(home.text.contains("to join Riverside"), "\(role)")
            }
            let member = try await signedIn(app, .member).get("/home")
            XCTAssertTrue(member.text.contains("Nothing is waiting for you just now."))
            XCTAssertTrue(member.text.contains("href=\"/hubs/lakeside\""), "their own hub")
        }
    }

    func testSomeoneNotYetWelcomedIntoAHubIsToldHowToJoinOne() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let home = try await signedIn(app, .registered).get("/home")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(
                home.text.contains("Until a hub&#8217;s stewards welcome you")
                    || home.text.contains("Until a hub's stewards welcome you"))
            XCTAssertTrue(home.text.contains("You are not a member of a hub yet."))
        }
    }

    func testAnAuthorSeesTheirReturnedStoriesAndDrafts() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            for (slug, status) in [
                ("one", Story.Status.draft), ("two", .draft), ("three", .returned), ("four", .published),
            ] {
                let story = Story(
                    slug: slug, title: slug, summary: "Summary", body: "Body", hubID: people.homeHub.id!,
                    organisationID: nil, authorID: member?.id, kindOfWork: "mediation")
                story.status = status
                try await story.create(on: app.db)
            }
            let home = try await signedIn(app, .member).get("/home")
            XCTAssertTrue(home.text.contains("1 of your stories was returned to you"), home.text)
            XCTAssertTrue(home.text.contains("2 draft stories"))
        }
    }

    func testTheCoordinatorSeesEveryHubsTrueCountsAndTheHubsNobodyStewards() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await waitingWork(app, people)
            let published = Story(
                slug: "recent", title: "Recent", summary: "Summary", body: "Body", hubID: people.hub.id!,
                organisationID: nil, authorID: nil, kindOfWork: "mediation")
            published.status = .published
            published.firstPublishedAt = Date().addingTimeInterval(-10 * 86_400)
            try await published.create(on: app.db)
            let old = Story(
                slug: "old", title: "Old", summary: "Summary", body: "Body", hubID: people.hub.id!,
                organisationID: nil, authorID: nil, kindOfWork: "mediation")
            old.status = .published
            old.firstPublishedAt = Date().addingTimeInterval(-200 * 86_400)
            try await old.create(on: app.db)
            let home = try await signedIn(app, .coordinator).get("/home")
            XCTAssertEqual(home.status, .ok)
            XCTAssertTrue(home.text.contains("Across the alliance"))
            // Riverside: its steward is its one member; one story in the last 90 days, not two.
            let row = try XCTUnwrap(Self.row(named: "Riverside", in: home.text))
            XCTAssertEqual(row, ["1", "0", "1", "1", "0"], "members, organisations, stewards, stories, events")
            let lakeside = try XCTUnwrap(Self.row(named: "Lakeside", in: home.text))
            XCTAssertEqual(lakeside, ["3", "0", "0", "0", "0"])
            let section = try XCTUnwrap(home.text.components(separatedBy: "Hubs with no steward").last)
            XCTAssertTrue(section.contains(">Lakeside<"))
            XCTAssertFalse(section.contains(">Riverside<"))
            // The national team reviews every hub's stories.
            XCTAssertTrue(home.text.contains("1 story waiting for your review"))
        }
    }

    func testTheCoordinatorsHomeAsksTheSameNumberOfQueriesForThreeHubsOrThirty() async throws {
        try await withApp { app, counter in
            _ = try await TestPeople.make(on: app)
            let client = try await signedIn(app, .coordinator)
            _ = try await client.get("/home")
            counter.reset()
            _ = try await client.get("/home")
            let few = counter.value
            for number in 1...27 {
                try await Hub(slug: "hub-\(number)", name: "Hub \(number)", region: "North East", summary: "More.")
                    .create(on: app.db)
            }
            counter.reset()
            let home = try await client.get("/home")
            XCTAssertTrue(home.text.contains("Hub 27"))
            XCTAssertEqual(counter.value, few)
        }
    }

    func testAMemberSeesTheNewStoriesAndNextEventsOfTheirOwnHubsOnly() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            for (hub, title) in [(people.homeHub, "Lakeside story"), (people.otherHub, "Hillside story")] {
                try await TestContent.publishedStory(title, in: hub, on: app)
                let event = Event(
                    slug: "\(hub.slug)-walk", title: "\(hub.name) walk", hubID: hub.id,
                    startsAt: Date().addingTimeInterval(86_400), endsAt: Date().addingTimeInterval(90_000))
                try await event.create(on: app.db)
            }
            let home = try await signedIn(app, .member).get("/home")
            XCTAssertTrue(home.text.contains("New stories from your hubs"))
            XCTAssertTrue(home.text.contains(">Lakeside story</a>"), home.text)
            XCTAssertTrue(home.text.contains(">Lakeside walk</a>"))
            XCTAssertFalse(home.text.contains("Hillside story"), "not a hub they belong to")
            XCTAssertFalse(home.text.contains("Hillside walk"))
        }
    }

    /// The figures of a hub's row in the national table.
    private static func row(named name: String, in html: String) -> [String]? {
        guard let start = html.range(of: ">\(name)</a></th>") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</tr>") else { return nil }
        return rest[..<end.lowerBound].components(separatedBy: "<td class=\"numeric\">").dropFirst().map {
            String($0.prefix { $0 != "<" })
        }
    }
}
