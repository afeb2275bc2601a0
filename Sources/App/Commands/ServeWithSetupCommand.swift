import Vapor

/// `bridgework serve` (the default): migrates, loads the demo into an empty database, prints the
/// demo sign-ins, then serves with Vapor's own server command (`--hostname`, `--port`, `--bind`).
struct ServeWithSetupCommand: AsyncCommand {
    typealias Signature = ServeCommand.Signature

    var help: String { "Migrates the database, loads the demo on first start, and serves the site." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let settings = app.settings
        if settings.seedDemoOnFirstStart, try await DemoData.databaseIsEmpty(app.db) {
            context.console.info("This is a new database: loading the demo alliance.")
            try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: settings.bcryptCost) })
        }
        if try await DemoData.hasDemoAccounts(app.db) {
            context.console.warning(DemoData.signInNotice(publicURL: settings.publicURL))
        }
        try await app.servers.asyncCommand.run(using: context, signature: signature)
    }
}
