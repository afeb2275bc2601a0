import Fluent
import Vapor
import XCTVapor

@testable import App

final class AccountTests: XCTestCase {
    func testANewPersonCanSignUpConfirmTheirEmailSignInAndSignOut() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            let signUp = try await browser.post(
                "/signup",
                form: ["name": "Amira Khan", "email": "Amira@Example.org ", "password": "a long enough password"])
            XCTAssertEqual(signUp.status, .seeOther)
            let value1 = try await browser.get(signUp.location!).heading
            XCTAssertEqual(value1, "Check your email")

            // Not confirmed yet: sign-in is refused with a plain explanation.
            let early = try await browser.post(
                "/signin", form: ["email": "amira@example.org", "password": "a long enough password"])
            XCTAssertEqual(early.status, .forbidden)
            XCTAssertTrue(early.text.contains("Confirm your email address before you sign in"))

            let link = try await latestLink(to: "amira@example.org", containing: "/email/confirm", on: app)
            let confirmPage = try await browser.get(XCTUnwrap(link))
            XCTAssertEqual(confirmPage.heading, "Confirm your email address")
            let token = try XCTUnwrap(URLComponents(string: link!)?.queryItems?.first { $0.name == "token" }?.value)
            let confirmed = try await browser.post("/email/confirm", form: ["token": token])
            XCTAssertEqual(confirmed.status, .seeOther)
            let value2 = try await browser.get(confirmed.location!).text.contains("Your email address is confirmed")
            XCTAssertTrue(value2)

            try await browser.signIn("amira@example.org", password: "a long enough password")
            let account = try await browser.get("/account")
            XCTAssertEqual(account.heading, "Your account")
            XCTAssertTrue(account.text.contains("Signed in as"))
            XCTAssertTrue(account.text.contains("Amira Khan"))

