import Plot
import XCTest

@testable import App

/// The about page, rendered from its model alone: no server, no database.
final class AboutPageTests: XCTestCase {
    func testTheReportsFiguresAreShown() {
        let html = AboutPage.view(.init(page: .preview(path: "/about"), listsThePastRound: false)).render()
        XCTAssertTrue(html.contains("<h1>About the alliance</h1>"))
        XCTAssertTrue(html.contains("<dd>346</dd>"))
        XCTAssertTrue(html.contains("<dd>235</dd>"))
    }

    func testThePastEventsAreLinkedOnlyWhenTheyAreListed() {
        let listed = AboutPage.view(.init(page: .preview(path: "/about"), listsThePastRound: true)).render()
        XCTAssertTrue(listed.contains("See them among the past events"))

        let unlisted = AboutPage.view(.init(page: .preview(path: "/about"), listsThePastRound: false)).render()
        XCTAssertFalse(unlisted.contains("See them among the past events"))
    }
}
