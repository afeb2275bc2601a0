import Fluent
import Plot
import SQLKit
import Vapor

/// The organisers' side of events: creating and editing them, the list of who is coming, CSV,
/// attendance, messages to registrants and feedback requests.
struct EventOrganiserController {
    /// The hubs and organisations this person may run events for, as form choices.
    static func hosts(_ req: Request) async throws -> [(value: String, label: String)] {
        let user = try req.requireCurrentUser()
        let hubs =
            user.isCoordinator
            ? try await Hub.query(on: req.db).sort(\.$name).all()
            : try await Hub.query(on: req.db).filter(\.$id ~~ Array(user.stewardOfHubs)).sort(\.$name).all()
        let organisations =
            user.isCoordinator
            ? try await Organisation.query(on: req.db).sort(\.$name).limit(2_000).all()
            : try await Organisation.query(on: req.db).filter(\.$id ~~ Array(user.adminOfOrganisations)).sort(\.$name)
                .all()
        return hubs.map { ("hub:\($0.slug)", "The \($0.name) hub") }
            + organisations.map { ("organisation:\($0.slug)", $0.name) }
    }

    private static func resolve(_ host: String, on db: Database) async throws -> (hub: UUID?, organisation: UUID?) {
        if host.hasPrefix("hub:"),
            let hub = try await Hub.query(on: db).filter(\.$slug == String(host.dropFirst(4))).first()
        {
            return (hub.id, nil)
        }
        if host.hasPrefix("organisation:"),
            let organisation = try await Organisation.query(on: db).filter(\.$slug == String(host.dropFirst(13)))
                .first()
        {
            return (nil, organisation.id)
        }
        return (nil, nil)
    }

    func newForm(req: Request) async throws -> Response {
        let hosts = try await Self.hosts(req)
        guard !hosts.isEmpty else { throw Abort(.forbidden) }
        var form = EventForm()
        form.audience = Event.Audience.public.rawValue
        form.askFeedback = true
        return EventViews.form(req, form: form, event: nil, hosts: hosts).response()
    }

    func create(req: Request) async throws -> Response {
        let hosts = try await Self.hosts(req)
        guard !hosts.isEmpty else { throw Abort(.forbidden) }
        let form = EventForm(req)
        let (errors, times) = form.validate(hosts: Set(hosts.map(\.value)))
        guard errors.isEmpty, let times else {
            return EventViews.form(req, form: form, event: nil, hosts: hosts, errors: errors).response(
                status: .unprocessableEntity)
        }
        let (hub, organisation) = try await Self.resolve(form.host, on: req.db)
        let event = Event()
        form.apply(to: event, times: times, hub: hub, organisation: organisation)
        event.placesTaken = 0
        event.$createdBy.id = req.currentUser?.id
        event.slug = try await ContentChecks.uniqueSlug(
            for: "\(form.title) \(UKDate.string(from: times.start))", schema: Event.schema, fallback: "event",
            reserved: ["new", "registrations", "feedback"], on: req.db)
        try await event.create(on: req.db)
        try await req.audit(.eventCreated, subjectType: "event", subjectID: event.id, detail: event.title)
        return req.redirect(to: SiteURL.event(event.slug).with(query: ["notice": Notice.eventSaved.rawValue]))
    }

    func editForm(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        let host =
            event.$hub.id != nil ? "hub:\(event.hub?.slug ?? "")" : "organisation:\(event.organisation?.slug ?? "")"
        return EventViews.form(req, form: EventForm(event, host: host), event: event, hosts: try await Self.hosts(req))
            .response()
    }

    func update(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        let hosts = try await Self.hosts(req)
        let form = EventForm(req)
        var (errors, times) = form.validate(hosts: Set(hosts.map(\.value)))
        if errors.isEmpty, let capacity = Int(form.capacity), let sql = req.db as? SQLDatabase {
            // One conditional update, so registrations arriving meanwhile never leave more places
            // taken than there are.
            let fits = try await sql.raw(
                """
                UPDATE events SET capacity = \(bind: capacity) WHERE id = \(bind: try event.requireID()) AND places_taken <= \(bind: capacity) RETURNING places_taken
                """
            ).all()
            if fits.isEmpty {
                let taken = try await Event.find(event.requireID(), on: req.db)?.placesTaken ?? event.placesTaken
                errors.add(
                    "capacity",
                    "\(taken) people already have places; the event needs at least that many. Cancel places first to make it smaller"
                )
                times = nil
            }
        }
        guard errors.isEmpty, let times else {
            return EventViews.form(req, form: form, event: event, hosts: hosts, errors: errors).response(
                status: .unprocessableEntity)
        }
        let (hub, organisation) = try await Self.resolve(form.host, on: req.db)
        form.apply(to: event, times: times, hub: hub, organisation: organisation)
        // Fluent writes only the fields the form set, never the count of places taken, which
        // belongs to the booking's own conditional updates.
        try await event.save(on: req.db)
        try await EventBooking(req: req).fillFreePlaces(event)
        return req.redirect(to: SiteURL.event(event.slug).with(query: ["notice": Notice.eventSaved.rawValue]))
    }

