import Fluent
import Vapor
import XCTVapor

@testable import App

/// Stories: drafting, consent, review, publication and taking down.
final class StoryTests: XCTestCase {
    private let storyForm = [
        "title": "Football across the divide",
        "summary": "Two youth clubs that had never met now share a league.",
        "body":
            "It began with a borrowed pitch.\n\n> We were nervous, then we were a team.\n\nNow they play every month.",
        "hub": "riverside",
        "kind_of_work": "understanding",
        "themes[]": "faith",
        "hot_topics[]": "immigration",
    ]

    /// A member drafts a story in the steward's hub and records consents; returns its slug.
    private func draft(_ author: TestClient, consents: [ConsentScope] = [.public, .media]) async throws -> String {
        let created = try await author.post("/stories/new", form: storyForm)
        XCTAssertEqual(created.status, .seeOther)
        let slug = try XCTUnwrap(created.location?.split(separator: "/").dropFirst().first.map(String.init))
        for (index, scope) in consents.enumerated() {
            let added = try await author.post(
                "/stories/\(slug)/consents",
                form: [
                    "person": "Person \(index + 1)", "scope": scope.rawValue, "how_given": "Signed form",
                    "given_on": "2026-03-01",
                ])
            XCTAssertEqual(added.status, .seeOther, added.text)
        }
        return slug
    }

    private func publish(_ slug: String, author: TestClient, steward: TestClient) async throws {
        let submitted = try await author.post("/stories/\(slug)/submit")
        XCTAssertEqual(submitted.status, .seeOther, submitted.text)
        let manage = try await steward.get("/stories/\(slug)/manage")
        let version = try XCTUnwrap(manage.text.firstMatch(of: #/name="version" value="(\d+)"/#)?.output.1)
        let published = try await steward.post(
            "/stories/\(slug)/review", form: ["decision": "publish", "version": String(version)])
        XCTAssertEqual(published.status, .seeOther, published.text)
    }

    private func clients(_ app: Application) async throws -> (
        author: TestClient, steward: TestClient, visitor: TestClient
    ) {
        _ = try await TestPeople.make(on: app)
        let author = TestClient(app)
        try await author.signIn(TestPeople.Role.member.email)
        let steward = TestClient(app)
        try await steward.signIn(TestPeople.Role.steward.email)
        return (author, steward, TestClient(app))
    }

    func testAStoryGoesOutOnlyAfterItsHubsStewardPublishesIt() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author)
            let whileDraft = try await visitor.get("/stories/\(slug)").status
            XCTAssertEqual(whileDraft, .notFound, "a draft is never shown to readers")

            let submitted = try await author.post("/stories/\(slug)/submit")
            XCTAssertEqual(submitted.status, .seeOther)
            let stewardMail = try await OutboxMessage.query(on: app.db).filter(
                \.$recipient == TestPeople.Role.steward.email
            ).all()
            XCTAssertTrue(stewardMail.contains { $0.subject == "A story is waiting for your review" })

            let returned = try await steward.post(
                "/stories/\(slug)/review",
                form: ["decision": "return", "reason": "Please leave out the name of the school."])
            XCTAssertEqual(returned.status, .seeOther)
            let manage = try await author.get("/stories/\(slug)/manage")
            XCTAssertTrue(
                manage.text.contains("Please leave out the name of the school."), "the author sees the steward's reason"
            )
            let authorMail = try await OutboxMessage.query(on: app.db).filter(
                \.$recipient == TestPeople.Role.member.email
            ).all()
            XCTAssertTrue(authorMail.contains { $0.body.contains("Please leave out the name of the school.") })

            var edited = storyForm
            edited["body"] = "It began with a borrowed pitch in town.\n\n> We were nervous, then we were a team."
            let saved = try await author.post("/stories/\(slug)/edit", form: edited)
            XCTAssertEqual(saved.status, .seeOther)
            try await publish(slug, author: author, steward: steward)

            let page = try await visitor.get("/stories/\(slug)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("borrowed pitch in town"))
            XCTAssertTrue(page.text.contains(#""@type":"Article""#))
            XCTAssertTrue(page.text.contains(#"property="og:description""#))
            XCTAssertTrue(page.text.contains(#"type="application/atom+xml""#))
            let list = try await visitor.get("/stories")
            XCTAssertTrue(list.text.contains("Football across the divide"))
            let feed = try await visitor.get("/stories/feed.atom")
            XCTAssertEqual(feed.headers.contentType?.subType, "atom+xml")
            XCTAssertTrue(feed.text.contains("<title>Football across the divide</title>"))
            let versions = try await StoryVersion.query(on: app.db).count()
            XCTAssertEqual(versions, 2, "the earlier version is kept")
        }
    }

    func testAStoryIsReadOnlyAsWidelyAsItsNarrowestConsentAllows() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author, consents: [.media, .alliance])
            try await publish(slug, author: author, steward: steward)
            let visitorStatus = try await visitor.get("/stories/\(slug)").status
            XCTAssertEqual(visitorStatus, .notFound, "an alliance-only story is not shown to visitors")
            let memberPage = try await steward.get("/stories/\(slug)")
            XCTAssertEqual(memberPage.status, .ok)
            XCTAssertTrue(memberPage.text.contains("Shared with alliance members only"))
            let feed = try await visitor.get("/stories/feed.atom")
            XCTAssertFalse(feed.text.contains("Football across the divide"), "public feeds carry public stories only")
            let media = try await steward.get("/stories/\(slug)/media").status
            XCTAssertEqual(media, .notFound, "the media kit needs everyone's media consent")
        }
    }

    func testWithdrawingAConsentTakesTheStoryDownEverywhereAtOnce() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author, consents: [.media, .media])
            try await publish(slug, author: author, steward: steward)
            let before = try await visitor.get("/stories/\(slug)").status
            XCTAssertEqual(before, .ok)
            let media = try await visitor.get("/stories/\(slug)/media")
            XCTAssertEqual(media.status, .ok)
            XCTAssertTrue(media.text.contains("We were nervous, then we were a team."), "quotes come from the story")

            let consent = try await StoryConsent.query(on: app.db).filter(\.$person == "Person 1").first()!
            let withdrawn = try await steward.post(
                "/stories/\(slug)/consents/\(consent.id!.uuidString.lowercased())/withdraw")
            XCTAssertEqual(withdrawn.status, .seeOther)

            let gone = try await visitor.get("/stories/\(slug)")
            XCTAssertEqual(gone.status, .gone)
            let goneForMembers = try await author.get("/stories/\(slug)").status
            XCTAssertEqual(goneForMembers, .gone)
            for path in [
                "/stories", "/stories/feed.atom", "/hubs/riverside/stories.atom", "/stories/themes/faith/feed.atom",
                "/sitemap.xml", "/api/v1/stories",
            ] {
                let page = try await visitor.get(path)
                XCTAssertFalse(page.text.contains(slug), "\(path) no longer lists the story")
            }
            let audit = try await AuditEntry.query(on: app.db).all().map(\.action)
            XCTAssertTrue(audit.contains(AuditAction.consentWithdrawn.rawValue))
            XCTAssertTrue(audit.contains(AuditAction.storyUnpublished.rawValue))
            XCTAssertEqual(audit.filter { $0 == AuditAction.consentAdded.rawValue }.count, 2)
            let authorMail = try await OutboxMessage.query(on: app.db).filter(
                \.$recipient == TestPeople.Role.member.email
            ).all()
            XCTAssertTrue(authorMail.contains { $0.subject == "Your story has been taken down" })
        }
    }

