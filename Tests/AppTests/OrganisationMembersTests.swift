import Fluent
import Vapor
import XCTVapor

@testable import App

final class OrganisationMembersTests: XCTestCase {
    func testAnAdminInvitesSomeoneWhoJoinsOnlyWhenTheyAcceptAndCanThenBeMadeAnAdmin() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let path = "/organisations/\(people.organisation.slug)/members"
            let badAddress = try await admin.post(path, form: ["member-email": "not an address", "role": "member"])
            XCTAssertEqual(badAddress.status, .unprocessableEntity)
            XCTAssertTrue(badAddress.text.contains(#"value="not an address""#), "what was typed is kept")
            // The answer is the same for an address with an account and one without.
            let withAccount = try await admin.post(
                path, form: ["member-email": TestPeople.Role.member.email, "role": "member"])
            let withoutAccount = try await admin.post(
                path, form: ["member-email": "nobody@example.org", "role": "member"])
            XCTAssertEqual(withAccount.status, .seeOther)
            XCTAssertEqual(withAccount.location, withoutAccount.location)
            let memberRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(memberRow)
            let before = try await OrganisationMembership.query(on: app.db).filter(\.$user.$id == member.id!).filter(
                \.$organisation.$id == people.organisation.id!
            ).count()
            XCTAssertEqual(before, 0, "nobody joins without saying yes")
            let page = try await admin.get(path)
            XCTAssertTrue(page.text.contains("Invitations waiting for an answer"))
            XCTAssertTrue(page.text.contains("nobody@example.org"))

            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .first()
            XCTAssertEqual(told?.subject, "An invitation to join Bridge Builders on Bridgework")
            XCTAssertFalse(told?.body.contains("token=") ?? true, "the outbox never holds the working link")
            let token = try XCTUnwrap(
                app.deliveredToken(to: TestPeople.Role.member.email, path: "/invitations/respond"))

            // Only the person it was sent to can use it.
            let stranger = TestClient(app)
            try await stranger.signIn(TestPeople.Role.steward.email)
            let refused = try await stranger.post("/invitations/respond", form: ["token": token, "decision": "accept"])
            XCTAssertEqual(refused.status, .forbidden)
            let invitee = TestClient(app)
            try await invitee.signIn(TestPeople.Role.member.email)
            let awaited1 = try await invitee.get("/invitations/respond?token=\(token)").text.contains(
                "Accept the invitation")
            XCTAssertTrue(awaited1)
            let accepted = try await invitee.post("/invitations/respond", form: ["token": token, "decision": "accept"])
            XCTAssertEqual(accepted.status, .seeOther)
            let membershipRow = try await OrganisationMembership.query(on: app.db).filter(\.$user.$id == member.id!)
                .filter(\.$organisation.$id == people.organisation.id!).first()
            let membership = try XCTUnwrap(membershipRow)
            XCTAssertEqual(membership.role.rawValue, "member")
            let twice = try await invitee.post("/invitations/respond", form: ["token": token, "decision": "accept"])
            XCTAssertEqual(twice.status, .notFound, "an answered invitation's link no longer works")

            let value2 = try await admin.post("\(path)/\(membership.id!.uuidString)", form: ["change": "make-admin"])
                .status
            XCTAssertEqual(value2, .seeOther)
            let notYet = try await CurrentUser.load(member, on: app.db)
            XCTAssertFalse(
                Policy.can(notYet, .administerOrganisation, .organisation(people.organisation.id!)),
                "admin duties are asked, not given")
            let adminToken = try XCTUnwrap(
                app.deliveredToken(to: TestPeople.Role.member.email, path: "/invitations/respond"))
            XCTAssertNotEqual(adminToken, token)
            let becameAdmin = try await invitee.post(
                "/invitations/respond", form: ["token": adminToken, "decision": "accept"])
            XCTAssertEqual(becameAdmin.status, .seeOther)
            let current = try await CurrentUser.load(member, on: app.db)
            XCTAssertTrue(Policy.can(current, .administerOrganisation, .organisation(people.organisation.id!)))
            let value3 = try await AuditEntry.query(on: app.db).filter(\.$action == "role-granted").count()
            XCTAssertEqual(value3, 1)
        }
    }

