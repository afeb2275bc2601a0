import Fluent
import Vapor

/// `/hubs/{slug}/tension`: a hub's own tension watch. Its members log what they see; its stewards
/// acknowledge, follow up, set the hub's level and word its scale. Nobody outside the hub reads it.
struct TensionController {
    /// The picture's periods, in weeks.
    static let periods = [12, 52, 156]

    func picture(req: Request) async throws -> Response {
        TensionPicturePage.view(try await pictureModel(req, hub: try req.subject(Hub.self))).response()
    }

    func setLevel(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let user = try req.requireCurrentUser()
        let form = req.form(HubLevelForm.self)
        let errors = form.validate()
        guard errors.isEmpty, let level = Int(form.level) else {
            var model = try await pictureModel(req, hub: hub)
            model.levelForm = form
            model.errors = errors
            return TensionPicturePage.view(model).response(status: .unprocessableEntity)
        }
        let row = try await TensionStore.setLevel(
            level, note: form.note, hubID: try hub.requireID(), by: user.id, on: req.db)
        try await req.audit(.hubLevelSet, subjectType: "hub", subjectID: hub.id, detail: "week \(row.week)")
        return req.redirect(to: SiteURL.hubTension(hub.slug).with(notice: TensionNotice.levelSet))
    }

    // MARK: Observations

    func newForm(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        var form = ObservationForm()
        form.observedOn = UKDate.today()
        return ObservationFormPage.view(try await formModel(req, hub: hub, form: form)).response()
    }

    func create(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let hubID = try hub.requireID()
        let user = try req.requireCurrentUser()
        let form = req.form(ObservationForm.self)
        var model = try await formModel(req, hub: hub, form: form)
        let errors = form.validate(
            areaCodes: Set(model.areas.map(\.code)), narratives: Set(model.narratives.map(\.slug)),
            today: UKDate.today(), earliest: model.earliestKept)
        guard errors.isEmpty else {
            model.errors = errors
            return ObservationFormPage.view(model).response(status: .unprocessableEntity)
        }
        // Nothing is saved while the words look like they could identify someone, until the person
        // has changed them or said they checked.
        guard !form.needsPersonalDataWarning else {
            model.personalData = form.personalData
            return ObservationFormPage.view(model).response(status: .unprocessableEntity)
        }
        let narrativeID = model.narratives.first { $0.slug == form.narrative }?.id
        let observation = try await TensionStore.log(
            form, hubID: hubID, authorID: user.id, narrativeID: narrativeID, on: req.db)
        try await req.audit(
            .observationLogged, subjectType: "tension-observation", subjectID: observation.id,
            detail: form.confirmedNoPersonalData ? "saved after the personal-data warning" : "")
        return req.redirect(
            to: SiteURL.observation(hub.slug, try observation.requireID()).with(notice: TensionNotice.observationSaved))
    }

    func show(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let observation = try await observation(req, in: hub)
        return ObservationPage.view(try await observationModel(req, hub: hub, observation: observation)).response()
    }

    func followUp(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let user = try req.requireCurrentUser()
        let observation = try await observation(req, in: hub)
        let form = req.form(FollowUpForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            var model = try await observationModel(req, hub: hub, observation: observation)
            model.followUpForm = form
            model.errors = errors
            return ObservationPage.view(model).response(status: .unprocessableEntity)
        }
        try await TensionStore.followUp(observation, with: form, by: user.id, on: req.db)
        try await req.audit(
            .observationFollowedUp, subjectType: "tension-observation", subjectID: observation.id, detail: form.status)
        return req.redirect(
            to: SiteURL.observation(hub.slug, try observation.requireID()).with(notice: TensionNotice.followUpSaved))
    }

    // MARK: Scale and retention

    func settingsForm(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let hubID = try hub.requireID()
        let form = TensionSettingsForm(
            scale: try await TensionScale.of(hubID: hubID, on: req.db),
            retentionMonths: try await TensionSettings.retentionMonths(of: hubID, on: req.db))
        return TensionSettingsPage.view(.init(page: req.page, hub: hub, form: form)).response()
    }

    func saveSettings(req: Request) async throws -> Response {
        let hub = try req.subject(Hub.self)
        let form = req.form(TensionSettingsForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return TensionSettingsPage.view(.init(page: req.page, hub: hub, form: form, errors: errors)).response(
                status: .unprocessableEntity)
        }
        try await TensionStore.saveSettings(form, hubID: try hub.requireID(), on: req.db)
        try await req.audit(
            .tensionSettingsChanged, subjectType: "hub", subjectID: hub.id,
            detail: "keeps observations \(form.retentionMonths) months")
        return req.redirect(to: SiteURL.hubTension(hub.slug).with(notice: TensionNotice.settingsSaved))
    }

    // MARK: Building models

