@testable import App
import Fluent
import Vapor
import XCTVapor

final class OrganisationMembersTests: XCTestCase {
    func testAnAdminAddsAMemberMakesThemAnAdminAndTheyAreTold() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let path = "/organisations/\(people.organisation.slug)/members"
            let unknown = try await admin.post(path, form: ["member-email": "nobody@example.org", "role": "member"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            XCTAssertTrue(unknown.text.contains("There is no Bridgework account with that email address"))
            XCTAssertTrue(unknown.text.contains(#"value="nobody@example.org""#))
            let value1 = try await admin.post(path, form: ["member-email": TestPeople.Role.member.email, "role": "member"]).status
            XCTAssertEqual(value1, .seeOther)
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email).first()
            XCTAssertEqual(told?.subject, "You have been added to Bridge Builders on Bridgework")
            let memberRow = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let membership = try await OrganisationMembership.query(on: app.db).filter(\.$user.$id == memberRow!.id!).first()
            let value2 = try await admin.post("\(path)/\(membership!.id!.uuidString)", form: ["change": "make-admin"]).status
            XCTAssertEqual(value2, .seeOther)
            let current = try await CurrentUser.load(memberRow!, on: app.db)
            XCTAssertTrue(Policy.can(current, .administerOrganisation, .organisation(people.organisation.id!)))
            let value3 = try await AuditEntry.query(on: app.db).filter(\.$action == "role-granted").count()
            XCTAssertEqual(value3, 1)
        }
    }

    func testTheLastAdminCannotBeRemovedOrDemoted() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let membership = try await OrganisationMembership.query(on: app.db).filter(\.$organisation.$id == people.organisation.id!).first()
            for change in ["remove", "make-member"] {
                let response = try await admin.post("/organisations/\(people.organisation.slug)/members/\(membership!.id!.uuidString)", form: ["change": change])
                XCTAssertEqual(response.status, .unprocessableEntity)
                XCTAssertTrue(response.text.contains("needs at least one admin"))
            }
            let value4 = try await OrganisationMembership.query(on: app.db).filter(\.$organisation.$id == people.organisation.id!).count()
            XCTAssertEqual(value4, 1)
        }
    }

    func testAnotherOrganisationsAdminCannotTouchTheMembers() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let membership = try await OrganisationMembership.query(on: app.db).filter(\.$organisation.$id == people.organisation.id!).first()
            let response = try await other.post("/organisations/\(people.organisation.slug)/members/\(membership!.id!.uuidString)", form: ["change": "remove"])
            XCTAssertEqual(response.status, .forbidden)
            let sideways = try await other.post("/organisations/\(people.otherOrganisation.slug)/members/\(membership!.id!.uuidString)", form: ["change": "remove"])
            XCTAssertEqual(sideways.status, .notFound, "a membership is only reached through its own organisation")
        }
    }
}
