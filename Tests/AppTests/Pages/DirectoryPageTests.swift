import Foundation
import Plot
import XCTest

@testable import App

/// The directory's combined search page, rendered from its model alone: no server, no database.
final class DirectoryPageTests: XCTestCase {
    private func results(_ listings: [DirectoryListing]) -> DirectoryResults {
        DirectoryResults(
            generation: 1, listings: listings, total: listings.count, termCounts: [:], hubCounts: [:],
            areaCounts: [:], hubs: [])
    }

    private let harbour = DirectoryListing(
        id: UUID(), slug: "harbour-mediation", name: "Harbour <Mediation>", summary: "Neighbour mediation.",
        isPublic: true, methodCodes: ["mediation"])

    private func practitioner() -> Profile {
        let user = User(id: UUID(), name: "Test steward", email: "steward@example.org", passwordHash: "!")
        let profile = Profile(userID: user.id!, role: "Mediation trainer", criticalFriend: true, visibility: .members)
        profile.$user.value = user
        return profile
    }

    func testAVisitorIsAskedToSignInToSearchPractitioners() {
        let model = DirectorySearchPage.Model(
            page: .preview(path: "/search"), query: DirectoryQuery(), results: results([harbour]), filterForm: "",
            practitioners: nil)
        let html = DirectorySearchPage.view(model).render()
        XCTAssertTrue(html.contains("<h1>Search the directory</h1>"))
        XCTAssertTrue(html.contains("Harbour &lt;Mediation&gt;"))
        XCTAssertTrue(html.contains("Sign in to search practitioners as well"))
        XCTAssertFalse(html.contains("Practitioners ("))
    }

    func testASignedInPersonSeesThePractitionersFound() {
        let criteria = PractitionerSearch.Criteria(text: "mediation")
        let found = DirectorySearchPage.Practitioners(criteria: criteria, profiles: [practitioner()], total: 1)
        var query = DirectoryQuery()
        query.text = "mediation"
        let model = DirectorySearchPage.Model(
            page: .preview(path: "/search", signedInName: "Amira"), query: query, results: results([]),
            filterForm: "", practitioners: found)
        let html = DirectorySearchPage.view(model).render()
        XCTAssertTrue(html.contains("<h1>Search results</h1>"))
        XCTAssertTrue(html.contains("Practitioners (1)"))
        XCTAssertTrue(html.contains("Test steward"))
        XCTAssertTrue(html.contains("No organisations match this search."))
        XCTAssertFalse(html.contains("Sign in to search practitioners as well"))
    }

    func testAListOfOneOrganisationHasNoPageLinks() {
        let html = OrganisationSearchPage.resultList(
            query: DirectoryQuery(), results: results([harbour]), base: .organisations, heading: nil
        ).render()
        XCTAssertTrue(html.contains("1 organisation"))
        XCTAssertFalse(html.contains("Next page"))
    }
}
