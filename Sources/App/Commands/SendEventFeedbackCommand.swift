import Vapor

/// `bridgework send-event-feedback`: asks the people who came to each finished event for feedback,
/// once per event. Meant for a scheduler (cron, a systemd timer) to run every hour or so.
struct SendEventFeedbackCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Sends feedback links for every finished event that asks for feedback and has not yet sent them."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let mailer = Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger)
        let count = try await EventFeedbackRequests.sendAllDue(mailer: mailer, baseURL: app.publicBaseURL, on: app.db)
        context.console.info(
            count == 0
                ? "No finished events were waiting for feedback requests."
                : "Sent feedback requests for \(count) event\(count == 1 ? "" : "s").")
    }
}
