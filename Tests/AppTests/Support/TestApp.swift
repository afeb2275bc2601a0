import Fluent
import FluentPostgresDriver
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import XCTVapor

@testable import App

/// Counts the SQL statements the app runs, by watching the drivers' "Executing query" log lines.
final class QueryCounter: @unchecked Sendable {
    private let count = NIOLockedValueBox(0)
    private let requestLines = NIOLockedValueBox([String]())
    var value: Int { count.withLockedValue { $0 } }
    /// Each request log line as "METHOD ROUTE STATUS", with everything else it carried after.
    var requests: [String] { requestLines.withLockedValue { $0 } }
    func record(request line: String) { requestLines.withLockedValue { $0.append(line) } }
    func reset() { count.withLockedValue { $0 = 0 } }
    func increment() { count.withLockedValue { $0 += 1 } }
}

struct CountingLogHandler: LogHandler {
    let counter: QueryCounter
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        if message.description == "Executing query" { counter.increment() }
        if message.description == "request" {
            let all = self.metadata.merging(metadata ?? [:], uniquingKeysWith: { $1 })
            let head = ["method", "route", "status"].map { all[$0]?.description ?? "?" }.joined(separator: " ")
            let rest = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            counter.record(request: head + " | " + rest)
        }
        // TEST_SHOW_ERRORS=1 prints what the server logged as an error, for debugging a failing test.
        if level >= .warning, ProcessInfo.processInfo.environment["TEST_SHOW_ERRORS"] != nil {
            print("[\(level)] \(message) \(metadata ?? [:])")
        }
    }
}

/// Whether this run uses PostgreSQL (`DATABASE_URL` set) or SQLite in memory.
enum TestDatabase {
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else {
            return nil
        }
        return url
    }
}

/// Runs `body` against a new app with its own fresh, migrated database: an in-memory SQLite
/// database, or a new schema on the PostgreSQL server named by `DATABASE_URL`, dropped afterwards.
func withApp(
    publicURL: String? = nil,
    sendmailPath: String? = nil,
    maxBodySize: Int = 1_048_576,
    _ body: (Application, QueryCounter) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    let counter = QueryCounter()
    app.logger = Logger(label: "test") { _ in CountingLogHandler(counter: counter) }
    let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let database: Settings.DatabaseChoice =
        TestDatabase.postgresURL.map { .postgres(url: $0, schema: schema) } ?? .sqliteMemory
    let mailDirectory = (NSTemporaryDirectory() as NSString).appendingPathComponent(
        "bridgework-mail-" + UUID().uuidString)
    defer { try? FileManager.default.removeItem(atPath: mailDirectory) }
    let settings = Settings(
        dataDirectory: NSTemporaryDirectory(),
        database: database,
        publicURL: publicURL,
        sendmailPath: sendmailPath,
        mailDirectory: mailDirectory,
        bcryptCost: 4,
        maxBodySize: maxBodySize,
        seedDemoOnFirstStart: false
    )
    do {
        try await configure(app, settings: settings)
        if case .postgres = database {
            try await (app.db as! SQLDatabase).raw("CREATE SCHEMA \(unsafeRaw: schema)").run()
        }
        try await app.prepareDatabase()
        try await body(app, counter)
    } catch {
        try? await dropSchema(app, schema)
        try? await app.asyncShutdown()
        throw error
    }
    try await dropSchema(app, schema)
    try await app.asyncShutdown()
}

extension Application {
    /// The messages delivered to `recipient` (as the mail folder holds them, headers and all), oldest first.
    func deliveredMail(to recipient: String) -> [String] {
        let folder = settings.mailDirectory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".eml")
        }.sorted()
        return names.compactMap {
            try? String(contentsOfFile: (folder as NSString).appendingPathComponent($0), encoding: .utf8)
        }
        .filter { $0.contains("\r\nTo: \(recipient)\r\n") }
    }

    /// The token of the newest link to `path` delivered to `recipient`, as they would follow it.
    func deliveredToken(to recipient: String, path: String) -> String? {
        for message in deliveredMail(to: recipient).reversed() {
            if let match = message.firstMatch(of: try! Regex("\(path)\\?token=([A-Za-z0-9_-]+)")),
                let token = match.output[1].substring
            {
                return String(token)
            }
        }
        return nil
    }
}

