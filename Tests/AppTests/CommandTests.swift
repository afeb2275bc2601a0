import Fluent
import SQLKit
import Vapor
import XCTVapor

@testable import App

final class CommandTests: XCTestCase {
    func testCreateUserMakesAConfirmedAccountWithThePasswordFromStandardInput() async throws {
        try await withApp { app, _ in
            let command = CreateUserCommand(readPassword: { "typed on standard input" })
            try await app.run(
                command, ["--email", "Lead@Example.org", "--name", "Lee Coordinator", "--role", "coordinator"])
            let value24 = try await User.query(on: app.db).filter(\.$email == "lead@example.org").first()
            let user = try XCTUnwrap(value24)
            XCTAssertTrue(user.isCoordinator)
            XCTAssertNotNil(user.emailConfirmedAt)
            try await TestClient(app).signIn("lead@example.org", password: "typed on standard input")
            let value25 = try await AuditEntry.query(on: app.db).filter(\.$action == "role-granted").count()
            XCTAssertEqual(value25, 1)
        }
    }

    func testCreateUserExplainsEachBadArgumentAndCreatesNothing() async throws {
        try await withApp { app, _ in
            let command = CreateUserCommand(readPassword: { "short" })
            let console = RecordingConsole()
            var context = CommandContext(
                console: console,
                input: CommandInput(arguments: [
                    "bridgework", "--email", "not-an-email", "--name", "X", "--role", "king",
                ]))
            context.application = app
            do {
                try await command.run(using: &context)
                XCTFail("the command should refuse")
            } catch {}
            XCTAssertTrue(console.standardError.contains("--email: Enter an email address in the correct format"))
            XCTAssertTrue(console.standardError.contains("--role: use member or coordinator"))
            XCTAssertTrue(console.standardError.contains("Password must be 10 characters or more"))
            let value26 = try await User.query(on: app.db).count()
            XCTAssertEqual(value26, 0)
        }
    }

    func testCreateTokenPrintsOnlyTheTokenAndStoresOnlyItsHash() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let console = try await app.run(CreateTokenCommand(), ["--email", TestPeople.Role.steward.email])
            let token = console.standardOutput.trimmingCharacters(in: .newlines)
            XCTAssertEqual(console.standardOutput, token + "\n", "nothing but the token on standard output")
            XCTAssertGreaterThanOrEqual(token.count, 40)
            let stored = try await APIToken.query(on: app.db).all()
            XCTAssertEqual(stored.map(\.tokenHash), [Tokens.hash(token)])

