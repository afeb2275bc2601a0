import Fluent
import Vapor

/// Trigger events: the national team declares one and writes its playbook; each hub's stewards
/// check in; the national team sees who has answered, and a missing answer as missing.
struct TriggerEventController {
    func newForm(req: Request) async throws -> Response {
        TriggerEventFormPage.view(try await formModel(req, form: .starting, event: nil)).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = req.form(TriggerEventForm.self)
        var model = try await formModel(req, form: form, event: nil)
        let errors = form.validate(known: model.known, today: UKDate.today())
        guard errors.isEmpty else {
            model.errors = errors
            return TriggerEventFormPage.view(model).response(status: .unprocessableEntity)
        }
        let event = TriggerEvent()
        form.apply(to: event)
        event.$declaredBy.id = user.id
        try await event.create(on: req.db)
        try await req.audit(.triggerDeclared, subjectType: "trigger-event", subjectID: event.id)
        try await CheckInRequests(db: req.db, mailer: req.mailer, baseURL: req.application.publicBaseURL)
            .ask(about: event, reminder: false)
        return req.redirect(
            to: SiteURL.triggerEvent(try event.requireID()).with(notice: TensionNotice.triggerDeclared))
    }

    func show(req: Request) async throws -> Response {
        let event = try await triggerEvent(req)
        return TriggerEventPage.view(try await returnsModel(req, event: event)).response()
    }

    func editForm(req: Request) async throws -> Response {
        let event = try await triggerEvent(req)
        return TriggerEventFormPage.view(try await formModel(req, form: TriggerEventForm(event), event: event))
            .response()
    }

    func update(req: Request) async throws -> Response {
        let event = try await triggerEvent(req)
        let form = req.form(TriggerEventForm.self)
        var model = try await formModel(req, form: form, event: event)
        let errors = form.validate(known: model.known, today: UKDate.today())
        guard errors.isEmpty else {
            model.errors = errors
            return TriggerEventFormPage.view(model).response(status: .unprocessableEntity)
        }
        form.apply(to: event)
        try await event.save(on: req.db)
        try await req.audit(.triggerEdited, subjectType: "trigger-event", subjectID: event.id)
        return req.redirect(to: SiteURL.triggerEvent(try event.requireID()).with(notice: TensionNotice.triggerSaved))
    }

    func close(req: Request) async throws -> Response {
        let event = try await triggerEvent(req)
        if event.closedAt == nil {
            event.closedAt = Date()
            try await event.save(on: req.db)
            try await req.audit(.triggerClosed, subjectType: "trigger-event", subjectID: event.id)
        }
        return req.redirect(to: SiteURL.triggerEvent(try event.requireID()).with(notice: TensionNotice.triggerClosed))
    }

    // MARK: A hub's check-in

    func hubView(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let event = try await triggerEvent(req)
        return CheckInPage.view(try await checkInModel(req, hub: hub, event: event)).response()
    }

    func checkIn(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let hubID = try hub.requireID()
        let user = try req.requireCurrentUser()
        let event = try await triggerEvent(req)
        let form = req.form(CheckInForm.self)
        var errors = form.validateNote()
        if !event.isOpen {
            errors.add("closed", "This trigger event is closed, so check-ins are no longer taken")
        }
        guard errors.isEmpty else {
            var model = try await checkInModel(req, hub: hub, event: event)
            model.form = form
            model.errors = errors
            return CheckInPage.view(model).response(status: .unprocessableEntity)
        }
        try await TensionStore.checkIn(form, event: event, hubID: hubID, by: user.id, on: req.db)
        if let level = form.level {
            // A level given to the national team is the hub's level this week too.
            try await TensionStore.setLevel(
                level, note: form.note.isEmpty ? "Checked in after \(event.title)." : form.note, hubID: hubID,
                by: user.id, on: req.db)
        }
        try await req.audit(.triggerCheckedIn, subjectType: "trigger-event", subjectID: event.id, detail: hub.slug)
        return req.redirect(
            to: SiteURL.hubCheckIn(hub.slug, try event.requireID()).with(notice: TensionNotice.checkedIn))
    }

