import Fluent
import Vapor
import XCTVapor

@testable import App

/// `/search`: one box over organisations and, for members, practitioners.
final class DirectorySearchPageTests: XCTestCase {
    private func makeDirectory(on app: Application) async throws -> TestPeople {
        let people = try await TestPeople.make(on: app)
        let open = Organisation(
            slug: "harbour-mediation", name: "Harbour Mediation", summary: "Neighbour mediation on the estates.")
        let membersOnly = Organisation(
            slug: "quiet-mediation", name: "Quiet Mediation Circle", summary: "Mediation for families at risk.",
            visibility: .members)
        for organisation in [open, membersOnly] { try await organisation.create(on: app.db) }
        try await OrganisationHub(organisationID: open.id!, hubID: people.hub.id!, status: .approved).create(on: app.db)

        func user(_ role: TestPeople.Role) async throws -> User {
            try await User.query(on: app.db).filter(\.$email == role.email).first()!
        }
        // The steward (a member of the Riverside hub) is findable by members; the other steward is not.
        let steward = try await user(.steward)
        let findable = Profile(
            userID: steward.id!, role: "Mediation trainer", skills: "mediation", criticalFriend: true,
            visibility: .members)
        try await findable.create(on: app.db)
        try await ProfileTerm(profileID: findable.id!, vocabulary: .method, code: "mediation").create(on: app.db)
        let otherSteward = try await user(.otherSteward)
        try await Profile(userID: otherSteward.id!, role: "Private mediator", skills: "mediation", visibility: .private)
            .create(on: app.db)
        return people
    }

    func testVisitorsFindPublicOrganisationsButNeverPeopleOrMembersOnlyListings() async throws {
        try await withApp { app, _ in
            _ = try await makeDirectory(on: app)
            let page = try await TestClient(app).get("/search?q=mediation")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Harbour Mediation"))
            XCTAssertFalse(page.text.contains("Quiet Mediation Circle"))
            XCTAssertFalse(page.text.contains("Test steward"))
            XCTAssertFalse(page.text.contains("Test otherSteward"))
            XCTAssertTrue(page.text.contains("Sign in to search practitioners as well"))
        }
    }

    func testMembersFindOrganisationsAndPeopleWhoChoseToBeFoundFromOneBox() async throws {
        try await withApp { app, _ in
            _ = try await makeDirectory(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let page = try await member.get("/search?q=mediation")
            XCTAssertTrue(page.text.contains("Harbour Mediation"))
            XCTAssertTrue(page.text.contains("Quiet Mediation Circle"), "members see members-only listings")
            XCTAssertTrue(page.text.contains("Practitioners (1)"))
            XCTAssertTrue(page.text.contains("Test steward"))
            XCTAssertFalse(page.text.contains("Test otherSteward"), "a private profile is never found")
        }
    }

    func testTheHubAndMethodFiltersNarrowPeopleAsWellAsOrganisations() async throws {
        try await withApp { app, _ in
            let people = try await makeDirectory(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let inHub = try await member.get("/search?hub=\(people.hub.slug)&method=mediation")
            XCTAssertTrue(inHub.text.contains("Test steward"))
            let otherHub = try await member.get("/search?hub=\(people.otherHub.slug)")
            XCTAssertFalse(otherHub.text.contains("Test steward"))
            XCTAssertFalse(otherHub.text.contains("Harbour Mediation"))
            XCTAssertTrue(otherHub.text.contains("No practitioners match"))
            let bySector = try await member.get("/search?q=mediation&sector=police")
            XCTAssertTrue(
                bySector.text.contains("the sector filter applies to organisations only"),
                "a filter people cannot match is named, not silently dropped")
        }
    }

    func testTheSearchBoxIsOnTheFrontPageAndEverySearchIsAShareableAddress() async throws {
        try await withApp { app, _ in
            _ = try await makeDirectory(on: app)
            let home = try await TestClient(app).get("/")
            XCTAssertTrue(home.text.contains(#"action="/search""#))
            let page = try await TestClient(app).get("/search?q=harbour&page=1")
            XCTAssertTrue(page.text.contains(#"value="harbour""#), "the words stay in the box")
            XCTAssertTrue(page.text.contains("Organisations (1)"))
        }
    }

    func testTheCombinedSearchRunsABoundedNumberOfQueries() async throws {
        try await withApp { app, counter in
            _ = try await makeDirectory(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            _ = try await member.get("/search?q=mediation")
            counter.reset()
            _ = try await member.get("/search?q=mediation")
            let few = counter.value
            for number in 1...30 {
                try await Organisation(
                    slug: "mediation-\(number)", name: "Mediation Group \(number)", summary: "More mediation."
                ).create(on: app.db)
            }
            _ = try await member.get("/search?q=mediation")
            counter.reset()
            _ = try await member.get("/search?q=mediation")
            XCTAssertEqual(counter.value, few)
            XCTAssertLessThanOrEqual(counter.value, 10)
        }
    }
}
