import Vapor

/// `bridgework serve` (the default): gets the database ready, prints the demo sign-ins, then
/// serves with Vapor's own server command (`--hostname`, `--port`, `--bind`).
struct ServeWithSetupCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Migrates the database, loads the demo on first start, and serves the site." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let outcome = try await FirstStart.prepare(app)
        if outcome.loadedDemo {
            context.console.info("This was a new database: the demo alliance has been loaded.")
        }
        if outcome.hasDemoAccounts {
            context.console.warning(DemoData.signInNotice(publicURL: app.settings.publicURL))
        }
        if app.settings.sendmailPath == nil {
            // Links in emails work only for the people they go to, so say where they go.
            context.console.info(
                "No mail program is set (BRIDGEWORK_SENDMAIL), so messages are written as files to \(app.settings.mailDirectory)/."
            )
        }
        try await app.servers.asyncCommand.run(using: context, signature: signature)
    }
}

/// What serving needs before the first request: the latest schema and, on a new database, the demo.
enum FirstStart {
    struct Outcome {
        let loadedDemo: Bool
        let hasDemoAccounts: Bool
    }

    static func prepare(_ app: Application) async throws -> Outcome {
        let settings = app.settings
        // One lock over migrating and the emptiness check, so of servers started together on a
        // new database exactly one loads the demo.
        let loaded = try await app.whileSettingUp {
            try await app.migrateAndLoadSecrets()
            guard settings.seedDemoOnFirstStart, try await DemoData.databaseIsEmpty(app.db) else { return false }
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: settings.bcryptCost) })
            return true
        }
        return Outcome(loadedDemo: loaded, hasDemoAccounts: try await DemoData.hasDemoAccounts(app.db))
    }
}
