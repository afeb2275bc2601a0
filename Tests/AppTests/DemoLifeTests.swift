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
                let next = try await Event.upcoming(inHubs: [id], seesMembersOnly: false, limit: 1, on: app.db).first
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
}