private func dropSchema(_ app: Application, _ schema: String) async throws {
    guard TestDatabase.postgresURL != nil else { return }
    try await (app.db as! SQLDatabase).raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run()
}

/// People in each role, made directly in the database for tests.
struct TestPeople {
    static let password = "correct horse battery"

    let hub: Hub
    let otherHub: Hub
    let homeHub: Hub
    let organisation: Organisation
    let otherOrganisation: Organisation

    static func make(on app: Application) async throws -> TestPeople {
        let hub = Hub(slug: "riverside", name: "Riverside", region: "North East", summary: "A test hub.")
        let otherHub = Hub(slug: "hillside", name: "Hillside", region: "South West", summary: "Another test hub.")
        // Where the member and the organisations' admins were approved, so they are alliance members.
        let homeHub = Hub(
            slug: "lakeside", name: "Lakeside", region: "North West", summary: "The test people's own hub.")
        let organisation = Organisation(
            slug: "bridge-builders", name: "Bridge Builders", summary: "A test organisation.")
        let otherOrganisation = Organisation(
            slug: "common-ground", name: "Common Ground", summary: "Another test organisation.")
        for model in [hub, otherHub, homeHub] as [any Model] { try await model.create(on: app.db) }
        for model in [organisation, otherOrganisation] as [any Model] { try await model.create(on: app.db) }
        let people = TestPeople(
            hub: hub, otherHub: otherHub, homeHub: homeHub, organisation: organisation,
            otherOrganisation: otherOrganisation)
        for role in Role.allCases {
            try await people.create(role, on: app)
        }
        return people
    }

    enum Role: String, CaseIterable {
        /// `registered` has a confirmed account but no hub has approved them: not an alliance member.
        case member, organisationAdmin, otherOrganisationAdmin, steward, otherSteward, coordinator, registered

        var email: String { "\(rawValue.lowercased())@example.org" }
    }

    @discardableResult
    func create(_ role: Role, on app: Application) async throws -> User {
        let hash = try Bcrypt.hash(Self.password, cost: 4)
        let user = User(
            name: "Test \(role.rawValue)", email: role.email, passwordHash: hash, emailConfirmedAt: Date(),
            isCoordinator: role == .coordinator)
        try await user.create(on: app.db)
        let userID = try user.requireID()
        switch role {
        case .organisationAdmin: try await RoleChanges.makeAdmin(userID: userID, of: organisation, on: app.db)
        case .otherOrganisationAdmin: try await RoleChanges.makeAdmin(userID: userID, of: otherOrganisation, on: app.db)
        case .steward: try await RoleChanges.makeSteward(userID: userID, of: hub, on: app.db)
        case .otherSteward: try await RoleChanges.makeSteward(userID: userID, of: otherHub, on: app.db)
        case .member, .coordinator, .registered: break
        }
        if [.member, .organisationAdmin, .otherOrganisationAdmin].contains(role) {
            try await HubMembership(hubID: homeHub.requireID(), userID: userID, role: .member).create(on: app.db)
        }
        return user
    }
}

/// An app on an SQLite file in its own folder, as `swift run bridgework` keeps one.
func withFileApp(_ path: String, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let folder = (path as NSString).deletingLastPathComponent
    let settings = Settings(
        dataDirectory: folder, database: .sqliteFile(path: path),
        mailDirectory: (folder as NSString).appendingPathComponent("mail"), bcryptCost: 4,
        seedDemoOnFirstStart: false)
    do {
        try await configure(app, settings: settings)
        try await app.prepareDatabase()
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
