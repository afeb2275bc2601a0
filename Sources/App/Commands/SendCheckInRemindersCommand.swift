import Vapor

/// `bridgework send-check-in-reminders`: a day after a trigger event is declared, reminds the
/// stewards of every hub that has not checked in. For a scheduler, hourly; each event's reminder
/// goes once however often it runs, even two runs at once.
struct SendCheckInRemindersCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Reminds hubs that have not checked in a day after a trigger event was declared." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareDatabase()
        let requests = CheckInRequests(
            db: app.db,
            mailer: Mailer(settings: app.settings, db: app.db, threadPool: app.threadPool, logger: app.logger),
            baseURL: app.publicBaseURL)
        let sent = try await requests.remindDue()
        for event in sent {
            context.console.info("\(event.event): reminded \(Wording.count(event.emails, "steward", "stewards")).")
        }
        if sent.isEmpty {
            context.console.info("No trigger event is due a reminder.")
        }
    }
}
