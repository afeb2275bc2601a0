import Foundation
import Plot

/// `/narratives`: every narrative, by title.
enum NarrativeListPage {
    struct Model: Sendable {
        let page: PageContext
        let narratives: [Narrative]
        let canCurate: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(
            title: "Narratives", page: model.page,
            description: "Divisive narratives about immigration, welfare and belonging, and how people answer them."
        ).render(
            .h1(.plainText("Narratives")),
            .p(
                .class("lead"),
                .plainText(
                    "Some stories told about immigration, welfare and belonging set neighbours against each other. Here each one is set out fairly: the claim as people meet it, the facts with their sources, and how people doing this work answer it."
                )),
            .if(
                model.canCurate,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newNarrative.path),
                        .plainText("Add a narrative")))),
            .ol(
                .class("result-list"),
                .forEach(model.narratives) { narrative in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.narrative(narrative.slug).path.attributeEscaped),
                                .plainText(narrative.title))),
                        .p(.class("result__meta"), .plainText(narrative.hotTopic.label)))
                })
        )
    }
}

/// `/narratives/{slug}`: one narrative, the stories and resources that answer it, and where hubs
/// meet it, with the form members report a sighting on.
enum NarrativePage {
    struct Model: Sendable {
        let page: PageContext
        let narrative: Narrative
        let stories: [PublishedStory]
        let resources: [Resource]
        /// The newest sightings, with their hubs.
        let sightings: [NarrativeSighting]
        /// The hubs the viewer may report a sighting in.
        let sightingHubs: [Hub]
        /// Whether the viewer may read what members saw, not only which hubs saw it.
        let canReadSightings: Bool
        let canCurate: Bool
        var form = SightingForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let narrative = model.narrative
        let errors = model.errors
        let hubNames = Array(Set(model.sightings.map(\.hub.name))).sorted()
        return Layout(
            title: narrative.title, page: model.page, hasErrors: !errors.isEmpty, description: narrative.claim
        ).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.narratives.path), .plainText("Narratives"))),
            .span(.class("caption"), .plainText(narrative.hotTopic.label)),
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
            .if(model.stories.isEmpty, .p(.plainText("No published stories on this topic yet."))),
            .ul(
                .class("bullet-list"),
                .forEach(model.stories) { story in
                    .li(
                        .a(.href(SiteURL.story(story.slug).path.attributeEscaped), .plainText(story.title)),
                        .plainText(" – " + story.hubName + " hub"))
                }),
            .if(
                !model.resources.isEmpty,
                .group(
                    .h2(.plainText("Guides and resources")),
                    .ul(
                        .class("bullet-list"),
                        .forEach(model.resources) { resource in
                            .li(
                                .a(
                                    .href(SiteURL.resource(resource.slug).path.attributeEscaped),
                                    .plainText(resource.title)), .plainText(" – " + resource.kindLabel))
                        })
                )),
            .h2(.id("sightings"), .plainText("Where hubs meet it")),
            .if(
                !model.canReadSightings,
                .p(
                    .plainText(
                        hubNames.isEmpty
                            ? "No hub has reported meeting this narrative yet."
                            : "Members of these hubs have reported meeting it locally: \(hubNames.joined(separator: ", ")). Approved alliance members can sign in to read what they saw."
                    ))),
            .if(
                model.canReadSightings,
                .group(
                    .if(model.sightings.isEmpty, .p(.plainText("No sightings reported yet."))),
                    .ul(
                        .class("sightings"),
                        .forEach(model.sightings) { sighting in
                            .li(
                                .strong(
                                    .plainText(
                                        "\(sighting.hub.name), \(DisplayDate.day(iso: sighting.seenOn)), \(sighting.place): "
                                    )),
                                .plainText(sighting.note))
                        }),
                    .if(!model.sightingHubs.isEmpty, sightingForm(model)),
                    .if(
                        model.sightingHubs.isEmpty,
                        .p(.plainText("Join a hub to report where you meet this narrative.")))
                )),
            .if(
                model.canCurate,
                .p(
                    .a(
                        .href(SiteURL.editNarrative(narrative.slug).path.attributeEscaped),
                        .plainText("Edit this narrative"))))
        )
    }

    private static func sightingForm(_ model: Model) -> Node<HTML.BodyContext> {
        let form = model.form
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.narrativeSightings(model.narrative.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h3(.plainText("Report a sighting")),
            .p(
                .class("hint"),
                .plainText(
                    "Alliance members see sightings; visitors see only which hubs reported one. Describe places and what was said, never who: no names, addresses, phone numbers or email addresses."
                )),
            Forms.select(
                name: "hub", label: "Your hub", empty: "Choose a hub",
                options: model.sightingHubs.map { ($0.slug, $0.name) },
                selected: form.hub.isEmpty ? nil : form.hub, error: errors["hub"]),
            Forms.dateInput(name: "seen_on", legend: "Date seen", value: form.seenOn, errors: errors),
            Forms.input(
                .init(
                    name: "place", label: "Where", value: form.place,
                    hint: "For example: a town-centre leaflet drop; a local Facebook group."), errors: errors),
            Forms.textarea(name: "note", label: "What you saw or heard", value: form.note, rows: 4, errors: errors),
            Forms.submit("Add the sighting", secondary: true)
        )
    }
}

/// `/narratives/new` and `/narratives/{slug}/edit`: a curator writes or changes a narrative.
enum NarrativeFormPage {
    struct Model: Sendable {
        let page: PageContext
        let form: NarrativeForm
        /// The narrative being changed, or nil for a new one.
        let narrative: Narrative?
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let errors = model.errors
        let title = model.narrative == nil ? "Add a narrative" : "Edit a narrative"
        let action = model.narrative.map { SiteURL.editNarrative($0.slug) } ?? .newNarrative
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Write carefully and even-handedly: describe the claim as people meet it, without repeating its worst language, and back each fact with a source."
                )),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
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
