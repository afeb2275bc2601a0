import Fluent
import Plot
import SQLKit
import Vapor

/// `/events`: gatherings run by hubs and organisations, with registration, waiting lists,
/// calendars, attendance and feedback.
struct EventController {
    static let pageSize = 20

    // MARK: Lists

    func list(req: Request) async throws -> Response {
        let past = req.query[String.self, at: "when"] == "past"
        let (events, page, total) = try await Self.events(req, past: past, hubID: nil)
        return EventViews.list(req, events: events, page: page, total: total, past: past, hub: nil).response()
    }

    func hubList(req: Request) async throws -> Response {
        let hub = try await Self.hub(req)
        let past = req.query[String.self, at: "when"] == "past"
        let (events, page, total) = try await Self.events(req, past: past, hubID: try hub.requireID())
        return EventViews.list(req, events: events, page: page, total: total, past: past, hub: hub).response()
    }

    /// One page of upcoming (soonest first) or past (latest first) events this person may see.
    private static func events(_ req: Request, past: Bool, hubID: UUID?) async throws -> ([Event], PageRequest, Int) {
        let now = Date()
        var query = Event.query(on: req.db).with(\.$hub).with(\.$organisation)
        query =
            past
            ? query.filter(\.$endsAt < now).sort(\.$startsAt, .descending)
            : query.filter(\.$endsAt >= now).sort(\.$startsAt)
        if !req.seesMembersOnly { query = query.filter(\.$audience == Event.Audience.public.rawValue) }
        if let hubID { query = query.filter(\.$hub.$id == hubID) }
        let page = PageRequest(req, size: pageSize)
        let paged = try await query.paged(page)
        return (paged.items, page, paged.total)
    }

    // MARK: Calendars

    func calendar(req: Request) async throws -> Response {
        let events = try await Event.query(on: req.db).filter(\.$audience == Event.Audience.public.rawValue).sort(
            \.$startsAt
        ).all()
        return Self.ics(
            ICalendar.calendar(name: "Bridgework events", events: events, baseURL: req.application.publicBaseURL),
            name: "bridgework-events.ics")
    }

    func hubCalendar(req: Request) async throws -> Response {
        let hub = try await Self.hub(req)
        let events = try await Event.query(on: req.db).filter(\.$audience == Event.Audience.public.rawValue).filter(
            \.$hub.$id == hub.requireID()
        ).sort(\.$startsAt).all()
        return Self.ics(
            ICalendar.calendar(
                name: "Bridgework events: \(hub.name)", events: events, baseURL: req.application.publicBaseURL),
            name: "\(hub.slug)-events.ics")
    }

