import Plot
import XCTest

@testable import App

/// The front page, rendered from its model alone: no server, no database.
final class HomePageTests: XCTestCase {
    private let reach = HomePage.Reach(hubs: 1, people: 12, organisations: 30, areasServed: 9, areasInEngland: 296)

    private func story(photo: Bool) -> PublishedStory {
        PublishedStory(
            id: UUID(), slug: "bread-and-banter", title: "Bread & banter",
            summary: "A bakery brings two estates together.",
            body: "", hubSlug: "tyneside", hubName: "Tyneside", organisationName: nil, kindOfWork: "dialogue",
            publishedAt: Date(timeIntervalSince1970: 1_795_000_000),
            updatedAt: Date(timeIntervalSince1970: 1_795_000_000),
            hasPhoto: photo, photoAlt: photo ? "Two bakers laughing over a tray of loaves" : nil)
    }

    private func model(page: PageContext = .preview(), stories: [PublishedStory] = [], offersSignUp: Bool = true)
        -> HomePage.Model
    {
        HomePage.Model(
            page: page, reach: reach, stories: stories, events: [], map: "<svg></svg>", offersSignUp: offersSignUp)
    }

    func testAVisitorIsInvitedToCreateAnAccount() {
        let html = HomePage.view(model()).render()
        XCTAssertTrue(html.contains("<h1 class=\"hero__title\">Good relations between communities, built locally</h1>"))
        XCTAssertTrue(html.contains("<a class=\"button\" href=\"/signup\">Create an account</a>"))
    }

    func testASignedInPersonIsNotInvitedAgain() {
        let page = PageContext.preview(signedInName: "Amira Khan")
        let html = HomePage.view(model(page: page, offersSignUp: false)).render()
        XCTAssertFalse(html.contains("<a class=\"button\" href=\"/signup\">"))
    }

    func testTheReachFiguresAreWordedForOneAndForMany() {
        let html = HomePage.view(model()).render()
        XCTAssertTrue(html.contains(">1</span><span class=\"reach__label\">hub run by local stewards<"))
        XCTAssertTrue(html.contains(">30</span><span class=\"reach__label\">organisations listed in the directory<"))
        XCTAssertTrue(html.contains(">12</span><span class=\"reach__label\">people approved into a hub<"))
        XCTAssertTrue(
            html.contains(">9</span><span class=\"reach__label\">of England's 296 council areas served by a hub<"))
    }

    func testAStoryWithAnApprovedPhotoShowsItsThumbnailWithItsDescription() {
        let html = HomePage.view(model(stories: [story(photo: true)])).render()
        XCTAssertTrue(html.contains("src=\"/stories/bread-and-banter/photo\""))
        XCTAssertTrue(html.contains("alt=\"Two bakers laughing over a tray of loaves\""))
        XCTAssertTrue(html.contains("Bread &amp; banter"))
        let plain = HomePage.view(model(stories: [story(photo: false)])).render()
        XCTAssertFalse(plain.contains("/photo\""), "a story without a photo shows no empty image")
    }

    func testEmptyListsSayThereIsNothingYetRatherThanShowingNothing() {
        let html = HomePage.view(model()).render()
        XCTAssertTrue(html.contains("There are no published stories to show yet."))
        XCTAssertTrue(html.contains("No events are planned yet."))
    }
}