            let me = try await TestClient(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            XCTAssertEqual(me.status, .ok)
            let body = try JSONDecoder().decode(MeDTO.self, from: Data(me.text.utf8))
            XCTAssertEqual(body.email, TestPeople.Role.steward.email)
            XCTAssertEqual(body.hubs.first?.role, "steward")
            XCTAssertFalse(me.text.contains("password"), "the API never returns the model")
        }
    }

    func testCreateTokenRefusesAnUnknownEmail() async throws {
        try await withApp { app, _ in
            let console = RecordingConsole()
            var context = CommandContext(
                console: console, input: CommandInput(arguments: ["bridgework", "--email", "ghost@example.org"]))
            context.application = app
            do {
                try await CreateTokenCommand().run(using: &context)
                XCTFail("should refuse")
            } catch {}
            XCTAssertEqual(console.standardOutput, "")
            XCTAssertTrue(console.standardError.contains("no account with this email address"))
        }
    }

    func testTheFirstStartLoadsTheDemoAllianceOnceAndLaterStartsKeepTheData() async throws {
        try await withApp { app, _ in
            app.settings.seedDemoOnFirstStart = true
            let first = try await FirstStart.prepare(app)
            XCTAssertTrue(first.loadedDemo)
            XCTAssertTrue(first.hasDemoAccounts)
            let value27 = try await Hub.query(on: app.db).count()
            XCTAssertEqual(value27, 11)
            let yorkshire = try await Hub.find(slug: "yorkshire-and-humber", on: app.db)
            let yorkshireID = try XCTUnwrap(yorkshire?.id)
            let hosts = try await Hub.hosts(of: [yorkshireID], on: app.db)[yorkshireID]?.map(\.name).sorted()
            XCTAssertEqual(
                hosts,
                [
                    "Centre for Good Relations", "Programme for a Peaceful City", "Together for Peace",
                    "Who Is Your Neighbour?",
                ])
            for account in DemoData.accounts {
                try await TestClient(app).signIn(account.email, password: DemoData.password)
            }

            let second = try await FirstStart.prepare(app)
            XCTAssertFalse(second.loadedDemo)
            let value28 = try await Hub.query(on: app.db).count()
            XCTAssertEqual(value28, 11)
            let value29 = try await User.query(on: app.db).count()
            let hubPeople = DemoHubLife.people.reduce(0) { $0 + $1.members.count + ($1.steward == nil ? 0 : 1) }
            XCTAssertEqual(
                value29,
                DemoData.accounts.count + DemoDirectory.practitioners.count + hubPeople
                    + DemoHubLife.newcastleRequests.count)
        }
    }

    func testDemoSignInsArePrintedAndMarkedAsDemo() {
        let notice = DemoData.signInNotice(publicURL: "http://127.0.0.1:8080")
        XCTAssertTrue(notice.contains("DEMO DATA"))
        XCTAssertTrue(notice.contains("coordinator@demo.bridgework.org.uk"))
        XCTAssertTrue(notice.contains(DemoData.password))
    }

    func testSeedDemoRefusesADatabaseThatAlreadyHoldsData() async throws {
        try await withApp { app, _ in
            _ = try await TestPeople.make(on: app)
            let console = RecordingConsole()
            var context = CommandContext(console: console, input: CommandInput(arguments: ["bridgework"]))
            context.application = app
            do {
                try await SeedDemoCommand().run(using: &context)
                XCTFail("should refuse")
            } catch {}
            XCTAssertTrue(console.standardError.contains("already holds"))
            let value30 = try await Hub.query(on: app.db).count()
            XCTAssertEqual(value30, 3, "the test people's three hubs, and nothing of the demo")
        }
    }

    func testMigrationsRevertCleanlyAndRunAgain() async throws {
        try await withApp { app, _ in
            try await app.autoRevert()
            try await app.autoMigrate()
            let value31 = try await User.query(on: app.db).count()
            XCTAssertEqual(value31, 0)
        }
    }

    func testSettingsComeFromTheEnvironment() {
        let sqlite = Settings.fromEnvironment(["BRIDGEWORK_DATA_DIR": "/srv/bw"])
        XCTAssertEqual(sqlite.database, .sqliteFile(path: "/srv/bw/bridgework.sqlite"))
        let postgres = Settings.fromEnvironment([
            "DATABASE_URL": "postgres://u:p@localhost/db", "BRIDGEWORK_PUBLIC_URL": "https://bridgework.example/",
            "BRIDGEWORK_SENDMAIL": "/usr/sbin/sendmail",
        ])
        XCTAssertEqual(postgres.database, .postgres(url: "postgres://u:p@localhost/db", schema: nil))
        XCTAssertEqual(postgres.publicURL, "https://bridgework.example")
        XCTAssertTrue(postgres.usesHTTPS)
        XCTAssertEqual(postgres.sendmailPath, "/usr/sbin/sendmail")
        XCTAssertEqual(Settings.fromEnvironment([:]).database, .sqliteFile(path: "data/bridgework.sqlite"))
        XCTAssertNil(Settings.fromEnvironment([:]).publicURL, "links then follow the address being served")
        XCTAssertNil(
            Settings.fromEnvironment(["BRIDGEWORK_PUBLIC_URL": "not a url"]).publicURL, "a malformed address is ignored"
        )
        XCTAssertNil(Settings.fromEnvironment(["BRIDGEWORK_PUBLIC_URL": "ftp://example.org"]).publicURL)
        XCTAssertTrue(Settings.fromEnvironment(["BRIDGEWORK_BEHIND_PROXY": "1"]).behindProxy)
    }

    func testTheSuiteRunsOnPostgreSQLWhenDatabaseURLIsSet() async throws {
        guard TestDatabase.postgresURL != nil else {
            throw XCTSkip("DATABASE_URL is not set: PostgreSQL tests skip")
        }
        try await withApp { app, _ in
            XCTAssertTrue(app.databases.ids().contains(.psql))
            _ = try await TestPeople.make(on: app)
            try await TestClient(app).signIn(TestPeople.Role.member.email)
        }
    }
}

/// Several server processes starting at once on one new PostgreSQL database.
final class StartupTests: XCTestCase {
    func testServersStartingTogetherOnANewDatabaseMigrateAndLoadTheDemoExactlyOnce() async throws {
        guard let url = TestDatabase.postgresURL else { throw XCTSkip("needs DATABASE_URL (PostgreSQL)") }
        let schema = "start_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await withApp { server, _ in
            let sql = server.db as! SQLDatabase
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            var apps: [Application] = []
            for _ in 0..<3 {
                let app = try await Application.make(.testing)
                try await configure(
                    app,
                    settings: Settings(
                        dataDirectory: NSTemporaryDirectory(), database: .postgres(url: url, schema: schema),
                        bcryptCost: 4, seedDemoOnFirstStart: true))
                apps.append(app)
            }
            let loaded = try await withThrowingTaskGroup(of: Bool.self) { group in
                for app in apps { group.addTask { try await FirstStart.prepare(app).loadedDemo } }
                var loaded: [Bool] = []
                for try await outcome in group { loaded.append(outcome) }
                return loaded
            }
            XCTAssertEqual(loaded.filter { $0 }.count, 1, "one process loads the demo; the others find it loaded")
            let hubs = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: schema).hubs").first()!.decode(
                column: "n", as: Int.self)
            XCTAssertEqual(hubs, DemoData.hubs.count)
            for app in apps { try await app.asyncShutdown() }
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
    }
}