    func testADeclinedOrWithdrawnInvitationMakesNoMemberAndAMemberCanLeaveButTheLastAdminCannot() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let path = "/organisations/\(people.organisation.slug)/members"
            try await admin.post(path, form: ["member-email": TestPeople.Role.member.email, "role": "admin"])
            let token = try XCTUnwrap(
                app.deliveredToken(to: TestPeople.Role.member.email, path: "/invitations/respond"))
            let invitee = TestClient(app)
            try await invitee.signIn(TestPeople.Role.member.email)
            try await invitee.post("/invitations/respond", form: ["token": token, "decision": "decline"])
            let awaited2 = try await OrganisationMembership.query(on: app.db).filter(
                \.$organisation.$id == people.organisation.id!
            ).count()
            XCTAssertEqual(awaited2, 1)

            try await admin.post(path, form: ["member-email": TestPeople.Role.steward.email, "role": "member"])
            let invitation = try await OrganisationInvitation.query(on: app.db).filter(
                \.$email == TestPeople.Role.steward.email
            ).first()
            try await admin.post(
                "\(path)/../invitations/\(invitation!.id!.uuidString.lowercased())/withdraw".replacingOccurrences(
                    of: "/members/..", with: ""))
            let withdrawnToken = try XCTUnwrap(
                app.deliveredToken(to: TestPeople.Role.steward.email, path: "/invitations/respond"))
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let awaited3 = try await steward.get("/invitations/respond?token=\(withdrawnToken)").status
            XCTAssertEqual(awaited3, .notFound)

            // The only admin cannot leave; a member can.
            let alone = try await admin.post("/organisations/\(people.organisation.slug)/leave")
            XCTAssertEqual(alone.status, .unprocessableEntity)
            XCTAssertTrue(alone.text.contains("You are the only admin of Bridge Builders"))
            let memberRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            try await OrganisationMembership(
                organisationID: people.organisation.id!, userID: memberRow!.id!, role: .member
            ).create(on: app.db)
            let left = try await invitee.post("/organisations/\(people.organisation.slug)/leave")
            XCTAssertEqual(left.status, .seeOther)
            let awaited4 = try await OrganisationMembership.query(on: app.db).filter(\.$user.$id == memberRow!.id!)
                .filter(\.$organisation.$id == people.organisation.id!).count()
            XCTAssertEqual(awaited4, 0)
        }
    }

    func testTheLastAdminCannotBeRemovedOrDemoted() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let membership = try await OrganisationMembership.query(on: app.db).filter(
                \.$organisation.$id == people.organisation.id!
            ).first()
            for change in ["remove", "make-member"] {
                let response = try await admin.post(
                    "/organisations/\(people.organisation.slug)/members/\(membership!.id!.uuidString)",
                    form: ["change": change])
                XCTAssertEqual(response.status, .unprocessableEntity)
                XCTAssertTrue(response.text.contains("needs at least one admin"))
            }
            let value4 = try await OrganisationMembership.query(on: app.db).filter(
                \.$organisation.$id == people.organisation.id!
            ).count()
            XCTAssertEqual(value4, 1)
        }
    }

    func testAnotherOrganisationsAdminCannotTouchTheMembers() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let membership = try await OrganisationMembership.query(on: app.db).filter(
                \.$organisation.$id == people.organisation.id!
            ).first()
            let response = try await other.post(
                "/organisations/\(people.organisation.slug)/members/\(membership!.id!.uuidString)",
                form: ["change": "remove"])
            XCTAssertEqual(response.status, .forbidden)
            let sideways = try await other.post(
                "/organisations/\(people.otherOrganisation.slug)/members/\(membership!.id!.uuidString)",
                form: ["change": "remove"])
            XCTAssertEqual(sideways.status, .notFound, "a membership is only reached through its own organisation")
        }
    }
}
