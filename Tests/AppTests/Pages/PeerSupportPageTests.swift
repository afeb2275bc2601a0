import Foundation
import Plot
import XCTest

@testable import App

/// Peer support's pages, rendered from their models alone: no server, no database.
final class PeerSupportPageTests: XCTestCase {
    private let asker = User(id: UUID(), name: "Amina", email: "amina@example.org", passwordHash: "")
    private let friend = User(id: UUID(), name: "Ben", email: "ben@example.org", passwordHash: "")

    private func request(isOpen: Bool = true) -> PeerRequest {
        let request = PeerRequest()
        request.id = UUID()
        request.$asker.id = asker.id!
        request.title = "Keeping a dialogue group going"
        request.challenge = "The group stopped meeting after an incident."
        request.methods = ",dialogue,"
        request.themes = ""
        request.preferOutsideHub = false
        request.status = isOpen ? .open : .closed
        return request
    }

    private func invitation(_ status: PeerInvitation.Status) -> PeerInvitation {
        let invitation = PeerInvitation()
        invitation.id = UUID()
        invitation.$invitee.id = friend.id!
        invitation.$invitee.value = friend
        invitation.status = status
        invitation.reasons = "you work with dialogue"
        return invitation
    }

    private let suggestion = PeerMatching.Suggestion(
        userID: UUID(), name: "Cara", role: "Mediator", score: 3, reasons: ["Works with dialogue"],
        reasonsForInvitee: ["you work with dialogue"])

    func testThePersonWhoAskedSeesWhomTheyInvitedAndWhomTheyCouldInvite() {
        let invited = invitation(.accepted)
        let model = PeerRequestPage.Model(
            page: .preview(signedInName: "Amina"), request: request(), asker: asker, canManage: true,
            invitations: [invited], mine: nil, suggestions: [suggestion])
        let html = PeerRequestPage.view(model).render()
        XCTAssertTrue(html.contains("Your request"))
        XCTAssertTrue(html.contains("Ben: accepted, talking"))
        XCTAssertTrue(html.contains("Conversation with Ben"))
        XCTAssertTrue(html.contains("Invite Cara"))
        XCTAssertTrue(html.contains("Close this request"))
        XCTAssertTrue(html.contains("Dialogue"), "the methods are named, not coded")
    }

    func testSomeoneInvitedIsAskedToAnswerAndSeesNobodyElse() {
        let mine = invitation(.invited)
        let model = PeerRequestPage.Model(
            page: .preview(signedInName: "Ben"), request: request(), asker: asker, canManage: false,
            invitations: [mine], mine: mine, suggestions: [])
        let html = PeerRequestPage.view(model).render()
        XCTAssertTrue(html.contains("From Amina"))
        XCTAssertTrue(html.contains("Will you be their critical friend?"))
        XCTAssertTrue(html.contains("Why you were suggested: you work with dialogue."))
        XCTAssertFalse(html.contains("People you invited"))
        XCTAssertFalse(html.contains("Close this request"))
    }

    func testAClosedRequestOffersNoMoreSuggestions() {
        let model = PeerRequestPage.Model(
            page: .preview(), request: request(isOpen: false), asker: asker, canManage: true, invitations: [],
            mine: nil, suggestions: [suggestion])
        let html = PeerRequestPage.view(model).render()
        XCTAssertTrue(html.contains("Your request (closed)"))
        XCTAssertFalse(html.contains("Invite Cara"))
    }

    func testTheRequestFormShowsItsProblemsAndKeepsWhatWasTyped() {
        var form = PeerRequestForm()
        form.title = "A <b>bold</b> title"
        let errors = form.validate()
        let html = PeerRequestFormPage.view(.init(page: .preview(), form: form, errors: errors)).render()
        XCTAssertTrue(html.contains("Enter the challenge"))
        XCTAssertTrue(html.contains("value=\"A &lt;b&gt;bold&lt;/b&gt; title\""))
    }
}
