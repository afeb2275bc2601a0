import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor

/// Sets up the database, middleware, routes and commands. Migrations run in `prepareDatabase`,
/// which `serve` and the commands call, so configuring never changes data by itself.
public func configure(_ app: Application, settings: Settings) async throws {
    app.settings = settings
    app.directoryIndex = DirectoryIndexStore()
    app.metrics = SiteMetrics()

    switch settings.database {
    case .sqliteFile(let path):
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .postgres(let url, let schema):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        app.databases.use(.postgres(configuration: configuration), as: .psql)
    }
    if case .postgres = settings.database {
    } else {
        try await SQLiteTuning.apply(app)
    }

    app.migrations.add(Migrations.all)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.timingDummyHash = try Bcrypt.hash(Tokens.random(), cost: settings.bcryptCost)
    app.routes.defaultMaxBodySize = ByteCount(value: settings.maxBodySize)

    // Order matters: headers on everything, errors rendered inside that, static files before any database work.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SiteErrorMiddleware())
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(RequestSanityMiddleware())
    app.middleware.use(BodySizeLimitMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: StaticFiles.directory, defaultFile: nil))
    app.middleware.use(SiteSecretsMiddleware())
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(PolicyMiddleware())
    app.pageContextMaker = PageContexts.maker

    try routes(app)
    Commands.register(in: app)
}

/// Every migration, in order. Each has a revert.
enum Migrations {
    static let all: [any Migration] = [
        M001CreateUsers(),
        M002CreateSessionsAndTokens(),
        M003CreateHubsAndOrganisations(),
        M004CreateOutboxAndAudit(),
        M005CreateSiteSecrets(),
        M006CreateDirectory(),
        M007CreateProfiles(),
        M008TrackDirectoryChanges(),
        M009CreateStories(),
        M010CreateCuratedContent(),
        M011CreateProjects(),
        M012CreateSurveys(),
        M013VersionStoryFiling(),
        M014AddSurveyModesQuestionsAndTranslations(),
        M015CreateCustomIndicators(),
        M016CreateStoriesOfChange(),
        M017CreateEvents(),
        M018CreatePeerSupport(),
        M019AddAccountRights(),
        M020CreateOrganisationInvitations(),
        M021CreateThrottleCounters(),
        M022AddProjectCodeHints(),
        M023AddSurveyShortCodes(),
        M024SeparateOneAnswerSocialDistance(),
        M025IndexResponsesBySurveyAndCode(),
        M026KeepSurveyTallies(),
        M027AddJoinMessages(),
        M028CreateDigests(),
        M029CreateTensionWatch(),
        M030LogDirectoryChanges(),
    ]
}

/// SQLite needs WAL mode (readers do not block the writer) and a busy timeout on every
/// connection, since each event loop holds its own.
enum SQLiteTuning {
    static func apply(_ app: Application) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let sql = app.databases.database(logger: app.logger, on: eventLoop) as? SQLDatabase else { continue }
            try await sql.raw("PRAGMA busy_timeout = 5000").run()
            if case .sqliteFile = app.settings.database {
                try await sql.raw("PRAGMA journal_mode = WAL").run()
                // FULL: a write we have acknowledged survives a power cut or an OS crash, not only
                // the server's own crash (NORMAL may roll back the last commits after one).
                try await sql.raw("PRAGMA synchronous = FULL").run()
            }
        }
    }
}

extension Application {
    /// Migrates to the latest schema and loads the site secret. Safe to run on every start, and
    /// from several processes starting at once.
    public func prepareDatabase() async throws {
        try await whileSettingUp { try await migrateAndLoadSecrets() }
    }

    func migrateAndLoadSecrets() async throws {
        try await autoMigrate()
        try await loadSiteSecrets()
    }

    /// Runs `body` while no other process sets up the same database: on PostgreSQL, under an
    /// advisory lock held on a connection of its own (outside the pool, which `body` uses), so two
    /// servers started together never both create the tables or both load the demo. SQLite's file
    /// takes one writer at a time already.
    func whileSettingUp<Result>(_ body: () async throws -> Result) async throws -> Result {
        guard case .postgres(let url, _) = settings.database else { return try await body() }
        let connection = try await PostgresConnection.connect(
            on: eventLoopGroup.any(), configuration: try SQLPostgresConfiguration(url: url).coreConfiguration,
            id: 0, logger: logger
        ).get()
        do {
            try await connection.query("SELECT pg_advisory_lock(\(Self.setupLockKey))", logger: logger)
            let result = try await body()
            try await connection.close()
            return result
        } catch {
            // Closing the session releases the lock.
            try? await connection.close()
            throw error
        }
    }

    /// Any fixed number shared by every Bridgework process; advisory locks are per database.
    private static let setupLockKey: Int64 = 0x4272_6964_6765
}

/// Where the styles and script are: shipped inside the package's resources, not looked up from
/// the folder the server was started in.
enum StaticFiles {
    static let directory: String = {
        guard let url = Bundle.module.url(forResource: "Public", withExtension: nil) else {
            return DirectoryConfiguration.detect().publicDirectory
        }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }()
}
