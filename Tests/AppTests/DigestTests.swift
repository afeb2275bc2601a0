import Fluent
import Vapor
import XCTVapor

@testable import App

/// The weekly email: what it holds for each person, that it goes once a week, and that one click
/// stops it.
final class DigestTests: XCTestCase {
    private func sender(_ app: Application) -> DigestSender {
        DigestSender(
            db: app.db,
            mailer: Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger),
            baseURL: "https://bridgework.example", signingKey: app.csrfKey)
    }

    private func event(in hub: Hub, daysAhead: Double, title: String, on app: Application) async throws {
        let start = Date().addingTimeInterval(daysAhead * 86_400)
        let event = Event(
            slug: title.lowercased().replacingOccurrences(of: " ", with: "-"), title: title, hubID: hub.id,
            startsAt: start, endsAt: start.addingTimeInterval(3_600))
        event.description = "Talk"
        event.place = "Hall"
        event.capacity = 10
        try await event.create(on: app.db)
    }

    func testEachMemberGetsTheirOwnHubsNewsOnceAWeekAndNothingWhenThereIsNone() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await app.loadSiteSecrets()
            try await TestContent.publishedStory("Bread and banter", in: people.homeHub, scope: .alliance, on: app)
            try await TestContent.publishedStory("Elsewhere", in: people.otherHub, on: app)
            try await event(in: people.homeHub, daysAhead: 5, title: "Lakeside picnic", on: app)
            try await event(in: people.homeHub, daysAhead: 40, title: "Far off", on: app)
            let registered = TestClient(app)
            try await registered.signIn(TestPeople.Role.registered.email)
            _ = try await registered.post("/hubs/\(people.hub.slug)/join", form: ["message": "Hello"])

            let first = try await sender(app).sendAll()
            // Three members of Lakeside, the Riverside steward with a request waiting, and Hillside's
            // steward with its story.
            XCTAssertEqual(first, .init(sent: 5, nothingNew: 0, alreadySent: 0))
            let mail = try XCTUnwrap(app.deliveredMail(to: TestPeople.Role.member.email).last)
            XCTAssertTrue(mail.contains("Subject: This week in your hubs"))
            XCTAssertTrue(mail.contains("Here is what is new in the Lakeside hub."))
            XCTAssertTrue(mail.contains("- Bread and banter (Lakeside hub)"), "members read alliance-scope stories")
            XCTAssertTrue(mail.contains("https://bridgework.example/stories/bread-and-banter"))
            XCTAssertTrue(mail.contains("- Lakeside picnic: "))
            XCTAssertFalse(mail.contains("Far off"), "only the next fourteen days")
            XCTAssertFalse(mail.contains("Elsewhere"), "another hub's story is not theirs")
            let header = try XCTUnwrap(
                mail.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: <") })
            XCTAssertTrue(header.contains("https://bridgework.example/digest/unsubscribe?"))
            XCTAssertTrue(mail.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
            let stewardMail = try XCTUnwrap(app.deliveredMail(to: TestPeople.Role.steward.email).last)
            XCTAssertTrue(stewardMail.contains("- 1 request to join the Riverside hub"))
            XCTAssertTrue(stewardMail.contains("https://bridgework.example/hubs/riverside/requests"))

            let stored = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .filter(\.$subject == "This week in your hubs").all()
            XCTAssertEqual(stored.count, 1)
            XCTAssertFalse(stored[0].body.contains("token="), "the outbox never shows a working unsubscribe link")

            let second = try await sender(app).sendAll()
            XCTAssertEqual(second, .init(sent: 0, nothingNew: 0, alreadySent: 5), "run twice, sent once")
            XCTAssertEqual(app.deliveredMail(to: TestPeople.Role.member.email).count, 1)
        }
    }

    func testTwoRunsAtOnceStillSendEachDigestOnce() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await app.loadSiteSecrets()
            try await TestContent.publishedStory("Bread and banter", in: people.homeHub, on: app)
            let first = sender(app)
            let second = sender(app)
            async let one = first.sendAll()
            async let two = second.sendAll()
            let (a, b) = try await (one, two)
            XCTAssertEqual(a.sent + b.sent, 3)
            XCTAssertEqual(a.nothingNew, 2, "the two stewards' hubs had no news, so they get no email")
            let sends = try await DigestSend.query(on: app.db).count()
            XCTAssertEqual(sends, 3)
            XCTAssertEqual(app.deliveredMail(to: TestPeople.Role.member.email).count, 1)
        }
    }

    func testTheLinkInTheEmailStopsTheDigestAndAMailProgramsOneClickDoesToo() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            try await app.loadSiteSecrets()
            try await TestContent.publishedStory("Bread and banter", in: people.homeHub, on: app)
            _ = try await sender(app).sendAll()
            func link(for email: String) throws -> String {
                let mail = try XCTUnwrap(app.deliveredMail(to: email).last)
                let base = "https://bridgework.example"
                let line = try XCTUnwrap(
                    mail.components(separatedBy: "\n").first { $0.hasPrefix(base + "/digest/unsubscribe?") },
                    "the body carries the link on a line of its own")
                return String(line.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(base.count))
            }
            let memberLink = try link(for: TestPeople.Role.member.email)
            let visitor = TestClient(app)
            let asking = try await visitor.get(memberLink)
            XCTAssertEqual(asking.status, .ok)
            XCTAssertTrue(asking.text.contains("This stops the weekly email of hub news to Test member."))
            let still = try await DigestOptOut.isOn(for: try memberID(app), on: app.db)
            XCTAssertTrue(still, "opening the link changes nothing: mail scanners open links too")
            let stopped = try await visitor.post(memberLink, csrf: false)
            XCTAssertEqual(stopped.status, .ok)
            XCTAssertTrue(stopped.text.contains("The weekly email is stopped"))

            // A mail program's one-click request: a bare POST with no form token.
            let adminLink = try link(for: TestPeople.Role.organisationAdmin.email)
            let oneClick = try await TestClient(app).post(
                adminLink, form: ["List-Unsubscribe": "One-Click"], csrf: false)
            XCTAssertEqual(oneClick.status, .ok)

            let forged = memberLink.replacingOccurrences(of: "token=", with: "token=0")
            let refused = try await TestClient(app).post(forged, csrf: false)
            XCTAssertEqual(refused.status, .notFound)
            XCTAssertTrue(refused.text.contains("This link does not work"))

            let later = Date().addingTimeInterval(7 * 86_400)
            let news = try await TestContent.publishedStory("Next week's news", in: people.homeHub, on: app)
            news.publishedAt = later.addingTimeInterval(-86_400)
            try await news.save(on: app.db)
            let nextWeek = try await sender(app).sendAll(now: later)
            XCTAssertEqual(nextWeek.sent, 1, "only the member who kept it on")
            XCTAssertEqual(app.deliveredMail(to: TestPeople.Role.member.email).count, 1)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$action == "digest-turned-off").count()
            XCTAssertEqual(audited, 2)
        }
    }

    func testAPersonTurnsTheDigestOffAndOnFromTheirHome() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let member = TestClient(app)
            try await member.signIn(TestPeople.Role.member.email)
            let home = try await member.get("/home")
            XCTAssertTrue(home.text.contains("Send me the weekly email?"))
            XCTAssertTrue(home.text.contains("value=\"on\" checked"))
            let off = try await member.post("/home/digest", form: ["digest": "off"])
            XCTAssertEqual(off.location, "/home?notice=digest-off")
            let after = try await member.get(try XCTUnwrap(off.location))
            XCTAssertTrue(after.text.contains("You will not get the weekly email any more."))
            XCTAssertTrue(after.text.contains("value=\"off\" checked"))
            let isOn = try await DigestOptOut.isOn(for: try memberID(app), on: app.db)
            XCTAssertFalse(isOn)
            _ = try await member.post("/home/digest", form: ["digest": "on"])
            let back = try await DigestOptOut.isOn(for: try memberID(app), on: app.db)
            XCTAssertTrue(back)
        }
    }

    func testTheWeekIsTheISOWeekInLondon() {
        let calendar = UKTime.calendar
        let friday = calendar.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 12))!
        XCTAssertEqual(Digest.week(of: friday), "2026-W49")
        let newYear = calendar.date(from: DateComponents(year: 2027, month: 1, day: 1, hour: 9))!
        XCTAssertEqual(Digest.week(of: newYear), "2026-W53")
        let sundayNight = calendar.date(from: DateComponents(year: 2026, month: 12, day: 6, hour: 23, minute: 30))!
        XCTAssertEqual(Digest.week(of: sundayNight), "2026-W49", "late on Sunday in London is still that week")
    }

    private func memberID(_ app: Application) async throws -> UUID {
        let user = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
        return try XCTUnwrap(user?.id)
    }
}