    // MARK: Who is coming

    func registrations(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        return try await registrationsPage(req, event: event).response()
    }

    private func registrationsPage(
        _ req: Request, event: Event, message: (subject: String, body: String) = ("", ""), errors: FormErrors = .init()
    ) async throws -> HTML {
        let eventID = try event.requireID()
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID)
            .filter(\.$status != EventRegistration.Status.cancelled.rawValue).sort(\.$createdAt).all()
        let feedback = try await EventFeedback.query(on: req.db).filter(\.$event.$id == eventID).sort(\.$createdAt)
            .all()
        return EventViews.registrations(
            req, event: event, registrations: registrations, feedback: feedback, message: message, errors: errors)
    }

    func csv(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
            .filter(\.$status != EventRegistration.Status.cancelled.rawValue).sort(\.$createdAt).all()
        let rows = registrations.map { registration in
            [
                registration.name, registration.email, EventViews.statusLabel(registration.registrationStatus),
                registration.organisationName,
                registration.accessNeeds, registration.dietaryNeeds, registration.attended ? "yes" : "no",
                registration.createdAt.map { DisplayDate.dateTime($0) } ?? "",
            ].map(SurveyAnalysisController.safeCell)
        }
        let csv = CSVWriter.document(
            header: [
                "name", "email", "status", "organisation", "access_needs", "dietary_needs", "attended", "registered",
            ], rows: rows)
        return SurveyAnalysisController.download(csv, name: "\(event.slug)-registrations.csv")
    }

    func attendance(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        let present = Set(ContentChecks.list(req, "attended").compactMap(UUID.init(uuidString:)))
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
            .filter(\.$status == EventRegistration.Status.confirmed.rawValue).all()
        for registration in registrations {
            let attended = present.contains(try registration.requireID())
            if registration.attended != attended {
                registration.attended = attended
                try await registration.save(on: req.db)
            }
        }
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(query: ["notice": Notice.attendanceSaved.rawValue]))
    }

    func message(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        let subject = req.formText("subject")
        let body = req.formText("body", keepNewlines: true)
        let includeWaiting = ContentChecks.list(req, "include").contains("waitlisted")
        var errors = FormErrors()
        ContentChecks.required(subject, field: "subject", label: "a subject", max: 150, into: &errors)
        ContentChecks.required(body, field: "body", label: "a message", max: 5_000, into: &errors)
        guard errors.isEmpty else {
            return try await registrationsPage(req, event: event, message: (subject, body), errors: errors).response(
                status: .unprocessableEntity)
        }
        let statuses =
            [EventRegistration.Status.confirmed.rawValue]
            + (includeWaiting ? [EventRegistration.Status.waitlisted.rawValue] : [])
        let recipients = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID()).filter(
            \.$status ~~ statuses
        ).all()
        for recipient in recipients {
            try await req.mailer.send(
                to: recipient.email, subject: "\(event.title): \(subject)",
                body: """
                    Hello \(recipient.name),

                    \(body)

                    The event: \(SiteURL.event(event.slug).absolute(base: req.application.publicBaseURL))
                    """)
        }
        try await req.audit(
            .eventMessageSent, subjectType: "event", subjectID: event.id, detail: "to \(recipients.count) people")
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(query: ["notice": Notice.eventMessageSent.rawValue]))
    }

    /// After the event: a link to the feedback form for each person who came (everyone with a
    /// place, when attendance was not marked).
    func requestFeedback(req: Request) async throws -> Response {
        let event = try await Self.organisedEvent(req)
        guard event.askFeedback, event.hasEnded(), event.feedbackRequestedAt == nil else {
            return try await registrationsPage(
                req, event: event,
                errors: {
                    var errors = FormErrors()
                    errors.add(
                        "feedback-requests",
                        event.feedbackRequestedAt != nil
                            ? "Feedback requests have already been sent"
                            : !event.askFeedback
                                ? "This event does not ask for feedback"
                                : "Feedback can be asked for once the event has finished")
                    return errors
                }()
            ).response(status: .unprocessableEntity)
        }
        try await EventFeedbackRequests.send(
            for: event, mailer: req.mailer, baseURL: req.application.publicBaseURL, on: req.db)
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(query: ["notice": Notice.feedbackRequested.rawValue]))
    }

    static func organisedEvent(_ req: Request) async throws -> Event {
        let event = try await EventController.event(req, slug: req.parameters.get("eventSlug") ?? "")
        try req.authorize(.organiseEvent, .eventHost(hubID: event.$hub.id, organisationID: event.$organisation.id))
        return event
    }
}
