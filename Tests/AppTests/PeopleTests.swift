import Fluent
import Vapor
import XCTVapor

@testable import App

final class PeopleTests: XCTestCase {
    /// The member's profile with the given visibility.
    private func profile(_ visibility: ProfileVisibility, on app: Application) async throws -> User {
        let userRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
        let user = try XCTUnwrap(userRow)
        let profile = Profile(
            userID: user.id!, role: "Neighbourhood mediator", bio: "I help neighbours talk.",
            skills: "mediation, Polish community work",
            criticalFriend: true, visibility: visibility)
        try await profile.create(on: app.db)
        try await ProfileTerm(profileID: profile.id!, vocabulary: .method, code: "mediation").create(on: app.db)
        return user
    }

    func testAProfileIsSeenOnlyAsWidelyAsItsOwnerChose() async throws {
        for (visibility, anonymous, otherMember) in [
            (ProfileVisibility.private, HTTPStatus.notFound, HTTPStatus.notFound), (.members, .notFound, .ok),
            (.public, .ok, .ok),
        ] {
            try await withApp { app, _ in
                _ = try await TestPeople.make(on: app)
                let user = try await profile(visibility, on: app)
                let path = "/people/\(user.id!.uuidString)"
                let value1 = try await TestClient(app).get(path).status
                XCTAssertEqual(value1, anonymous, "\(visibility) to a visitor")
                let other = TestClient(app)
                try await other.signIn(TestPeople.Role.steward.email)
                let value2 = try await other.get(path).status
                XCTAssertEqual(value2, otherMember, "\(visibility) to another member")
                let owner = TestClient(app)
                try await owner.signIn(TestPeople.Role.member.email)
                let own = try await owner.get(path)
                XCTAssertEqual(own.status, .ok, "the owner always sees their own")
                XCTAssertTrue(own.text.contains("This is your profile."))
            }
        }
    }

    func testSomeoneWithoutAProfileIsNotShownToAnyoneElse() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let userRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let user = try XCTUnwrap(userRow)
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.coordinator.email)
            let value3 = try await other.get("/people/\(user.id!.uuidString)").status
            XCTAssertEqual(value3, .notFound)
        }
    }

    func testMembersFindPractitionersBySkillAndCriticalFriendsButNeverPrivateOnes() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            _ = try await profile(.members, on: app)
            let stewardRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()
            try await Profile(
                userID: stewardRow!.id!, role: "Secret mediator", skills: "mediation", visibility: .private
            ).create(on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.organisationAdmin.email)
            let found = try await browser.get("/people?q=polish&critical_friend=yes&method=mediation")
            XCTAssertTrue(found.text.contains("Test member"))
            XCTAssertTrue(found.text.contains("1 practitioner<"))
            let mediators = try await browser.get("/people?q=mediator")
            XCTAssertFalse(mediators.text.contains("Secret mediator"), "private profiles never appear in search")
            let value4 = try await TestClient(app).get("/people").status
            XCTAssertEqual(value4, .seeOther, "visitors are asked to sign in")
        }
    }

    func testTheProfileFormSavesWhatWasChosenAndExplainsMistakes() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let tooLong = try await browser.post(
                "/account/profile",
                form: ["role": String(repeating: "r", count: 101), "bio": "Kept", "visibility": "members"])
            XCTAssertEqual(tooLong.status, .unprocessableEntity)
            XCTAssertTrue(tooLong.text.contains("Your role must be 100 characters or fewer"))
            XCTAssertTrue(tooLong.text.contains(">Kept</textarea>"))
            let saved = try await browser.post(
                "/account/profile",
                form: [
                    "role": "Interfaith organiser", "bio": "Hello", "visibility": "public", "critical_friend": "yes",
                ])
            XCTAssertEqual(saved.status, .seeOther)
            let page = try await TestClient(app).get(try XCTUnwrap(saved.location?.components(separatedBy: "?").first))
            XCTAssertTrue(page.text.contains("Interfaith organiser"))
            XCTAssertTrue(page.text.contains("Open to being a critical friend"))
        }
    }
}
