import Fluent
import Vapor
import XCTVapor

@testable import App

/// A hub's page is a place: what is coming up, what was told, and what members are noticing.
final class HubPlaceTests: XCTestCase {
    func testAHubsPageListsItsNextThreeEventsSoonestFirstAndNoneThatEnded() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let day = 86_400.0
            for (slug, days) in [("ended", -2.0), ("fourth", 9), ("first", 1), ("third", 6), ("second", 3)] {
                let event = Event(
                    slug: slug, title: "Event \(slug)", hubID: people.hub.id,
                    startsAt: Date().addingTimeInterval(days * day),
                    endsAt: Date().addingTimeInterval(days * day + 3600))
                event.place = "The hall"
                event.description = "Tea."
                event.capacity = 20
                try await event.create(on: app.db)
            }
            let page = try await TestClient(app).get("/hubs/\(people.hub.slug)")
            XCTAssertEqual(page.status, .ok)
            let shown = ["first", "second", "third"].compactMap { page.text.range(of: "Event \($0)")?.lowerBound }
            XCTAssertEqual(shown.count, 3)
            XCTAssertEqual(shown, shown.sorted(), "soonest first")
            XCTAssertFalse(page.text.contains("Event fourth"), "three at most")
            XCTAssertFalse(page.text.contains("Event ended"))
            XCTAssertTrue(page.text.contains("href=\"/hubs/riverside/events\""))
        }
    }

    func testAHubsPageShowsOnlyTheMembersWhoChoseToBeSeenByThatReader() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            func id(_ role: TestPeople.Role) async throws -> UUID {
                let user = try await User.query(on: app.db).filter(\.$email == role.email).first()
                return try XCTUnwrap(user?.id)
            }
            try await Profile(userID: try await id(.member), role: "Community mediator", visibility: .public).create(
                on: app.db)
            try await Profile(userID: try await id(.organisationAdmin), role: "Youth worker", visibility: .members)
                .create(on: app.db)
            try await Profile(userID: try await id(.otherOrganisationAdmin), role: "Hidden", visibility: .private)
                .create(on: app.db)
            let path = "/hubs/\(people.homeHub.slug)"
            for who in [nil, TestPeople.Role.registered] {
                let reader = TestClient(app)
                if let who { try await reader.signIn(who.email) }
                let page = try await reader.get(path)
                XCTAssertTrue(page.text.contains("Test member</a> – Community mediator"), "a public profile is for all")
                XCTAssertFalse(
                    page.text.contains("Test organisationAdmin"),
                    "a members-only profile is not for \(who?.rawValue ?? "a visitor")")
                XCTAssertFalse(page.text.contains("Test otherOrganisationAdmin"))
            }
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let seen = try await member.get(path)
            XCTAssertTrue(seen.text.contains("Test organisationAdmin</a> – Youth worker"))
            XCTAssertFalse(seen.text.contains("Test otherOrganisationAdmin"), "a private profile is never listed")
            let memberID = try await id(.member)
            XCTAssertTrue(seen.text.lowercased().contains("href=\"/people/\(memberID.uuidString.lowercased())\""))
        }
    }

    func testAHubsPageNamesItsStewardsHostsAndApprovedOrganisationsAndMembersOnlyListingsOnlyToMembers()
        async throws
    {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let hubID = try people.hub.requireID()
            let open = Organisation(slug: "open-door", name: "Open Door", summary: "Listed for everyone.")
            let quiet = Organisation(
                slug: "quiet-room", name: "Quiet Room", summary: "Listed for members.", visibility: .members)
            let waiting = Organisation(slug: "still-waiting", name: "Still Waiting", summary: "Not approved yet.")
            for organisation in [open, quiet, waiting] { try await organisation.create(on: app.db) }
            try await OrganisationHub(organisationID: open.requireID(), hubID: hubID, status: .approved).create(
                on: app.db)
            try await OrganisationHub(organisationID: quiet.requireID(), hubID: hubID, status: .approved).create(
                on: app.db)
            try await OrganisationHub(organisationID: waiting.requireID(), hubID: hubID, status: .pending).create(
                on: app.db)
            let host = HubHost()
            host.$hub.id = hubID
            host.$organisation.id = try people.organisation.requireID()
            try await host.create(on: app.db)
            let area = try XCTUnwrap(LocalAuthorities.all.first)
            try await HubArea(hubID: hubID, areaCode: area.code).create(on: app.db)

            let visitor = try await TestClient(app).get("/hubs/riverside")
            XCTAssertTrue(visitor.text.contains("<li>Test steward</li>"), "the steward is named")
            XCTAssertFalse(visitor.text.contains("Test otherSteward"), "another hub's steward is not")
            XCTAssertTrue(visitor.text.contains("<dd>1 person</dd>"), "the steward is the hub's one approved person")
            XCTAssertTrue(visitor.text.contains(area.name), "its council area is named")
            XCTAssertTrue(visitor.text.contains(">Bridge Builders</a>"), "the host is named")
            XCTAssertTrue(visitor.text.contains(">Open Door</a>"))
            XCTAssertTrue(visitor.text.contains("Listed for everyone."))
            XCTAssertFalse(visitor.text.contains("Quiet Room"), "a members-only listing is not for visitors")
            XCTAssertFalse(visitor.text.contains("Still Waiting"), "an organisation not yet approved is not listed")

            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let seen = try await member.get("/hubs/riverside")
            XCTAssertTrue(seen.text.contains(">Quiet Room</a>"), "members see members-only listings")
            XCTAssertFalse(seen.text.contains("Still Waiting"))
            let openPosition = try XCTUnwrap(seen.text.range(of: ">Open Door</a>"))
            let quietPosition = try XCTUnwrap(seen.text.range(of: ">Quiet Room</a>"))
            XCTAssertLessThan(openPosition.lowerBound, quietPosition.lowerBound, "organisations are listed by name")
        }
    }

    func testMembersSeeHowOftenEachNarrativeWasNotedInTheHubLately() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let narrative = try await TestContent.narrative(on: app)
            let recent = UKDate.string(from: Date().addingTimeInterval(-5 * 86_400))
            let old = UKDate.string(from: Date().addingTimeInterval(-200 * 86_400))
            for (hub, seenOn) in [
                (people.hub, recent), (people.hub, recent), (people.hub, recent), (people.hub, old),
                (people.otherHub, recent),
            ] {
                try await NarrativeSighting(
                    narrativeID: narrative.requireID(), hubID: hub.requireID(), userID: nil, seenOn: seenOn,
                    place: "Market", note: ""
                ).create(on: app.db)
            }
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.steward.email)
            let page = try await member.get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(page.text.contains("Narratives seen here lately"))
            XCTAssertTrue(
                page.text.contains("Strivers and skivers</a> – 3 times"), "not the old one, nor another hub's")
            let visitor = try await TestClient(app).get("/hubs/\(people.hub.slug)")
            XCTAssertFalse(visitor.text.contains("Strivers and skivers"))
        }
    }

    func testAnOrganisationsRequestToJoinAHubIsEmailedToItsStewardsLikeAPersons() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let created = try await member.post(
                "/organisations/new",
                form: [
                    "name": "Tea and Talk", "summary": "Conversations over tea.", "visibility": "public",
                    "hub[]": people.hub.slug,
                ])
            XCTAssertEqual(created.status, .seeOther, created.text)
            let mail = app.deliveredMail(to: TestPeople.Role.steward.email)
            XCTAssertEqual(mail.filter { $0.contains("Tea and Talk asked to join Riverside") }.count, 1, "\(mail)")
            XCTAssertTrue(mail.last?.contains("/hubs/riverside/requests") ?? false)
            XCTAssertTrue(
                app.deliveredMail(to: TestPeople.Role.otherSteward.email).isEmpty, "another hub's steward is not told")
            // Saving again asks nothing new, so nobody is told twice.
            let saved = try await member.post(
                "/organisations/tea-and-talk/edit",
                form: [
                    "name": "Tea and Talk", "summary": "Conversations over tea.", "visibility": "public",
                    "hub[]": people.hub.slug,
                ])
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            XCTAssertEqual(app.deliveredMail(to: TestPeople.Role.steward.email).count, mail.count)
        }
    }

    func testADateIsTypedInDayMonthAndYearBoxesShownInWordsAndKeptWhenItIsNotReal() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await TestContent.narrative(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let form = try await steward.get("/narratives/strivers")
            XCTAssertTrue(form.text.contains("name=\"seen_on-day\""), "three boxes, not one")
            let wrong = try await steward.post(
                "/narratives/strivers/sightings",
                form: [
                    "hub": people.hub.slug, "seen_on-day": "31", "seen_on-month": "2", "seen_on-year": "2026",
                    "place": "Market square", "note": "",
                ])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.text.contains("Enter a real date with its day, month and year"))
            XCTAssertTrue(wrong.text.contains("value=\"31\""), "what was typed is kept")
            XCTAssertTrue(wrong.text.contains("href=\"#seen_on\""))
            let right = try await steward.post(
                "/narratives/strivers/sightings",
                form: [
                    "hub": people.hub.slug, "seen_on-day": "2", "seen_on-month": "3", "seen_on-year": "2026",
                    "place": "Market square", "note": "Leaflets on the stall.",
                ])
            XCTAssertEqual(right.status, .seeOther, right.text)
            let sighting = try await NarrativeSighting.query(on: app.db).first()
            XCTAssertEqual(sighting?.seenOn, "2026-03-02")
            let page = try await steward.get("/narratives/strivers")
            XCTAssertTrue(page.text.contains("Riverside, 2 March 2026, Market square"))
        }
    }

}
