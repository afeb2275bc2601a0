import Fluent
import Vapor
import XCTVapor

@testable import App

/// The national team creates hubs and changes any hub, on the site and on the command line.
final class HubAdminTests: XCTestCase {
    private let newcastle = "E08000021"
    private let gateshead = "E08000037"
    private let sunderland = "E08000024"

    private func hubFields(
        name: String = "Tyne and Wear", region: String = "North East", summary: String = "Neighbours across the river.",
        areas: [String], policy: String = "approval", stewards: String = "", keep: [UUID] = []
    ) -> [(String, String)] {
        var fields = [
            ("name", name), ("region", region), ("summary", summary), ("membership_policy", policy),
            ("new_stewards", stewards),
        ]
        fields += areas.map { ("area[]", $0) }
        fields += keep.map { ("keep_steward[]", $0.uuidString) }
        return fields
    }

    func testTheCoordinatorCreatesAHubWithItsAreasAndStewardsWhoAreToldByEmail() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let form = try await coordinator.get("/hubs/new")
            XCTAssertEqual(form.status, .ok)
            XCTAssertTrue(form.text.contains("<h1>Add a hub</h1>"))
            let created = try await coordinator.post(
                "/hubs/new",
                fields: hubFields(areas: [newcastle, gateshead], stewards: TestPeople.Role.member.email))
            XCTAssertEqual(created.status, .seeOther)
            XCTAssertEqual(created.location, "/hubs/tyne-and-wear?notice=hub-created")
            let page = try await TestClient(app).get("/hubs/tyne-and-wear")
            XCTAssertTrue(page.text.contains("Gateshead, Newcastle upon Tyne"))
            XCTAssertTrue(page.text.contains("Test member"), "the new steward is named on the hub's page")
            let found = try await Hub.find(slug: "tyne-and-wear", on: app.db)
            let hub = try XCTUnwrap(found)
            XCTAssertEqual(hub.membershipPolicy, .approval)
            let membership = try await HubMembership.query(on: app.db).filter(\.$hub.$id == hub.id!).first()
            XCTAssertEqual(membership?.role, .steward)
            XCTAssertEqual(membership?.status, .approved)
            let mail = try await OutboxMessage.query(on: app.db)
                .filter(\.$subject == "You are now a steward of the Tyne and Wear hub").all()
            XCTAssertEqual(mail.map(\.recipient), [TestPeople.Role.member.email])
            XCTAssertTrue(mail.first?.body.contains("/hubs/tyne-and-wear/requests") == true)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "hub-created").count()
            XCTAssertEqual(audited, 1)
            let list = try await TestClient(app).get("/hubs")
            XCTAssertTrue(list.text.contains("Tyne and Wear"))
            XCTAssertTrue(list.text.contains("Hubs serve 2 of England's"))
        }
    }

    func testHubFormMistakesAreExplainedAndEverythingTypedIsKept() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await HubArea(hubID: people.otherHub.id!, areaCode: sunderland).create(on: app.db)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let empty = try await coordinator.post(
                "/hubs/new", fields: hubFields(name: "", region: "", summary: "", areas: []))
            XCTAssertEqual(empty.status, .unprocessableEntity)
            for message in [
                "Enter the hub&#39;s name", "Choose the region the hub is in", "Enter a sentence or two about the hub",
                "Choose at least one council area the hub serves",
            ] {
                XCTAssertTrue(
                    empty.text.contains(message)
                        || empty.text.contains(message.replacingOccurrences(of: "&#39;", with: "'")),
                    "missing: \(message)")
            }
            XCTAssertTrue(empty.text.contains("There is a problem"))

            let taken = try await coordinator.post(
                "/hubs/new",
                fields: hubFields(
                    name: "Riverside", summary: "Kept as typed", areas: [sunderland, newcastle],
                    stewards: "nobody@example.org"))
            XCTAssertEqual(taken.status, .unprocessableEntity)
            XCTAssertTrue(taken.text.contains("There is already a hub called ‘Riverside’"))
            XCTAssertTrue(taken.text.contains("Sunderland is already served by the Hillside hub"))
            XCTAssertTrue(taken.text.contains("No account uses ‘nobody@example.org’"))
            XCTAssertTrue(taken.text.contains(">Kept as typed</textarea>"), "the summary is kept")
            XCTAssertTrue(taken.text.contains("nobody@example.org</textarea>"), "the stewards typed are kept")
            XCTAssertTrue(
                taken.text.contains("value=\"\(newcastle)\" checked"), "the areas chosen stay ticked")
            let hubs = try await Hub.query(on: app.db).count()
            XCTAssertEqual(hubs, 3, "nothing was saved")
        }
    }

    func testAHubCannotTakeAnAddressThatNamesAPage() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let created = try await coordinator.post("/hubs/new", fields: hubFields(name: "New", areas: [newcastle]))
            XCTAssertEqual(created.location, "/hubs/new-2?notice=hub-created")
        }
    }

    func testEditingAHubChangesItsDetailsAndLetsAStewardStandDownAsAMember() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await HubArea(hubID: people.hub.id!, areaCode: newcastle).create(on: app.db)
            let stewardUser = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()
            let steward = try XCTUnwrap(stewardUser)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let hubPage = try await coordinator.get("/hubs/riverside")
            XCTAssertTrue(hubPage.text.contains("href=\"/hubs/riverside/edit\""))
            let form = try await coordinator.get("/hubs/riverside/edit")
            XCTAssertTrue(form.text.contains("value=\"\(newcastle)\" checked"))
            XCTAssertTrue(form.text.contains("Test steward (steward@example.org)"))
            XCTAssertTrue(form.text.contains("value=\"Riverside\""))
            let saved = try await coordinator.post(
                "/hubs/riverside/edit",
                fields: hubFields(
                    name: "Riverside and Coast", summary: "Now by the sea too.", areas: [newcastle, sunderland],
                    policy: "open", stewards: TestPeople.Role.member.email))
            XCTAssertEqual(saved.location, "/hubs/riverside?notice=hub-updated")
            let found = try await Hub.find(slug: "riverside", on: app.db)
            let hub = try XCTUnwrap(found)
            XCTAssertEqual(hub.name, "Riverside and Coast")
            XCTAssertEqual(hub.membershipPolicy, .open)
            let areas = try await HubArea.query(on: app.db).filter(\.$hub.$id == hub.id!).all().map(\.areaCode)
            XCTAssertEqual(Set(areas), [newcastle, sunderland])
            let stood = try await HubMembership.query(on: app.db).filter(\.$hub.$id == hub.id!)
                .filter(\.$user.$id == steward.id!).first()
            XCTAssertEqual(stood?.role, .member, "left unticked, the steward stays a member")
            let stewards = try await HubStore.stewards(of: hub.id!, on: app.db).map(\.email)
            XCTAssertEqual(stewards, [TestPeople.Role.member.email])
        }
    }

    func testOnlyTheNationalTeamMayCreateOrEditHubs() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            for role in [TestPeople.Role.steward, .organisationAdmin, .member, .registered] {
                let person = TestClient(app)
                try await person.signIn(role.email)
                let edit = try await person.post(
                    "/hubs/riverside/edit", fields: hubFields(name: "Taken over", areas: [newcastle]))
                XCTAssertEqual(edit.status, .forbidden, "\(role) may not edit a hub")
                let create = try await person.post("/hubs/new", fields: hubFields(areas: [gateshead]))
                XCTAssertEqual(create.status, .forbidden, "\(role) may not create a hub")
                let hubPage = try await person.get("/hubs/riverside")
                XCTAssertFalse(hubPage.text.contains("/hubs/riverside/edit"), "\(role) is offered no edit link")
            }
            let riverside = try await Hub.find(slug: "riverside", on: app.db)
            XCTAssertEqual(riverside?.name, "Riverside")
        }
    }

    func testCreateHubOnTheCommandLineTakesAreaNamesOrCodes() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let console = RecordingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "bridgework", "--name", "Wearside", "--region", "North East", "--summary", "Sunderland and around.",
                    "--areas", "Sunderland, \(gateshead)", "--policy", "open", "--stewards",
                    TestPeople.Role.member.email,
                ]))
            context.application = app
            try await CreateHubCommand().run(using: &context)
            XCTAssertTrue(
                console.standardOutput.contains(
                    "Added the Wearside hub at /hubs/wearside, serving 2 council areas, with 1 steward."))
            let found = try await Hub.find(slug: "wearside", on: app.db)
            let hub = try XCTUnwrap(found)
            XCTAssertEqual(hub.membershipPolicy, .open)
            let areas = try await HubArea.query(on: app.db).filter(\.$hub.$id == hub.id!).all().map(\.areaCode)
            XCTAssertEqual(Set(areas), [sunderland, gateshead])
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .count()
            XCTAssertEqual(told, 1)
        }
    }

    func testCreateHubOnTheCommandLineExplainsEachProblemAndSavesNothing() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let console = RecordingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "bridgework", "--name", "Riverside", "--region", "Narnia", "--areas", "Atlantis",
                    "--stewards", "not-an-address",
                ]))
            context.application = app
            do {
                try await CreateHubCommand().run(using: &context)
                XCTFail("the command should refuse")
            } catch {}
            XCTAssertTrue(console.standardError.contains("--region: Choose the region the hub is in"))
            XCTAssertTrue(console.standardError.contains("--summary: Enter a sentence or two"))
            XCTAssertTrue(console.standardError.contains("--areas: ‘Atlantis’ is not a council area in England"))
            XCTAssertTrue(console.standardError.contains("--stewards: ‘not-an-address’ is not an email address"))
            XCTAssertTrue(console.standardOutput.contains("Regions: East Midlands"))
            let hubs = try await Hub.query(on: app.db).count()
            XCTAssertEqual(hubs, 3)
        }
    }
}