    private func pictureModel(_ req: Request, hub: Hub) async throws -> TensionPicturePage.Model {
        let hubID = try hub.requireID()
        let user = try req.requireCurrentUser()
        let requested = req.query[Int.self, at: "weeks"] ?? Self.periods[0]
        let period = Self.periods.contains(requested) ? requested : Self.periods[0]
        let weeks = UKWeek.recent(period)
        let from = weeks.first ?? UKWeek.of(Date())
        let scale = try await TensionScale.of(hubID: hubID, on: req.db)
        let months = try await TensionSettings.retentionMonths(of: hubID, on: req.db)
        let recent = try await TensionObservation.query(on: req.db).filter(\.$hub.$id == hubID)
            .sort(\.$observedOn, .descending).sort(\.$createdAt, .descending)
            .paged(PageRequest(req))
        let triggers = try await TriggerEvent.query(on: req.db).filter(\.$closedAt == nil)
            .sort(\.$declaredAt, .descending).limit(5).all()
        let answered = Set(
            try await TriggerCheckIn.query(on: req.db).filter(\.$hub.$id == hubID)
                .filter(\.$triggerEvent.$id ~~ triggers.compactMap(\.id)).all().map { $0.$triggerEvent.id })
        var model = TensionPicturePage.Model(
            page: req.page, hub: hub, scale: scale,
            current: try await TensionFigures.currentLevel(of: hubID, on: req.db), thisWeek: UKWeek.of(Date()),
            period: period, weeks: try await TensionFigures.weeks(of: hubID, weeks, on: req.db),
            byArea: try await TensionFigures.byArea(of: hubID, from: from, on: req.db),
            byTheme: try await TensionFigures.byTheme(of: hubID, from: from, on: req.db),
            waiting: try await TensionFigures.waiting(in: hubID, limit: TensionPicturePage.waitingShown, on: req.db)
                .map(
                    TensionLine.init),
            recent: Paged(
                items: recent.items.map(TensionLine.init), page: recent.page, size: recent.size, total: recent.total),
            openTriggers: try triggers.map { (try $0.requireID(), $0.title, answered.contains(try $0.requireID())) },
            retentionMonths: months,
            earliestKeptWeek: UKWeek.of(day: TensionStore.earliestKept(retentionMonths: months)) ?? from,
            canSteward: Policy.can(user, .stewardHubTension, .hub(hubID)))
        model.levelForm.level = model.current.map { String($0.level) } ?? ""
        return model
    }

    private func formModel(_ req: Request, hub: Hub, form: ObservationForm) async throws -> ObservationFormPage.Model {
        let hubID = try hub.requireID()
        let codes = try await HubArea.query(on: req.db).filter(\.$hub.$id == hubID).all().map(\.areaCode)
        let areas = codes.compactMap { code in LocalAuthorities.name(for: code).map { (code: code, name: $0) } }
            .sorted { $0.name < $1.name }
        let narratives = try await Narrative.query(on: req.db).sort(\.$title).all().compactMap { narrative in
            narrative.id.map { (id: $0, slug: narrative.slug, title: narrative.title) }
        }
        let months = try await TensionSettings.retentionMonths(of: hubID, on: req.db)
        return ObservationFormPage.Model(
            page: req.page, hub: hub, scale: try await TensionScale.of(hubID: hubID, on: req.db), areas: areas,
            narratives: narratives, form: form, retentionMonths: months,
            earliestKept: TensionStore.earliestKept(retentionMonths: months))
    }

    private func observationModel(_ req: Request, hub: Hub, observation: TensionObservation) async throws
        -> ObservationPage.Model
    {
        let hubID = try hub.requireID()
        let user = try req.requireCurrentUser()
        let narrative = try await observation.$narrative.get(on: req.db)
        var model = ObservationPage.Model(
            page: req.page, hub: hub, observation: observation,
            scale: try await TensionScale.of(hubID: hubID, on: req.db),
            narrative: narrative.map { ($0.slug, $0.title) },
            canSteward: Policy.can(user, .stewardHubTension, .hub(hubID)))
        model.followUpForm.status = observation.followUpStatus.rawValue
        model.followUpForm.note = observation.followUp ?? ""
        return model
    }

    /// The observation the path names, in this hub only: an id from another hub is not found.
    private func observation(_ req: Request, in hub: Hub) async throws -> TensionObservation {
        guard let id = req.parameters.get("observationID", as: UUID.self),
            let observation = try await TensionObservation.query(on: req.db).filter(\.$id == id)
                .filter(\.$hub.$id == hub.requireID()).first()
        else { throw Abort(.notFound) }
        return observation
    }
}

/// One observation as a line in a list: never its author.
struct TensionLine: Sendable, Equatable {
    let id: UUID
    let observedOn: String
    let areaName: String
    let kind: String
    let level: Int
    let excerpt: String
    let needsAcknowledging: Bool
    let followUpOpen: Bool

    init(_ observation: TensionObservation) {
        id = observation.id ?? UUID()
        observedOn = observation.observedOn
        areaName = LocalAuthorities.name(for: observation.areaCode) ?? observation.areaCode
        kind = observation.kind.label
        level = observation.level
        excerpt =
            observation.whatSeen.count > 140 ? String(observation.whatSeen.prefix(137)) + "…" : observation.whatSeen
        needsAcknowledging = TensionScale.needsAcknowledging(observation.level) && observation.acknowledgedAt == nil
        followUpOpen = observation.followUpStatus == .open
    }
}
