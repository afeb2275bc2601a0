import Vapor

/// `bridgework seed-demo`: loads the demo alliance into an empty database.
struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads the demo alliance (hubs, host organisations, demo accounts) into an empty database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        guard try await DemoData.databaseIsEmpty(app.db) else {
            context.console.report(
                error: "The database already holds hubs or people, so the demo was not loaded. Use an empty database.",
                newLine: true)
            throw CommandFailure.refused
        }
        let cost = app.settings.bcryptCost
        try await DemoData.seed(on: app.db, hashPassword: { try Bcrypt.hash($0, cost: cost) })
        context.console.info("Loaded the demo alliance.")
        context.console.warning(DemoData.signInNotice(publicURL: app.settings.publicURL))
    }
}

/// A command that stopped on purpose after saying why; exits non-zero.
enum CommandFailure: Error, CustomStringConvertible {
    case refused
    var description: String { "The command did not complete." }
}