    func testAConsentThatHasEndedTakesTheStoryDownWithoutAnyoneActing() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author)
            try await publish(slug, author: author, steward: steward)
            let consent = try await StoryConsent.query(on: app.db).first()!
            consent.expiresOn = UKDate.today()
            try await consent.save(on: app.db)
            let status = try await visitor.get("/stories/\(slug)").status
            XCTAssertEqual(status, .gone)
            let feed = try await visitor.get("/stories/feed.atom")
            XCTAssertFalse(feed.text.contains(slug))
        }
    }

    func testTheDailyCommandRecordsAnEndedConsentAuditsItAndTellsTheAuthorOnce() async throws {
        try await withApp { app, _ in
            let (author, steward, _) = try await clients(app)
            let slug = try await draft(author)
            try await publish(slug, author: author, steward: steward)
            for consent in try await StoryConsent.query(on: app.db).all() {
                consent.expiresOn = UKDate.today()
                try await consent.save(on: app.db)
            }
            var console = try await app.run(ExpireConsentsCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("Took down or returned 1 story"), console.standardOutput)
            let story = try await Story.query(on: app.db).filter(\.$slug == slug).first()
            XCTAssertEqual(story?.status, Story.Status.returned)
            XCTAssertNil(story?.publishedVersionID)
            XCTAssertTrue(story?.returnReason?.contains("consent ended on \(UKDate.today())") ?? false)
            let audit = try await AuditEntry.query(on: app.db).filter(
                \.$action == AuditAction.storyUnpublished.rawValue
            ).count()
            XCTAssertEqual(audit, 1, "one entry, even with two consents ending together")
            let mail = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .filter(\.$subject == "Your story has been taken down").count()
            XCTAssertEqual(mail, 1)
            console = try await app.run(ExpireConsentsCommand(), [])
            XCTAssertTrue(console.standardOutput.contains("No consents have ended"), "running it again changes nothing")
        }
    }

    func testAnEditToAPublishedStoryWaitsForReviewWhileTheApprovedTextStaysUp() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author)
            try await publish(slug, author: author, steward: steward)
            var edited = storyForm
            edited["title"] = "An unreviewed new title"
            _ = try await author.post("/stories/\(slug)/edit", form: edited)
            let page = try await visitor.get("/stories/\(slug)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.text.contains("Football across the divide"))
            XCTAssertFalse(page.text.contains("An unreviewed new title"), "readers never see unreviewed text")
            let queue = try await steward.get("/stories/review")
            XCTAssertTrue(queue.text.contains("An unreviewed new title"))

            var refiled = storyForm
            refiled["hub"] = "hillside"
            refiled["themes[]"] = "poverty"
            refiled["hot_topics[]"] = "welfare"
            _ = try await author.post("/stories/\(slug)/edit", form: refiled)
            let moved = try await visitor.get("/stories/\(slug)")
            XCTAssertTrue(moved.text.contains("Told through the Riverside hub"), "a change of hub waits for review")
            XCTAssertFalse(moved.text.contains("Poverty"), "so does a change of themes")
            let welfare = try await visitor.get("/stories?topic=welfare")
            XCTAssertFalse(welfare.text.contains(slug))
            let hillsideFeed = try await visitor.get("/hubs/hillside/stories.atom")
            XCTAssertFalse(hillsideFeed.text.contains(slug))
            let faith = try await visitor.get("/stories?theme=faith&hub=riverside")
            XCTAssertTrue(
                faith.text.contains("Football across the divide"), "readers still find it where it was published")
        }
    }

    func testAStoryCannotBeSentForReviewWithoutConsents() async throws {
        try await withApp { app, _ in
            let (author, _, _) = try await clients(app)
            let slug = try await draft(author, consents: [])
            let refused = try await author.post("/stories/\(slug)/submit")
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.text.contains("Add a consent for each person in the story"))
            let internalOnly = try await author.post(
                "/stories/\(slug)/consents",
                form: ["person": "Sam", "scope": "internal", "how_given": "Spoken", "given_on": "2026-01-02"])
            XCTAssertEqual(internalOnly.status, .seeOther)
            let stillRefused = try await author.post("/stories/\(slug)/submit")
            XCTAssertTrue(stillRefused.text.contains("at least alliance members"))
        }
    }

    func testBadStoryAndConsentInputIsExplainedAndKept() async throws {
        try await withApp { app, _ in
            let (author, _, _) = try await clients(app)
            var form = storyForm
            form["title"] = ""
            form["hub"] = "nowhere"
            let page = try await author.post("/stories/new", form: form)
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.text.contains("Enter a title"))
            XCTAssertTrue(page.text.contains("Choose a hub from the list"))
            XCTAssertTrue(page.text.contains("It began with a borrowed pitch."), "what was typed is kept")
            let slug = try await draft(author, consents: [])
            let consent = try await author.post(
                "/stories/\(slug)/consents",
                form: ["person": "Sam", "scope": "public", "how_given": "Spoken", "given_on": "2026-02-30"])
            XCTAssertEqual(consent.status, .unprocessableEntity)
            XCTAssertTrue(consent.text.contains("Enter a real date with its day, month and year"))
            XCTAssertTrue(consent.text.contains(#"value="Sam""#))
        }
    }

    func testAStewardNeverPublishesWordsTheyHaveNotReadOrTheirOwnStory() async throws {
        try await withApp { app, _ in
            let (author, steward, _) = try await clients(app)
            let slug = try await draft(author)
            _ = try await author.post("/stories/\(slug)/submit")
            let stale = try await steward.post(
                "/stories/\(slug)/review", form: ["decision": "publish", "version": "0"])
            XCTAssertEqual(stale.status, .unprocessableEntity)
            XCTAssertTrue(stale.text.contains("The story changed while you were reading it"))

            let ownSlug = try await draft(steward)
            _ = try await steward.post("/stories/\(ownSlug)/submit")
            let own = try await steward.post(
                "/stories/\(ownSlug)/review", form: ["decision": "publish", "version": "1"]
            ).status
            XCTAssertEqual(own, .forbidden, "a second person always checks")
        }
    }

    func testAConsentWithdrawnWhileWaitingForReviewTakesTheStoryOutOfTheQueue() async throws {
        try await withApp { app, _ in
            let (author, steward, _) = try await clients(app)
            let slug = try await draft(author)
            _ = try await author.post("/stories/\(slug)/submit")
            let consent = try await StoryConsent.query(on: app.db).first()!
            _ = try await author.post("/stories/\(slug)/consents/\(consent.id!.uuidString.lowercased())/withdraw")
            let queue = try await steward.get("/stories/review")
            XCTAssertFalse(queue.text.contains("Football across the divide"))
            let refused = try await steward.post(
                "/stories/\(slug)/review", form: ["decision": "publish", "version": "1"])
            XCTAssertEqual(refused.status, .unprocessableEntity)
        }
    }

    func testAStoryCalledNewOrReviewGetsAnAddressOfItsOwn() async throws {
        try await withApp { app, _ in
            let (author, _, _) = try await clients(app)
            var form = storyForm
            form["title"] = "New"
            let created = try await author.post("/stories/new", form: form)
            XCTAssertEqual(created.location?.hasPrefix("/stories/new-2/manage"), true, created.location ?? "")
        }
    }

    func testTheAddressComesFromThePublishedTitleNotTheFirstDraft() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            var form = storyForm
            form["title"] = "How Fatima Khan found her team"
            let slug = try await draft(author)
            _ = try await author.post("/stories/\(slug)/edit", form: form)
            form["title"] = "How Samira found her team"
            _ = try await author.post("/stories/\(slug)/edit", form: form)
            try await publish(slug, author: author, steward: steward)
            let story = try await Story.query(on: app.db).first()!
            XCTAssertEqual(story.slug, "how-samira-found-her-team")
            let page = try await visitor.get("/stories/how-samira-found-her-team").status
            XCTAssertEqual(page, .ok)
            let sitemap = try await visitor.get("/sitemap.xml")
            XCTAssertFalse(sitemap.text.contains("fatima"))
        }
    }

    func testAnAddressWithANulCharacterIsRefusedPlainly() async throws {
        try await withApp { app, _ in
            for path in ["/stories?hub=%00", "/stories/%00", "/api/v1/stories?hub=a%00b", "/hubs/%00/stories.atom"] {
                let status = try await TestClient(app).get(path).status
                XCTAssertEqual(status, .badRequest, path)
            }
        }
    }

    func testOnlyTheStewardsOfTheStorysHubMayPublishIt() async throws {
        try await withApp { app, _ in
            let (author, _, _) = try await clients(app)
            let slug = try await draft(author)
            _ = try await author.post("/stories/\(slug)/submit")
            // The author may follow their story but not publish it; others are not told it exists.
            let byAuthor = try await author.post("/stories/\(slug)/review", form: ["decision": "publish"]).status
            XCTAssertEqual(byAuthor, .forbidden)
            for role in [TestPeople.Role.otherSteward, .organisationAdmin, .registered] {
                let other = TestClient(app)
                try await other.signIn(role.email)
                let status = try await other.post("/stories/\(slug)/review", form: ["decision": "publish"]).status
                XCTAssertEqual(status, .notFound, "\(role)")
            }
            let story = try await Story.query(on: app.db).filter(\.$slug == slug).first()
            XCTAssertNil(story?.publishedVersionID)
        }
    }

    func testTheStoriesListRunsABoundedNumberOfQueries() async throws {
        try await withApp { app, counter in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author)
            try await publish(slug, author: author, steward: steward)
            counter.reset()
            _ = try await visitor.get("/stories?theme=faith")
            let few = counter.value
            for _ in 1...5 {
                let another = try await draft(author)
                try await publish(another, author: author, steward: steward)
            }
            counter.reset()
            let page = try await visitor.get("/stories?theme=faith")
            XCTAssertTrue(page.text.contains("6 stories"))
            XCTAssertEqual(counter.value, few)
        }
    }

    func testWordsFindStoriesByTheirPublishedText() async throws {
        try await withApp { app, _ in
            let (author, steward, visitor) = try await clients(app)
            let slug = try await draft(author)
            try await publish(slug, author: author, steward: steward)
            let found = try await visitor.get("/stories?q=pitch")
            XCTAssertTrue(found.text.contains("Football across the divide"))
            let none = try await visitor.get("/stories?q=cricket")
            XCTAssertTrue(none.text.contains("No stories match."))
        }
    }
}
