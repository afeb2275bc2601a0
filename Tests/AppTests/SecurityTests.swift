import Fluent
import Vapor
import XCTVapor

@testable import App

final class SecurityTests: XCTestCase {
    func testAFormPostedWithoutACSRFTokenIsRefusedWithAPageSayingWhatToDo() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            _ = try await browser.get("/signin")
            let response = try await browser.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password], csrf: false)
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertEqual(response.heading, "Your form could not be sent")
            XCTAssertTrue(response.text.contains("reload the page"))
            XCTAssertNil(browser.cookies[Sessions.cookieName])
        }
    }

    func testAFormWithAnotherBrowsersCSRFTokenIsRefused() async throws {
        try await withApp { app, _ in
            let attacker = TestClient(app)
            let stolenToken = try await attacker.csrfToken()
            let victim = TestClient(app)
            _ = try await victim.get("/signup")
            let response = try await victim.post(
                "/signup",
                form: [
                    "name": "X", "email": "x@example.org", "password": "long enough password",
                    "csrf_token": stolenToken,
                ], csrf: false)
            XCTAssertEqual(response.status, .forbidden)
            let value35 = try await User.query(on: app.db).count()
            XCTAssertEqual(value35, 0)
        }
    }

    func testEveryKindOfResponseCarriesTheSecurityHeaders() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            let responses = [
                try await browser.get("/"),
                try await browser.get("/healthz"),
                try await browser.get("/no-such-page"),
                try await browser.get("/api/v1/me"),
                try await browser.post("/signin", csrf: false),
            ]
            for response in responses {
                let csp = try XCTUnwrap(response.headers.first(name: "Content-Security-Policy"))
                XCTAssertTrue(csp.contains("frame-ancestors 'none'"))
                XCTAssertTrue(csp.contains("script-src 'self'"))
                XCTAssertFalse(csp.contains("unsafe-inline"))
                XCTAssertEqual(response.headers.first(name: "X-Content-Type-Options"), "nosniff")
                XCTAssertNotNil(response.headers.first(name: "Referrer-Policy"))
            }
        }
    }

    func testPagesHaveNoInlineScript() async throws {
        try await withApp { app, _ in
            let page = try await TestClient(app).get("/signup")
            XCTAssertNil(page.text.firstMatch(of: /<script(?![^>]*\bsrc=)[^>]*>/), "every script is a file")
            XCTAssertNil(page.text.firstMatch(of: /\son[a-z]+=/), "no event attributes")
        }
    }

    func testSessionCookiesAreHttpOnlyAndSameSiteLaxAndSecureOnHTTPS() async throws {
        for publicURL in ["http://127.0.0.1:8080", "https://bridgework.example"] {
            try await withApp(publicURL: publicURL) { app, _ in
                _ = try await TestPeople.make(on: app)
                let browser = TestClient(app)
                let response = try await browser.post(
                    "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password])
                let header = try XCTUnwrap(
                    response.headers[.setCookie].first { $0.hasPrefix(Sessions.cookieName + "=") })
                XCTAssertTrue(header.contains("HttpOnly"))
                XCTAssertTrue(header.contains("SameSite=Lax"))
                XCTAssertEqual(header.contains("Secure"), publicURL.hasPrefix("https"))
            }
        }
    }

    func testPasswordsAreStoredAsBcryptHashes() async throws {
        try await withApp { app, _ in
            try await TestClient(app).post(
                "/signup", form: ["name": "Eve", "email": "eve@example.org", "password": "a long enough password"])
            let value36 = try await User.query(on: app.db).first()
            let user = try XCTUnwrap(value36)
            XCTAssertTrue(user.passwordHash.hasPrefix("$2"))
            XCTAssertFalse(user.passwordHash.contains("a long enough password"))
        }
    }

    func testTheEleventhFailedSignInForAnEmailWithinFifteenMinutesIsRefused() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let email = TestPeople.Role.member.email
            for _ in 1...10 {
                let response = try await browser.post("/signin", form: ["email": email, "password": "wrong password"])
                XCTAssertEqual(response.status, .unprocessableEntity)
            }
            let limited = try await browser.post("/signin", form: ["email": email, "password": TestPeople.password])
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertTrue(limited.text.contains("Wait 15 minutes and try again"))
            XCTAssertNil(browser.cookies[Sessions.cookieName], "even the right password waits")

            // Failures older than the window no longer count.
            try await ThrottleCounter.query(on: app.db).set(\.$windowStart, to: Date().addingTimeInterval(-16 * 60))
                .update()
            try await browser.signIn(email)
        }
    }

    func testFailedSignInsAreAlsoLimitedPerNetworkAddressAcrossAccounts() async throws {
        try await withApp { app, _ in
            for attempt in 1...Throttle.signInAddress.limit {
                let keys = SignInThrottle.keys(email: "person\(attempt)@example.org", address: "203.0.113.9")
                let reservation = try await SignInThrottle.reserve(keys, on: app.db)
                XCTAssertNotNil(reservation, "attempt \(attempt) is within the limits")
            }
            let sameAddress = SignInThrottle.keys(email: "someone-new@example.org", address: "203.0.113.9")
            let otherAddress = SignInThrottle.keys(email: "someone-new@example.org", address: "198.51.100.4")
            let value37 = try await SignInThrottle.isLimited(keys: sameAddress, on: app.db)
            XCTAssertTrue(value37, "one address trying many accounts is stopped")
            let value38 = try await SignInThrottle.isLimited(keys: otherAddress, on: app.db)
            XCTAssertFalse(value38)
        }
    }

    func testTenFailuresForOneAccountNeverLockOutAnotherAccountFromTheSameAddress() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let attacker = TestClient(app)
            for _ in 1...10 {
                let wrong = try await attacker.post(
                    "/signin", form: ["email": TestPeople.Role.member.email, "password": "wrong password"])
                XCTAssertEqual(wrong.status, .unprocessableEntity)
            }
            let locked = try await attacker.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password])
            XCTAssertEqual(locked.status, .tooManyRequests, "the guessed account waits")
            // Same network address (tests share one), another account, right password.
            let colleague = TestClient(app)
            let signedIn = try await colleague.post(
                "/signin", form: ["email": TestPeople.Role.steward.email, "password": TestPeople.password])
            XCTAssertEqual(signedIn.status, .seeOther, "a colleague behind the same address still signs in")
        }
    }

    func testThirtyWrongPasswordsSentAtOnceAreCheckedNoMoreThanTheLimit() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let csrf = try await TestClient(app).csrfPair()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for _ in 1...30 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.contentType = .urlEncodedForm
                        headers.replaceOrAdd(name: .cookie, value: csrf.cookie)
                        let token = csrf.token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                        let body =
                            "email=\(TestPeople.Role.member.email)&password=wrong+password&\(CSRF.fieldName)=\(token)"
                        let response = try await app.testable().sendRequest(
                            .POST, "/signin", headers: headers, body: ByteBuffer(string: body))
                        return response.status
                    }
                }
                var all: [HTTPResponseStatus] = []
                for try await status in group { all.append(status) }
                return all
            }
            XCTAssertEqual(
                statuses.filter { $0 == .unprocessableEntity }.count, Throttle.signInAccount.limit,
                "exactly the limit were checked: \(statuses.map(\.code))")
            XCTAssertEqual(
                statuses.filter { $0 == .tooManyRequests }.count, 30 - Throttle.signInAccount.limit,
                "every other answer says wait")
            let used = try await SignInThrottle.used(
                SignInThrottle.keys(email: TestPeople.Role.member.email, address: nil)[0], on: app.db)
            XCTAssertEqual(used, Throttle.signInAccount.limit)
            let browser = TestClient(app)
            let limited = try await browser.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": TestPeople.password])
            XCTAssertEqual(limited.status, .tooManyRequests)
        }
    }

    func testBehindAProxyFailuresCountAgainstTheAddressTheProxyReports() async throws {
        try await withApp { app, _ in
            app.settings.behindProxy = true
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.post(
                "/signin", form: ["email": "someone@example.org", "password": "wrong password"],
                headers: ["X-Forwarded-For": "198.51.100.7, 203.0.113.5"])
            let keys = try await ThrottleCounter.query(on: app.db).filter(\.$used > 0).all().map(\.key)
            XCTAssertTrue(keys.contains("ip:203.0.113.5"), "\(keys)")
        }
    }

    func testSignInsFailuresPasswordResetsAndRoleChangesAreAudited() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.post(
                "/signin", form: ["email": TestPeople.Role.member.email, "password": "wrong password"])
            try await browser.signIn(TestPeople.Role.coordinator.email)
            let value39 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(value39)
            try await browser.post(
                "/admin/people/\(member.id!.uuidString)/roles",
                form: ["change": "grant-steward", "hub": people.hub.id!.uuidString])
            let actions = Set(try await AuditEntry.query(on: app.db).all().map(\.action))
            XCTAssertTrue(actions.isSuperset(of: ["sign-in-failed", "sign-in", "role-granted"]), "\(actions)")
            let value40 = try await AuditEntry.query(on: app.db).filter(\.$action == "role-granted").first()
            let grant = try XCTUnwrap(value40)
            XCTAssertEqual(grant.subjectID, member.id?.uuidString)
            XCTAssertNotNil(grant.actorID)
        }
    }

    func testAnOversizedRequestBodyIsRefused() async throws {
        try await withApp(maxBodySize: 2_000) { app, _ in
            let browser = TestClient(app)
            let response = try await browser.post(
                "/signup",
                form: [
                    "name": String(repeating: "a", count: 5_000), "email": "a@example.org",
                    "password": "long enough password",
                ])
            XCTAssertEqual(response.status, .payloadTooLarge)
            XCTAssertEqual(response.heading, "What you sent is too large")
        }
    }

    func testErrorPagesUseTheSiteLayoutAndShowNoInternals() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            let notFound = try await browser.get("/no-such-page")
            XCTAssertEqual(notFound.status, .notFound)
            XCTAssertEqual(notFound.heading, "Page not found")
            XCTAssertTrue(notFound.text.contains("Skip to main content"))

            let wrongMethod = try await browser.send(.DELETE, "/signin", body: nil)
            XCTAssertEqual(wrongMethod.status, .methodNotAllowed)
            XCTAssertEqual(wrongMethod.heading, "This page cannot do that")
            XCTAssertEqual(wrongMethod.headers.first(name: .allow), "GET, POST")

            try await browser.signIn(TestPeople.Role.member.email)
            let forbidden = try await browser.get("/admin/outbox")
            XCTAssertEqual(forbidden.status, .forbidden)
            XCTAssertEqual(forbidden.heading, "You do not have permission to see this page")
        }
    }

    func testAnUnexpectedFailureShowsAPlainPageWithoutInternals() async throws {
        try await withApp { app, _ in
            struct Boom: Error, CustomStringConvertible {
                var description: String { "SECRET-INTERNAL-DETAIL at /src/file.swift:42" }
            }
            app.get("explode") { _ -> String in throw Boom() }.requires(.readPublic)
            app.get("api", "v1", "explode") { _ -> String in throw Boom() }.requires(.readPublic)
            let page = try await TestClient(app).get("/explode")
            XCTAssertEqual(page.status, .internalServerError)
            XCTAssertEqual(page.heading, "Sorry, there is a problem with the service")
            XCTAssertFalse(page.text.contains("SECRET-INTERNAL-DETAIL"))
            let api = try await TestClient(app).get("/api/v1/explode")
            XCTAssertEqual(api.status, .internalServerError)
            XCTAssertEqual(api.headers.contentType?.description, "application/problem+json")
            XCTAssertFalse(api.text.contains("SECRET-INTERNAL-DETAIL"))
        }
    }

    func testAPIErrorsAreProblemDetails() async throws {
        try await withApp { app, _ in
            let browser = TestClient(app)
            for (path, status) in [("/api/v1/me", HTTPStatus.unauthorized), ("/api/v1/nothing-here", .notFound)] {
                let response = try await browser.get(path)
                XCTAssertEqual(response.status, status)
                XCTAssertEqual(response.headers.contentType?.description, "application/problem+json")
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(response.text.utf8))
                XCTAssertEqual(problem.status, Int(status.code))
                XCTAssertFalse(problem.detail.isEmpty)
            }
            let badToken = try await browser.get("/api/v1/me", headers: ["Authorization": "Bearer not-a-token"])
            XCTAssertEqual(badToken.status, .unauthorized)
        }
    }

    func testTheAPIIgnoresSessionCookiesSoFormsOnOtherSitesCannotUseThem() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.member.email)
            let value41 = try await browser.get("/api/v1/me").status
            XCTAssertEqual(value41, .unauthorized)
        }
    }

    func testHealthzAnswersOkInPlainText() async throws {
        try await withApp { app, _ in
            let response = try await TestClient(app).get("/healthz")
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.text, "ok")
            XCTAssertEqual(response.headers.contentType, .plainText)
        }
    }
}

