import Fluent
import Plot
import Vapor

/// `/narratives`: divisive narratives, set out carefully, with the stories and resources that
/// answer them and where hub members meet them locally.
struct NarrativeController {
    func list(req: Request) async throws -> Response {
        let narratives = try await Narrative.query(on: req.db).sort(\.$title).all()
        return NarrativeViews.list(req, narratives: narratives).response()
    }

    func show(req: Request) async throws -> Response {
        try await page(req, narrative: try await narrative(req)).response()
    }

    func addSighting(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let narrative = try await narrative(req)
        let form = SightingForm(
            hub: req.formText("hub"), seenOn: req.formText("seen_on"),
            place: req.formText("place"), note: req.formText("note", keepNewlines: true))
        let hubs = try await sightingHubs(req)
        let errors = form.validate(allowedHubs: Set(hubs.map(\.slug)))
        guard errors.isEmpty, let hub = hubs.first(where: { $0.slug == form.hub }) else {
            return try await page(req, narrative: narrative, form: form, errors: errors).response(
                status: .unprocessableEntity)
        }
        try await NarrativeSighting(
            narrativeID: narrative.requireID(), hubID: hub.requireID(), userID: user.id,
            seenOn: UKDate.validated(form.seenOn) ?? form.seenOn, place: form.place, note: form.note
        ).create(on: req.db)
        return req.redirect(
            to: SiteURL.narrative(narrative.slug).with(query: ["notice": Notice.sightingAdded.rawValue]) + "#sightings")
    }

    // MARK: Curating

    func newForm(req: Request) async throws -> Response {
        NarrativeViews.form(req, form: NarrativeForm(), narrative: nil).response()
    }

    func create(req: Request) async throws -> Response {
        let form = NarrativeForm(req)
        let errors = form.validate(knownResources: try await knownResources(req))
        guard errors.isEmpty else {
            return NarrativeViews.form(req, form: form, narrative: nil, errors: errors).response(
                status: .unprocessableEntity)
        }
        let narrative = Narrative()
        form.apply(to: narrative)
        narrative.slug = try await ContentChecks.uniqueSlug(
            for: form.title, schema: Narrative.schema, fallback: "narrative", on: req.db)
        try await narrative.create(on: req.db)
        return req.redirect(to: SiteURL.narrative(narrative.slug).with(query: ["notice": Notice.contentSaved.rawValue]))
    }

    func editForm(req: Request) async throws -> Response {
        let narrative = try await narrative(req)
        return NarrativeViews.form(req, form: NarrativeForm(narrative), narrative: narrative).response()
    }

    func update(req: Request) async throws -> Response {
        let narrative = try await narrative(req)
        let form = NarrativeForm(req)
        let errors = form.validate(knownResources: try await knownResources(req))
        guard errors.isEmpty else {
            return NarrativeViews.form(req, form: form, narrative: narrative, errors: errors).response(
                status: .unprocessableEntity)
        }
        form.apply(to: narrative)
        try await narrative.save(on: req.db)
        return req.redirect(to: SiteURL.narrative(narrative.slug).with(query: ["notice": Notice.contentSaved.rawValue]))
    }

    // MARK: Helpers

