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
            let hub = try await Hub.find(slug: String(host.dropFirst(4)), on: db)
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
        return EventFormPage.view(.init(page: req.page, form: form, event: nil, hosts: hosts)).response()
    }

    func create(req: Request) async throws -> Response {
        let hosts = try await Self.hosts(req)
        guard !hosts.isEmpty else { throw Abort(.forbidden) }
        let form = EventForm(req.form, allowedHosts: Set(hosts.map(\.value)))
        let errors = form.validate()
        guard errors.isEmpty, let times = form.times else {
            let model = EventFormPage.Model(page: req.page, form: form, event: nil, hosts: hosts, errors: errors)
            return EventFormPage.view(model).response(status: .unprocessableEntity)
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
        return req.redirect(to: SiteURL.event(event.slug).with(notice: EventNotice.saved))
    }

    func editForm(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        let host =
            event.$hub.id != nil ? "hub:\(event.hub?.slug ?? "")" : "organisation:\(event.organisation?.slug ?? "")"
        let model = EventFormPage.Model(
            page: req.page, form: EventForm(event, host: host), event: event, hosts: try await Self.hosts(req))
        return EventFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        let hosts = try await Self.hosts(req)
        let form = EventForm(req.form, allowedHosts: Set(hosts.map(\.value)))
        var errors = form.validate()
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
            }
        }
        guard errors.isEmpty, let times = form.times else {
            let model = EventFormPage.Model(page: req.page, form: form, event: event, hosts: hosts, errors: errors)
            return EventFormPage.view(model).response(status: .unprocessableEntity)
        }
        let (hub, organisation) = try await Self.resolve(form.host, on: req.db)
        form.apply(to: event, times: times, hub: hub, organisation: organisation)
        // Fluent writes only the fields the form set, never the count of places taken, which
        // belongs to the booking's own conditional updates.
        try await event.save(on: req.db)
        try await EventBooking(req: req).fillFreePlaces(event)
        return req.redirect(to: SiteURL.event(event.slug).with(notice: EventNotice.saved))
    }

    // MARK: Who is coming

    func registrations(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        return EventRegistrationsPage.view(try await registrationsModel(req, event: event)).response()
    }

    private func registrationsModel(
        _ req: Request, event: Event, message: EventMessageForm = .init(), errors: FormErrors = .init()
    ) async throws -> EventRegistrationsPage.Model {
        let eventID = try event.requireID()
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == eventID)
            .filter(\.$status != .cancelled).sort(\.$createdAt).all()
        let feedback = try await EventFeedback.query(on: req.db).filter(\.$event.$id == eventID).sort(\.$createdAt)
            .all()
        let model = EventRegistrationsPage.Model(
            page: req.page, event: event, registrations: registrations, feedback: feedback, message: message,
            errors: errors)
        return model
    }

    func csv(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
            .filter(\.$status != .cancelled).sort(\.$createdAt).all()
        let rows = registrations.map { registration in
            [
                registration.name, registration.email, EventViews.statusLabel(registration.status),
                registration.organisationName,
                registration.accessNeeds, registration.dietaryNeeds, registration.attended ? "yes" : "no",
                registration.createdAt.map { DisplayDate.dateTime($0) } ?? "",
            ].map(CSV.safeCell)
        }
        let csv = CSV.document(
            header: [
                "name", "email", "status", "organisation", "access_needs", "dietary_needs", "attended", "registered",
            ], rows: rows)
        return CSV.download(csv, name: "\(event.slug)-registrations.csv")
    }

    func attendance(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        let present = Set(req.form.list("attended").compactMap(UUID.init(uuidString:)))
        let registrations = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
            .filter(\.$status == .confirmed).all()
        for registration in registrations {
            let attended = present.contains(try registration.requireID())
            if registration.attended != attended {
                registration.attended = attended
                try await registration.save(on: req.db)
            }
        }
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(notice: EventNotice.attendanceSaved))
    }

    func message(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        let form = req.form(EventMessageForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return EventRegistrationsPage.view(
                try await registrationsModel(req, event: event, message: form, errors: errors)
            ).response(
                status: .unprocessableEntity)
        }
        let statuses: [EventRegistration.Status] = [.confirmed] + (form.includeWaitingList ? [.waitlisted] : [])
        let recipients = try await EventRegistration.query(on: req.db).filter(\.$event.$id == event.requireID())
            .filter(\.$status ~~ statuses).all()
        for recipient in recipients {
            try await req.mailer.send(
                to: recipient.email, subject: "\(event.title): \(form.subject)",
                body: """
                    Hello \(recipient.name),

                    \(form.body)

                    The event: \(SiteURL.event(event.slug).absolute(base: req.application.publicBaseURL))
                    """)
        }
        try await req.audit(
            .eventMessageSent, subjectType: "event", subjectID: event.id, detail: "to \(recipients.count) people")
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(notice: EventNotice.messageSent))
    }

    /// After the event: a link to the feedback form for each person who came (everyone with a
    /// place, when attendance was not marked).
    func requestFeedback(req: Request) async throws -> Response {
        let event = try req.subject(Event.self)
        guard event.askFeedback, event.hasEnded(), event.feedbackRequestedAt == nil else {
            var errors = FormErrors()
            errors.add("feedback-requests", Self.whyFeedbackCannotBeRequested(event))
            return EventRegistrationsPage.view(try await registrationsModel(req, event: event, errors: errors))
                .response(status: .unprocessableEntity)
        }
        try await EventFeedbackRequests.send(
            for: event, mailer: req.mailer, baseURL: req.application.publicBaseURL, on: req.db)
        return req.redirect(
            to: SiteURL.eventRegistrations(event.slug).with(notice: EventNotice.feedbackRequested))
    }

    private static func whyFeedbackCannotBeRequested(_ event: Event) -> String {
        if event.feedbackRequestedAt != nil { return "Feedback requests have already been sent" }
        if !event.askFeedback { return "This event does not ask for feedback" }
        return "Feedback can be asked for once the event has finished"
    }

}
