import Plot
import XCTest

@testable import App

/// The frame every page shares, rendered from a page context alone: no server, no database.
final class LayoutPageTests: XCTestCase {
    private func render(_ page: PageContext, notice: Notice? = nil) -> String {
        Layout(title: "Hubs", page: page, notice: notice).render(.h1(.plainText("Hubs"))).render()
    }

    func testAVisitorIsOfferedSignInAndNoSignOutForm() {
        let html = render(.preview(path: "/hubs"))
        XCTAssertTrue(html.contains(">Sign in</a>"))
        XCTAssertTrue(html.contains(">Create an account</a>"))
        XCTAssertFalse(html.contains("Sign out"))
        XCTAssertFalse(html.contains("preview-form-token"), "a page without forms carries no token")
    }

    func testASignedInPersonSeesTheirNameAndASignOutFormWithItsToken() {
        let html = render(.preview(path: "/hubs", signedInName: "Amira <Khan>"))
        XCTAssertTrue(html.contains("Signed in as "))
        XCTAssertTrue(html.contains("Amira &lt;Khan&gt;"), "a name is escaped")
        XCTAssertTrue(html.contains("value=\"preview-form-token\""))
    }

    func testTheCurrentNavigationItemIsMarkedAndOnlyThatOne() {
        let navigation = [
            NavigationItem(text: "Home", url: .home),
            NavigationItem(text: "Hubs", url: .hubs),
        ]
        let html = render(.preview(path: "/hubs/lakeside", navigation: navigation))
        XCTAssertTrue(html.contains("<a href=\"/hubs\" aria-current=\"page\">Hubs</a>"))
        XCTAssertTrue(html.contains("<a href=\"/\">Home</a>"))
    }

    func testANoticeIsShownAsAStatusMessage() {
        let notice = Notice(key: "saved", text: "Your changes have been saved.")
        let html = render(.preview(), notice: notice)
        XCTAssertTrue(html.contains("role=\"status\"><p>Your changes have been saved.</p>"))
    }
}
