import Foundation
import Plot
import XCTest

@testable import App

/// The account pages, rendered from their models alone: no server, no database.
final class AccountsPageTests: XCTestCase {
    private func person(pendingEmail: String? = nil) -> User {
        let user = User(
            id: UUID(), name: "Amira Khan", email: "amira@example.org", passwordHash: "!", emailConfirmedAt: Date())
        user.pendingEmail = pendingEmail
        return user
    }

    private func accountModel(canReadMembersOnly: Bool, tokens: [APIToken] = []) -> AccountPage.Model {
        AccountPage.Model(
            page: .preview(path: "/account", signedInName: "Amira Khan"), user: person(), roles: [],
            canReadMembersOnly: canReadMembersOnly, pendingHubNames: ["Tyneside"], organisations: [],
            tokens: tokens, defaultTokenDays: 90)
    }

    func testSignInShowsWhatWasTypedEscapedAndKeepsWhereToGoNext() {
        var model = SignInPage.Model(page: .preview(path: "/signin"), email: "\"><script>", next: "/hubs")
        model.errors.add("email", "Enter a correct email address and password")
        let html = SignInPage.view(model).render()
        XCTAssertTrue(html.contains("<title>Error: Sign in – Bridgework</title>"))
        XCTAssertTrue(html.contains("Enter a correct email address and password"))
        XCTAssertFalse(html.contains("<script>"), "what was typed is escaped")
        XCTAssertTrue(html.contains("name=\"next\" value=\"/hubs\""))
        XCTAssertTrue(html.contains("value=\"preview-form-token\""))
        XCTAssertFalse(html.contains("Too many attempts"))
    }

    func testTooManyAttemptsSaysSoWithoutAFieldError() {
        let model = SignInPage.Model(page: .preview(path: "/signin"), tooManyAttempts: true)
        let html = SignInPage.view(model).render()
        XCTAssertTrue(html.contains("Too many attempts"))
        XCTAssertTrue(html.contains("<title>Error: Sign in – Bridgework</title>"))
    }

    func testTheResetLinkAnswerDoesNotOfferANewConfirmationLink() {
        let answer = CheckEmailPage.Model(
            page: .preview(), message: AccountController.passwordResetLink.sentMessage,
            offersNewConfirmationLink: AccountController.passwordResetLink.offersNewConfirmationLink)
        let html = CheckEmailPage.view(answer).render()
        XCTAssertTrue(html.contains("<h1>Check your email</h1>"))
        XCTAssertTrue(html.contains("we have sent it a link to reset the password"))
        XCTAssertFalse(html.contains("Ask for a new one"))

        let confirmation = CheckEmailPage.Model(
            page: .preview(), message: AccountController.newConfirmationLink.sentMessage)
        XCTAssertTrue(CheckEmailPage.view(confirmation).render().contains("Ask for a new one"))
    }

    func testAnApprovedMemberIsToldSoAndNotAskedToFindAHub() {
        let html = AccountPage.view(accountModel(canReadMembersOnly: true)).render()
        XCTAssertTrue(html.contains("<h1>Your account</h1>"))
        XCTAssertTrue(html.contains("You are an approved member of the alliance"))
        XCTAssertFalse(html.contains("Your membership is waiting for approval"))
    }

    func testSomeoneWaitingForAHubSeesWhichHubTheyAskedToJoin() {
        let html = AccountPage.view(accountModel(canReadMembersOnly: false)).render()
        XCTAssertTrue(html.contains("Your membership is waiting for approval"))
        XCTAssertTrue(html.contains("You have asked to join Tyneside."))
    }

    func testTheRevokeTokensBoxAppearsOnlyWithALiveToken() {
        let userID = UUID()
        let live = APIToken(userID: userID, tokenHash: "hash", name: "Newsletter sync")
        live.id = UUID()
        let withToken = AccountPage.view(accountModel(canReadMembersOnly: true, tokens: [live])).render()
        XCTAssertTrue(withToken.contains("Also revoke my API token"))
        XCTAssertTrue(withToken.contains("Newsletter sync"))

        let withoutToken = AccountPage.view(accountModel(canReadMembersOnly: true)).render()
        XCTAssertFalse(withoutToken.contains("Also revoke my API token"))
        XCTAssertTrue(withoutToken.contains("You have no API tokens."))
    }

    func testTheLastCoordinatorIsNotOfferedTheDeleteForm() {
        let html = DeleteAccountPage.view(.init(page: .preview(), isLastCoordinator: true)).render()
        XCTAssertTrue(html.contains("You are the only national coordinator"))
        XCTAssertFalse(html.contains(">Delete my account</button>"))

        let others = DeleteAccountPage.view(.init(page: .preview(), isLastCoordinator: false)).render()
        XCTAssertTrue(others.contains(">Delete my account</button>"))
    }
}
