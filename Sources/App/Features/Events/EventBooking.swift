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

    /// Gives a confirmed person a place if one is free, or a place in the queue. Each step is a
    /// conditional update, so a double click confirms once and takes at most one place.
    func confirm(_ registration: EventRegistration, event: Event, token: String) async throws -> Outcome {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let registrationID = try registration.requireID()
        let claimed = try await sql.raw(
            """
            UPDATE event_registrations SET status = \(bind: EventRegistration.Status.confirming.rawValue)
            WHERE id = \(bind: registrationID) AND status = \(bind: EventRegistration.Status.unconfirmed.rawValue)
            RETURNING id
            """
        ).all()
        guard !claimed.isEmpty else {
            let current = try await EventRegistration.find(registrationID, on: db)
            return .alreadyRegistered(current?.status ?? .cancelled)
        }
        let took = try await takePlace(eventID: try event.requireID())
        let status = took ? EventRegistration.Status.confirmed : .waitlisted
        try await sql.raw(
            """
            UPDATE event_registrations SET status = \(bind: status.rawValue), confirmed_at = \(bind: Date())
            WHERE id = \(bind: registrationID)
            """
        ).run()
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

    /// Cancels a registration. A place given back goes straight to the first person waiting.
    func cancel(_ registration: EventRegistration, event: Event) async throws {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let registrationID = try registration.requireID()
        let eventID = try event.requireID()
        // The status the cancellation replaced decides whether a place came free; the update
        // names it, so a change made in between (a promotion, another cancel) is seen, not lost.
        for _ in 0..<5 {
            guard let current = try await EventRegistration.find(registrationID, on: db) else { return }
            let previous = current.status
            guard previous != .cancelled else { return }
            let changed = try await sql.raw(
                """
                UPDATE event_registrations SET status = \(bind: EventRegistration.Status.cancelled.rawValue)
                WHERE id = \(bind: registrationID) AND status = \(bind: previous.rawValue)
                RETURNING id
                """
            ).all()
            guard !changed.isEmpty else { continue }
            registration.status = .cancelled
            guard previous == .confirmed else { return }
            if try await passPlaceOn(eventID: eventID, event: event) == false {
                try await sql.raw(
                    "UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0"
                ).run()
                // Someone may have joined the queue just now, after finding the event full.
                try await fillFreePlaces(event)
            }
            return
        }
    }

    /// Moves the first person on the waiting list into a place that has just come free; false
    /// when nobody is waiting. Each candidate is claimed by one conditional update, so two
    /// cancellations at once never give the same person two places.
    private func passPlaceOn(eventID: UUID, event: Event) async throws -> Bool {
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
            guard !claimed.isEmpty else { continue }
            let token = try await freshToken(for: next)
            try await tell(
                next, event: event, token: token, subject: "A place has come free at \(event.title)",
                lines: [
                    "Someone has cancelled, so the place is yours: you were first on the waiting list for \(event.title).",
                    EventViews.when(event),
                    "If you can no longer come, please cancel so the next person can have it.",
                ])
            return true
        }
        return false
    }

    /// While places are free and people wait, the first in the queue takes one: after the
    /// organiser adds places, and after any step that may have freed one while someone queued.
    func fillFreePlaces(_ event: Event) async throws {
        let eventID = try event.requireID()
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        while try await EventRegistration.query(on: db).filter(\.$event.$id == eventID).filter(
            \.$status == .waitlisted
        ).count() > 0 {
            guard try await takePlace(eventID: eventID) else { return }
            if try await passPlaceOn(eventID: eventID, event: event) == false {
                // Nobody was left to take it after all: give the place back.
                try await sql.raw(
                    "UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0"
                ).run()
                return
            }
        }
    }

    /// Takes one place if any is left: a single conditional update, atomic on both databases.
    func takePlace(eventID: UUID) async throws -> Bool {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw(
            """
            UPDATE events SET places_taken = places_taken + 1
            WHERE id = \(bind: eventID) AND places_taken < capacity
            RETURNING places_taken
            """
        ).all()
        return !rows.isEmpty
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
