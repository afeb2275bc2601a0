import Plot
import XCTest

@testable import App

/// The front page, rendered from its model alone: no server, no database.
final class HomePageTests: XCTestCase {
    private let hubs = [
        Hub(slug: "tyneside", name: "Tyneside", region: "North East", summary: ""),
        Hub(slug: "bristol", name: "Bristol & Bath", region: "South West", summary: ""),
    ]

    func testAVisitorIsInvitedToCreateAnAccount() {
        let html = HomePage.view(.init(page: .preview(), hubs: hubs, offersSignUp: true)).render()
        XCTAssertTrue(html.contains("<h1>Bridgework</h1>"))
        XCTAssertTrue(html.contains("<a class=\"button\" href=\"/signup\">Create an account</a>"))
    }

    func testASignedInPersonIsNotInvitedAgain() {
        let page = PageContext.preview(signedInName: "Amira Khan")
        let html = HomePage.view(.init(page: page, hubs: hubs, offersSignUp: false)).render()
        XCTAssertFalse(html.contains("<a class=\"button\" href=\"/signup\">"))
    }

    func testEveryHubIsListedWithItsRegionAndItsNameEscaped() {
        let html = HomePage.view(.init(page: .preview(), hubs: hubs, offersSignUp: true)).render()
        XCTAssertTrue(html.contains("<strong>Tyneside</strong> – North East"))
        XCTAssertTrue(html.contains("<strong>Bristol &amp; Bath</strong>"))
    }
}
