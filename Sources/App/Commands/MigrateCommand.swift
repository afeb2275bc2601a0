import Vapor

/// `bridgework migrate`: brings the database to the latest schema, without asking.
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Brings the database to the latest schema." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareDatabase()
        context.console.info("The database is up to date.")
    }
}
