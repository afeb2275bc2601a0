import Fluent
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// The tension watch: private to a hub, warned about personal data, acknowledged and followed up
/// by its stewards, kept only as long as the hub says.
final class TensionTests: XCTestCase {
    func testAHubMemberLogsAnObservationThatOnlyTheHubsMembersCanRead() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let area = try await TensionFixtures.area(of: people.hub, on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let saved = try await steward.post(
                "/hubs/riverside/tension/new", form: TensionFixtures.form(area: area, whatSeen: "Chanting by the canal")
            )
            XCTAssertEqual(saved.status, .seeOther, saved.text)
            let location = try XCTUnwrap(saved.location)
            XCTAssertTrue(location.hasPrefix("/hubs/riverside/tension/observations/"))
            let page = try await steward.get(location)
            XCTAssertTrue(page.text.contains("Chanting by the canal"))
            XCTAssertTrue(page.text.contains("Only members of Riverside can see this"))
            let stored = try await TensionObservation.query(on: app.db).first()
            XCTAssertEqual(stored?.week, UKWeek.of(Date()))
            XCTAssertEqual(stored?.level, 3)

            for role in [TestPeople.Role.coordinator, .otherSteward, .member, .registered] {
                let other = TestClient(app)
                try await other.signIn(role.email)
                let refused = try await other.get(location)
                XCTAssertEqual(refused.status, .forbidden, "\(role)")
                XCTAssertFalse(refused.text.contains("Chanting by the canal"), "\(role)")
            }
            let visitor = try await TestClient(app).get(location)
            XCTAssertFalse(visitor.text.contains("Chanting by the canal"))
        }
    }

    func testAMemberThroughAnApprovedOrganisationMayWatchTheHubButTheNationalTeamMayNot() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await OrganisationHub(
                organisationID: people.organisation.requireID(), hubID: people.hub.requireID(), status: .approved
            ).create(on: app.db)
            let hub = PolicyResource.hub(try people.hub.requireID())
            let expectations: [PolicyTests.Who: (watch: Bool, steward: Bool)] = [
                .anonymous: (false, false), .member: (false, false), .organisationAdmin: (true, false),
                .otherOrganisationAdmin: (false, false), .steward: (true, true), .otherSteward: (false, false),
                .coordinator: (false, false), .registered: (false, false),
            ]
            for (who, expected) in expectations {
                let user = try await PolicyTests.currentUser(who, on: app)
                XCTAssertEqual(Policy.can(user, .watchHubTension, hub), expected.watch, "\(who) watching")
                XCTAssertEqual(Policy.can(user, .stewardHubTension, hub), expected.steward, "\(who) stewarding")
            }
        }
    }

    func testWordsThatLookPersonalStopTheSaveUntilChangedOrConfirmed() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let area = try await TensionFixtures.area(of: people.hub, on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let personal = "Mr Jenkins at 14 Mill Lane said to ring 07700 900123 about the van AB12 CDE"
            let warned = try await steward.post(
                "/hubs/riverside/tension/new", form: TensionFixtures.form(area: area, whatSeen: personal))
            XCTAssertEqual(warned.status, .unprocessableEntity)
            XCTAssertTrue(warned.text.contains("Check this does not identify anyone"))
            for finding in [
                "a person&#39;s name", "a phone number", "a street address or postcode", "a vehicle registration",
            ] {
                XCTAssertTrue(
                    warned.text.contains(finding)
                        || warned.text.contains(finding.replacingOccurrences(of: "&#39;", with: "'")), finding)
            }
            XCTAssertTrue(warned.text.contains("07700 900123"), "what was found is shown back")
            XCTAssertTrue(warned.text.contains("Mill Lane said to ring"), "the typed words are kept in the box")
            let count = try await TensionObservation.query(on: app.db).count()
            XCTAssertEqual(count, 0, "nothing is saved before the person decides")

            var confirmed = TensionFixtures.form(area: area, whatSeen: personal)
            confirmed["confirm_no_personal_data"] = "yes"
            let saved = try await steward.post("/hubs/riverside/tension/new", form: confirmed)
            XCTAssertEqual(saved.status, .seeOther)

            let edited = try await steward.post(
                "/hubs/riverside/tension/new",
                form: TensionFixtures.form(area: area, whatSeen: "A man on a side street handed out leaflets"))
            XCTAssertEqual(edited.status, .seeOther, "plain words save at once")
            let afterwards = try await TensionObservation.query(on: app.db).count()
            XCTAssertEqual(afterwards, 2)
        }
    }

    func testThePersonalDataCheckFindsEachKindAndLeavesPlacesAlone() {
        let cases: [(String, PersonalDataCheck.Kind?)] = [
            ("Mrs Patel was shouted at", .name),
            ("A man called Darren Hughes started it", .name),
            ("Sarah Khan reported it", .name),
            ("Ring 0191 496 0000", .phone),
            ("Call +44 7700 900123", .phone),
            ("Write to someone@example.org", .email),
            ("It happened at 22 Station Road", .address),
            ("Near NE6 1AB", .address),
            ("A car, AB12 CDE, drove past twice", .vehicle),
            ("Shouting in the park by the Town Hall on a Friday", nil),
            ("The group Called Together met at the community centre", nil),
            ("Leaflets on Park Road near the school", nil),
        ]
        for (text, kind) in cases {
            let kinds = PersonalDataCheck.findings(in: text).map(\.kind)
            if let kind {
                XCTAssertTrue(kinds.contains(kind), "\(text) should look like \(kind)")
            } else {
                XCTAssertEqual(kinds, [], "\(text) names no one")
            }
        }
    }

    func testAnIncompleteObservationIsExplainedAndKeepsWhatWasTyped() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await TensionFixtures.area(of: people.hub, on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let answer = try await steward.post(
                "/hubs/riverside/tension/new",
                form: [
                    "observed_on-day": "31", "observed_on-month": "2", "observed_on-year": "2026",
                    "area": LocalAuthorities.all[5].code, "what_seen": "Posters on the bridge", "level": "9",
                ])
            XCTAssertEqual(answer.status, .unprocessableEntity)
            for message in [
                "There is a problem", "Enter the date it was seen", "Choose the council area it happened in",
                "Choose what kind of thing it was", "Choose a level from 1 to 5", "Choose how it is known",
                "Choose where it came from",
            ] {
                XCTAssertTrue(answer.text.contains(message), message)
            }
            XCTAssertTrue(answer.text.contains("Posters on the bridge"))
            XCTAssertTrue(answer.text.contains("value=\"31\""), "the day typed is kept")
            let future = try await steward.post(
                "/hubs/riverside/tension/new",
                form: TensionFixtures.form(area: try await TensionFixtures.area(of: people.hub, on: app.db)).merging([
                    "observed_on-year": "2099"
                ]) { $1 })
            XCTAssertTrue(future.text.contains("The date must be today or in the past"))
            let count = try await TensionObservation.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testStewardsAcknowledgeSeriousObservationsAndRecordTheFollowUp() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let serious = try await TensionFixtures.observation(in: people.hub, level: 4, on: app.db)
            _ = try await TensionFixtures.observation(in: people.hub, level: 2, on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let home = try await steward.get("/home")
            XCTAssertTrue(home.text.contains("1 serious observation to acknowledge in Riverside"))
            let picture = try await steward.get("/hubs/riverside/tension")
            XCTAssertTrue(picture.text.contains("Waiting for a steward to acknowledge it."))

            let path = "/hubs/riverside/tension/observations/\(serious.id!.uuidString.lowercased())/follow-up"
            let missing = try await steward.post(path, form: ["follow_up_status": "open"])
            XCTAssertEqual(missing.status, .unprocessableEntity)
            XCTAssertTrue(missing.text.contains("Enter what the follow-up is"))
            let done = try await steward.post(
                path, form: ["follow_up_status": "open", "follow_up": "Meeting the school on Monday"])
            XCTAssertEqual(done.status, .seeOther)
            let stored = try await TensionObservation.find(serious.id, on: app.db)
            XCTAssertNotNil(stored?.acknowledgedAt)
            XCTAssertEqual(stored?.followUpStatus, .open)
            let homeAfter = try await steward.get("/home")
            XCTAssertFalse(homeAfter.text.contains("serious observation to acknowledge"))
            let waiting = try await TensionFigures.waiting(in: people.hub.requireID(), limit: 10, on: app.db)
            XCTAssertEqual(waiting.map(\.id), [serious.id], "an open follow-up still waits")

            // A member of the hub may read it but not follow it up.
            let member = User(
                name: "Hub member", email: "hub-member@example.org",
                passwordHash: try Bcrypt.hash(TestPeople.password, cost: 4), emailConfirmedAt: Date())
            try await member.create(on: app.db)
            try await HubMembership(hubID: people.hub.requireID(), userID: member.requireID(), role: .member).create(
                on: app.db)
            let reader = TestClient(app)
            try await reader.signIn(member.email)
            let read = try await reader.get(
                "/hubs/riverside/tension/observations/\(serious.id!.uuidString.lowercased())")
            XCTAssertEqual(read.status, .ok)
            XCTAssertFalse(read.text.contains("Save the follow-up"))
            let refused = try await reader.post(path, form: ["follow_up_status": "done", "follow_up": "x"])
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testAnObservationFromAnotherHubIsNotFoundThroughThisHub() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let elsewhere = try await TensionFixtures.observation(
                in: people.otherHub, whatSeen: "Hillside only words", on: app.db)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let answer = try await steward.get(
                "/hubs/riverside/tension/observations/\(elsewhere.id!.uuidString.lowercased())")
            XCTAssertEqual(answer.status, .notFound)
            XCTAssertFalse(answer.text.contains("Hillside only words"))
        }
    }

    func testTheHubLevelIsSetForTheWeekAndWeeksWithoutOneShowAsNotSet() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let refused = try await steward.post("/hubs/riverside/tension/level", form: ["hub_level": "7"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(
                refused.text.contains("Choose the hub&#39;s level") || refused.text.contains("Choose the hub's level"))
            XCTAssertTrue(refused.text.contains("Enter why the hub is at this level"))
            let set = try await steward.post(
                "/hubs/riverside/tension/level", form: ["hub_level": "3", "hub_level_note": "A march is planned"])
            XCTAssertEqual(set.status, .seeOther)
            let weeks = try await TensionFigures.weeks(of: people.hub.requireID(), UKWeek.recent(3), on: app.db)
            XCTAssertEqual(weeks.map(\.level), [nil, nil, 3])
            let picture = try await steward.get("/hubs/riverside/tension")
            XCTAssertTrue(picture.text.contains("A march is planned"))
            XCTAssertTrue(picture.text.contains("Not set"), "earlier weeks say they were not set")
            XCTAssertTrue(picture.text.contains("Level 3, Raised"))
            XCTAssertTrue(picture.text.contains("<svg"), "the weekly chart")
            XCTAssertTrue(picture.text.contains("the stewards set a level in 1 of them"))
        }
    }

    func testStewardsRewordTheScaleAndChooseHowLongObservationsAreKept() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            var form: [String: String] = ["retention_months": "6"]
            for level in TensionScale.defaultLevels {
                form["level_\(level.number)_name"] = level.name
                form["level_\(level.number)_description"] = level.description
            }
            form["level_5_name"] = "Red alert"
            form["level_4_name"] = "red alert"
            let duplicate = try await steward.post("/hubs/riverside/tension/settings", form: form)
            XCTAssertEqual(duplicate.status, .unprocessableEntity)
            XCTAssertTrue(duplicate.text.contains("Give each level a different name"))
            XCTAssertTrue(duplicate.text.contains("Red alert"), "what was typed is kept")
            form["level_4_name"] = "High"
            let saved = try await steward.post("/hubs/riverside/tension/settings", form: form)
            XCTAssertEqual(saved.status, .seeOther)
            let scale = try await TensionScale.of(hubID: people.hub.requireID(), on: app.db)
            XCTAssertEqual(scale.level(5)?.name, "Red alert")
            XCTAssertEqual(scale.level(1)?.name, "Calm")
            let months = try await TensionSettings.retentionMonths(of: people.hub.requireID(), on: app.db)
            XCTAssertEqual(months, 6)
            let otherScale = try await TensionScale.of(hubID: people.otherHub.requireID(), on: app.db)
            XCTAssertEqual(otherScale, .standard, "another hub keeps the usual wording")
        }
    }

    func testRetentionDeletesOldObservationsClearsOldNotesAndIsAudited() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let old = try await TensionFixtures.observation(in: people.hub, daysAgo: 400, on: app.db)
            let recent = try await TensionFixtures.observation(in: people.hub, daysAgo: 100, on: app.db)
            let shortKeeping = try await TensionFixtures.observation(in: people.otherHub, daysAgo: 100, on: app.db)
            try await TensionSettings(hubID: people.otherHub.requireID(), retentionMonths: 3).create(on: app.db)
            let oldLevel = try await TensionStore.setLevel(
                2, note: "Old note", hubID: people.hub.requireID(), by: nil,
                now: Date().addingTimeInterval(-400 * 86_400), on: app.db)
            let console = try await app.run(ApplyRetentionCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("Riverside: deleted 1 observation"), console.standardOutput)
            XCTAssertTrue(console.standardOutput.contains("Hillside: deleted 1 observation"))
            let left = try await TensionObservation.query(on: app.db).all().compactMap(\.id)
            XCTAssertEqual(Set(left), [recent.id!])
            XCTAssertFalse(left.contains(old.id!))
            XCTAssertFalse(left.contains(shortKeeping.id!))
            let level = try await TensionHubLevel.find(oldLevel.id, on: app.db)
            XCTAssertEqual(level?.note, "", "an old level keeps its number, not its note")
            XCTAssertEqual(level?.level, 2)
            let audits = try await AuditEntry.query(on: app.db).filter(\.$action == "tension-retention-applied").all()
            XCTAssertEqual(audits.count, 2)
            XCTAssertFalse(audits.contains { $0.detail.contains("rumour") }, "counts, never words")
            let again = try await app.run(ApplyRetentionCommand(), [])
            XCTAssertTrue(again.standardOutput.contains("No hub holds observations older than it keeps them."))
        }
    }

    func testAPersonsDataIncludesTheirObservationsAndDeletingTheAccountKeepsThemWithoutAnAuthor() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let steward = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()!
            let observation = try await TensionFixtures.observation(
                in: people.hub, whatSeen: "Stickers on lamp posts", author: steward.id, on: app.db)
            let files = try await PersonalData.files(for: steward.requireID(), on: app.db)
            let file = try XCTUnwrap(files.first { $0.name == "tension-observations.json" })
            XCTAssertTrue(String(decoding: file.data, as: UTF8.self).contains("Stickers on lamp posts"))

            // The steward is not the last coordinator, so the account can go.
            let browser = TestClient(app)
            try await browser.signIn(steward.email)
            let deletion = try await browser.post("/account/delete", form: ["password": TestPeople.password])
            XCTAssertEqual(deletion.status, .seeOther)
            let kept = try await TensionObservation.find(observation.id, on: app.db)
            XCTAssertEqual(kept?.whatSeen, "Stickers on lamp posts")
            XCTAssertNil(kept?.$author.id)
        }
    }

    func testTheHubPictureRunsTheSameQueriesForAFewObservationsOrMany() async throws {
        try await withApp { app, counter in
            let people = try await TestPeople.make(on: app)
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            func queries(_ path: String) async throws -> Int {
                _ = try await steward.get(path)
                counter.reset()
                let page = try await steward.get(path)
                XCTAssertEqual(page.status, .ok)
                return counter.value
            }
            for number in 0..<3 {
                _ = try await TensionFixtures.observation(in: people.hub, level: 4, daysAgo: number * 9, on: app.db)
            }
            let few = try await queries("/hubs/riverside/tension?weeks=52")
            for number in 0..<60 {
                _ = try await TensionFixtures.observation(
                    in: people.hub, level: 1 + number % 5, daysAgo: number * 5, on: app.db)
                try await TensionStore.setLevel(
                    1 + number % 5, note: "Week \(number)", hubID: people.hub.requireID(), by: nil,
                    now: Date().addingTimeInterval(-Double(number) * 7 * 86_400), on: app.db)
            }
            let many = try await queries("/hubs/riverside/tension?weeks=52")
            // A full page of observations adds the count of them all, once: nothing per row.
            XCTAssertEqual(many, few + 1)
        }
    }
}
