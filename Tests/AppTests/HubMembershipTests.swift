import Fluent
import Vapor
import XCTVapor

@testable import App

final class HubMembershipTests: XCTestCase {
    func testJoiningAnOpenHubIsImmediate() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            people.otherHub.membershipPolicy = .open
            try await people.otherHub.save(on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let joined = try await browser.post("/hubs/\(people.otherHub.slug)/join")
            let page = try await browser.get(try XCTUnwrap(joined.location))
            XCTAssertTrue(page.text.contains("You have joined this hub."))
            XCTAssertTrue(page.text.contains("You are a member of this hub."))
            let account = try await browser.get("/account")
            XCTAssertTrue(account.text.contains("Member of Hillside"))
        }
    }

    func testAStewardApprovesARequestAndThePersonIsTold() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let asked = try await member.post("/hubs/\(people.hub.slug)/join")
            let waiting = try await member.get(try XCTUnwrap(asked.location))
            XCTAssertTrue(waiting.text.contains("Your request to join is waiting for a steward."))
            let stewardMail = try await OutboxMessage.query(on: app.db).filter(
                \.$recipient == TestPeople.Role.steward.email
            ).first()
            XCTAssertEqual(stewardMail?.subject, "Test member asked to join Riverside")

            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let hubPage = try await steward.get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(hubPage.text.contains("1 request waiting"))
            let requests = try await steward.get("/hubs/\(people.hub.slug)/requests")
            XCTAssertTrue(requests.text.contains("Test member"))
            let value1 = try await HubMembership.query(on: app.db).filter(\.$status == .pending).first()
            let membership = try XCTUnwrap(value1)
            let approved = try await steward.post(
                "/hubs/\(people.hub.slug)/requests/people/\(membership.id!.uuidString)", form: ["decision": "approve"])
            XCTAssertEqual(approved.status, .seeOther)
            let welcome = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .first()
            XCTAssertEqual(welcome?.subject, "Welcome to the Riverside hub")
            let memberPage = try await member.get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(memberPage.text.contains("You are a member of this hub."))
        }
    }

    func testStewardsSeeWhoIsAskingTheirOrganisationAndWhatTheyWrote() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let hubPage = try await admin.get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(hubPage.text.contains("Tell the stewards a little about you"))
            XCTAssertTrue(hubPage.text.contains("maxlength=\"500\""))
            _ = try await admin.post(
                "/hubs/\(people.hub.slug)/join", form: ["message": "I run youth <b>sessions</b> by the river."])
            let mail = try await OutboxMessage.query(on: app.db)
                .filter(\.$recipient == TestPeople.Role.steward.email).first()
            XCTAssertTrue(mail?.body.contains("They wrote:\nI run youth <b>sessions</b> by the river.") == true)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let requests = try await steward.get("/hubs/\(people.hub.slug)/requests")
            XCTAssertTrue(requests.text.contains("I run youth &lt;b&gt;sessions&lt;/b&gt; by the river."))
            XCTAssertTrue(requests.text.contains("With Bridge Builders; asked on"))
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherSteward.email)
            let refused = try await other.get("/hubs/\(people.hub.slug)/requests")
            XCTAssertFalse(refused.text.contains("by the river"), "another hub's steward never sees it")
        }
    }

    func testDecliningNeedsAReasonWhichIsSentToThePerson() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            try await member.post("/hubs/\(people.hub.slug)/join")
            let value2 = try await HubMembership.query(on: app.db).filter(\.$status == .pending).first()
            let membership = try XCTUnwrap(value2)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let path = "/hubs/\(people.hub.slug)/requests/people/\(membership.id!.uuidString)"
            let noReason = try await steward.post(path, form: ["decision": "decline", "reason": "  "])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.text.contains("Give a reason"))
            let declined = try await steward.post(
                path,
                form: [
                    "decision": "decline",
                    "reason": "This hub is for people working in Riverside; Hillside's hub would suit you.",
                ])
            XCTAssertEqual(declined.status, .seeOther)
            let letter = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .first()
            XCTAssertTrue(letter?.body.contains("Hillside's hub would suit you") ?? false)
            let page = try await member.get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(
                page.text.contains(
                    "A steward declined your request to join: This hub is for people working in Riverside"))
        }
    }

    func testAnotherHubsStewardCannotAnswerThisHubsRequests() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            try await member.post("/hubs/\(people.hub.slug)/join")
            let value3 = try await HubMembership.query(on: app.db).filter(\.$status == .pending).first()
            let membership = try XCTUnwrap(value3)
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherSteward.email)
            let response = try await other.post(
                "/hubs/\(people.hub.slug)/requests/people/\(membership.id!.uuidString)", form: ["decision": "approve"])
            XCTAssertEqual(response.status, .forbidden)
            // Nor can they reach it through their own hub's address.
            let sideways = try await other.post(
                "/hubs/\(people.otherHub.slug)/requests/people/\(membership.id!.uuidString)",
                form: ["decision": "approve"])
            XCTAssertEqual(sideways.status, .notFound)
            let reloaded = try await HubMembership.find(membership.id, on: app.db)
            XCTAssertEqual(reloaded?.status.rawValue, "pending")
        }
    }

    func testAStewardApprovesAnOrganisationsRequestAndItsAdminsAreTold() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let request = OrganisationHub(
                organisationID: people.organisation.id!, hubID: people.hub.id!, status: .pending)
            try await request.create(on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let response = try await steward.post(
                "/hubs/\(people.hub.slug)/requests/organisations/\(request.id!.uuidString)",
                form: ["decision": "approve"])
            XCTAssertEqual(response.status, .seeOther)
            let hubPage = try await TestClient(app).get("/hubs/\(people.hub.slug)")
            XCTAssertTrue(hubPage.text.contains("Bridge Builders"))
            let told = try await OutboxMessage.query(on: app.db).filter(
                \.$recipient == TestPeople.Role.organisationAdmin.email
            ).first()
            XCTAssertEqual(told?.subject, "Bridge Builders has joined the Riverside hub")
        }
    }

    func testStewardsCanMakeAnotherMemberOfTheirHubASteward() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let value4 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(value4)
            try await HubMembership(hubID: people.hub.id!, userID: member.id!, role: .member).create(on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let outsider = try await steward.post(
                "/hubs/\(people.hub.slug)/stewards", form: ["steward-email": TestPeople.Role.coordinator.email])
            XCTAssertEqual(outsider.status, .unprocessableEntity)
            XCTAssertTrue(outsider.text.contains("Only members of this hub can become its stewards"))
            let added = try await steward.post(
                "/hubs/\(people.hub.slug)/stewards", form: ["steward-email": TestPeople.Role.member.email])
            XCTAssertEqual(added.status, .seeOther)
            let user = try await CurrentUser.load(member, on: app.db)
            XCTAssertTrue(user.stewardOfHubs.contains(people.hub.id!))
            let value5 = try await AuditEntry.query(on: app.db).filter(\.$action == "role-granted").count()
            XCTAssertEqual(value5, 1)
        }
    }

    func testAPendingMemberIsNotYetTreatedAsAMember() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let value6 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(value6)
            try await HubMembership(hubID: people.hub.id!, userID: member.id!, role: .steward, status: .pending).create(
                on: app.db)
            let user = try await CurrentUser.load(member, on: app.db)
            XCTAssertFalse(user.memberOfHubs.contains(people.hub.id!))
            XCTAssertFalse(Policy.can(user, .stewardHub, .hub(people.hub.id!)))
        }
    }
}
