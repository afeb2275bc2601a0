import Fluent
import Plot
import Vapor

/// `/narratives`: divisive narratives, set out carefully, with the stories and resources that
/// answer them and where hub members meet them locally.
struct NarrativeController {
    func list(req: Request) async throws -> Response {
        let narratives = try await Narrative.query(on: req.db).sort(\.$title).all()
        let model = NarrativeListPage.Model(
            page: req.page, narratives: narratives, canCurate: Policy.can(req.currentUser, .curateContent))
        return NarrativeListPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        NarrativePage.view(try await pageModel(req, narrative: try await narrative(req))).response()
    }

    func addSighting(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let narrative = try await narrative(req)
        let form = req.form(SightingForm.self)
        let hubs = try await sightingHubs(req)
        let errors = form.validate(allowedHubs: Set(hubs.map(\.slug)), today: UKDate.today())
        guard errors.isEmpty, let hub = hubs.first(where: { $0.slug == form.hub }) else {
            return NarrativePage.view(try await pageModel(req, narrative: narrative, form: form, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        try await NarrativeSighting(
            narrativeID: narrative.requireID(), hubID: hub.requireID(), userID: user.id,
            seenOn: UKDate.validated(form.seenOn) ?? form.seenOn, place: form.place, note: form.note
        ).create(on: req.db)
        return req.redirect(
            to: SiteURL.narrative(narrative.slug).with(notice: NarrativeNotice.sightingAdded) + "#sightings")
    }

    // MARK: Curating

    func newForm(req: Request) async throws -> Response {
        NarrativeFormPage.view(.init(page: req.page, form: NarrativeForm(), narrative: nil)).response()
    }

    func create(req: Request) async throws -> Response {
        let form = req.form(NarrativeForm.self)
        let errors = form.validate(knownResources: try await knownResources(req))
        guard errors.isEmpty else {
            let model = NarrativeFormPage.Model(page: req.page, form: form, narrative: nil, errors: errors)
            return NarrativeFormPage.view(model).response(status: .unprocessableEntity)
        }
        let narrative = Narrative()
        form.apply(to: narrative)
        narrative.slug = try await ContentChecks.uniqueSlug(
            for: form.title, schema: Narrative.schema, fallback: "narrative", on: req.db)
        try await narrative.create(on: req.db)
        return req.redirect(to: SiteURL.narrative(narrative.slug).with(notice: CuratedNotice.contentSaved))
    }

    func editForm(req: Request) async throws -> Response {
        let narrative = try await narrative(req)
        let model = NarrativeFormPage.Model(page: req.page, form: NarrativeForm(narrative), narrative: narrative)
        return NarrativeFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let narrative = try await narrative(req)
        let form = req.form(NarrativeForm.self)
        let errors = form.validate(knownResources: try await knownResources(req))
        guard errors.isEmpty else {
            let model = NarrativeFormPage.Model(page: req.page, form: form, narrative: narrative, errors: errors)
            return NarrativeFormPage.view(model).response(status: .unprocessableEntity)
        }
        form.apply(to: narrative)
        try await narrative.save(on: req.db)
        return req.redirect(to: SiteURL.narrative(narrative.slug).with(notice: CuratedNotice.contentSaved))
    }

    // MARK: Helpers

    private func pageModel(
        _ req: Request, narrative: Narrative, form: SightingForm = .init(), errors: FormErrors = .init()
    )
        async throws -> NarrativePage.Model
    {
        let seesMembersOnly = Policy.can(req.currentUser, .readMembersOnly)
        var storyQuery = StoryQuery()
        storyQuery.hotTopic = narrative.hotTopic.rawValue
        let stories = try await StoryFinder.find(
            storyQuery, scope: StoryAudience.requiredScope(seesMembersOnly: seesMembersOnly), limit: 6, on: req.db
        ).stories
        let resources =
            narrative.resources.isEmpty
            ? [] : try await Resource.query(on: req.db).filter(\.$slug ~~ narrative.resources).sort(\.$title).all()
        let sightings = try await NarrativeSighting.query(on: req.db).filter(\.$narrative.$id == narrative.requireID())
            .with(\.$hub).sort(\.$seenOn, .descending).limit(50).all()
        let hubs = seesMembersOnly ? try await sightingHubs(req) : []
        let model = NarrativePage.Model(
            page: req.page, narrative: narrative, stories: stories, resources: resources, sightings: sightings,
            sightingHubs: hubs, canReadSightings: seesMembersOnly,
            canCurate: Policy.can(req.currentUser, .curateContent), form: form, errors: errors)
        return model
    }

    /// The hubs someone may report a sighting in: those they belong to (any hub for coordinators).
    private func sightingHubs(_ req: Request) async throws -> [Hub] {
        guard let user = req.currentUser else { return [] }
        if user.isCoordinator { return try await Hub.query(on: req.db).sort(\.$name).all() }
        return try await Hub.query(on: req.db)
            .join(HubMembership.self, on: \HubMembership.$hub.$id == \Hub.$id)
            .filter(HubMembership.self, \.$user.$id == user.id)
            .filter(HubMembership.self, \.$status == .approved)
            .sort(\.$name).all()
    }

    private func knownResources(_ req: Request) async throws -> Set<String> {
        Set(try await Resource.query(on: req.db).all().map(\.slug))
    }

    private func narrative(_ req: Request) async throws -> Narrative {
        guard let slug = req.parameters.get("narrativeSlug"),
            let narrative = try await Narrative.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return narrative
    }
}
