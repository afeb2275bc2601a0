import Fluent
import Vapor
import XCTVapor

@testable import App

/// The demo on the day it is loaded: every hub lived in, and marked as demo.
final class DemoLifeTests: XCTestCase {
    func testOnTheDayItIsLoadedEveryHubHasPeopleAndSomethingComingUp() async throws {
        try await withApp { app, _ in
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: 4) })
            let now = Date()
            let hubs = try await Hub.query(on: app.db).all()
            let stewards = try await HubCounts.stewards(on: app.db)
            let people = try await HubCounts.people(on: app.db)
            for hub in hubs {
                let id = try hub.requireID()
                XCTAssertGreaterThanOrEqual(people[id] ?? 0, 2, "\(hub.name) has members")
                if hub.slug == "lincolnshire" {
                    XCTAssertNil(stewards[id], "one hub is left without a steward for the national picture")
                } else {
                    XCTAssertGreaterThanOrEqual(stewards[id] ?? 0, 1, "\(hub.name) has a steward")
                }
                let next = try await EventListing.upcoming(inHubs: [id], seesMembersOnly: false, limit: 1, on: app.db)
                    .first
                let soon = try XCTUnwrap(next, "\(hub.name) has an event coming up")
                XCTAssertGreaterThan(soon.startsAt, now)
                XCTAssertLessThan(soon.startsAt, now.addingTimeInterval(45 * 86_400), "dated from today, not fixed")
            }
            let added = try await User.query(on: app.db).filter(\.$email ~~ DemoHubLife.addresses()).all()
            XCTAssertFalse(added.isEmpty)
            XCTAssertTrue(added.allSatisfy { $0.name.hasSuffix(" (demo)") }, "every added person is marked as demo")
            let events = try await Event.query(on: app.db).filter(\.$slug ~~ DemoHubLife.events.map(\.slug)).all()
            XCTAssertEqual(events.count, DemoHubLife.events.count)
            XCTAssertTrue(events.allSatisfy { $0.description.hasSuffix("(A demo event.)") })

            let steward = TestClient(app)
            try await steward.signIn("steward@demo.bridgework.org.uk", password: DemoData.password)
            let home = try await steward.get("/home")
            XCTAssertTrue(home.text.contains("3 requests to join Newcastle"), "two people and one organisation wait")
            let requests = try await steward.get("/hubs/newcastle/requests")
            XCTAssertTrue(requests.text.contains("Ellie Robson (demo)"))
            XCTAssertTrue(
                requests.text.contains("a residents&#39; group in Walker")
                    || requests.text.contains("a residents' group in Walker"))
            XCTAssertTrue(requests.text.contains("Byker Voices (demo)"))
        }
    }

    func testTheDemoHoldsALittleOfTheTensionWatchAllMarkedAsDemo() async throws {
        try await withApp { app, _ in
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: 4) })
            let observations = try await TensionObservation.query(on: app.db).all()
            XCTAssertFalse(observations.isEmpty)
            XCTAssertTrue(observations.allSatisfy { $0.whatSeen.hasSuffix("(Demo observation.)") })
            XCTAssertTrue(
                observations.allSatisfy { UKDate.validated($0.observedOn).map { $0 <= UKDate.today() } == true })
            let events = try await TriggerEvent.query(on: app.db).all()
            XCTAssertEqual(events.count, 1)
            XCTAssertTrue(events[0].title.hasSuffix("(demo)"))

            let steward = TestClient(app)
            try await steward.signIn("steward@demo.bridgework.org.uk", password: DemoData.password)
            let home = try await steward.get("/home")
            XCTAssertTrue(home.text.contains("1 serious observation to acknowledge in Newcastle"))
            XCTAssertTrue(
                home.text.contains("Check in for Newcastle after National news"), "Newcastle has not answered")
            let picture = try await steward.get("/hubs/newcastle/tension")
            XCTAssertTrue(picture.text.contains("Level 4, High"), "Newcastle's level this week")
            XCTAssertTrue(picture.text.contains("the stewards set a level in 8 of them"))

            let coordinator = TestClient(app)
            try await coordinator.signIn("coordinator@demo.bridgework.org.uk", password: DemoData.password)
            let returns = try await coordinator.get("/alliance")
            XCTAssertTrue(returns.text.contains("2 of 11 hubs checked in, 9 missing"))
            let briefing = try await TestClient(app).get("/alliance/public")
            XCTAssertTrue(briefing.text.contains(UKWeek.label(UKWeek.recent(2)[0])), "last week is published")
            XCTAssertFalse(briefing.text.contains(UKWeek.label(UKWeek.of(Date()))), "this week is not, yet")
        }
    }
}