    // MARK: Building models

    private func formModel(_ req: Request, form: TriggerEventForm, event: TriggerEvent?) async throws
        -> TriggerEventFormPage.Model
    {
        let resources = try await Resource.query(on: req.db).sort(\.$title).all().map { ($0.slug, $0.title) }
        let narratives = try await Narrative.query(on: req.db).sort(\.$title).all().map { ($0.slug, $0.title) }
        let caseStudies = try await CaseStudy.query(on: req.db).sort(\.$title).all().map { ($0.slug, $0.title) }
        return TriggerEventFormPage.Model(
            page: req.page, event: event, form: form, resources: resources, narratives: narratives,
            caseStudies: caseStudies)
    }

    private func returnsModel(_ req: Request, event: TriggerEvent) async throws -> TriggerEventPage.Model {
        let eventID = try event.requireID()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let checkIns = try await TriggerCheckIn.query(on: req.db).filter(\.$triggerEvent.$id == eventID).all()
        let byHub = Dictionary(checkIns.map { ($0.$hub.id, $0) }, uniquingKeysWith: { first, _ in first })
        let stewards = try await HubCounts.stewards(on: req.db)
        let rows = hubs.compactMap { hub -> TriggerEventPage.Return? in
            guard let id = hub.id else { return nil }
            return .init(hubName: hub.name, checkIn: byHub[id], stewards: stewards[id] ?? 0)
        }
        return TriggerEventPage.Model(
            page: req.page, event: event, returns: rows, playbook: try await playbook(event, on: req.db))
    }

    private func checkInModel(_ req: Request, hub: Hub, event: TriggerEvent) async throws -> CheckInPage.Model {
        let hubID = try hub.requireID()
        let user = try req.requireCurrentUser()
        let existing = try await TriggerCheckIn.query(on: req.db).filter(\.$triggerEvent.$id == event.requireID())
            .filter(\.$hub.$id == hubID).first()
        var model = CheckInPage.Model(
            page: req.page, hub: hub, event: event, scale: try await TensionScale.of(hubID: hubID, on: req.db),
            existing: existing, playbook: try await playbook(event, on: req.db),
            canCheckIn: Policy.can(user, .stewardHubTension, .hub(hubID)))
        if let existing {
            model.form.answer = existing.level.map(String.init) ?? CheckInForm.noChange
            model.form.note = existing.note
        }
        return model
    }

    /// The library resources, narratives and case studies the playbook links to, by title.
    private func playbook(_ event: TriggerEvent, on db: Database) async throws -> TriggerPlaybook {
        let resources = TriggerEvent.lines(event.resourceSlugs)
        let narratives = TriggerEvent.lines(event.narrativeSlugs)
        let caseStudies = TriggerEvent.lines(event.caseStudySlugs)
        return TriggerPlaybook(
            resources: resources.isEmpty
                ? []
                : try await Resource.query(on: db).filter(\.$slug ~~ resources).sort(\.$title).all()
                    .map { ($0.title, SiteURL.resource($0.slug).path) },
            narratives: narratives.isEmpty
                ? []
                : try await Narrative.query(on: db).filter(\.$slug ~~ narratives).sort(\.$title).all()
                    .map { ($0.title, SiteURL.narrative($0.slug).path) },
            caseStudies: caseStudies.isEmpty
                ? []
                : try await CaseStudy.query(on: db).filter(\.$slug ~~ caseStudies).sort(\.$title).all()
                    .map { ($0.title, SiteURL.caseStudy($0.slug).path) })
    }

    private func triggerEvent(_ req: Request) async throws -> TriggerEvent {
        guard let id = req.parameters.get("triggerEventID", as: UUID.self),
            let event = try await TriggerEvent.find(id, on: req.db)
        else { throw Abort(.notFound) }
        return event
    }
}

/// What a trigger event's playbook links to, as titles and addresses.
struct TriggerPlaybook: Sendable {
    let resources: [(title: String, link: String)]
    let narratives: [(title: String, link: String)]
    let caseStudies: [(title: String, link: String)]
}