    static func ics(_ text: String, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(name)\"")
        return response
    }

    // MARK: One event

    /// `/events/{slug}`, or `/events/{slug}.ics` for that event's own calendar file.
    func show(req: Request) async throws -> Response {
        let raw = req.parameters.get("eventSlug") ?? ""
        if raw.hasSuffix(".ics") {
            let event = try await Self.event(req, slug: String(raw.dropLast(4)))
            return Self.ics(
                ICalendar.calendar(name: event.title, events: [event], baseURL: req.application.publicBaseURL),
                name: "\(event.slug).ics")
        }
        let event = try await Self.event(req, slug: raw)
        return try await page(req, event: event).response()
    }

    func page(_ req: Request, event: Event, form: EventViews.RegistrationForm = .init(), errors: FormErrors = .init())
        async throws -> HTML
    {
        let eventID = try event.requireID()
        let mine: EventRegistration? =
            if let user = req.currentUser {
                try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).filter(
                    \.$user.$id == user.id
                )
                .filter(\.$status != EventRegistration.Status.cancelled.rawValue).first()
            } else { nil }
        let waiting = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).filter(
            \.$status == EventRegistration.Status.waitlisted.rawValue
        ).count()
        return EventViews.show(
            req, event: event, canOrganise: Self.canOrganise(req, event), mine: mine, waiting: waiting, form: form,
            errors: errors)
    }

    // MARK: Registering

    func register(req: Request) async throws -> Response {
        let event = try await Self.event(req, slug: req.parameters.get("eventSlug") ?? "")
        let user = req.currentUser
        var form = EventViews.RegistrationForm(name: req.formText("name"), email: req.formText("email"))
        form.answers = .init(
            accessNeeds: event.askAccessNeeds ? req.formText("access_needs", keepNewlines: true) : "",
            dietaryNeeds: event.askDietaryNeeds ? req.formText("dietary_needs") : "",
            organisation: event.askOrganisation ? req.formText("organisation_name") : "")
        var errors = FormErrors()
        if event.hasEnded() { errors.add("register", "This event has finished, so it takes no more registrations") }
        if user == nil {
            ContentChecks.required(form.name, field: "name", label: "your name", max: 120, into: &errors)
            if form.email.isEmpty {
                errors.add("email", "Enter your email address, so we can confirm your place")
            } else if form.email.count > 254
                || form.email.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) == nil
            {
                errors.add("email", "Enter an email address in the right format, like name@example.org")
            }
        }
        ContentChecks.optional(
            form.answers.accessNeeds, field: "access_needs", label: "your access needs", max: 1_000, into: &errors)
        ContentChecks.optional(
            form.answers.dietaryNeeds, field: "dietary_needs", label: "your dietary needs", max: 300, into: &errors)
        ContentChecks.optional(
            form.answers.organisation, field: "organisation_name", label: "your organisation", max: 200, into: &errors)
        guard errors.isEmpty else {
            return try await page(req, event: event, form: form, errors: errors).response(status: .unprocessableEntity)
        }
        let outcome = try await EventBooking(req: req).register(
            event, user: user, name: form.name, email: form.email, answers: form.answers)
        return EventViews.registered(req, event: event, outcome: outcome, email: user?.email ?? form.email).response()
    }

    /// The link in a visitor's email: a page with a button, so a mail scanner opening the link
    /// does not confirm on the person's behalf.
    func confirmForm(req: Request) async throws -> Response {
        let (registration, event) = try await Self.registration(token: req.query[String.self, at: "token"], on: req)
        return EventViews.tokenAction(
            req, event: event, registration: registration, action: .confirm,
            token: req.query[String.self, at: "token"] ?? ""
        ).response()
    }

    func confirm(req: Request) async throws -> Response {
        let token = req.formText("token")
        let (registration, event) = try await Self.registration(token: token, on: req)
        let outcome = try await EventBooking(req: req).confirm(registration, event: event, token: token)
        return EventViews.registered(req, event: event, outcome: outcome, email: registration.email).response()
    }

    func cancelForm(req: Request) async throws -> Response {
        let (registration, event) = try await Self.registration(token: req.query[String.self, at: "token"], on: req)
        return EventViews.tokenAction(
            req, event: event, registration: registration, action: .cancel,
            token: req.query[String.self, at: "token"] ?? ""
        ).response()
    }

    func cancel(req: Request) async throws -> Response {
        let (registration, event) = try await Self.registration(token: req.formText("token"), on: req)
        try await EventBooking(req: req).cancel(registration, event: event)
        return EventViews.cancelled(req, event: event).response()
    }

    /// A member cancels their own place from the event page.
    func cancelOwn(req: Request) async throws -> Response {
        let event = try await Self.event(req, slug: req.parameters.get("eventSlug") ?? "")
        let user = try req.requireCurrentUser()
        guard
            let registration = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
                .filter(\.$user.$id == user.id)
                .filter(\.$status != EventRegistration.Status.cancelled.rawValue).first()
        else { throw Abort(.notFound) }
        try await EventBooking(req: req).cancel(registration, event: event)
        return EventViews.cancelled(req, event: event).response()
    }

    // MARK: Feedback

    /// Feedback opens once the event has finished and its organisers asked for it, and only to
    /// people who had a place.
    private static func checkFeedbackIsOpen(_ registration: EventRegistration, _ event: Event) throws {
        guard event.askFeedback, event.hasEnded(), event.feedbackRequestedAt != nil,
            registration.registrationStatus == .confirmed
        else {
            throw Abort(
                .notFound,
                reason:
                    "Feedback on this event is not open. It opens after the event, for the people who came, when the organisers ask for it."
            )
        }
    }

    func feedbackForm(req: Request) async throws -> Response {
        let token = req.query[String.self, at: "token"] ?? ""
        let (registration, event) = try await Self.registration(token: token, on: req)
        try Self.checkFeedbackIsOpen(registration, event)
        let given =
            try await EventFeedback.query(on: req.db).filter(\.$registrationID == registration.requireID()).first()
            != nil
        return EventViews.feedback(req, event: event, token: token, alreadyGiven: given).response()
    }

    func saveFeedback(req: Request) async throws -> Response {
        let token = req.formText("token")
        let (registration, event) = try await Self.registration(token: token, on: req)
        try Self.checkFeedbackIsOpen(registration, event)
        let rating = Int(req.formText("rating"))
        let workedWell = req.formText("worked_well", keepNewlines: true)
        let toChange = req.formText("to_change", keepNewlines: true)
        var errors = FormErrors()
        if rating == nil || !EventFeedback.ratings.contains(where: { $0.value == rating }) {
            errors.add("rating-5", "Choose how useful the event was")
        }
        ContentChecks.optional(workedWell, field: "worked_well", label: "what worked well", max: 2_000, into: &errors)
        ContentChecks.optional(toChange, field: "to_change", label: "what to change", max: 2_000, into: &errors)
        guard errors.isEmpty, let rating else {
            return EventViews.feedback(
                req, event: event, token: token, alreadyGiven: false, rating: req.formText("rating"),
                workedWell: workedWell, toChange: toChange, errors: errors
            )
            .response(status: .unprocessableEntity)
        }
        let registrationID = try registration.requireID()
        if try await EventFeedback.query(on: req.db).filter(\.$registrationID == registrationID).first() == nil {
            let feedback = EventFeedback()
            feedback.$event.id = try event.requireID()
            feedback.registrationID = registrationID
            feedback.rating = rating
            feedback.workedWell = workedWell
            feedback.toChange = toChange
            do { try await feedback.create(on: req.db) } catch {
                // Sent twice at once: the unique key keeps the first.
                guard
                    try await EventFeedback.query(on: req.db).filter(\.$registrationID == registrationID).first() != nil
                else { throw error }
            }
        }
        return EventViews.feedbackThanks(req, event: event).response()
    }

    // MARK: Helpers

    static func canOrganise(_ req: Request, _ event: Event) -> Bool {
        Policy.can(
            req.currentUser, .organiseEvent, .eventHost(hubID: event.$hub.id, organisationID: event.$organisation.id))
    }

    /// The event named, if this person may see it: members-only events are not shown to visitors.
    static func event(_ req: Request, slug: String) async throws -> Event {
        guard slug.count <= 200,
            let event = try await Event.query(on: req.db).filter(\.$slug == slug).with(\.$hub).with(\.$organisation)
                .first(),
            event.isPublic || req.seesMembersOnly
        else { throw Abort(.notFound) }
        return event
    }

    static func hub(_ req: Request) async throws -> Hub {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return hub
    }

    static func registration(token: String?, on req: Request) async throws -> (EventRegistration, Event) {
        guard let token, !token.isEmpty, token.count <= 200,
            let registration = try await EventRegistration.query(on: req.db).filter(\.$tokenHash == Tokens.hash(token))
                .with(\.$event).first()
        else {
            throw Abort(
                .notFound,
                reason:
                    "This link has expired or was already replaced by a newer one. Use the link in the latest email about this event."
            )
        }
        return (registration, registration.event)
    }
}
