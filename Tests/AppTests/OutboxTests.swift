import Fluent
import Vapor
import XCTVapor

@testable import App

final class OutboxTests: XCTestCase {
    func testCoordinatorsReadTheOutboxNewestFirstAPageAtATime() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
            for number in 1...25 {
                try await mailer.send(
                    to: "person\(number)@example.org", subject: "Message \(number)", body: "Body \(number)")
                if number == 25 { break }
                // Distinct creation times keep the order certain.
                try await Task.sleep(nanoseconds: 2_000_000)
            }
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.coordinator.email)
            let first = try await browser.get("/admin/outbox")
            XCTAssertEqual(first.heading, "Outbox")
            XCTAssertEqual(first.text.components(separatedBy: #"<article class="message">"#).count - 1, 20)
            XCTAssertTrue(first.text.contains("Message 25"))
            XCTAssertFalse(first.text.contains("Message 5<"))
            XCTAssertTrue(first.text.contains("Page 1 of 2 (25 messages)"))
            let second = try await browser.get("/admin/outbox?page=2")
            XCTAssertEqual(second.text.components(separatedBy: #"<article class="message">"#).count - 1, 5)
            XCTAssertTrue(second.text.contains("Message 1<"))
            XCTAssertTrue(
                second.text.contains("Page 2 of 2 (25 messages)"), "a last page that is not full counts right")
            let beyond = try await browser.get("/admin/outbox?page=7")
            XCTAssertTrue(beyond.text.contains("There is no page 7: the list has 2 pages"), "past the end, counted")
        }
    }

    func testTheOutboxPageRunsTheSameNumberOfQueriesHoweverManyMessagesThereAre() async throws {
        try await withApp { app, counter in
            _ = try await TestPeople.make(on: app)
            let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.coordinator.email)
            try await mailer.send(to: "a@example.org", subject: "One", body: "One")
            counter.reset()
            _ = try await browser.get("/admin/outbox")
            let withOne = counter.value
            for number in 1...30 { try await mailer.send(to: "b\(number)@example.org", subject: "Many", body: "Many") }
            counter.reset()
            _ = try await browser.get("/admin/outbox")
            // A page that is not full tells its own total; a full one adds the count, once.
            XCTAssertEqual(counter.value, withOne + 1, "thirty more messages cost only the count")
            XCTAssertLessThanOrEqual(counter.value, 6, "session, roles, count and page")
        }
    }

    func testTheMailerHandsMessagesToSendmailWhenOneIsSet() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let captured = folder.appendingPathComponent("mail.txt").path
        let script = folder.appendingPathComponent("fake-sendmail").path
        try "#!/bin/sh\ncat > '\(captured)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try await withApp(sendmailPath: script) { app, _ in
            let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
            let message = try await mailer.send(
                to: "reader@example.org", subject: "Hello\nBcc: everyone@example.org", body: "The body.")
            XCTAssertNotNil(message.sentAt)
            let mail = try String(contentsOfFile: captured, encoding: .utf8)
            XCTAssertTrue(mail.contains("To: reader@example.org"))
            XCTAssertTrue(mail.contains("Subject: Hello Bcc: everyone@example.org"), "no header can be smuggled in")
            XCTAssertTrue(mail.hasSuffix("The body."))
        }
    }

    func testLinksToAccountsAreStruckFromTheOutboxOnceDelivered() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let captured = folder.appendingPathComponent("mail.txt").path
        let script = folder.appendingPathComponent("fake-sendmail").path
        try "#!/bin/sh\ncat > '\(captured)'\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        try await withApp(sendmailPath: script) { app, _ in
            _ = try await TestPeople.make(on: app)
            try await TestClient(app).post("/password/forgot", form: ["email": TestPeople.Role.member.email])
            let delivered = try String(contentsOfFile: captured, encoding: .utf8)
            XCTAssertTrue(delivered.contains("/password/reset?token="), "the person gets the working link")
            let value5 = try await OutboxMessage.query(on: app.db).first()
            let stored = try XCTUnwrap(value5)
            XCTAssertFalse(stored.body.contains("token="))
            XCTAssertTrue(stored.body.contains(Mailer.hiddenLink))
        }
    }

    func testNoCoordinatorCanReadAWorkingLinkInTheOutboxEvenWhenNothingDeliversMail() async throws {
        try await withApp(sendmailPath: "/nonexistent/sendmail") { app, _ in
            _ = try await TestPeople.make(on: app)
            try await TestClient(app).post("/password/forgot", form: ["email": TestPeople.Role.member.email])
            try await TestClient(app).post(
                "/signup", form: ["name": "Ola", "email": "ola@example.org", "password": "a long enough password"])
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let outbox = try await coordinator.get("/admin/outbox")
            XCTAssertTrue(outbox.text.contains("Reset your Bridgework password"))
            XCTAssertTrue(outbox.text.contains("Confirm your email address"))
            XCTAssertFalse(outbox.text.contains("token="), "no working link for anyone but the addressee")
            XCTAssertTrue(outbox.text.contains("only the person it was sent to can use it"))
            for message in try await OutboxMessage.query(on: app.db).all() {
                XCTAssertFalse(message.body.contains("token="), "nor in the stored copy: \(message.subject)")
            }
        }
    }

    func testWithoutAMailProgramMessagesAreWrittenToTheMailFolderWithTheirWorkingLinks() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            try await TestClient(app).post("/password/forgot", form: ["email": TestPeople.Role.member.email])
            let token = try XCTUnwrap(app.deliveredToken(to: TestPeople.Role.member.email, path: "/password/reset"))
            let page = try await TestClient(app).get("/password/reset?token=\(token)")
            XCTAssertEqual(page.status, .ok, "the addressee's link works")
            let stored = try await OutboxMessage.query(on: app.db).first()
            XCTAssertNotNil(stored?.sentAt)
            XCTAssertFalse(stored?.body.contains(token) ?? true)
        }
    }

    func testAFailingMailProgramIsRecordedAndTheMessageKept() async throws {
        try await withApp(sendmailPath: "/nonexistent/sendmail") { app, _ in
            let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
            let message = try await mailer.send(to: "reader@example.org", subject: "Hi", body: "Body")
            XCTAssertNil(message.sentAt)
            XCTAssertNotNil(message.failure)
            let value32 = try await OutboxMessage.query(on: app.db).count()
            XCTAssertEqual(value32, 1)
        }
    }
}
