import Foundation
import Plot
import XCTest

@testable import App

/// The coordinators' pages, rendered from their models alone: no server, no database.
final class AdminPageTests: XCTestCase {
    private func person(isCoordinator: Bool) -> User {
        User(
            id: UUID(), name: "Sam <Neill>", email: "sam@example.org", passwordHash: "!",
            isCoordinator: isCoordinator)
    }

    private func personModel(_ user: User, hubRoles: [PersonAdminPage.HubRole] = []) -> PersonAdminPage.Model {
        PersonAdminPage.Model(
            page: .preview(path: "/admin/people"), user: user, hubRoles: hubRoles, organisationRoles: [],
            hubChoices: [(UUID().uuidString, "Tyneside")], organisationChoices: [])
    }

    func testACoordinatorIsOfferedRemovingTheRoleNotGrantingIt() {
        let html = PersonAdminPage.view(personModel(person(isCoordinator: true))).render()
        XCTAssertTrue(html.contains("This person is a national coordinator."))
        XCTAssertTrue(html.contains("value=\"remove-coordinator\""))
        XCTAssertFalse(html.contains("value=\"grant-coordinator\""))
    }

    func testSomeoneElseIsOfferedTheCoordinatorRole() {
        let html = PersonAdminPage.view(personModel(person(isCoordinator: false))).render()
        XCTAssertTrue(html.contains("Make national coordinator"))
        XCTAssertTrue(html.contains("value=\"grant-coordinator\""))
    }

    func testTheNameIsEscapedAndEachHubRoleHasARemoveButton() {
        let hubID = UUID()
        let role = PersonAdminPage.HubRole(hubID: hubID, hubName: "Tyneside", isSteward: true)
        let html = PersonAdminPage.view(personModel(person(isCoordinator: false), hubRoles: [role])).render()
        XCTAssertTrue(html.contains("<h1>Sam &lt;Neill&gt;</h1>"))
        XCTAssertTrue(html.contains("Steward of Tyneside "))
        XCTAssertTrue(html.contains("value=\"\(hubID.uuidString)\""))
        XCTAssertFalse(html.contains("No hub roles."))
    }

    func testTheOutboxSaysWhereMessagesGoWithoutAMailProgram() {
        let messages = Paged<OutboxMessage>(items: [], page: 1, size: 20, total: 0)
        let html = OutboxPage.view(.init(page: .preview(), messages: messages, hasMailProgram: false)).render()
        XCTAssertTrue(html.contains("<h1>Outbox</h1>"))
        XCTAssertTrue(html.contains("No mail program is set"))
        XCTAssertTrue(html.contains("There are no messages yet."))
    }
}
