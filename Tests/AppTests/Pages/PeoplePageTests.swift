import Foundation
import Plot
import XCTest

@testable import App

/// Practitioners' pages, rendered from their models alone: no server, no database.
final class PeoplePageTests: XCTestCase {
    private let user = User(id: UUID(), name: "Amira <Khan>", email: "amira@example.org", passwordHash: "!")

    private func personModel(isOwner: Bool, profile: Profile?) -> PersonPage.Model {
        PersonPage.Model(
            page: .preview(path: "/people/\(user.id!.uuidString)"), user: user, profile: profile, terms: [],
            organisations: [], hubs: [], isOwner: isOwner)
    }

    func testTheOwnerIsToldWhoCanSeeTheirProfileAndMayEditIt() {
        let profile = Profile(userID: user.id!, role: "Youth worker", visibility: .members)
        let html = PersonPage.view(personModel(isOwner: true, profile: profile)).render()
        XCTAssertTrue(html.contains("This is your profile. Who can see it: alliance members."))
        XCTAssertTrue(html.contains("Edit your profile"))
        XCTAssertTrue(html.contains("<h1>Amira &lt;Khan&gt;</h1>"))
    }

    func testSomeoneElseSeesTheProfileButNoEditLink() {
        let profile = Profile(userID: user.id!, role: "Youth worker", criticalFriend: true, visibility: .public)
        let html = PersonPage.view(personModel(isOwner: false, profile: profile)).render()
        XCTAssertTrue(html.contains("Youth worker"))
        XCTAssertTrue(html.contains("Open to being a critical friend"))
        XCTAssertFalse(html.contains("Edit your profile"))
    }

    func testTheProfileFormKeepsWhatWasTypedAndExplainsTheMistake() {
        let input = FormInput(fields: ["role": "Mediator <lead>", "visibility": "everyone"])
        let form = ProfileForm(input)
        let model = ProfileFormPage.Model(page: .preview(path: "/account/profile"), form: form, errors: form.validate())
        let html = ProfileFormPage.view(model).render()
        XCTAssertTrue(html.contains("Choose who can see your profile"))
        XCTAssertTrue(html.contains("value=\"Mediator &lt;lead&gt;\""))
        XCTAssertTrue(html.contains("<title>Error: Your profile – Bridgework</title>"))
    }
}
