import Fluent
import Vapor
import XCTVapor

@testable import App

/// What a visitor and a journalist meet first: the front page, the footer's pages, the press page
/// and a story's share links, each only as wide as the records' rules allow.
final class PublicFaceTests: XCTestCase {
    func testTheFrontPageShowsReadableStoriesAndTheReachAReaderCanCheck() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await TestContent.publishedStory("Open doors", in: people.hub, scope: .public, on: app)
            try await TestContent.publishedStory("Members circle", in: people.hub, scope: .alliance, on: app)
            let quiet = Organisation(slug: "quiet", name: "Quiet", summary: "Members only.", visibility: .members)
            try await quiet.create(on: app.db)
            try await HubArea(hubID: people.hub.id!, areaCode: "E08000021").create(on: app.db)
            let visitor = try await TestClient(app).get("/")
            XCTAssertTrue(visitor.text.contains("Open doors"))
            XCTAssertFalse(
                visitor.text.contains("Members circle"), "an alliance-only story stays off the public front page")
            // The test people's two organisations are public; the third is for members only.
            XCTAssertTrue(
                visitor.text.contains(">2</span><span class=\"reach__label\">organisations listed in the directory<"))
            XCTAssertTrue(visitor.text.contains(">3</span><span class=\"reach__label\">hubs run by local stewards<"))
            XCTAssertTrue(visitor.text.contains(">1</span><span class=\"reach__label\">of England's"))
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let seen = try await member.get("/")
            XCTAssertTrue(seen.text.contains("Members circle"))
            XCTAssertTrue(
                seen.text.contains(">3</span><span class=\"reach__label\">organisations listed in the directory<"))
        }
    }

    func testThePressPageListsOnlyStoriesEveryoneInThemClearedForTheMedia() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await TestContent.publishedStory("Cleared for print", in: people.hub, scope: .media, on: app)
            try await TestContent.publishedStory("Public only", in: people.hub, scope: .public, on: app)
            try await TestContent.publishedStory("Members only", in: people.hub, scope: .alliance, on: app)
            let press = try await TestClient(app).get("/press")
            XCTAssertEqual(press.status, .ok)
            XCTAssertTrue(press.text.contains("Cleared for print"))
            XCTAssertTrue(press.text.contains("href=\"/stories/cleared-for-print/media\""))
            XCTAssertFalse(press.text.contains("Public only"))
            XCTAssertFalse(press.text.contains("Members only"))
            XCTAssertTrue(press.text.contains("1 story you may use"))
            XCTAssertTrue(press.text.contains("mailto:\(Settings.defaultContactEmail)"))
        }
    }

    func testAPublicStoryOffersPlainShareLinksAndAMembersOnlyStoryOffersNone() async throws {
        try await withApp(publicURL: "https://bridgework.example") { app, _ in
            let people = try await TestPeople.make(on: app)
            try await TestContent.publishedStory("Open doors", in: people.hub, scope: .public, on: app)
            try await TestContent.publishedStory("Members circle", in: people.hub, scope: .alliance, on: app)
            let open = try await TestClient(app).get("/stories/open-doors")
            XCTAssertTrue(open.text.contains("Share this story"))
            XCTAssertTrue(
                open.text.contains(
                    "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbridgework.example%2Fstories%2Fopen-doors"
                ))
            XCTAssertTrue(open.text.contains("mailto:?subject=Open%20doors&amp;body=https%3A%2F%2Fbridgework.example"))
            XCTAssertFalse(open.text.contains("<script src=\"http"), "no third-party script")
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let closed = try await member.get("/stories/members-circle")
            XCTAssertEqual(closed.status, .ok)
            XCTAssertFalse(closed.text.contains("Share this story"), "a members-only story is not for sharing outside")
        }
    }

    func testEveryPageCarriesTheFooterWithTheContactAndTheFootersPagesOpen() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            for (path, heading) in [
                ("/privacy", "Privacy notice"), ("/accessibility", "Accessibility statement"),
                ("/open-data", "Open data"), ("/press", "Press"), ("/about", "About the alliance"),
            ] {
                let page = try await browser.get(path)
                XCTAssertEqual(page.status, .ok, path)
                XCTAssertTrue(page.text.contains("<h1>\(heading)</h1>"), path)
                XCTAssertTrue(
                    page.text.contains(
                        "aria-current=\"page\">\(heading == "About the alliance" ? "About the alliance" : heading)"),
                    "\(path) marks itself in the footer")
            }
            let stories = try await browser.get("/stories")
            for link in [
                "/privacy", "/accessibility", "/open-data", "/press", "mailto:\(Settings.defaultContactEmail)",
            ] {
                XCTAssertTrue(stories.text.contains("href=\"\(link)\""), "the footer links to \(link)")
            }
            let openData = try await browser.get("/open-data")
            for source in OpenDataPage.sources {
                let answer = try await browser.get(source.url.path)
                XCTAssertEqual(answer.status, .ok, "the open data page links to \(source.url.path), which must answer")
                XCTAssertTrue(openData.text.contains("href=\"\(source.url.path)\""))
            }
        }
    }

    func testTheFrontPageAndThePressPageRunTheSameQueriesForAFewRecordsOrMany() async throws {
        try await withApp { app, counter in
            let people = try await TestPeople.make(on: app)
            func add(_ count: Int, from first: Int) async throws {
                for number in first..<(first + count) {
                    try await TestContent.publishedStory("Story \(number)", in: people.hub, scope: .media, on: app)
                    let hub = Hub(slug: "hub-\(number)", name: "Hub \(number)", region: "London", summary: "A hub.")
                    try await hub.create(on: app.db)
                    try await HubArea(hubID: hub.id!, areaCode: LocalAuthorities.all[number].code).create(on: app.db)
                }
            }
            func queries(_ path: String) async throws -> Int {
                _ = try await TestClient(app).get(path)
                counter.reset()
                _ = try await TestClient(app).get(path)
                return counter.value
            }
            try await add(3, from: 1)
            let fewHome = try await queries("/")
            let fewPress = try await queries("/press")
            let fewHubs = try await queries("/hubs")
            try await add(30, from: 4)
            let manyHome = try await queries("/")
            let manyPress = try await queries("/press")
            let manyHubs = try await queries("/hubs")
            XCTAssertEqual(manyHome, fewHome, "the front page")
            XCTAssertEqual(manyPress, fewPress, "the press page")
            XCTAssertEqual(manyHubs, fewHubs, "the hubs page")
        }
    }
}