    private func page(_ req: Request, narrative: Narrative, form: SightingForm = .init(), errors: FormErrors = .init())
        async throws -> HTML
    {
        var storyQuery = StoryQuery()
        storyQuery.hotTopic = narrative.hotTopic
        let stories = try await StoryFinder.find(
            storyQuery, scope: StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly), limit: 6, on: req.db
        ).stories
        let resources =
            narrative.resources.isEmpty
            ? [] : try await Resource.query(on: req.db).filter(\.$slug ~~ narrative.resources).sort(\.$title).all()
        let sightings = try await NarrativeSighting.query(on: req.db).filter(\.$narrative.$id == narrative.requireID())
            .with(\.$hub).sort(\.$seenOn, .descending).limit(50).all()
        let hubs = req.seesMembersOnly ? try await sightingHubs(req) : []
        return NarrativeViews.show(
            req, narrative: narrative, stories: stories, resources: resources, sightings: sightings,
            sightingHubs: hubs, form: form, errors: errors)
    }

    /// The hubs someone may report a sighting in: those they belong to (any hub for coordinators).
    private func sightingHubs(_ req: Request) async throws -> [Hub] {
        guard let user = req.currentUser else { return [] }
        if user.isCoordinator { return try await Hub.query(on: req.db).sort(\.$name).all() }
        return try await Hub.query(on: req.db)
            .join(HubMembership.self, on: \HubMembership.$hub.$id == \Hub.$id)
            .filter(HubMembership.self, \.$user.$id == user.id)
            .filter(HubMembership.self, \.$status == MembershipStatus.approved.rawValue)
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

enum NarrativeViews {
    static func list(_ request: Request, narratives: [Narrative]) -> HTML {
        Layout(
            title: "Narratives", request: request,
            description: "Divisive narratives about immigration, welfare and belonging, and how people answer them."
        ).render(
            .h1(.plainText("Narratives")),
            .p(
                .class("lead"),
                .plainText(
                    "Some stories told about immigration, welfare and belonging set neighbours against each other. Here each one is set out fairly: the claim as people meet it, the facts with their sources, and how people doing this work answer it."
                )),
            .if(
                request.currentUser?.isCoordinator == true,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newNarrative.path),
                        .plainText("Add a narrative")))),
            .ol(
                .class("result-list"),
                .forEach(narratives) { narrative in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.narrative(narrative.slug).path.attributeEscaped),
                                .plainText(narrative.title))),
                        .p(
                            .class("result__meta"),
                            .plainText(HotTopic(rawValue: narrative.hotTopic)?.label ?? narrative.hotTopic)))
                })
        )
    }

    static func show(
        _ request: Request, narrative: Narrative, stories: [PublishedStory], resources: [Resource],
        sightings: [NarrativeSighting],
        sightingHubs: [Hub], form: SightingForm, errors: FormErrors
    ) -> HTML {
        let hubNames = Array(Set(sightings.map(\.hub.name))).sorted()
        return Layout(
            title: narrative.title, request: request, hasErrors: !errors.isEmpty, description: narrative.claim
        ).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.narratives.path), .plainText("Narratives"))),
            .span(.class("caption"), .plainText(HotTopic(rawValue: narrative.hotTopic)?.label ?? narrative.hotTopic)),
            .h1(.plainText(narrative.title)),
            .h2(.plainText("The claim, as people meet it")),
            .blockquote(.class("quote"), .p(.plainText(narrative.claim))),
            .h2(.plainText("Whom it sets against whom")),
            .p(.plainText(narrative.setsAgainst)),
            .h2(.plainText("The facts, with their sources")),
            Markdown.node(narrative.facts),
            .h2(.plainText("How people answer it")),
            Markdown.node(narrative.answers),
            .h2(.id("stories"), .plainText("Stories that answer it")),
            .if(stories.isEmpty, .p(.plainText("No published stories on this topic yet."))),
            .ul(
                .class("bullet-list"),
                .forEach(stories) { story in
                    .li(
                        .a(.href(SiteURL.story(story.slug).path.attributeEscaped), .plainText(story.title)),
                        .plainText(" – " + story.hubName + " hub"))
                }),
            .if(
                !resources.isEmpty,
                .group(
                    .h2(.plainText("Guides and resources")),
                    .ul(
                        .class("bullet-list"),
                        .forEach(resources) { resource in
                            .li(
                                .a(
                                    .href(SiteURL.resource(resource.slug).path.attributeEscaped),
                                    .plainText(resource.title)), .plainText(" – " + resource.kindLabel))
                        })
                )),
            .h2(.id("sightings"), .plainText("Where hubs meet it")),
            .if(
                !request.seesMembersOnly,
                .p(
                    .plainText(
                        hubNames.isEmpty
                            ? "No hub has reported meeting this narrative yet."
                            : "Members of these hubs have reported meeting it locally: \(hubNames.joined(separator: ", ")). Approved alliance members can sign in to read what they saw."
                    ))),
            .if(
                request.seesMembersOnly,
                .group(
                    .if(sightings.isEmpty, .p(.plainText("No sightings reported yet."))),
                    .ul(
                        .class("sightings"),
                        .forEach(sightings) { sighting in
                            .li(
                                .strong(.plainText("\(sighting.hub.name), \(sighting.seenOn), \(sighting.place): ")),
                                .plainText(sighting.note))
                        }),
                    .if(
                        !sightingHubs.isEmpty,
                        sightingForm(request, narrative: narrative, hubs: sightingHubs, form: form, errors: errors)),
                    .if(sightingHubs.isEmpty, .p(.plainText("Join a hub to report where you meet this narrative.")))
                )),
            .if(
                request.currentUser?.isCoordinator == true,
                .p(
                    .a(
                        .href(SiteURL.editNarrative(narrative.slug).path.attributeEscaped),
                        .plainText("Edit this narrative"))))
        )
    }

    private static func sightingForm(
        _ request: Request, narrative: Narrative, hubs: [Hub], form: SightingForm, errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.narrativeSightings(narrative.slug).path.attributeEscaped),
            Forms.csrfField(request),
            .h3(.plainText("Report a sighting")),
            .p(
                .class("hint"),
                .plainText(
                    "Alliance members see sightings; visitors see only which hubs reported one. Describe places and what was said, never who: no names, addresses, phone numbers or email addresses."
                )),
            Forms.select(
                name: "hub", label: "Your hub", empty: "Choose a hub", options: hubs.map { ($0.slug, $0.name) },
                selected: form.hub.isEmpty ? nil : form.hub, error: errors["hub"]),
            Forms.input(
                .init(
                    name: "seen_on", label: "Date seen", value: form.seenOn,
                    hint: "Year-month-day, for example 2026-03-27.", width: "input--width-10"), errors: errors),
            Forms.input(
                .init(
                    name: "place", label: "Where", value: form.place,
                    hint: "For example: a town-centre leaflet drop; a local Facebook group."), errors: errors),
            Forms.textarea(name: "note", label: "What you saw or heard", value: form.note, rows: 4, errors: errors),
            Forms.submit("Add the sighting", secondary: true)
        )
    }

    static func form(_ request: Request, form: NarrativeForm, narrative: Narrative?, errors: FormErrors = .init())
        -> HTML
    {
        let title = narrative == nil ? "Add a narrative" : "Edit a narrative"
        let action = narrative.map { SiteURL.editNarrative($0.slug) } ?? .newNarrative
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Write carefully and even-handedly: describe the claim as people meet it, without repeating its worst language, and back each fact with a source."
                )),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
                Forms.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Forms.radios(
                    name: "hot_topic", legend: "Hot topic",
                    options: HotTopic.allCases.map { ($0.rawValue, $0.label, nil) }, selected: form.hotTopic,
                    errors: errors),
                Forms.textarea(
                    name: "claim", label: "The claim, as people meet it", value: form.claim, rows: 3, errors: errors),
                Forms.textarea(
                    name: "sets_against", label: "Whom it sets against whom", value: form.setsAgainst, rows: 2,
                    errors: errors),
                Forms.textarea(
                    name: "facts", label: "The facts, with their sources", value: form.facts,
                    hint: "Markdown: a list of points, each with a link to its source.", rows: 10, errors: errors),
                Forms.textarea(
                    name: "answers", label: "How people answer it", value: form.answers,
                    hint: "Markdown: what works in conversation, and a short guide.", rows: 10, errors: errors),
                Forms.textarea(
                    name: "resources", label: "Library resources that help (optional)", value: form.resources,
                    hint: "The last part of each resource's address, one per line.", rows: 3, errors: errors),
                Forms.submit("Save")
            )
        )
    }
}
