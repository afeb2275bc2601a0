import Vapor

/// `bridgework expire-consents`: takes down stories whose consents have ended, once a day from a
/// scheduler. Safe to run again: a story already down is left alone.
struct ExpireConsentsCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Takes down stories whose consents have ended, and tells their authors and stewards." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
        let ended = try await ConsentExpiry.apply(mailer: mailer, baseURL: app.publicBaseURL, on: app.db)
        context.console.info(
            ended.isEmpty
                ? "No consents have ended on stories that are up or waiting for review."
                : "Took down or returned \(ended.count) stor\(ended.count == 1 ? "y" : "ies") whose consents ended.")
    }
}
