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
        case confirmed, waitlisted, awaitingEmail, alreadyRegistered(EventRegistration.Status)
    }

    /// Registers a member at once, or a visitor pending the link sent to their email address.
    func register(_ event: Event, user: CurrentUser?, name: String, email: String, answers: Answers) async throws -> Outcome {
        let eventID = try event.requireID()
        let email = email.lowercased()
        if let existing = try await existingRegistration(eventID: eventID, userID: user?.id, email: email) {
            guard user == nil else { return .alreadyRegistered(existing.registrationStatus) }
            // A visitor is told only "check your email", whatever the address's state, so the form
            // never reveals who has registered; the email itself says where they stand.
            let token = try await freshToken(for: existing)
            if existing.registrationStatus == .unconfirmed {
                try await sendConfirmation(existing, event: event, token: token)
            } else {
                try await tell(existing, event: event, token: token, subject: "You are already registered for \(event.title)",
                               lines: ["Someone (probably you) asked for a place at \(event.title) for this address, which already has one: \(EventViews.statusLabel(existing.registrationStatus).lowercased())."])
            }
            return .awaitingEmail
        }
        let token = Tokens.random()
        let registration = EventRegistration()
        registration.$event.id = eventID
        registration.$user.id = user?.id
        registration.name = user?.name ?? name
        registration.email = user?.email ?? email
        registration.status = EventRegistration.Status.unconfirmed.rawValue
        registration.tokenHash = Tokens.hash(token)
        registration.accessNeeds = answers.accessNeeds
        registration.dietaryNeeds = answers.dietaryNeeds
        registration.organisationName = answers.organisation
        registration.attended = false
        try await registration.create(on: db)
        guard user != nil else {
            try await sendConfirmation(registration, event: event, token: token)
            return .awaitingEmail
        }
        return try await confirm(registration, event: event, token: token)
    }

    /// Gives a confirmed person a place if one is free, or a place in the queue.
    func confirm(_ registration: EventRegistration, event: Event, token: String) async throws -> Outcome {
        guard registration.registrationStatus == .unconfirmed else { return .alreadyRegistered(registration.registrationStatus) }
        let took = try await takePlace(eventID: try event.requireID())
        registration.status = (took ? EventRegistration.Status.confirmed : .waitlisted).rawValue
        registration.confirmedAt = Date()
        try await registration.save(on: db)
        try await tell(registration, event: event, token: token, subject: took ? "Your place at \(event.title)" : "You are on the waiting list for \(event.title)",
                       lines: took
                           ? ["Your place at \(event.title) is confirmed.", EventViews.when(event), event.place.isEmpty ? "" : "Where: \(event.place)"]
                           : ["\(event.title) is full, so you are on the waiting list. If someone cancels, the place goes to the first person on the list and we will email you at once."])
        return took ? .confirmed : .waitlisted
    }

    /// Cancels a registration. A place given back goes straight to the first person waiting.
    func cancel(_ registration: EventRegistration, event: Event) async throws {
        let held = registration.registrationStatus == .confirmed
        let eventID = try event.requireID()
        // Only one cancellation of the same registration counts, even if pressed twice at once.
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let changed = try await sql.raw("""
            UPDATE event_registrations SET status = \(bind: EventRegistration.Status.cancelled.rawValue)
            WHERE id = \(bind: try registration.requireID()) AND status <> \(bind: EventRegistration.Status.cancelled.rawValue)
            RETURNING id
            """).all()
        guard !changed.isEmpty else { return }
        registration.status = EventRegistration.Status.cancelled.rawValue
        guard held else { return }
        if try await passPlaceOn(eventID: eventID, event: event) == false {
            try await sql.raw("UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0").run()
        }
    }

    /// Moves the first person on the waiting list into a place that has just come free; false
    /// when nobody is waiting. Each candidate is claimed by one conditional update, so two
    /// cancellations at once never give the same person two places.
    private func passPlaceOn(eventID: UUID, event: Event) async throws -> Bool {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        while let next = try await EventRegistration.query(on: db).filter(\.$event.$id == eventID)
            .filter(\.$status == EventRegistration.Status.waitlisted.rawValue).sort(\.$confirmedAt).sort(\.$createdAt).first() {
            let claimed = try await sql.raw("""
                UPDATE event_registrations SET status = \(bind: EventRegistration.Status.confirmed.rawValue)
                WHERE id = \(bind: try next.requireID()) AND status = \(bind: EventRegistration.Status.waitlisted.rawValue)
                RETURNING id
                """).all()
            guard !claimed.isEmpty else { continue }
            next.status = EventRegistration.Status.confirmed.rawValue
            let token = try await freshToken(for: next)
            try await tell(next, event: event, token: token, subject: "A place has come free at \(event.title)",
                           lines: ["Someone has cancelled, so the place is yours: you were first on the waiting list for \(event.title).", EventViews.when(event),
                                   "If you can no longer come, please cancel so the next person can have it."])
            return true
        }
        return false
    }

    /// After the organiser adds places: the people waiting take them, first come first served.
    func fillNewPlaces(_ event: Event) async throws {
        let eventID = try event.requireID()
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        while try await EventRegistration.query(on: db).filter(\.$event.$id == eventID).filter(\.$status == EventRegistration.Status.waitlisted.rawValue).count() > 0 {
            guard try await takePlace(eventID: eventID) else { return }
            if try await passPlaceOn(eventID: eventID, event: event) == false {
                // Nobody was left to take it after all: give the place back.
                try await sql.raw("UPDATE events SET places_taken = places_taken - 1 WHERE id = \(bind: eventID) AND places_taken > 0").run()
                return
            }
        }
    }

    /// Takes one place if any is left: a single conditional update, atomic on both databases.
    func takePlace(eventID: UUID) async throws -> Bool {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw("""
            UPDATE events SET places_taken = places_taken + 1
            WHERE id = \(bind: eventID) AND places_taken < capacity
            RETURNING places_taken
            """).all()
        return !rows.isEmpty
    }

    // MARK: Messages

    private func existingRegistration(eventID: UUID, userID: UUID?, email: String) async throws -> EventRegistration? {
        let query = EventRegistration.query(on: db).filter(\.$event.$id == eventID).filter(\.$status != EventRegistration.Status.cancelled.rawValue)
        if let userID { return try await query.filter(\.$user.$id == userID).first() }
        return try await query.filter(\.$email == email).first()
    }

    /// Links in emails carry a secret stored only as a hash, so each message gets a new one.
    private func freshToken(for registration: EventRegistration) async throws -> String {
        let token = Tokens.random()
        registration.tokenHash = Tokens.hash(token)
        try await registration.save(on: db)
        return token
    }

    private func sendConfirmation(_ registration: EventRegistration, event: Event, token: String) async throws {
        let link = SiteURL.confirmRegistration.absolute(base: req.application.publicBaseURL, query: ["token": token])
        try await req.mailer.send(to: registration.email, subject: "Confirm your place at \(event.title)", body: """
            Hello \(registration.name),

            To confirm that you would like to come to \(event.title) (\(EventViews.when(event))), open this link:

            \(link)

            If you did not ask for a place, ignore this message and nothing will happen.
            """, secrets: [token])
    }

    func tell(_ registration: EventRegistration, event: Event, token: String, subject: String, lines: [String]) async throws {
        let page = SiteURL.event(event.slug).absolute(base: req.application.publicBaseURL)
        let cancel = SiteURL.cancelRegistration.absolute(base: req.application.publicBaseURL, query: ["token": token])
        try await req.mailer.send(to: registration.email, subject: subject, body: """
            Hello \(registration.name),

            \(lines.filter { !$0.isEmpty }.joined(separator: "\n"))

            The event: \(page)
            To cancel: \(cancel)
            """, secrets: [token])
    }
}
