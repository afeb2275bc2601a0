import Fluent
import SQLKit
import Vapor

/// Places at events: taken, queued for, given back and passed on. Every step that changes who
/// holds a place is one conditional update in the database, so places hold however many people
/// press at once, on SQLite and on PostgreSQL alike.
struct EventBooking {
    let req: Request

    private var db: Database { req.db }

    struct Answers: Sendable, Equatable {
        var accessNeeds = ""
        var dietaryNeeds = ""
        var organisation = ""
    }

    /// What happened to a registration, to tell the person.
    enum Outcome: Equatable {
        case confirmed, waitlisted, awaitingEmail
        case alreadyRegistered(EventRegistration.Status)
    }

    /// Registers a member at once, or a visitor pending the link sent to their email address.
    func register(_ event: Event, user: CurrentUser?, name: String, email: String, answers: Answers) async throws
        -> Outcome
    {
        let eventID = try event.requireID()
        let email = (user?.email ?? email).lowercased()
        if let existing = try await existingRegistration(eventID: eventID, email: email) {
            return try await alreadyRegistered(existing, event: event, byMember: user != nil)
        }
        let token = Tokens.random()
        let registration = EventRegistration()
        registration.$event.id = eventID
        registration.$user.id = user?.id
        registration.name = user?.name ?? name
        registration.email = email
        registration.status = .unconfirmed
        registration.tokenHash = Tokens.hash(token)
        registration.accessNeeds = answers.accessNeeds
        registration.dietaryNeeds = answers.dietaryNeeds
        registration.organisationName = answers.organisation
        registration.attended = false
        do {
            try await registration.create(on: db)
        } catch {
            // A second press at the same moment: the unique index on live registrations keeps one.
            guard let existing = try await existingRegistration(eventID: eventID, email: email) else { throw error }
            return try await alreadyRegistered(existing, event: event, byMember: user != nil)
        }
        guard user != nil else {
            try await sendConfirmation(registration, event: event, token: token)
            return .awaitingEmail
        }
        return try await confirm(registration, event: event, token: token)
    }

    /// A member is told where they stand. A visitor is told only "check your email", whatever the
    /// address's state, so the form never reveals who has registered; the email says the rest, at
    /// most once a quarter of an hour, so the form cannot be used to flood someone's inbox.
    private func alreadyRegistered(_ existing: EventRegistration, event: Event, byMember: Bool) async throws -> Outcome
    {
        guard !byMember else { return .alreadyRegistered(existing.status) }
        let recently = try await OutboxMessage.query(on: db).filter(\.$recipient == existing.email)
            .filter(\.$createdAt > Date().addingTimeInterval(-900)).all()
            .contains { $0.subject.contains(event.title) }
        guard !recently else { return .awaitingEmail }
        if existing.status == .unconfirmed {
            try await sendConfirmation(existing, event: event, token: try await freshToken(for: existing))
        } else {
            // No new link: replacing the secret would break the links the person already has.
            try await req.mailer.send(
                to: existing.email, subject: "You are already registered for \(event.title)",
                body: """
                    Hello \(existing.name),

                    Someone (probably you) asked for a place at \(event.title) for this address, which already has one: \(EventViews.statusLabel(existing.status).lowercased()).
                    The links in the earlier emails about this event still work.
                    """)
        }
        return .awaitingEmail
    }

