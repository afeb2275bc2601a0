import Fluent
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// Trigger events, the national view and the public briefing, and the promise that a hub's
/// tension information never leaves the hub except as levels and counts.
final class AllianceTests: XCTestCase {
    /// Words written only in a hub's tension watch. None may appear anywhere outside the hub.
    static let secrets = [
        "Whispered about the allotments", "Answered at the residents meeting", "Steward follows up quietly",
        "Level note kept inside", "Ember watch",
    ]

    func testNoSurfaceShowsAHubsTensionInformationToAnyoneOutsideTheHub() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let hubID = try people.hub.requireID()
            let steward = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()!
            let narrative = try await TensionFixtures.narrative("A narrative", topic: .immigration, on: app.db)
            let observation = try await TensionFixtures.observation(
                in: people.hub, level: 5, whatSeen: Self.secrets[0], response: Self.secrets[1], author: steward.id,
                narrativeID: narrative.id, on: app.db)
            var followUp = FollowUpForm()
            followUp.status = "open"
            followUp.note = Self.secrets[2]
            try await TensionStore.followUp(observation, with: followUp, by: steward.requireID(), on: app.db)
            try await TensionStore.setLevel(5, note: Self.secrets[3], hubID: hubID, by: steward.id, on: app.db)
            var settings = TensionSettingsForm(scale: .standard, retentionMonths: 12)
            settings.names[4] = Self.secrets[4]
            try await TensionStore.saveSettings(settings, hubID: hubID, on: app.db)
            let event = try await TensionFixtures.triggerEvent(on: app.db)
            try await PublishedTensionWeek(week: UKWeek.of(Date()), publishedBy: nil).create(on: app.db)

