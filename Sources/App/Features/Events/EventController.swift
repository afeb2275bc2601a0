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
        try await listPage(req, hub: nil)
    }

    func hubList(req: Request) async throws -> Response {
        try await listPage(req, hub: try await Self.hub(req))
    }

    private func listPage(_ req: Request, hub: Hub?) async throws -> Response {
        let past = req.query[String.self, at: "when"] == "past"
        let events = try await Self.events(req, past: past, hubID: try hub?.requireID())
        let model = EventListPage.Model(
            page: req.page, events: events, past: past, hub: hub, canReadMembersOnly: req.seesMembersOnly,
            canAddEvents: Self.canAddEvents(req.currentUser))
        return EventListPage.view(model).response()
    }

    /// Whether this person runs events for any host: the policy is asked about each hub and
    /// organisation they hold a role in, and about a host not yet chosen, which only the national
    /// team may run events for.
    static func canAddEvents(_ user: CurrentUser?) -> Bool {
        guard let user else { return false }
        let hubs = user.stewardOfHubs.map { PolicyResource.eventHost(hubID: $0, organisationID: nil) }
        let organisations = user.adminOfOrganisations.map {
            PolicyResource.eventHost(hubID: nil, organisationID: $0)
        }
        let hosts = [PolicyResource.eventHost(hubID: nil, organisationID: nil)] + hubs + organisations
        return hosts.contains { Policy.can(user, .organiseEvent, $0) }
    }

    /// One page of upcoming (soonest first) or past (latest first) events this person may see.
    private static func events(_ req: Request, past: Bool, hubID: UUID?) async throws -> Paged<EventListing> {
        try await EventListing.page(
            past ? .past : .upcoming, inHubs: hubID.map { [$0] }, seesMembersOnly: req.seesMembersOnly,
            request: PageRequest(req, size: pageSize), on: req.db)
    }

    // MARK: Calendars

    func calendar(req: Request) async throws -> Response {
        let entries = try await ICalendar.Entry.published(on: req.db)
        return Self.ics(
            ICalendar.calendar(name: "Bridgework events", entries: entries, baseURL: req.application.publicBaseURL),
            name: "bridgework-events.ics")
    }

    func hubCalendar(req: Request) async throws -> Response {
        let hub = try await Self.hub(req)
        let entries = try await ICalendar.Entry.published(inHub: hub.requireID(), on: req.db)
        return Self.ics(
            ICalendar.calendar(
                name: "Bridgework events: \(hub.name)", entries: entries, baseURL: req.application.publicBaseURL),
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
        return EventShowPage.view(try await showModel(req, event: event)).response()
    }

    private func showModel(_ req: Request, event: Event) async throws -> EventShowPage.Model {
        let eventID = try event.requireID()
        let mine: EventRegistration? =
            if let user = req.currentUser {
                try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).filter(
                    \.$user.$id == user.id
                )
                .filter(\.$status != .cancelled).first()
            } else { nil }
        let waiting = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID).filter(
            \.$status == .waitlisted
        ).count()
        return EventShowPage.Model(
            page: req.page, event: event, baseURL: req.application.publicBaseURL,
            canOrganise: Self.canOrganise(req, event), canReadMembersOnly: req.seesMembersOnly,
            isSignedIn: req.currentUser != nil, mine: mine, waiting: waiting)
    }

    // MARK: Registering

    func register(req: Request) async throws -> Response {
        let event = try await Self.event(req, slug: req.parameters.get("eventSlug") ?? "")
        let user = req.currentUser
        let form = EventRegistrationForm(req.form, for: event, isVisitor: user == nil)
        let errors = form.validate()
        guard errors.isEmpty else {
            var model = try await showModel(req, event: event)
            model.form = form
            model.errors = errors
            return EventShowPage.view(model).response(status: .unprocessableEntity)
        }
        let outcome = try await EventBooking(req: req).register(
            event, user: user, name: form.name, email: form.email, answers: form.answers)
        return registeredPage(req, event: event, outcome: outcome, email: user?.email ?? form.email)
    }

    private func registeredPage(_ req: Request, event: Event, outcome: EventBooking.Outcome, email: String)
        -> Response
    {
        let model = EventRegisteredPage.Model(page: req.page, event: event, outcome: outcome, email: email)
        return EventRegisteredPage.view(model).response()
    }

    /// The link in a visitor's email: a page with a button, so a mail scanner opening the link
    /// does not confirm on the person's behalf.
    func confirmForm(req: Request) async throws -> Response {
        try await tokenPage(req, action: .confirm)
    }

    func confirm(req: Request) async throws -> Response {
        let token = req.form.text("token")
        let (registration, event) = try await Self.registration(token: token, on: req)
        let outcome = try await EventBooking(req: req).confirm(registration, event: event, token: token)
        return registeredPage(req, event: event, outcome: outcome, email: registration.email)
    }

    func cancelForm(req: Request) async throws -> Response {
        try await tokenPage(req, action: .cancel)
    }

    private func tokenPage(_ req: Request, action: EventTokenPage.Action) async throws -> Response {
        let token = req.query[String.self, at: "token"]
        let (registration, event) = try await Self.registration(token: token, on: req)
        let model = EventTokenPage.Model(
            page: req.page, event: event, registrationStatus: registration.status, action: action,
            token: token ?? "")
        return EventTokenPage.view(model).response()
    }

    func cancel(req: Request) async throws -> Response {
        let (registration, event) = try await Self.registration(token: req.form.text("token"), on: req)
        try await EventBooking(req: req).cancel(registration, event: event)
        return EventCancelledPage.view(.init(page: req.page, event: event)).response()
    }

    /// A member cancels their own place from the event page.
    func cancelOwn(req: Request) async throws -> Response {
        let event = try await Self.event(req, slug: req.parameters.get("eventSlug") ?? "")
        let user = try req.requireCurrentUser()
        guard
            let registration = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
                .filter(\.$user.$id == user.id)
                .filter(\.$status != .cancelled).first()
        else { throw Abort(.notFound) }
        try await EventBooking(req: req).cancel(registration, event: event)
        return EventCancelledPage.view(.init(page: req.page, event: event)).response()
    }

    // MARK: Feedback

    /// Feedback opens once the event has finished and its organisers asked for it, and only to
    /// people who had a place.
    private static func checkFeedbackIsOpen(_ registration: EventRegistration, _ event: Event) throws {
        guard event.askFeedback, event.hasEnded(), event.feedbackRequestedAt != nil,
            registration.status == .confirmed
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
        let model = EventFeedbackPage.Model(
            page: req.page, event: event, alreadyGiven: given, form: EventFeedbackForm(token: token))
        return EventFeedbackPage.view(model).response()
    }

    func saveFeedback(req: Request) async throws -> Response {
        let form = req.form(EventFeedbackForm.self)
        let (registration, event) = try await Self.registration(token: form.token, on: req)
        try Self.checkFeedbackIsOpen(registration, event)
        let errors = form.validate()
        guard errors.isEmpty, let rating = form.ratingValue else {
            let model = EventFeedbackPage.Model(
                page: req.page, event: event, alreadyGiven: false, form: form, errors: errors)
            return EventFeedbackPage.view(model).response(status: .unprocessableEntity)
        }
        let registrationID = try registration.requireID()
        if try await EventFeedback.query(on: req.db).filter(\.$registrationID == registrationID).first() == nil {
            let feedback = EventFeedback()
            feedback.$event.id = try event.requireID()
            feedback.registrationID = registrationID
            feedback.rating = rating
            feedback.workedWell = form.workedWell
            feedback.toChange = form.toChange
            do { try await feedback.create(on: req.db) } catch {
                // Sent twice at once: the unique key keeps the first.
                guard
                    try await EventFeedback.query(on: req.db).filter(\.$registrationID == registrationID).first() != nil
                else { throw error }
            }
        }
        return EventFeedbackThanksPage.view(.init(page: req.page, event: event)).response()
    }

    // MARK: Helpers

    static func canOrganise(_ req: Request, _ event: Event) -> Bool {
        Policy.can(
            req.currentUser, .organiseEvent, .eventHost(hubID: event.$hub.id, organisationID: event.$organisation.id))
    }

    /// The event named, if this person may see it: members-only events are not shown to visitors.
    static func event(_ req: Request, slug: String) async throws -> Event {
        try await Event.visible(slug: slug, in: req)
    }

    static func hub(_ req: Request) async throws -> Hub {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.find(slug: slug, on: req.db)
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
