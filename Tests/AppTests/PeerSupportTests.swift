import Fluent
import Vapor
import XCTVapor

@testable import App

/// Peer support: private requests, suggestions with reasons, invitations, private conversations,
/// availability, and skills offered.
final class PeerSupportTests: XCTestCase {
    /// Makes `role` available as a critical friend with these methods, themes and languages.
    private func offer(
        _ role: TestPeople.Role, methods: [String], themes: [String] = [], languages: String = "English",
        on app: Application
    ) async throws -> UUID {
        let user = try await User.query(on: app.db).filter(\.$email == role.email).first()
        let userID = try XCTUnwrap(user?.id)
        let profile = Profile(
            userID: userID, role: "Practitioner", languages: languages, criticalFriend: true, visibility: .members)
        try await profile.create(on: app.db)
        try await
            (methods.map { ProfileTerm(profileID: profile.id!, vocabulary: .method, code: $0) }
            + themes.map { ProfileTerm(profileID: profile.id!, vocabulary: .theme, code: $0) }).create(on: app.db)
        return userID
    }

    private func ask(_ client: TestClient, outside: Bool = false, app: Application) async throws -> PeerRequest {
        var form = [
            "title": "Keeping a dialogue group going", "challenge": "After an incident, half the group stopped coming.",
            "methods[]": "mediation",
        ]
        if outside { form["outside_hub[]"] = "yes" }
        let saved = try await client.post("/peer-support/new", form: form)
        XCTAssertEqual(saved.status, .seeOther, saved.text)
        let request = try await PeerRequest.query(on: app.db).sort(\.$createdAt, .descending).first()
        return try XCTUnwrap(request)
    }

    func testAMemberInvitesASuggestedCriticalFriendWhoAcceptsAndTheyTalkWhereNobodyElseCanSee() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let stewardID = try await offer(.steward, methods: ["mediation", "dialogue"], on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let request = try await ask(member, app: app)
            let path = "/peer-support/requests/\(request.id!.uuidString.lowercased())"
            let page = try await member.get(path)
            XCTAssertTrue(page.text.contains("Test steward"))
            XCTAssertTrue(
                page.text.contains("Works with mediation, as your challenge does"), "each suggestion says why")

            let invited = try await member.post(path + "/invite", form: ["invitee": stewardID.uuidString])
            XCTAssertEqual(invited.status, .seeOther)
            let email = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.steward.email)
                .sort(\.$createdAt, .descending).first()
            XCTAssertEqual(email?.subject, "Would you be a critical friend?")
            XCTAssertFalse(email?.body.contains("half the group") ?? true, "the challenge itself never goes by email")

            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let seen = try await steward.get(path)
            XCTAssertTrue(seen.text.contains("half the group stopped coming"), "an invited person reads the challenge")
            let accepted = try await steward.post(path + "/respond", form: ["decision": "accept"])
            let thread = try XCTUnwrap(accepted.location?.components(separatedBy: "?").first)
            _ = try await steward.post(thread + "/messages", form: ["body": "Happy to help. Thursday evening?"])
            _ = try await member.post(thread + "/messages", form: ["body": "Thursday works."])
            let conversation = try await member.get(thread)
            XCTAssertTrue(conversation.text.contains("Happy to help. Thursday evening?"))
            XCTAssertTrue(conversation.text.contains("Thursday works."))
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .sort(\.$createdAt, .descending).first()
            XCTAssertFalse(
                told?.body.contains("Thursday") ?? true, "message emails say there is a message, never what it says")