            let signOut = try await browser.post("/signout")
            XCTAssertEqual(signOut.status, .seeOther)
            let home = try await browser.get(try XCTUnwrap(signOut.location))
            XCTAssertTrue(home.text.contains("You have signed out."))
            XCTAssertFalse(home.text.contains("Signed in as"))
            let value3 = try await browser.get("/account").status
            XCTAssertEqual(value3, .seeOther)
        }
    }

    func testAConfirmationLinkWorksOnlyOnce() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            try await browser.post(
                "/signup", form: ["name": "Ben", "email": "ben@example.org", "password": "a long enough password"])
            let value4 = try await latestLink(to: "ben@example.org", containing: "/email/confirm", on: app)
            let link = try XCTUnwrap(value4)
            let token = try XCTUnwrap(URLComponents(string: link)?.queryItems?.first?.value)
            let value5 = try await browser.post("/email/confirm", form: ["token": token]).status
            XCTAssertEqual(value5, .seeOther)
            let again = try await browser.post("/email/confirm", form: ["token": token])
            XCTAssertEqual(again.status, .gone)
            XCTAssertEqual(again.heading, "This link has expired or has already been used")
            let value6 = try await browser.get(link).status
            XCTAssertEqual(value6, .gone)
        }
    }

    func testSignUpMistakesAreExplainedAndWhatWasTypedIsKept() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            let response = try await browser.post(
                "/signup", form: ["name": "Cara Jones", "email": "cara-at-example", "password": "short"])
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertTrue(response.text.contains("There is a problem"))
            XCTAssertTrue(
                response.text.contains(
                    ##"<a href="#email">Enter an email address in the correct format, like name@example.com</a>"##))
            XCTAssertTrue(response.text.contains(##"<a href="#password">Password must be 10 characters or more</a>"##))
            XCTAssertTrue(response.text.contains(#"value="Cara Jones""#))
            XCTAssertTrue(response.text.contains(#"value="cara-at-example""#))
            XCTAssertTrue(response.text.contains("<title>Error: Create an account"))
            let value7 = try await User.query(on: app.db).count()
            XCTAssertEqual(value7, 0)
        }
    }

    func testSigningUpWithARegisteredEmailLooksTheSameAndTellsTheOwner() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            _ = people
            let browser = TestClient(app)
            let existing = try await browser.post(
                "/signup",
                form: ["name": "Someone", "email": TestPeople.Role.member.email, "password": "another long password"])
            let fresh = try await browser.post(
                "/signup", form: ["name": "Someone", "email": "new@example.org", "password": "another long password"])
            XCTAssertEqual(existing.status, fresh.status)
            XCTAssertEqual(existing.location, fresh.location)
            let warning = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.member.email)
                .first()
            XCTAssertEqual(warning?.subject, "Someone tried to create a Bridgework account with your email address")
            // The original account's password is untouched.
            try await browser.signIn(TestPeople.Role.member.email)
        }
    }

    func testAWrongPasswordGetsOnePlainMessageThatDoesNotRevealWhetherTheEmailIsRegistered() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let known = try await browser.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": "not the password"])
            let unknown = try await browser.post(
                "/signin", form: ["email": "nobody@example.org", "password": "not the password"])
            XCTAssertEqual(known.status, .unprocessableEntity)
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            for response in [known, unknown] {
                XCTAssertTrue(response.text.contains("Enter a correct email address and password"))
            }
            XCTAssertTrue(known.text.contains(#"value="\#(TestPeople.Role.member.email)""#), "the email typed is kept")
            XCTAssertFalse(known.text.contains("not the password"), "a password is never echoed back")
        }
    }

    func testTheSessionIdChangesAtSignIn() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let first = try XCTUnwrap(browser.cookies[Sessions.cookieName])
            try await browser.signIn(TestPeople.Role.coordinator.email)
            let second = try XCTUnwrap(browser.cookies[Sessions.cookieName])
            XCTAssertNotEqual(first, second)
            let value8 = try await UserSession.query(on: app.db).filter(\.$tokenHash == Tokens.hash(first)).first()
            XCTAssertNil(value8, "the old session is gone")
            let value9 = try await UserSession.query(on: app.db).count()
            XCTAssertEqual(value9, 1)
        }
    }

    func testAPasswordResetLinkWorksOnceAndEndsOtherSessions() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let email = TestPeople.Role.member.email
            let otherBrowser = TestClient(app)
            try await otherBrowser.signIn(email)

            let browser = TestClient(app)
            let asked = try await browser.post("/password/forgot", form: ["email": email])
            XCTAssertEqual(asked.heading, "Check your email")
            let value10 = try await latestLink(to: email, containing: "/password/reset", on: app)
            let link = try XCTUnwrap(value10)
            let value11 = try await browser.get(link).heading
            XCTAssertEqual(value11, "Choose a new password")
            let token = try XCTUnwrap(URLComponents(string: link)?.queryItems?.first?.value)

            let tooShort = try await browser.post("/password/reset", form: ["token": token, "password": "short"])
            XCTAssertEqual(tooShort.status, .unprocessableEntity)
            XCTAssertTrue(tooShort.text.contains("Password must be 10 characters or more"))

            let reset = try await browser.post(
                "/password/reset", form: ["token": token, "password": "a brand new password"])
            XCTAssertEqual(reset.status, .seeOther)
            let value12 = try await browser.post(
                "/password/reset", form: ["token": token, "password": "yet another password"]
            ).status
            XCTAssertEqual(value12, .gone)
            let value13 = try await otherBrowser.get("/account").status
            XCTAssertEqual(value13, .seeOther, "the other browser was signed out")
            try await browser.signIn(email, password: "a brand new password")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == AuditAction.passwordReset.rawValue)
                .count()
            XCTAssertEqual(audit, 1)
        }
    }

    func testAPasswordResetLinkExpiresAfterAnHour() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.post("/password/forgot", form: ["email": TestPeople.Role.member.email])
            let value14 = try await latestLink(to: TestPeople.Role.member.email, containing: "/password/reset", on: app)
            let link = try XCTUnwrap(value14)
            let value15 = try await EmailToken.query(on: app.db).filter(\.$purpose == .resetPassword).first()
            let record = try XCTUnwrap(value15)
            XCTAssertEqual(record.expiresAt.timeIntervalSinceNow, 3600, accuracy: 60)
            record.expiresAt = Date().addingTimeInterval(-1)
            try await record.save(on: app.db)
            let value16 = try await browser.get(link).status
            XCTAssertEqual(value16, .gone)
        }
    }

    func testForgottenPasswordAnswersTheSameForUnknownAddresses() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let known = try await browser.post("/password/forgot", form: ["email": TestPeople.Role.member.email])
            let unknown = try await browser.post("/password/forgot", form: ["email": "nobody@example.org"])
            XCTAssertEqual(known.status, unknown.status)
            XCTAssertEqual(known.heading, unknown.heading)
            let value17 = try await OutboxMessage.query(on: app.db).filter(\.$recipient == "nobody@example.org").count()
            XCTAssertEqual(value17, 0)
        }
    }

    func testAPersonCanEditTheirNameAndChangeTheirPassword() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let email = TestPeople.Role.member.email
            try await browser.signIn(email)

            let blank = try await browser.post("/account", form: ["name": "", "email": email])
            XCTAssertEqual(blank.status, .unprocessableEntity)
            XCTAssertTrue(blank.text.contains("Enter your full name"))

            let value18 = try await browser.post("/account", form: ["name": "Dee Okafor", "email": email]).status
            XCTAssertEqual(value18, .seeOther)
            let value19 = try await browser.get("/account").text.contains(
                "Signed in as <a href=\"/account\">Dee Okafor</a>")
            XCTAssertTrue(value19)

            let wrong = try await browser.post(
                "/account/password", form: ["current_password": "wrong password", "new_password": "a fresh password"])
            XCTAssertEqual(wrong.status, .unprocessableEntity)
            XCTAssertTrue(wrong.text.contains("Your current password is not correct"))
            let value20 = try await browser.post(
                "/account/password",
                form: ["current_password": TestPeople.password, "new_password": "a fresh password"]
            ).status
            XCTAssertEqual(value20, .seeOther)
            try await TestClient(app).signIn(email, password: "a fresh password")
        }
    }

    func testANewEmailAddressReplacesTheOldOneOnlyWhenItsLinkIsOpened() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let oldAddress = TestPeople.Role.member.email
            try await browser.signIn(oldAddress)
            let otherBrowser = TestClient(app)
            try await otherBrowser.signIn(oldAddress)
            let withoutPassword = try await browser.post(
                "/account", form: ["name": "Test member", "email": "moved@example.org"])
            XCTAssertEqual(withoutPassword.status, .unprocessableEntity, "a new address needs the current password")
            XCTAssertTrue(withoutPassword.text.contains("Enter your current password to change your email address"))
            XCTAssertTrue(withoutPassword.text.contains(#"value="moved@example.org""#), "what they typed is kept")
            let changed = try await browser.post(
                "/account",
                form: ["name": "Test member", "email": "moved@example.org", "email_password": TestPeople.password])
            XCTAssertEqual(changed.status, .seeOther)
            let waiting = try await browser.get(try XCTUnwrap(changed.location))
            XCTAssertTrue(waiting.text.contains("We have sent a link to your new email address"))
            XCTAssertTrue(waiting.text.contains("moved@example.org (waiting for you to open the link we sent to it)"))

            // Until the link is opened the old address still signs in; a typo cannot lock anyone out.
            let value1 = try await User.query(on: app.db).filter(\.$email == oldAddress).first()
            let user = try XCTUnwrap(value1)
            XCTAssertEqual(user.pendingEmail, "moved@example.org")
            XCTAssertNotNil(user.emailConfirmedAt)

            let value2 = try await latestLink(to: "moved@example.org", containing: "/email/confirm", on: app)
            let link = try XCTUnwrap(value2)
            let token = try XCTUnwrap(URLComponents(string: link)?.queryItems?.first?.value)
            let confirmed = try await browser.post("/email/confirm", form: ["token": token])
            let account = try await browser.get(try XCTUnwrap(confirmed.location))
            XCTAssertTrue(account.text.contains("Your email address is confirmed."))
            let reloaded = try await User.find(user.id, on: app.db)
            XCTAssertEqual(reloaded?.email, "moved@example.org")
            XCTAssertNil(reloaded?.pendingEmail)
            try await TestClient(app).signIn("moved@example.org")
            let elsewhere = try await otherBrowser.get("/account")
            XCTAssertEqual(elsewhere.status, .seeOther, "other sessions end when the address changes")
            let awaited1 = try await browser.get("/account").status
            XCTAssertEqual(awaited1, .ok, "the browser that confirmed stays signed in")

            // The old address is told, with a way back that only it can use.
            let notice = try XCTUnwrap(app.deliveredMail(to: oldAddress).last)
            XCTAssertTrue(notice.contains("The email address of your Bridgework account has changed"))
            let undoToken = try XCTUnwrap(app.deliveredToken(to: oldAddress, path: "/account/email/undo"))
            let outboxCopy = try await OutboxMessage.query(on: app.db).filter(\.$recipient == oldAddress).sort(
                \.$createdAt, .descending
            ).first()
            XCTAssertFalse(outboxCopy?.body.contains(undoToken) ?? true)
            let undoPage = try await TestClient(app).get("/account/email/undo?token=\(undoToken)")
            XCTAssertTrue(undoPage.text.contains(oldAddress))
            let undone = try await TestClient(app).post("/account/email/undo", form: ["token": undoToken])
            XCTAssertEqual(undone.status, .seeOther)
            let awaited2 = try await User.find(user.id, on: app.db)?.email
            XCTAssertEqual(awaited2, oldAddress)
            let awaited3 = try await browser.get("/account").status
            XCTAssertEqual(awaited3, .seeOther, "undoing signs everyone out")
            // Whoever changed it knew the password, so that stops too; a reset link goes to the owner.
            let oldPassword = try await TestClient(app).post(
                "/signin", form: ["email": oldAddress, "password": TestPeople.password])
            XCTAssertEqual(oldPassword.status, .unprocessableEntity)
            let resetToken = try XCTUnwrap(app.deliveredToken(to: oldAddress, path: "/password/reset"))
            let reset = try await TestClient(app).post(
                "/password/reset", form: ["token": resetToken, "password": "the owner's new password"])
            XCTAssertEqual(reset.status, .seeOther)
            try await TestClient(app).signIn(oldAddress, password: "the owner's new password")
            let again = try await TestClient(app).post("/account/email/undo", form: ["token": undoToken])
            XCTAssertEqual(again.status, .gone, "the way back works once")
        }
    }

    func testAskingForAnAddressThatHasAnAccountLooksTheSameAndChangesNothing() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let taken = try await browser.post(
                "/account",
                form: [
                    "name": "Test member", "email": TestPeople.Role.steward.email,
                    "email_password": TestPeople.password,
                ])
            let free = try await TestClient(app).get("/")
            _ = free
            XCTAssertEqual(
                taken.location, SiteURL.account.with(query: ["notice": AccountsNotice.emailChangeRequested.rawValue]))
            let page = try await browser.get("/account")
            XCTAssertTrue(
                page.text.contains("\(TestPeople.Role.steward.email) (waiting for you to open the link we sent to it)"))
            let told = try await OutboxMessage.query(on: app.db).filter(\.$recipient == TestPeople.Role.steward.email)
                .first()
            XCTAssertEqual(told?.subject, "Someone tried to use your email address on Bridgework")
            XCTAssertFalse(told?.body.contains("token=") ?? true, "the holder gets no link")
            let member = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            XCTAssertNotNil(member, "the member keeps their address")
        }
    }

    func testAnOldConfirmationLinkCannotConfirmAnAddressItWasNotSentTo() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            try await browser.post(
                "/signup", form: ["name": "Hal", "email": "hal@example.org", "password": "a long enough password"])
            let value3 = try await latestLink(to: "hal@example.org", containing: "/email/confirm", on: app)
            let oldLink = try XCTUnwrap(value3)
            // The address changes (say, a coordinator corrects a typo) before the link is used.
            let value4 = try await User.query(on: app.db).filter(\.$email == "hal@example.org").first()
            let user = try XCTUnwrap(value4)
            user.email = "hal.other@example.org"
            try await user.save(on: app.db)
            let token = try XCTUnwrap(URLComponents(string: oldLink)?.queryItems?.first?.value)
            let response = try await browser.post("/email/confirm", form: ["token": token])
            XCTAssertEqual(response.status, .gone)
            let reloaded = try await User.find(user.id, on: app.db)
            XCTAssertNil(reloaded?.emailConfirmedAt)
        }
    }

    func testGuessingTheCurrentPasswordIsLimitedLikeSigningIn() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            for _ in 1...10 {
                try await browser.post(
                    "/account/password",
                    form: ["current_password": "a wrong guess", "new_password": "a fresh password"])
            }
            let limited = try await browser.post(
                "/account/password",
                form: ["current_password": TestPeople.password, "new_password": "a fresh password"])
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertTrue(limited.text.contains("too many wrong passwords"))
        }
    }

    func testNextAfterSignInOnlyLeadsToPagesOnThisSite() {
        XCTAssertEqual(AccountController.safeNext("/account"), "/account")
        XCTAssertNil(AccountController.safeNext("https://evil.example/"))
        XCTAssertNil(AccountController.safeNext("//evil.example/"))
        XCTAssertNil(AccountController.safeNext("/\\evil.example"))
        XCTAssertNil(AccountController.safeNext("/\t/evil.example"), "browsers drop the tab and read //evil.example")
        XCTAssertNil(AccountController.safeNext("/ /evil.example"))
        XCTAssertEqual(AccountController.safeNext("/admin/people?page=2"), "/admin/people?page=2")
    }
}

final class EmailLinkTests: XCTestCase {
    func testLinksInEmailsUseThePublicAddressWhenOneIsSet() async throws {
        try await withApp(publicURL: "https://bridgework.example/") { app, _ in
            try await TestClient(app).post(
                "/signup", form: ["name": "Fay", "email": "fay@example.org", "password": "a long enough password"])
            let body = app.deliveredMail(to: "fay@example.org").last ?? ""
            XCTAssertTrue(body.contains("https://bridgework.example/email/confirm?token="), body)
        }
    }

    func testLinksInEmailsUseTheServedAddressWhenNoPublicAddressIsSet() async throws {
        try await withApp { app, _ in
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 8123
            try await TestClient(app).post(
                "/signup", form: ["name": "Gil", "email": "gil@example.org", "password": "a long enough password"])
            let body = app.deliveredMail(to: "gil@example.org").last ?? ""
            XCTAssertTrue(body.contains("http://127.0.0.1:8123/email/confirm?token="), body)
        }
    }
}