    /// Gives a confirmed person a place if one is free, or a place in the queue. The claim, the
    /// place and the new status are one transaction, so a double click confirms once and takes at
    /// most one place, and a crash part-way leaves neither a half-confirmed registration nor a place
    /// counted that nobody holds. The email goes once the change is kept.
    func confirm(_ registration: EventRegistration, event: Event, token: String) async throws -> Outcome {
        let registrationID = try registration.requireID()
        let eventID = try event.requireID()
        let took: Bool? = try await inTransaction { sql, _ in
            let claimed = try await sql.raw(
                """
                UPDATE event_registrations SET status = \(bind: EventRegistration.Status.confirming.rawValue)
                WHERE id = \(bind: registrationID) AND status = \(bind: EventRegistration.Status.unconfirmed.rawValue)
                RETURNING id
                """
            ).all()
            guard !claimed.isEmpty else { return nil }
            let took = try await Self.takePlace(eventID: eventID, on: sql)
            let status = took ? EventRegistration.Status.confirmed : .waitlisted
            try await sql.raw(
                """
                UPDATE event_registrations SET status = \(bind: status.rawValue), confirmed_at = \(bind: Date())
                WHERE id = \(bind: registrationID)
                """
            ).run()
            return took
        }
        guard let took else {
            let current = try await EventRegistration.find(registrationID, on: db)
            return .alreadyRegistered(current?.status ?? .cancelled)
        }
        try await tell(
            registration, event: event, token: token,
            subject: took ? "Your place at \(event.title)" : "You are on the waiting list for \(event.title)",
            lines: took
                ? [
                    "Your place at \(event.title) is confirmed.", EventViews.when(event),
                    event.place.isEmpty ? "" : "Where: \(event.place)",
                ]
                : [
                    "\(event.title) is full, so you are on the waiting list. If someone cancels, the place goes to the first person on the list and we will email you at once."
                ])
        // A place may have come free between finding the event full and joining the queue.
        if !took { try await fillFreePlaces(event) }
        return took ? .confirmed : .waitlisted
    }

    /// Cancels a registration. A place given back goes straight to the first person waiting, in
    /// the same transaction as the cancellation, so no crash can lose the place or give it twice.
    func cancel(_ registration: EventRegistration, event: Event) async throws {
        let registrationID = try registration.requireID()
        let eventID = try event.requireID()
        // The status the cancellation replaced decides whether a place came free; the update
        // names it, so a change made in between (a promotion, another cancel) is seen, not lost.
        for _ in 0..<5 {
            guard let current = try await EventRegistration.find(registrationID, on: db) else { return }
            let previous = current.status
            guard previous != .cancelled else { return }
            let outcome: (changed: Bool, promoted: EventRegistration?) = try await inTransaction { sql, db in
                let changed = try await sql.raw(
                    """
                    UPDATE event_registrations SET status = \(bind: EventRegistration.Status.cancelled.rawValue)
                    WHERE id = \(bind: registrationID) AND status = \(bind: previous.rawValue)
                    RETURNING id
                    """
                ).all()
                guard !changed.isEmpty, previous == .confirmed else { return (!changed.isEmpty, nil) }
                if let promoted = try await Self.promoteFirstWaiting(eventID: eventID, on: db) {
                    return (true, promoted)
                }
                try await sql.raw(
                    "UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0"
                ).run()
                return (true, nil)
            }
            guard outcome.changed else { continue }
            registration.status = .cancelled
            guard previous == .confirmed else { return }
            if let promoted = outcome.promoted {
                try await tellPlaceCameFree(promoted, event: event)
            } else {
                // Someone may have joined the queue just now, after finding the event full.
                try await fillFreePlaces(event)
            }
            return
        }
    }

    /// Moves the first person on the waiting list into a place held for them; nil when nobody is
    /// waiting. Each candidate is claimed by one conditional update, so two cancellations at once
    /// never give the same person two places.
    private static func promoteFirstWaiting(eventID: UUID, on db: Database) async throws -> EventRegistration? {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        while let next = try await EventRegistration.query(on: db).filter(\.$event.$id == eventID)
            .filter(\.$status == .waitlisted).sort(\.$confirmedAt).sort(\.$createdAt)
            .first()
        {
            let claimed = try await sql.raw(
                """
                UPDATE event_registrations SET status = \(bind: EventRegistration.Status.confirmed.rawValue)
                WHERE id = \(bind: try next.requireID()) AND status = \(bind: EventRegistration.Status.waitlisted.rawValue)
                RETURNING id
                """
            ).all()
            if !claimed.isEmpty { return next }
        }
        return nil
    }

