import Fluent
import Vapor
import XCTVapor
import ZIPFoundation

@testable import App

/// Accounts that people control: tokens they can see and revoke, limits that hold, their data
/// to take away, and an account they can delete.
final class AccountRightsTests: XCTestCase {
    private func user(_ role: TestPeople.Role, on app: Application) async throws -> User {
        let row = try await User.query(on: app.db).filter(\.$email == role.email).first()
        return try XCTUnwrap(row)
    }

    // MARK: API tokens

    func testATokenIsNamedShownOnceListedWithItsDatesAndStopsWorkingWhenRevoked() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let refused = try await browser.post("/account/tokens", form: ["token_name": "", "token_days": "400"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(
                refused.text.contains("Enter a name for the token") || refused.text.contains("a name for the token"))
            XCTAssertTrue(refused.text.contains("a whole number from 1 to 365"))
            XCTAssertTrue(refused.text.contains(#"value="400""#), "what was typed is kept")

            let made = try await browser.post(
                "/account/tokens", form: ["token_name": "Newsletter sync", "token_days": "30"])
            XCTAssertEqual(made.status, .ok)
            XCTAssertEqual(made.headers.first(name: .cacheControl), "no-store")
            let token = try XCTUnwrap(made.text.firstMatch(of: /<code>([A-Za-z0-9_-]{40,})<\/code>/)?.output.1)
                .description
            let stored = try await APIToken.query(on: app.db).filter(\.$name == "Newsletter sync").first()
            XCTAssertEqual(stored?.tokenHash, Tokens.hash(token), "only the hash is kept")
            let expiry = try XCTUnwrap(stored?.expiresAt)
            XCTAssertEqual(expiry.timeIntervalSinceNow, 30 * 86_400, accuracy: 120)

            let me = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            XCTAssertEqual(me.status, .ok)
            let account = try await browser.get("/account")
            XCTAssertTrue(account.text.contains("Newsletter sync"))
            XCTAssertFalse(account.text.contains(token), "never shown again")
            XCTAssertTrue(account.text.contains(DisplayDate.day(Date())), "made and last used today")

            let revoked = try await browser.post("/account/tokens/\(stored!.id!.uuidString.lowercased())/revoke")
            XCTAssertEqual(revoked.status, .seeOther)
            let after = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            XCTAssertEqual(after.status, .unauthorized)

            // Nobody revokes another person's token.
            let othersToken = try await APITokens.create(
                for: try await self.user(.steward, on: app).requireID(), name: "Steward's", days: 5, on: app.db)
            let theirs = try await APIToken.query(on: app.db).filter(\.$tokenHash == Tokens.hash(othersToken)).first()
            let attempt = try await browser.post("/account/tokens/\(theirs!.id!.uuidString.lowercased())/revoke")
            XCTAssertEqual(attempt.status, .notFound)
            let stillWorks = try await TestClient(app).get(
                "/api/v1/me", headers: ["Authorization": "Bearer \(othersToken)"])
            XCTAssertEqual(stillWorks.status, .ok)
        }
    }

    func testAnExpiredTokenIsRefusedAndAPasswordChangeCanRevokeEveryToken() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let member = try await self.user(.member, on: app)
            let old = try await APITokens.create(for: member.requireID(), name: "Old", days: 1, on: app.db)
            try await APIToken.query(on: app.db).filter(\.$tokenHash == Tokens.hash(old)).set(
                \.$expiresAt, to: Date().addingTimeInterval(-60)
            ).update()
            let expired = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(old)"])
            XCTAssertEqual(expired.status, .unauthorized)
            XCTAssertTrue(expired.text.contains("expired"))

            let live = try await APITokens.create(for: member.requireID(), name: "Live", days: 10, on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(member.email)
            let awaited1 = try await browser.get("/account").text.contains("Also revoke my API token")
            XCTAssertTrue(awaited1)
            let changed = try await browser.post(
                "/account/password",
                form: [
                    "current_password": TestPeople.password, "new_password": "a different password",
                    "revoke_tokens": "yes",
                ])
            XCTAssertEqual(changed.status, .seeOther)
            let after = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(live)"])
            XCTAssertEqual(after.status, .unauthorized)
        }
    }

    func testTheCommandNamesTheTokenAndSetsItsLifetime() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let console = try await app.run(
                CreateTokenCommand(),
                ["--email", TestPeople.Role.steward.email, "--name", "Nightly export", "--expires-in-days", "7"])
            let token = console.standardOutput.trimmingCharacters(in: .newlines)
            let stored = try await APIToken.query(on: app.db).filter(\.$tokenHash == Tokens.hash(token)).first()
            XCTAssertEqual(stored?.name, "Nightly export")
            XCTAssertEqual(try XCTUnwrap(stored?.expiresAt).timeIntervalSinceNow, 7 * 86_400, accuracy: 120)
            do {
                _ = try await app.run(
                    CreateTokenCommand(), ["--email", TestPeople.Role.steward.email, "--expires-in-days", "0"])
                XCTFail("a lifetime of no days is refused")
            } catch {}
        }
    }

    // MARK: Password reset limits and timing

    func testResetEmailsAreLimitedPerAccountAndPerAddressAndTakeTheSameTimeEitherWay() async throws {
        try await withApp { app, _ in
            app.settings.behindProxy = true
            let from: HTTPHeaders = ["X-Forwarded-For": "203.0.113.20"]
            _ = try await TestPeople.make(on: app)
            for _ in 1...6 {
                let page = try await TestClient(app).post(
                    "/password/forgot", form: ["email": TestPeople.Role.member.email], headers: from)
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.text.contains("If this address has an account"))
            }
            XCTAssertEqual(
                app.deliveredMail(to: TestPeople.Role.member.email).count, Throttle.resetAccount.limit,
                "three emails an hour, however often it is asked")

            var known: [Double] = []
            var unknown: [Double] = []
            for attempt in 0..<4 {
                let email = attempt % 2 == 0 ? TestPeople.Role.steward.email : "nobody\(attempt)@example.org"
                let started = ContinuousClock.now
                _ = try await TestClient(app).post("/password/forgot", form: ["email": email], headers: from)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                if attempt % 2 == 0 { known.append(seconds) } else { unknown.append(seconds) }
            }
            for seconds in known + unknown {
                XCTAssertGreaterThanOrEqual(seconds, 0.4, "every answer waits the same floor, so timing does not tell")
            }
            // The eleventh request from one network address is refused plainly.
            let limited = try await TestClient(app).post(
                "/password/forgot", form: ["email": "someone@example.org"], headers: from)
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertTrue(limited.text.contains("too many requests from your network"))
            XCTAssertTrue(limited.text.contains(#"value="someone@example.org""#))
        }
    }

    // MARK: Second-person review

    func testWhoeverEditedTheVersionUnderReviewCannotPublishIt() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let author = TestClient(app)
            try await author.signIn(TestPeople.Role.member.email)
            let created = try await author.post(
                "/stories/new",
                form: [
                    "title": "Bread and talk", "summary": "A bakery's Friday table.", "body": "Every Friday.",
                    "hub": people.hub.slug, "kind_of_work": "understanding",
                ])
            let slug = try XCTUnwrap(created.location?.split(separator: "/").dropFirst().first.map(String.init))
            try await author.post(
                "/stories/\(slug)/consents",
                form: ["person": "Baker", "scope": "public", "how_given": "Signed form", "given_on": "2026-03-01"])
            try await author.post("/stories/\(slug)/submit")

            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let edited = try await coordinator.post(
                "/stories/\(slug)/edit",
                form: [
                    "title": "Bread and talk", "summary": "A bakery's Friday table.",
                    "body": "Every Friday, in the coordinator's words.", "hub": people.hub.slug,
                    "kind_of_work": "understanding",
                ])
            XCTAssertEqual(edited.status, .seeOther)
            let manage = try await coordinator.get("/stories/\(slug)/manage")
            let version = manage.text.firstMatch(of: #/name="version" value="(\d+)"/#)?.output.1 ?? "2"
            let ownWords = try await coordinator.post(
                "/stories/\(slug)/review", form: ["decision": "publish", "version": String(version)])
            XCTAssertEqual(ownWords.status, .forbidden, "an editor of the version under review never publishes it")
            let story = try await Story.query(on: app.db).filter(\.$slug == slug).first()
            XCTAssertNil(story?.publishedVersionID)

            let steward = TestClient(app)
            try await steward.signIn(TestPeople.Role.steward.email)
            let stewardPage = try await steward.get("/stories/\(slug)/manage")
            let latest = try XCTUnwrap(stewardPage.text.firstMatch(of: #/name="version" value="(\d+)"/#)?.output.1)
            let published = try await steward.post(
                "/stories/\(slug)/review", form: ["decision": "publish", "version": String(latest)])
            XCTAssertEqual(published.status, .seeOther, "a second person publishes it")
        }
    }

    // MARK: Addresses no page has

    func testOverLongAddressesAnswerTheSitesOwnPageNotAnError() async throws {
        try await withApp { app, _ in
            let segment = try await TestClient(app).get("/css/" + String(repeating: "a", count: 300))
            XCTAssertEqual(segment.status, .notFound)
            XCTAssertTrue(segment.text.contains("Page not found"))
            let long = try await TestClient(app).get("/" + String(repeating: "abcdefgh/", count: 455))
            XCTAssertEqual(long.status, .uriTooLong)
            XCTAssertTrue(long.text.contains("This web address is too long"))
            let story = try await TestClient(app).get("/stories/" + String(repeating: "é", count: 200))
            XCTAssertEqual(story.status, .notFound)
        }
    }

    // MARK: Download everything

    func testTheDataDownloadHoldsEverythingAboutThePersonAndNothingSecret() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = try await self.user(.member, on: app)
            try await Profile(userID: member.requireID(), role: "Mediator", bio: "Estate work.", visibility: .members)
                .create(on: app.db)
            let story = try Story(
                slug: "my-story", title: "My story", summary: "S", body: "B", hubID: people.hub.requireID(),
                organisationID: nil, authorID: member.id, kindOfWork: "mediation")
            try await story.create(on: app.db)
            try await StoryVersion(
                storyID: story.requireID(), number: 1, title: "My story", summary: "S", body: "The words I wrote.",
                savedBy: member.id
            ).create(on: app.db)
            try await StoryConsent(
                storyID: story.requireID(), person: "Ayo", scope: .public, howGiven: "Signed form",
                givenOn: "2026-01-01", expiresOn: nil
            ).create(on: app.db)
            let photo = StoryPhoto()
            photo.$story.id = try story.requireID()
            photo.contentType = "image/png"
            photo.data = Data([0x89, 0x50, 0x4E, 0x47])
            try await photo.create(on: app.db)
            _ = try await APITokens.create(for: member.requireID(), name: "Sync", days: 9, on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(member.email)

            let download = try await browser.get("/account/data.zip")
            XCTAssertEqual(download.status, .ok)
            XCTAssertEqual(download.headers.contentType?.description, "application/zip")
            XCTAssertEqual(download.headers.first(name: .cacheControl), "no-store")
            let archive = try Archive(data: Data(buffer: download.body), accessMode: .read)
            func file(_ path: String) throws -> String {
                guard let entry = archive[path] else { throw Abort(.notFound, reason: "no \(path) in the zip") }
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                return String(decoding: data, as: UTF8.self)
            }
            let readme = try file("README.txt")
            for name in [
                "account.json", "profile.json", "stories.json", "sign-ins.json", "activity-log.json", "photos/",
            ] {
                XCTAssertTrue(readme.contains(name), "README explains \(name)")
            }
            XCTAssertTrue(try file("account.json").contains(member.email))
            XCTAssertFalse(try file("account.json").contains(member.passwordHash), "never the password hash")
            XCTAssertTrue(try file("profile.json").contains("Estate work."))
            XCTAssertTrue(try file("stories.json").contains("The words I wrote."))
            XCTAssertTrue(try file("stories.json").contains("Ayo"))
            XCTAssertTrue(try file("sign-ins.json").contains("Sync"))
            XCTAssertNotNil(archive["photos/my-story.png"])
            try await AuditEntry(
                actorID: people.hub.id, action: .hubRequestApproved, subjectType: "user",
                subjectID: member.id?.uuidString,
                detail: "approved by a steward", ipAddress: "198.51.100.99"
            ).create(on: app.db)
            let again = try await browser.get("/account/data.zip")
            let second = try Archive(data: Data(buffer: again.body), accessMode: .read)
            var log = Data()
            _ = try second.extract(try XCTUnwrap(second["activity-log.json"])) { log.append($0) }
            XCTAssertTrue(String(decoding: log, as: UTF8.self).contains("approved by a steward"))
            XCTAssertFalse(
                String(decoding: log, as: UTF8.self).contains("198.51.100.99"),
                "another person's network address is theirs, not the downloader's")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "data-downloaded").count()
            XCTAssertEqual(audit, 2)
        }
    }

    // MARK: Delete my account

    func testDeletingAnAccountRemovesThePersonAndKeepsOnlyWhatOthersAreOwed() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let member = try await self.user(.member, on: app)
            let memberID = try member.requireID()
            let steward = try await self.user(.steward, on: app)
            try await Profile(userID: memberID, role: "Mediator", bio: "Estate work.", visibility: .public).create(
                on: app.db)
            try await OrganisationMembership(
                organisationID: people.organisation.requireID(), userID: memberID, role: .member
            ).create(on: app.db)
            // A published story with a public consent, and a draft.
            let published = try Story(
                slug: "published-one", title: "Published one", summary: "S", body: "B", hubID: people.hub.requireID(),
                organisationID: nil, authorID: memberID, kindOfWork: "mediation")
            try await published.create(on: app.db)
            let version = try StoryVersion(
                storyID: published.requireID(), number: 1, title: "Published one", summary: "S", body: "Shared words.",
                savedBy: memberID)
            try await version.create(on: app.db)
            try await StoryConsent(
                storyID: published.requireID(), person: "Ayo", scope: .public, howGiven: "Signed form",
                givenOn: "2026-01-01", expiresOn: nil
            ).create(on: app.db)
            published.status = .published
            published.publishedVersionID = version.id
            published.publishedAt = Date()
            published.firstPublishedAt = Date()
            try await published.save(on: app.db)
            let draft = try Story(
                slug: "draft-one", title: "Draft one", summary: "S", body: "B", hubID: people.hub.requireID(),
                organisationID: nil, authorID: memberID, kindOfWork: "mediation")
            try await draft.create(on: app.db)
            try await StoryVersion(
                storyID: draft.requireID(), number: 1, title: "Draft one", summary: "S", body: "Unfinished.",
                savedBy: memberID
            ).create(on: app.db)
            // A conversation with the steward, and a request nobody took up.
            let request = PeerRequest()
            request.$asker.id = memberID
            request.title = "A challenge"
            request.challenge = "Private"
            request.methods = ""
            request.themes = ""
            request.preferOutsideHub = false
            request.status = .open
            try await request.create(on: app.db)
            let conversation = PeerInvitation()
            conversation.$request.id = try request.requireID()
            conversation.$invitee.id = try steward.requireID()
            conversation.status = .accepted
            conversation.reasons = "Fits"
            conversation.respondedAt = Date()
            try await conversation.create(on: app.db)
            let message = PeerMessage()
            message.$invitation.id = try conversation.requireID()
            message.$author.id = memberID
            message.body = "Thank you for listening."
            try await message.create(on: app.db)
            let lonely = PeerRequest()
            lonely.$asker.id = memberID
            lonely.title = "Nobody came"
            lonely.challenge = "Private too"
            lonely.methods = ""
            lonely.themes = ""
            lonely.preferOutsideHub = false
            lonely.status = .open
            try await lonely.create(on: app.db)
            // A place at an event, with someone waiting for it.
            let event = Event(
                slug: "full-event", title: "Full event", hubID: people.hub.id,
                startsAt: Date().addingTimeInterval(86_400), endsAt: Date().addingTimeInterval(90_000))
            event.capacity = 1
            event.placesTaken = 1
            event.description = "D"
            event.place = "Hall"
            try await event.create(on: app.db)
            for (email, status) in [
                (member.email, EventRegistration.Status.confirmed), ("waiting@example.org", .waitlisted),
            ] {
                let registration = EventRegistration()
                registration.$event.id = try event.requireID()
                registration.$user.id = email == member.email ? memberID : nil
                registration.name = email
                registration.email = email
                registration.status = status
                registration.tokenHash = Tokens.hash(Tokens.random())
                registration.accessNeeds = ""
                registration.dietaryNeeds = ""
                registration.organisationName = ""
                registration.attended = false
                try await registration.create(on: app.db)
            }
            let token = try await APITokens.create(for: memberID, name: "Sync", days: 9, on: app.db)

            let browser = TestClient(app)
            try await browser.signIn(member.email)
            let otherBrowser = TestClient(app)
            try await otherBrowser.signIn(member.email)
            let page = try await browser.get("/account/delete")
            XCTAssertTrue(page.text.contains("cannot be undone"))
            let wrong = try await browser.post("/account/delete", form: ["password": "not my password"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.text.contains("Your password is not correct"))
            let awaited2 = try await User.find(memberID, on: app.db)?.email
            XCTAssertEqual(awaited2, member.email, "a wrong password changes nothing")

            let deleted = try await browser.post("/account/delete", form: ["password": TestPeople.password])
            XCTAssertEqual(deleted.status, .seeOther)
            XCTAssertEqual(deleted.location, "/?notice=account-deleted")

            // Signed out everywhere; the address and password no longer work; the token is dead.
            let awaited3 = try await otherBrowser.get("/account").status
            XCTAssertEqual(awaited3, .seeOther)
            let signIn = try await TestClient(app).post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password])
            XCTAssertEqual(signIn.status, .unprocessableEntity)
            let awaited4 = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
                .status
            XCTAssertEqual(awaited4, .unauthorized)
            let tombstoneRow = try await User.find(memberID, on: app.db)
            let tombstone = try XCTUnwrap(tombstoneRow)
            XCTAssertEqual(tombstone.name, AccountDeletion.formerMemberName)
            XCTAssertFalse(tombstone.email.contains("member"))
            XCTAssertNotNil(tombstone.deletedAt)
            let awaited5 = try await Profile.query(on: app.db).filter(\.$user.$id == memberID).count()
            XCTAssertEqual(awaited5, 0)
            let awaited6 = try await HubMembership.query(on: app.db).filter(\.$user.$id == memberID).count()
            XCTAssertEqual(awaited6, 0)
            let awaited7 = try await OrganisationMembership.query(on: app.db).filter(\.$user.$id == memberID).count()
            XCTAssertEqual(awaited7, 0)
            let awaited8 = try await EventRegistration.query(on: app.db).filter(\.$email == member.email).count()
            XCTAssertEqual(awaited8, 0)
            let awaited9 = try await OutboxMessage.query(on: app.db).filter(\.$recipient == member.email).count()
            XCTAssertEqual(awaited9, 0)
            let waiting = try await EventRegistration.query(on: app.db).filter(\.$email == "waiting@example.org")
                .first()
            XCTAssertEqual(
                waiting?.status, EventRegistration.Status.confirmed,
                "the freed place went to the person waiting")

            // The draft is gone; the published story stays, by "a former member".
            let awaited10 = try await Story.query(on: app.db).filter(\.$slug == "draft-one").first()
            XCTAssertNil(awaited10)
            let storyPage = try await TestClient(app).get("/stories/published-one")
            XCTAssertEqual(storyPage.status, .ok)
            XCTAssertFalse(storyPage.text.contains("Test member"))
            // The conversation stays for the steward, the leaver shown as a former member.
            let stewardBrowser = TestClient(app)
            try await stewardBrowser.signIn(steward.email)
            let thread = try await stewardBrowser.get(
                "/peer-support/conversations/\(conversation.id!.uuidString.lowercased())")
            XCTAssertEqual(thread.status, .ok)
            XCTAssertTrue(thread.text.contains("Thank you for listening."))
            XCTAssertTrue(thread.text.contains(AccountDeletion.formerMemberName))
            XCTAssertFalse(thread.text.contains("Test member"))
            let awaited11 = try await PeerRequest.query(on: app.db).filter(\.$title == "Nobody came").first()
            XCTAssertNil(awaited11)
            // The log keeps an opaque id, without addresses.
            let entries = try await AuditEntry.query(on: app.db).filter(\.$actorID == memberID).all()
            XCTAssertFalse(entries.isEmpty)
            XCTAssertTrue(entries.allSatisfy { $0.ipAddress == nil })
            let awaited12 = try await AuditEntry.query(on: app.db).filter(\.$action == "account-deleted").count()
            XCTAssertEqual(awaited12, 1)
        }
    }

    func testTheLastCoordinatorCannotGoAndACoordinatorRemovesAnAccountWithAReason() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let page = try await coordinator.get("/account/delete")
            XCTAssertTrue(page.text.contains("You are the only national coordinator"))
            let refused = try await coordinator.post("/account/delete", form: ["password": TestPeople.password])
            XCTAssertEqual(refused.status, .unprocessableEntity)
            let awaited13 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.coordinator.email)
                .first()?.deletedAt
            XCTAssertNil(awaited13)

            let member = try await self.user(.member, on: app)
            let path = "/admin/people/\(member.id!.uuidString)/delete"
            let noReason = try await coordinator.post(path, form: ["reason": ""])
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.text.contains("Say why the account is being deleted"))
            let removed = try await coordinator.post(path, form: ["reason": "Asked by email to leave"])
            XCTAssertEqual(removed.status, .seeOther)
            let awaited14 = try await User.find(member.id, on: app.db)?.deletedAt
            XCTAssertNotNil(awaited14)
            let entry = try await AuditEntry.query(on: app.db).filter(\.$action == "account-deleted").first()
            XCTAssertEqual(entry?.detail, "by a coordinator: Asked by email to leave")
            let awaited15 = try await coordinator.get("/admin/people").text.contains(AccountDeletion.formerMemberName)
            XCTAssertFalse(awaited15, "deleted accounts leave the list")
        }
    }
}
