import Fluent
import SQLKit
import Vapor

/// After an event that asks for feedback: a link to the feedback form for each person who came
/// (everyone with a place, when the organisers did not mark who came). Sent once per event, by the
/// organisers' button or by `bridgework send-event-feedback` from a scheduler.
enum EventFeedbackRequests {
    static func send(for event: Event, mailer: Mailer, baseURL: String, on db: Database) async throws {
        guard event.askFeedback, event.feedbackRequestedAt == nil, event.hasEnded() else { return }
        let confirmed = try await EventRegistration.query(on: db).filter(\.$event.$id == event.requireID())
            .filter(\.$status == .confirmed).all()
        let attended = confirmed.filter(\.attended)
        // Claimed by one conditional update, so the organisers' button and the scheduled command
        // running at the same moment send once between them.
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let now = Date()
        let claimed = try await sql.raw(
            """
            UPDATE events SET feedback_requested_at = \(bind: now) WHERE id = \(bind: try event.requireID()) AND feedback_requested_at IS NULL RETURNING id
            """
        ).all()
        guard !claimed.isEmpty else { return }
        event.feedbackRequestedAt = now
        for registration in attended.isEmpty ? confirmed : attended {
            let token = Tokens.random()
            try await EventRegistration.query(on: db).filter(\.$id == registration.requireID()).set(
                \.$tokenHash, to: Tokens.hash(token)
            ).update()
            let link = SiteURL.eventFeedback.absolute(base: baseURL, query: ["token": token])
            try await mailer.send(
                to: registration.email, subject: "How was \(event.title)?",
                body: """
                    Hello \(registration.name),

                    Thank you for coming to \(event.title). Two minutes of your thoughts help the organisers make the next one better:

                    \(link)
                    """, secrets: [token])
        }
    }

    /// Every finished event that asks for feedback and has not yet asked.
    static func sendAllDue(mailer: Mailer, baseURL: String, on db: Database, now: Date = Date()) async throws -> Int {
        let due = try await Event.query(on: db).filter(\.$askFeedback == true).filter(\.$feedbackRequestedAt == nil)
            .filter(\.$endsAt < now).filter(\.$recordedAttendance == nil).all()
        for event in due { try await send(for: event, mailer: mailer, baseURL: baseURL, on: db) }
        return due.count
    }
}
