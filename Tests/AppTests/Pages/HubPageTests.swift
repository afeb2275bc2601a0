import Foundation
import Plot
import XCTest

@testable import App

/// The hub pages, rendered from their models alone: no server, no database.
final class HubPageTests: XCTestCase {
    private let hub = Hub(
        id: UUID(), slug: "tyneside", name: "Tyneside <Bridges>", region: "North East",
        summary: "Neighbours & newcomers on the Tyne.", membershipPolicy: .approval)

    private func showModel(
        signedIn: Bool = true, canSteward: Bool = false, membership: HubMembership? = nil,
        hosts: [HubShowPage.Listing] = [], canReadMembersOnly: Bool = false
    ) -> HubShowPage.Model {
        HubShowPage.Model(
            page: .preview(path: "/hubs/tyneside", signedInName: signedIn ? "Amira" : nil), hub: hub, hosts: hosts,
            stewards: [], organisations: [], areaNames: [], peopleCount: 3, membership: membership,
            canJoin: signedIn, canSteward: canSteward, canReadMembersOnly: canReadMembersOnly, pendingRequests: 2)
    }

    func testTheHubsNameAndSummaryAreEscaped() {
        let html = HubShowPage.view(showModel()).render()
        XCTAssertTrue(html.contains("<h1>Tyneside &lt;Bridges&gt;</h1>"))
        XCTAssertTrue(html.contains("Neighbours &amp; newcomers on the Tyne."))
        XCTAssertTrue(html.contains("3 people"))
    }

    func testAStewardSeesTheRequestsLink() {
        let html = HubShowPage.view(showModel(canSteward: true)).render()
        XCTAssertTrue(html.contains("For stewards"))
        XCTAssertTrue(html.contains("href=\"/hubs/tyneside/requests\""))
        XCTAssertTrue(html.contains("2 requests waiting"))
    }

    func testSomeoneWhoIsNotAStewardSeesNoRequestsLink() {
        let html = HubShowPage.view(showModel(canSteward: false)).render()
        XCTAssertFalse(html.contains("For stewards"))
        XCTAssertFalse(html.contains("/hubs/tyneside/requests"))
    }

    func testAVisitorIsAskedToSignInToJoin() {
        let html = HubShowPage.view(showModel(signedIn: false)).render()
        XCTAssertTrue(html.contains("Sign in to join this hub"))
        XCTAssertFalse(html.contains("Ask to join this hub"))
    }

    func testASignedInPersonCanAskToJoinAHubThatApprovesMembers() {
        let html = HubShowPage.view(showModel()).render()
        XCTAssertTrue(html.contains("Ask to join this hub"))
        XCTAssertTrue(html.contains("action=\"/hubs/tyneside/join\""))
        XCTAssertTrue(html.contains("value=\"preview-form-token\""))
    }

    func testAPendingRequestCanBeWithdrawn() {
        let membership = HubMembership(hubID: hub.id!, userID: UUID(), role: .member, status: .pending)
        let html = HubShowPage.view(showModel(membership: membership)).render()
        XCTAssertTrue(html.contains("Your request to join is waiting for a steward."))
        XCTAssertTrue(html.contains("Withdraw my request"))
    }

    func testAMembersOnlyHostIsNamedOnlyToThoseWhoSeeMembersOnlyListings() {
        let host = HubShowPage.Listing(
            slug: "quiet-circle", name: "Quiet Circle", summary: "Private work.", isPublic: false)
        let hidden = HubShowPage.view(showModel(hosts: [host])).render()
        XCTAssertFalse(hidden.contains("Quiet Circle"))
        XCTAssertTrue(hidden.contains("Organisations listed for alliance members only."))
        let shown = HubShowPage.view(showModel(hosts: [host], canReadMembersOnly: true)).render()
        XCTAssertTrue(shown.contains("Quiet Circle"))
    }

    func testTheRequestsPageKeepsATypedReasonBesideItsError() {
        let user = User(id: UUID(), name: "Jo <Bloggs>", email: "jo@example.org", passwordHash: "!")
        let membership = HubMembership(hubID: hub.id!, userID: user.id!, role: .member, status: .pending)
        membership.id = UUID()
        let field = "reason-\(membership.id!.uuidString)"
        var errors = FormErrors()
        errors.add(field, "The reason must be 1,000 characters or fewer")
        let model = HubRequestsPage.Model(
            page: .preview(path: "/hubs/tyneside/requests"), hub: hub,
            requests: .init(people: [(membership, user)], organisations: []), errors: errors,
            typedReasons: [field: "Not <yet>"])
        let html = HubRequestsPage.view(model).render()
        XCTAssertTrue(html.contains("<title>Error: Requests to join Tyneside &lt;Bridges&gt; – Bridgework</title>"))
        XCTAssertTrue(html.contains("Jo &lt;Bloggs&gt;"))
        XCTAssertTrue(html.contains("Not &lt;yet&gt;</textarea>"))
        XCTAssertTrue(html.contains("No organisation is waiting."))
    }
}
