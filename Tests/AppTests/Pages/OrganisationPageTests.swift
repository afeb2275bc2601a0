import Foundation
import Plot
import XCTest

@testable import App

/// The organisation pages, rendered from their models alone: no server, no database.
final class OrganisationPageTests: XCTestCase {
    private let organisation = Organisation(
        id: UUID(), slug: "harbour-mediation", name: "Harbour <Mediation>", summary: "Neighbour mediation.")

    private func showModel(canEdit: Bool) -> OrganisationShowPage.Model {
        OrganisationShowPage.Model(
            page: .preview(path: "/organisations/harbour-mediation"), organisation: organisation, terms: [:],
            areaCodes: [], hubs: [], publicBaseURL: "https://bridgework.example", canEdit: canEdit)
    }

    func testAnAdminSeesTheEditAndMembersLinks() {
        let html = OrganisationShowPage.view(showModel(canEdit: true)).render()
        XCTAssertTrue(html.contains("Edit this organisation"))
        XCTAssertTrue(html.contains("href=\"/organisations/harbour-mediation/members\""))
    }

    func testEveryoneElseSeesNeitherLink() {
        let html = OrganisationShowPage.view(showModel(canEdit: false)).render()
        XCTAssertFalse(html.contains("Edit this organisation"))
        XCTAssertFalse(html.contains("Manage members"))
        XCTAssertTrue(html.contains("<h1>Harbour &lt;Mediation&gt;</h1>"))
    }

    func testAPublicListingCarriesStructuredDataWithTheSitesAddress() {
        let html = OrganisationShowPage.view(showModel(canEdit: false)).render()
        XCTAssertTrue(html.contains("application/ld+json"))
        XCTAssertTrue(html.contains("bridgework.example"), "the address is the site's own")
    }

    func testTheFormKeepsWhatWasTypedEscapedAndExplainsTheMistake() {
        var form = OrganisationForm()
        form.name = "Bridges \"&\" Ladders"
        let errors = form.validate(knownHubSlugs: [])
        let model = OrganisationFormPage.Model(
            page: .preview(path: "/organisations/new"), title: "Add an organisation", action: "/organisations/new",
            form: form, hubs: [], errors: errors, submit: "Add organisation")
        let html = OrganisationFormPage.view(model).render()
        XCTAssertTrue(html.contains("Enter a short summary of the organisation"))
        XCTAssertTrue(html.contains("value=\"Bridges &quot;&amp;&quot; Ladders\""))
        XCTAssertTrue(html.contains(">Add organisation</button>"))
    }

    func testTheMembersTableOffersTheOppositeRoleAndHeadsItsColumns() {
        let user = User(id: UUID(), name: "Sam <Neill>", email: "sam@example.org", passwordHash: "!")
        let membership = OrganisationMembership(organisationID: organisation.id!, userID: user.id!, role: .member)
        membership.id = UUID()
        membership.$user.value = user
        let model = OrganisationMembersPage.Model(
            page: .preview(path: "/organisations/harbour-mediation/members"), organisation: organisation,
            members: [membership], invitations: [])
        let html = OrganisationMembersPage.view(model).render()
        XCTAssertTrue(html.contains("<th scope=\"col\">Name</th>"))
        XCTAssertTrue(html.contains("Make admin"))
        XCTAssertFalse(html.contains("Make member"))
        XCTAssertTrue(html.contains("<td>Sam &lt;Neill&gt;</td>"))
        XCTAssertFalse(html.contains("Invitations waiting for an answer"), "no invitations, no table")
    }

    func testAnInvitationAsksAVisitorToSignInWithTheAddressItWentTo() {
        let invitation = OrganisationInvitation(
            organisationID: organisation.id!, email: "jo@example.org", role: .admin, tokenHash: "hash", invitedBy: nil)
        invitation.$organisation.value = organisation
        let visitor = InvitationPage.Model(
            page: .preview(path: "/invitations/respond"), invitation: invitation, token: "abc", isSignedIn: false,
            isInvitee: false)
        let html = InvitationPage.view(visitor).render()
        XCTAssertTrue(html.contains("Join Harbour &lt;Mediation&gt;"))
        XCTAssertTrue(html.contains("Sign in to answer"))
        XCTAssertFalse(html.contains("Accept the invitation"))
        let invitee = InvitationPage.Model(
            page: .preview(path: "/invitations/respond", signedInName: "Jo"), invitation: invitation, token: "abc",
            isSignedIn: true, isInvitee: true)
        XCTAssertTrue(InvitationPage.view(invitee).render().contains("Accept the invitation"))
    }
}
