import Fluent
import Vapor
import XCTVapor

@testable import App

/// Projects and their theories of change.
final class ProjectTests: XCTestCase {
    private let form = [
        "organisation": "bridge-builders", "name": "Goals not walls",
        "summary": "Football that brings two estates together.",
        "kind_of_work": "common-purpose", "activities": "Monthly tournaments\nA shared kit fund",
        "outputs": "Sessions held", "impact": "Estates at ease with each other",
    ]

    func testAnAdminBuildsATheoryOfChangeThatMembersCanRead() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let created = try await admin.post("/impact/projects/new", form: form)
            XCTAssertEqual(created.status, .seeOther)
            let outcome = try await admin.post(
                "/impact/projects/goals-not-walls/outcomes",
                form: ["description": "Young people feel at ease across the estates", "indicators[]": "ANXIETY"])
            XCTAssertEqual(outcome.status, .seeOther)

            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let page = try await member.get("/impact/projects/goals-not-walls")
            XCTAssertEqual(page.status, .ok)
            for text in [
                "Monthly tournaments", "A shared kit fund", "Sessions held",
                "Young people feel at ease across the estates", "ANXIETY", "Estates at ease with each other",
            ] {
                XCTAssertTrue(page.text.contains(text), text)
            }
            XCTAssertFalse(page.text.contains("Add an outcome"), "only the organisation's admins change it")
            let visitor = try await TestClient(app).get("/impact/projects/goals-not-walls")
            XCTAssertEqual(visitor.status, .seeOther, "visitors are asked to sign in")
        }
    }

    func testOnlyTheOrganisationsAdminsChangeItsProjects() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            _ = try await admin.post("/impact/projects/new", form: form)
            let other = TestClient(app)
            try await other.signIn(TestPeople.Role.otherOrganisationAdmin.email)
            let edit = try await other.post("/impact/projects/goals-not-walls/edit", form: form).status
            XCTAssertEqual(edit, .forbidden)
            let wrongOrganisation = try await other.post("/impact/projects/new", form: form)
            XCTAssertEqual(
                wrongOrganisation.status, .unprocessableEntity, "a project goes only under an organisation you run")
            XCTAssertTrue(wrongOrganisation.text.contains("Choose one of the organisations you run"))
        }
    }

    func testMissingPartsAreExplainedAndNothingTypedIsLost() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            var bad = form
            bad["activities"] = ""
            bad["kind_of_work"] = "juggling"
            let page = try await admin.post("/impact/projects/new", form: bad)
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Enter at least one activity"))
            XCTAssertTrue(page.text.contains("Choose the kind of work"))
            XCTAssertTrue(page.text.contains("Football that brings two estates together."))
            _ = try await admin.post("/impact/projects/new", form: form)
            let noIndicator = try await admin.post(
                "/impact/projects/goals-not-walls/outcomes", form: ["description": "Trust grows"])
            XCTAssertEqual(noIndicator.status, .unprocessableEntity)
            XCTAssertTrue(noIndicator.text.contains("Choose at least one indicator"))
            XCTAssertTrue(noIndicator.text.contains("Trust grows"))
        }
    }
}
