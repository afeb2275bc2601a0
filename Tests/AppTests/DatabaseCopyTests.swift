import Fluent
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// `bridgework copy-database`: moving an alliance from the embedded SQLite file to PostgreSQL (and
/// back) keeps every row and every value, and a copy that cannot be made safely is refused in words.
final class DatabaseCopyTests: XCTestCase {
    private func temporaryFolder() -> String {
        NSTemporaryDirectory() + "bridgework-copy-" + UUID().uuidString
    }

    /// An app on `schema` of the PostgreSQL server the tests use.
    private func withPostgresApp(schema: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        let settings = Settings(
            dataDirectory: NSTemporaryDirectory(), database: .postgres(url: TestDatabase.postgresURL!, schema: schema),
            bcryptCost: 4, seedDemoOnFirstStart: false)
        do {
            try await configure(app, settings: settings)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func testTheDemoGoesToPostgreSQLAndBackWithEveryRowAndValueUnchanged() async throws {
        guard let url = TestDatabase.postgresURL else { throw XCTSkip("needs DATABASE_URL (PostgreSQL)") }
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withEmptySchema { schema in
            try await roundTrip(url: url, schema: schema, folder: folder)
        }
    }

    /// Runs `body` with a new, empty schema on the PostgreSQL server, dropped afterwards however
    /// `body` ends.
    private func withEmptySchema(_ body: (String) async throws -> Void) async throws {
        let schema = "copy_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await withApp { server, _ in
            let sql = server.db as! SQLDatabase
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
            do {
                try await body(schema)
            } catch {
                try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                throw error
            }
            try await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
    }

    /// The demo in an SQLite file, copied into `schema` on PostgreSQL, then from there into a new file.
    private func roundTrip(url: String, schema: String, folder: String) async throws {

        var original: [String: DatabaseCopy.Summary] = [:]
        var atCopyBack: [String: DatabaseCopy.Summary] = [:]
        var storyTitle = ""
        try await withFileApp(folder + "/first/bridgework.sqlite") { app in
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: 4) })
            storyTitle = try await Story.query(on: app.db).filter(\.$status == .published).first()!.title
            let console = try await app.run(CopyDatabaseCommand(), ["--to", url, "--schema", schema])
            XCTAssertTrue(
                console.standardOutput.contains("every table's row count and checksum match its source"),
                console.standardOutput)
            XCTAssertTrue(console.standardOutput.contains("users: "), "each table's rows are reported")
        }
        try await withPostgresApp(schema: schema) { app in
            try await app.prepareDatabase()
            let plan = try await DatabaseCopy.plan(reading: app.db as! SQLDatabase)
            original = try await DatabaseCopy.summaries(of: app.db as! SQLDatabase, plan: plan)
            XCTAssertGreaterThan(original["users"]?.rows ?? 0, 10)
            XCTAssertGreaterThan(original["stories"]?.rows ?? 0, 0)
            let page = try await TestClient(app).get("/stories")
            XCTAssertTrue(
                page.text.contains(storyTitle.replacingOccurrences(of: "'", with: "&#39;"))
                    || page.text.contains(storyTitle),
                "the copy serves the demo's stories")
            let visitor = TestClient(app)
            try await visitor.signIn("coordinator@demo.bridgework.org.uk", password: DemoData.password)
            let home = try await visitor.get("/home")
            XCTAssertEqual(home.status, .ok, "a demo account signs in on the copy with its own password")

            // Signing in wrote a session and an audit entry: the copy back must carry those too.
            atCopyBack = try await DatabaseCopy.summaries(of: app.db as! SQLDatabase, plan: plan)
            _ = try await app.run(CopyDatabaseCommand(), ["--to", folder + "/back/bridgework.sqlite"])
        }
        try await withFileApp(folder + "/first/bridgework.sqlite") { first in
            try await withFileApp(folder + "/back/bridgework.sqlite") { back in
                try await withPostgresApp(schema: schema) { postgres in
                    let plan = try await DatabaseCopy.plan(reading: postgres.db as! SQLDatabase)
                    let before = try await DatabaseCopy.summaries(of: first.db as! SQLDatabase, plan: plan)
                    let after = try await DatabaseCopy.summaries(of: back.db as! SQLDatabase, plan: plan)
                    XCTAssertEqual(differences(before, original), [], "SQLite to PostgreSQL")
                    XCTAssertEqual(differences(after, atCopyBack), [], "PostgreSQL back to SQLite")
                    XCTAssertEqual(atCopyBack["sessions"]?.rows, 1)
                    XCTAssertEqual(Set(before.keys).count, plan.count)
                }
            }
        }
    }

    /// The tables whose rows or content differ, for a short failure message.
    private func differences(_ one: [String: DatabaseCopy.Summary], _ other: [String: DatabaseCopy.Summary])
        -> [String]
    {
        Set(one.keys).union(other.keys).filter { one[$0] != other[$0] }.sorted()
    }

    func testACopyIntoADatabaseAlreadyInUseIsRefusedAndChangesNothing() async throws {
        guard let url = TestDatabase.postgresURL else { throw XCTSkip("needs DATABASE_URL (PostgreSQL)") }
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withEmptySchema { schema in
            try await withPostgresApp(schema: schema) { app in
                try await app.prepareDatabase()
                _ = try await TestPeople.make(on: app)
            }
            try await withFileApp(folder + "/bridgework.sqlite") { app in
                try await DemoData.seed(on: app.db, hashPassword: { _ in "not used" })
                let console = RecordingConsole()
                var context = CommandContext(
                    console: console,
                    input: CommandInput(arguments: ["bridgework", "--to", url, "--schema", schema]))
                context.application = app
                do {
                    try await CopyDatabaseCommand().run(using: &context)
                    XCTFail("a copy into a database in use must be refused")
                } catch {}
                XCTAssertTrue(console.standardError.contains("already holds data"), console.standardError)
            }
            try await withPostgresApp(schema: schema) { app in
                let users = try await User.query(on: app.db).count()
                XCTAssertEqual(users, TestPeople.Role.allCases.count, "the target's own rows are untouched")
            }
        }
    }

    func testCopyingWithoutPostgreSQLOnEitherSideSaysToUseABackup() async throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withFileApp(folder + "/live/bridgework.sqlite") { app in
            for (arguments, message) in [
                ([String](), "--to: name the database to copy into"),
                (["--to", folder + "/copy.sqlite"], "use bridgework backup"),
                (["--to", folder + "/live/bridgework.sqlite"], "the database this command is running on"),
            ] {
                let console = RecordingConsole()
                var context = CommandContext(
                    console: console, input: CommandInput(arguments: ["bridgework"] + arguments))
                context.application = app
                do {
                    try await CopyDatabaseCommand().run(using: &context)
                    XCTFail("\(arguments) should be refused")
                } catch {}
                XCTAssertTrue(console.standardError.contains(message), "\(arguments): \(console.standardError)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/copy.sqlite"), "no file is left behind")
        }
    }
}
