import Vapor

/// `bridgework send-digests`: for a scheduler, weekly. Each person gets one digest a week at most,
/// however often it runs, and none in a week with nothing new.
struct SendDigestsCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Emails each hub member the week's news from their hubs, once a week." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        try await app.loadSiteSecrets()
        let sender = DigestSender(
            db: app.db,
            mailer: Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger),
            baseURL: app.publicBaseURL, signingKey: app.csrfKey)
        let summary = try await sender.sendAll()
        context.console.info(
            "Sent \(Wording.count(summary.sent, "digest", "digests")) for \(Digest.week(of: Date())); "
                + "\(Wording.count(summary.nothingNew, "person had", "people had")) nothing new; "
                + "\(Wording.count(summary.alreadySent, "person was", "people were")) sent this week's already.")
    }
}