            for outsider in [TestPeople.Role.organisationAdmin, .coordinator, .otherSteward] {
                let other = TestClient(app)
                try await other.signIn(outsider.email)
                let requestPage = try await other.get(path)
                XCTAssertEqual(requestPage.status, .notFound, "\(outsider) cannot see the request")
                let threadPage = try await other.get(thread)
                XCTAssertEqual(threadPage.status, .notFound, "\(outsider) cannot see the conversation")
                let posted = try await other.post(thread + "/messages", form: ["body": "Let me in"])
                XCTAssertEqual(posted.status, .notFound)
                let index = try await other.get("/peer-support")
                XCTAssertFalse(index.text.contains("Keeping a dialogue group going"))
            }
            let visitor = try await TestClient(app).get(path)
            XCTAssertNotEqual(visitor.status, .ok)
        }
    }

    func testSuggestionsRankByFitAndNobodyWhoSwitchedOffIsShownOrCanBeInvited() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            _ = try await offer(.organisationAdmin, methods: ["arts"], on: app)
            let stewardID = try await offer(
                .steward, methods: ["mediation"], themes: ["faith"], languages: "English, Urdu", on: app)
            let otherID = try await offer(.otherSteward, methods: ["mediation"], on: app)
            let registeredID = try await offer(.registered, methods: ["mediation"], themes: ["faith"], on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let memberUser = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            try await Profile(userID: memberUser!.id!, languages: "Urdu, English").create(on: app.db)
            try await HubMembership(hubID: people.hub.id!, userID: memberUser!.id!, role: .member).create(on: app.db)
            let request = try await ask(member, outside: true, app: app)
            request.themes = ",faith,"
            try await request.save(on: app.db)

            let suggestions = try await PeerMatching.suggestions(for: request, on: app.db)
            XCTAssertFalse(
                suggestions.contains { $0.userID == registeredID },
                "nobody a hub has not approved is suggested, however well they fit")
            XCTAssertEqual(
                suggestions.first?.userID, otherID,
                "the steward shares more but is in the member's own hub, which the member asked to avoid")
            let steward = try XCTUnwrap(suggestions.first { $0.userID == stewardID })
            XCTAssertTrue(steward.reasons.contains("Speaks Urdu, as you do"))
            XCTAssertTrue(steward.reasons.contains("In a hub with you, though you asked for someone outside"))
            XCTAssertTrue(suggestions.first?.reasons.contains("Outside your own hubs, as you asked") ?? false)

            // The other steward switches off being a critical friend.
            let profile = try await Profile.query(on: app.db).filter(\.$user.$id == otherID).first()
            profile!.criticalFriend = false
            try await profile!.save(on: app.db)
            let page = try await member.get("/peer-support/requests/\(request.id!.uuidString.lowercased())")
            XCTAssertFalse(page.text.contains("Test otherSteward"), "never shown once they switch it off")
            // Each suggestion links to the person's profile, which the asker may open.
            let profilePath = SiteURL.person(stewardID).path
            XCTAssertTrue(page.text.contains("href=\"\(profilePath)\">Test steward</a>"), page.text)
            let profilePage = try await member.get(profilePath)
            XCTAssertEqual(profilePage.status, .ok)
            let refused = try await member.post(
                "/peer-support/requests/\(request.id!.uuidString.lowercased())/invite",
                form: ["invitee": otherID.uuidString])
            XCTAssertTrue(refused.location?.contains("peer-no-longer-available") ?? false)
            let invitations = try await PeerInvitation.query(on: app.db).count()
            XCTAssertEqual(invitations, 0)
        }
    }

    func testADeclinedInviteeNoLongerSeesTheRequestAndAClosedConversationTakesNoMoreMessages() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let stewardID = try await offer(.steward, methods: ["mediation"], on: app)
            let adminID = try await offer(.organisationAdmin, methods: ["mediation"], on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let request = try await ask(member, app: app)
            let path = "/peer-support/requests/\(request.id!.uuidString.lowercased())"
            _ = try await member.post(path + "/invite", form: ["invitee": stewardID.uuidString])
            _ = try await member.post(path + "/invite", form: ["invitee": adminID.uuidString])
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            _ = try await steward.post(path + "/respond", form: ["decision": "decline"])
            let afterDeclining = try await steward.get(path)
            XCTAssertEqual(afterDeclining.status, .notFound)

            let admin = TestClient(app)
            try await admin.signIn(TestPeople.Role.organisationAdmin.email)
            let accepted = try await admin.post(path + "/respond", form: ["decision": "accept"])
            let thread = try XCTUnwrap(accepted.location?.components(separatedBy: "?").first)
            _ = try await member.post(thread + "/close")
            let late = try await admin.post(thread + "/messages", form: ["body": "One more thing"])
            XCTAssertEqual(late.status, .unprocessableEntity)
            XCTAssertTrue(late.text.contains("This conversation has been closed"))
            XCTAssertTrue(late.text.contains("One more thing"), "what was typed is kept")
        }
    }

    func testClosingARequestLapsesUnansweredInvitationsAndTheirAccessAndTheInviteeReadsWhyInTheirOwnTerms() async throws
    {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let stewardID = try await offer(.steward, methods: ["mediation"], on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let request = try await ask(member, app: app)
            let path = "/peer-support/requests/\(request.id!.uuidString.lowercased())"
            _ = try await member.post(path + "/invite", form: ["invitee": stewardID.uuidString])
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let page = try await steward.get(path)
            XCTAssertTrue(
                page.text.contains("Why you were suggested: you work with mediation, which their challenge involves."),
                page.text)
            _ = try await member.post(path + "/close")
            let late = try await steward.post(path + "/respond", form: ["decision": "accept"])
            XCTAssertEqual(late.status, .notFound)
            let gone = try await steward.get(path)
            XCTAssertEqual(gone.status, .notFound, "an invitation that lapsed unanswered no longer shows the challenge")
            let open = try await PeerInvitation.query(on: app.db).filter(\.$status == .accepted).count()
            XCTAssertEqual(open, 0, "no conversation opens on a closed request")
        }
    }

    func testMistakesInARequestAreExplainedAndNothingIsLost() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let page = try await member.post(
                "/peer-support/new", form: ["title": "Tension at the school gate", "methods[]": "juggling"])
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Enter the challenge"))
            XCTAssertTrue(page.text.contains("Choose from the list"))
            XCTAssertTrue(page.text.contains(#"value="Tension at the school gate""#))
            let count = try await PeerRequest.query(on: app.db).count()
            XCTAssertEqual(count, 0)
        }
    }

    func testMembersOfferSkillsThatOtherMembersBrowseAndOnlyTheirAuthorWithdraws() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            _ = try await member.post(
                "/peer-support/skills",
                form: ["skill_title": "I can run a session on facilitation", "skill_methods[]": "dialogue"])
            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let list = try await steward.get("/peer-support/skills")
            XCTAssertTrue(list.text.contains("I can run a session on facilitation"))
            XCTAssertFalse(list.text.contains("Withdraw this offer"))
            let offer = try await SkillOffer.query(on: app.db).first()
            let refused = try await steward.post("/peer-support/skills/\(offer!.id!.uuidString.lowercased())/withdraw")
            XCTAssertEqual(refused.status, .forbidden)
            _ = try await member.post("/peer-support/skills/\(offer!.id!.uuidString.lowercased())/withdraw")
            let remaining = try await SkillOffer.query(on: app.db).count()
            XCTAssertEqual(remaining, 0)
            let visitor = try await TestClient(app).get("/peer-support/skills")
            XCTAssertNotEqual(visitor.status, .ok, "offers are for members")
        }
    }
}