    private func tellPlaceCameFree(_ registration: EventRegistration, event: Event) async throws {
        let token = try await freshToken(for: registration)
        try await tell(
            registration, event: event, token: token, subject: "A place has come free at \(event.title)",
            lines: [
                "Someone has cancelled, so the place is yours: you were first on the waiting list for \(event.title).",
                EventViews.when(event),
                "If you can no longer come, please cancel so the next person can have it.",
            ])
    }

    /// While places are free and people wait, the first in the queue takes one: after the
    /// organiser adds places, and after any step that may have freed one while someone queued.
    /// Taking the place and giving it to someone is one transaction.
    func fillFreePlaces(_ event: Event) async throws {
        let eventID = try event.requireID()
        while try await EventRegistration.query(on: db).filter(\.$event.$id == eventID).filter(
            \.$status == .waitlisted
        ).count() > 0 {
            let promoted: EventRegistration? = try await inTransaction { sql, db in
                guard try await Self.takePlace(eventID: eventID, on: sql) else { return nil }
                if let promoted = try await Self.promoteFirstWaiting(eventID: eventID, on: db) { return promoted }
                // Nobody was left to take it after all: give the place back.
                try await sql.raw(
                    "UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0"
                ).run()
                return nil
            }
            guard let promoted else { return }
            try await tellPlaceCameFree(promoted, event: event)
        }
    }

    /// Takes one place if any is left: a single conditional update, atomic on both databases.
    private static func takePlace(eventID: UUID, on sql: SQLDatabase) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE events SET places_taken = places_taken + 1
            WHERE id = \(bind: eventID) AND places_taken < capacity
            RETURNING places_taken
            """
        ).all()
        return !rows.isEmpty
    }

    /// Runs `body` in one transaction; it gets the transaction as both a Fluent and an SQL database.
    private func inTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (_ sql: SQLDatabase, _ db: Database) async throws -> Result
    ) async throws -> Result {
        try await db.transaction { db in
            guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
            return try await body(sql, db)
        }
    }

    // MARK: Messages

    /// The person's live registration, by email: a member's is their account's address, so
    /// registering once as a visitor and again as a member finds the first.
    private func existingRegistration(eventID: UUID, email: String) async throws -> EventRegistration? {
        try await EventRegistration.query(on: db).filter(\.$event.$id == eventID)
            .filter(\.$status != .cancelled).filter(\.$email == email).first()
    }

    /// Links in emails carry a secret stored only as a hash, so each message gets a new one.
    /// Only the secret is written, never the copy's other fields, which may be out of date.
    private func freshToken(for registration: EventRegistration) async throws -> String {
        let token = Tokens.random()
        try await EventRegistration.query(on: db).filter(\.$id == registration.requireID()).set(
            \.$tokenHash, to: Tokens.hash(token)
        ).update()
        return token
    }

    private func sendConfirmation(_ registration: EventRegistration, event: Event, token: String) async throws {
        let link = SiteURL.confirmRegistration.absolute(base: req.application.publicBaseURL, query: ["token": token])
        try await req.mailer.send(
            to: registration.email, subject: "Confirm your place at \(event.title)",
            body: """
                Hello \(registration.name),

                To confirm that you would like to come to \(event.title) (\(EventViews.when(event))), open this link:

                \(link)

                If you did not ask for a place, ignore this message and nothing will happen.
                """, secrets: [token])
    }

    func tell(_ registration: EventRegistration, event: Event, token: String, subject: String, lines: [String])
        async throws
    {
        let page = SiteURL.event(event.slug).absolute(base: req.application.publicBaseURL)
        let cancel = SiteURL.cancelRegistration.absolute(base: req.application.publicBaseURL, query: ["token": token])
        try await req.mailer.send(
            to: registration.email, subject: subject,
            body: """
                Hello \(registration.name),

                \(lines.filter { !$0.isEmpty }.joined(separator: "\n"))

                The event: \(page)
                To cancel: \(cancel)
                """, secrets: [token])
    }
}