            let parameters: [String: String] = [
                "hubSlug": people.hub.slug, "observationID": observation.id!.uuidString.lowercased(),
                "triggerEventID": event.id!.uuidString.lowercased(), "narrativeSlug": narrative.slug,
                "organisationSlug": people.organisation.slug, "personID": steward.id!.uuidString,
            ]
            let getRoutes = app.routes.all.filter { $0.method == .GET }
            func walk(as role: TestPeople.Role?) async throws -> [String: String] {
                var bodies: [String: String] = [:]
                let browser = TestClient(app)
                var headers = HTTPHeaders()
                if let role {
                    try await browser.signIn(role.email)
                    let user = try await User.query(on: app.db).filter(\.$email == role.email).first()!
                    let token = Tokens.random()
                    try await APIToken(userID: user.requireID(), tokenHash: Tokens.hash(token)).create(on: app.db)
                    headers.bearerAuthorization = BearerAuthorization(token: token)
                }
                for route in getRoutes {
                    let path =
                        "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return parameters[name] ?? "unknown" }
                            return component.description
                        }.joined(separator: "/")
                    let response = try await browser.get(path, headers: route.path.first == "api" ? headers : [:])
                    XCTAssertLessThan(response.status.code, 500, path)
                    bodies[path] = response.text
                }
                return bodies
            }
            // The steward of the hub sees every secret somewhere, so the search below can find them.
            let inside = try await walk(as: .steward).values.joined(separator: "\n")
            for secret in Self.secrets {
                XCTAssertTrue(inside.contains(secret), "the hub's steward sees \(secret)")
            }
            for role in [TestPeople.Role?.none, .coordinator, .otherSteward, .member, .organisationAdmin, .registered] {
                for (path, body) in try await walk(as: role) {
                    for secret in Self.secrets {
                        XCTAssertFalse(
                            body.contains(secret), "\(secret) reached \(role.map(\.rawValue) ?? "a visitor") at \(path)"
                        )
                    }
                }
            }
            // Nor do the outbox, the audit log or anyone else's data download hold them.
            let outbox = try await OutboxMessage.query(on: app.db).all().map { $0.subject + $0.body }.joined()
            let audit = try await AuditEntry.query(on: app.db).all().map(\.detail).joined()
            let coordinator = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.coordinator.email)
                .first()!
            let download = try await PersonalData.files(for: coordinator.requireID(), on: app.db)
                .map { String(decoding: $0.data, as: UTF8.self) }.joined()
            for secret in Self.secrets {
                XCTAssertFalse(outbox.contains(secret), "outbox")
                XCTAssertFalse(audit.contains(secret), "audit")
                XCTAssertFalse(download.contains(secret), "another person's data download")
            }
        }
    }

    func testATriggerEventAsksEveryStewardAndShowsAMissingReturnAsMissing() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let incomplete = try await coordinator.post(
                "/alliance/trigger-events/new", form: ["title": "", "what_happened": "A killing in the news"])
            XCTAssertEqual(incomplete.status, .unprocessableEntity)
            XCTAssertTrue(incomplete.text.contains("Enter a short name for it"))
            XCTAssertTrue(incomplete.text.contains("A killing in the news"))
            let today = UKDate.today().split(separator: "-").map { String(Int($0)!) }
            let declared = try await coordinator.post(
                "/alliance/trigger-events/new",
                fields: [
                    ("title", "A killing in the news"), ("what_happened", "An attack that made the national news."),
                    ("happened_on-day", today[2]), ("happened_on-month", today[1]), ("happened_on-year", today[0]),
                    ("themes[]", "faith"), ("first_day", "Check in."), ("first_week", "Log rumours."),
                    ("first_month", "Tell the stories."),
                ])
            XCTAssertEqual(declared.status, .seeOther, declared.text)
            let event = try await TriggerEvent.query(on: app.db).first()!
            let eventID = event.id!.uuidString.lowercased()
            let asked = try await OutboxMessage.query(on: app.db).filter(
                \.$subject == "Please check in after A killing in the news"
            )
            .all().map(\.recipient)
            XCTAssertEqual(Set(asked), [TestPeople.Role.steward.email, TestPeople.Role.otherSteward.email])

            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let home = try await steward.get("/home")
            XCTAssertTrue(home.text.contains("Check in for Riverside after A killing in the news"))
            let withName = try await steward.post(
                "/hubs/riverside/trigger-events/\(eventID)", form: ["answer": "4", "note": "Mr Smith is worried"])
            XCTAssertEqual(withName.status, .unprocessableEntity, "the national team's note names no one")
            XCTAssertTrue(withName.text.contains("Mr Smith is worried"))
            let answered = try await steward.post(
                "/hubs/riverside/trigger-events/\(eventID)", form: ["answer": "4", "note": "Partners are meeting"])
            XCTAssertEqual(answered.status, .seeOther)
            let again = try await steward.post(
                "/hubs/riverside/trigger-events/\(eventID)", form: ["answer": "no-change", "note": "Calmer now"])
            XCTAssertEqual(again.status, .seeOther)
            let checkIns = try await TriggerCheckIn.query(on: app.db).all()
            XCTAssertEqual(checkIns.count, 1, "a second answer replaces the first")
            XCTAssertNil(checkIns.first?.level)
            let current = try await TensionFigures.currentLevel(of: people.hub.requireID(), on: app.db)
            XCTAssertEqual(current?.level, 4, "the level given became the hub's level this week")

            let returns = try await coordinator.get("/alliance/trigger-events/\(eventID)")
            XCTAssertTrue(returns.text.contains("No change"))
            XCTAssertTrue(returns.text.contains("Calmer now"))
            XCTAssertTrue(
                returns.text.contains("Missing: no answer yet"), "Hillside has a steward who has not answered")
            XCTAssertTrue(returns.text.contains("Missing: the hub has no steward to answer"), "Lakeside has none")
            XCTAssertTrue(returns.text.contains("1 of 3 hubs have checked in"))
            let view = try await coordinator.get("/alliance")
            XCTAssertTrue(view.text.contains("1 of 3 hubs checked in, 2 missing"))

            let closed = try await coordinator.post("/alliance/trigger-events/\(eventID)/close")
            XCTAssertEqual(closed.status, .seeOther)
            let late = try await steward.post(
                "/hubs/riverside/trigger-events/\(eventID)", form: ["answer": "2", "note": ""])
            XCTAssertEqual(late.status, .unprocessableEntity)
            XCTAssertTrue(late.text.contains("This trigger event is closed"))
        }
    }

    func testTheReminderGoesOnceADayLaterToHubsThatHaveNotAnswered() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let event = try await TensionFixtures.triggerEvent(on: app.db)
            let stewardID = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()!
                .requireID()
            var form = CheckInForm()
            form.answer = "no-change"
            try await TensionStore.checkIn(form, event: event, hubID: people.hub.requireID(), by: stewardID, on: app.db)
            let requests = CheckInRequests(db: app.db, mailer: app.mailerForTests, baseURL: "https://example.org")
            let early = try await requests.remindDue(now: Date().addingTimeInterval(3_600))
            XCTAssertTrue(early.isEmpty, "not before a day has passed")
            let later = Date().addingTimeInterval(25 * 3_600)
            async let first = requests.remindDue(now: later)
            async let second = requests.remindDue(now: later)
            let results = try await [first, second]
            XCTAssertEqual(results.flatMap { $0 }.count, 1, "two runs at once send it once")
            let reminders = try await OutboxMessage.query(on: app.db).filter(\.$subject ~~ "Reminder").all()
            XCTAssertEqual(
                reminders.map(\.recipient), [TestPeople.Role.otherSteward.email], "only the hub that has not answered")
            XCTAssertTrue(reminders[0].body.contains("/hubs/hillside/trigger-events/"))
        }
    }

    func testTwoStewardsCheckingInAtOnceLeaveOneAnswerAndTwoPublishesOneWeek() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let event = try await TensionFixtures.triggerEvent(on: app.db)
            let second = User(
                name: "Second steward", email: "second-steward@example.org",
                passwordHash: try Bcrypt.hash(TestPeople.password, cost: 4), emailConfirmedAt: Date())
            try await second.create(on: app.db)
            try await RoleChanges.makeSteward(userID: second.requireID(), of: people.hub, on: app.db)
            // Each signs in first; then both send at the same moment, each from its own browser.
            func cookies(_ email: String) async throws -> [String: String] {
                let browser = TestClient(app)
                try await browser.signIn(email)
                return browser.cookies
            }
            func atOnce(_ requests: [(cookies: [String: String], path: String, form: [String: String])]) async throws
                -> [HTTPResponseStatus]
            {
                try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                    for request in requests {
                        group.addTask {
                            try await TestClient(app, cookies: request.cookies).post(request.path, form: request.form)
                                .status
                        }
                    }
                    var statuses: [HTTPResponseStatus] = []
                    for try await status in group { statuses.append(status) }
                    return statuses
                }
            }
            let path = "/hubs/riverside/trigger-events/\(event.id!.uuidString.lowercased())"
            let checkIns = try await atOnce([
                (try await cookies(TestPeople.Role.steward.email), path, ["answer": "2", "note": "From one"]),
                (try await cookies(second.email), path, ["answer": "3", "note": "From the other"]),
            ])
            XCTAssertEqual(checkIns, [.seeOther, .seeOther])
            let rows = try await TriggerCheckIn.query(on: app.db).all()
            XCTAssertEqual(rows.count, 1, "one hub, one answer")

            try await (app.db as! SQLDatabase).raw(
                "UPDATE hubs SET created_at = \(bind: Date().addingTimeInterval(-30 * 86_400))"
            ).run()
            let coordinator = try await cookies(TestPeople.Role.coordinator.email)
            let week = UKWeek.recent(2)[0]
            let published = try await atOnce([
                (coordinator, "/alliance/weeks", ["week": week, "publish": "yes"]),
                (coordinator, "/alliance/weeks", ["week": week, "publish": "yes"]),
            ])
            XCTAssertEqual(published, [.seeOther, .seeOther])
            let weeks = try await PublishedTensionWeek.query(on: app.db).count()
            XCTAssertEqual(weeks, 1)
        }
    }

    func testThePublicBriefingShowsTensionOnlyForPublishedWeeksAndOnlyAsHubsAtEachLevel() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            // The hubs have been running for a month; last week's level is the one to publish.
            let monthAgo = Date().addingTimeInterval(-30 * 86_400)
            try await (app.db as! SQLDatabase).raw("UPDATE hubs SET created_at = \(bind: monthAgo)").run()
            let lastWeek = Date().addingTimeInterval(-7 * 86_400)
            try await TensionStore.setLevel(
                4, note: "Kept in the hub", hubID: people.hub.requireID(), by: nil, now: lastWeek, on: app.db)
            _ = try await TensionFixtures.observation(in: people.hub, level: 4, daysAgo: 7, on: app.db)
            let before = try await TestClient(app).get("/alliance/public")
            XCTAssertTrue(before.text.contains("The national team has not published any week"))
            XCTAssertFalse(before.text.contains("Hubs at level 4"))

            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let view = try await coordinator.get("/alliance")
            XCTAssertTrue(
                view.text.contains("Level 4, 1 logged"), "the national view: a level and a count for Riverside")
            XCTAssertFalse(view.text.contains("Kept in the hub"))
            let bad = try await coordinator.post("/alliance/weeks", form: ["week": "2099-W01", "publish": "yes"])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            let unfinished = try await coordinator.post(
                "/alliance/weeks", form: ["week": UKWeek.of(Date()), "publish": "yes"])
            XCTAssertEqual(unfinished.status, .unprocessableEntity, "a week that has not ended can still change")
            XCTAssertTrue(unfinished.text.contains("Choose a week that has ended"))
            let week = UKWeek.of(lastWeek)
            let published = try await coordinator.post("/alliance/weeks", form: ["week": week, "publish": "yes"])
            XCTAssertEqual(published.status, .seeOther)
            let twice = try await coordinator.post("/alliance/weeks", form: ["week": week, "publish": "yes"])
            XCTAssertEqual(twice.status, .seeOther, "publishing twice is harmless")

            let page = try await TestClient(app).get("/alliance/public")
            XCTAssertTrue(page.text.contains(UKWeek.label(week)))
            XCTAssertFalse(page.text.contains("Riverside"), "no hub is named beside a level")
            let csv = try await TestClient(app).get("/alliance/public.csv")
            XCTAssertEqual(csv.headers.contentType?.subType, "csv")
            let rows = CSV.rows(csv.text)
            XCTAssertEqual(rows.first, ["section", "figure", "value", "base", "period"])
            let level4 = rows.first { $0.count == 5 && $0[1] == "Hubs at level 4" }
            XCTAssertEqual(level4?[2], "1")
            XCTAssertEqual(level4?[3], "Of 3 hubs, by the level their stewards set that week")
            XCTAssertEqual(rows.first { $0.count == 5 && $0[1] == "Hubs that set no level" }?[2], "2")
            XCTAssertTrue(
                rows.dropFirst().allSatisfy { $0.count == 5 && !$0[3].isEmpty && !$0[4].isEmpty },
                "every figure has its base and date")

            let withdrawn = try await coordinator.post("/alliance/weeks", form: ["week": week, "publish": "no"])
            XCTAssertEqual(withdrawn.status, .seeOther)
            let after = try await TestClient(app).get("/alliance/public.csv")
            XCTAssertFalse(after.text.contains("Hubs at level 4"))
        }
    }

    func testThePublicBriefingsHubFiguresAreTrueOfTheHubsTheirAreasAndTheirPeople() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let areas = LocalAuthorities.all.prefix(3).map(\.code)
            try await HubArea(hubID: people.hub.requireID(), areaCode: areas[0]).create(on: app.db)
            try await HubArea(hubID: people.hub.requireID(), areaCode: areas[1]).create(on: app.db)
            try await HubArea(hubID: people.otherHub.requireID(), areaCode: areas[2]).create(on: app.db)
            // The member is in a second hub too, and a request still waiting counts for nobody.
            let member = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            try await HubMembership(hubID: people.hub.requireID(), userID: try XCTUnwrap(member?.id), role: .member)
                .create(on: app.db)
            let registered = try await User.query(on: app.db).filter(
                \.$email == TestPeople.Role.registered.email
            ).first()
            try await HubMembership(
                hubID: people.hub.requireID(), userID: try XCTUnwrap(registered?.id), role: .member, status: .pending
            ).create(on: app.db)

            let rows = CSV.rows(try await TestClient(app).get("/alliance/public.csv").text)
            func figure(_ label: String) -> String? { rows.first { $0.count == 5 && $0[1] == label }?[2] }
            XCTAssertEqual(figure("Hubs in the alliance"), "3")
            XCTAssertEqual(figure("Council areas a hub serves"), "3")
            // The member and both organisations' admins (Lakeside), and the two stewards; once each.
            XCTAssertEqual(figure("People approved into a hub"), "5")
            // The front page says the same of the same rows, and its map colours each hub's areas.
            let home = try await TestClient(app).get("/").text
            XCTAssertTrue(home.contains("<span class=\"reach__number\">3</span><span class=\"reach__label\">hubs "))
            XCTAssertTrue(home.contains("<span class=\"reach__number\">5</span><span class=\"reach__label\">people "))
            XCTAssertTrue(
                home.contains("<span class=\"reach__number\">3</span><span class=\"reach__label\">of England's"))
            XCTAssertTrue(
                home.contains("3 are served by a hub and coloured by that hub"), "the map colours the same areas")
        }
    }

    func testTheNationalViewShowsHowLongANarrativeWaitedForAnAnswer() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let narrative = try await TensionFixtures.narrative(
                "They take the jobs", topic: .jobsAndHousing, on: app.db)
            _ = try await TensionFixtures.observation(
                in: people.hub, daysAgo: 10, narrativeID: narrative.id, on: app.db)
            _ = try await TensionFixtures.observation(
                in: people.otherHub, daysAgo: 4, narrativeID: narrative.id, on: app.db)
            var timings = try await NarrativeTiming.load(on: app.db)
            XCTAssertEqual(timings.first?.hubs, 2)
            XCTAssertNil(timings.first?.days, "no answer yet")
            let story = try await TestContent.publishedStory("An answer", in: people.hub, on: app)
            let version = try await StoryVersion.find(story.publishedVersionID, on: app.db)!
            version.hotTopics = ",jobs-and-housing,"
            try await version.save(on: app.db)
            story.firstPublishedAt = Date().addingTimeInterval(-3 * 86_400)
            try await story.save(on: app.db)
            timings = try await NarrativeTiming.load(on: app.db)
            XCTAssertEqual(timings.first?.days, 7, "first logged ten days ago, answered three days ago")
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let view = try await coordinator.get("/alliance")
            XCTAssertTrue(view.text.contains("After 1 week: a story"))
            XCTAssertTrue(view.text.contains("1 or 2"), "a small number of hubs is not given exactly")
            let seen = DisplayDate.day(iso: UKDate.string(from: Date().addingTimeInterval(-10 * 86_400)))
            XCTAssertFalse(view.text.contains(seen), "the day of the first sighting is not shown")
        }
    }

    func testTheNationalViewRunsTheSameQueriesForAFewHubsOrMany() async throws {
        try await withApp { app, counter in
            let people = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            func queries() async throws -> Int {
                _ = try await coordinator.get("/alliance")
                counter.reset()
                let page = try await coordinator.get("/alliance")
                XCTAssertEqual(page.status, .ok)
                return counter.value
            }
            let stewardID = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.steward.email).first()!
                .requireID()
            func add(_ count: Int, from first: Int) async throws {
                for number in first..<(first + count) {
                    let hub = Hub(slug: "hub-\(number)", name: "Hub \(number)", region: "London", summary: "A hub.")
                    try await hub.create(on: app.db)
                    _ = try await TensionFixtures.observation(in: hub, level: 1 + number % 5, on: app.db)
                    try await TensionStore.setLevel(2, note: "", hubID: hub.requireID(), by: nil, on: app.db)
                    let event = try await TensionFixtures.triggerEvent(title: "Event \(number)", on: app.db)
                    var form = CheckInForm()
                    form.answer = "3"
                    try await TensionStore.checkIn(
                        form, event: event, hubID: hub.requireID(), by: stewardID, on: app.db)
                }
            }
            _ = people
            let checkIns = try await TriggerCheckIn.query(on: app.db).count()
            XCTAssertEqual(checkIns, 0)
            try await add(2, from: 1)
            let few = try await queries()
            try await add(20, from: 3)
            let many = try await queries()
            XCTAssertEqual(many, few)
            let kept = try await TriggerCheckIn.query(on: app.db).count()
            XCTAssertEqual(kept, 22, "every check-in was kept")
        }
    }

    func testGenerateFillsTensionDataForTheBenchmarkAndNeverIntoTheDemo() async throws {
        try await withApp { app, _ in
            let console = try await app.run(
                GenerateCommand(),
                ["--organisations", "0", "--people", "0", "--tension-hubs", "3", "--tension-weeks", "10"])
            XCTAssertTrue(
                console.standardOutput.contains("Generated 3 synthetic hubs with 10 weeks"), console.standardOutput)
            let hubs = try await Hub.query(on: app.db).count()
            XCTAssertEqual(hubs, 3)
            let levels = try await TensionHubLevel.query(on: app.db).count()
            XCTAssertGreaterThan(levels, 15)
            XCTAssertLessThanOrEqual(levels, 30)
            let observations = try await TensionObservation.query(on: app.db).all()
            XCTAssertTrue(observations.allSatisfy { $0.whatSeen.hasSuffix("(Synthetic.)") })
            let steward = TestClient(app)
            try await steward.signIn("tension-steward@synthetic.bridgework.invalid", password: "synthetic-benchmark")
            let picture = try await steward.get("/hubs/synthetic-tension-hub-1/tension?weeks=156")
            XCTAssertEqual(picture.status, .ok)
        }
    }
}

extension Application {
    /// A mailer writing to this test app's mail folder, as the server's own would.
    var mailerForTests: Mailer {
        Mailer(settings: settings, db: db, threadPool: threadPool, logger: logger)
    }
}