final class RoleAdminTests: XCTestCase {
    func testACoordinatorCanMakeSomeoneAStewardAndTheirAccountShowsIt() async throws {
        try await withApp { app, _ in
            let people = try await TestPeople.make(on: app)
            let value1 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(value1)
            let coordinator = TestClient(app)
            try await coordinator.signIn(TestPeople.Role.coordinator.email)
            let granted = try await coordinator.post(
                "/admin/people/\(member.id!.uuidString)/roles",
                form: ["change": "grant-steward", "hub": people.otherHub.id!.uuidString])
            XCTAssertEqual(granted.status, .seeOther)

            let memberBrowser = TestClient(app)
            try await memberBrowser.signIn(TestPeople.Role.member.email)
            let account = try await memberBrowser.get("/account")
            XCTAssertTrue(account.text.contains("Steward of Hillside"))
        }
    }

    func testTheLastCoordinatorCannotRemoveTheirOwnRole() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let value2 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.coordinator.email).first()
            let coordinatorUser = try XCTUnwrap(value2)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.coordinator.email)
            let response = try await browser.post(
                "/admin/people/\(coordinatorUser.id!.uuidString)/roles", form: ["change": "remove-coordinator"])
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertTrue(response.text.contains("needs at least one national coordinator"))
            let reloaded = try await User.find(coordinatorUser.id, on: app.db)
            XCTAssertEqual(reloaded?.isCoordinator, true)
        }
    }

    func testChoosingNoHubExplainsWhatIsMissing() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let value3 = try await User.query(on: app.db).filter(\.$email == TestPeople.Role.member.email).first()
            let member = try XCTUnwrap(value3)
            let browser = TestClient(app)
            try await browser.signIn(TestPeople.Role.coordinator.email)
            let response = try await browser.post(
                "/admin/people/\(member.id!.uuidString)/roles", form: ["change": "grant-steward", "hub": ""])
            XCTAssertEqual(response.status, .unprocessableEntity)
            XCTAssertTrue(response.text.contains(##"<a href="#hub">Choose a hub</a>"##))
        }
    }
}
