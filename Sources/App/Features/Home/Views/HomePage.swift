import Plot

/// The front page: in ten seconds, what the alliance is and why it matters; then its newest
/// stories, what is coming up, where its hubs are, and how to take part.
enum HomePage {
    /// The alliance's reach, counted from the records a reader could find for themselves.
    struct Reach: Sendable, Equatable {
        let hubs: Int
        /// People approved into at least one hub.
        let people: Int
        /// Organisations listed in the directory that this reader may see.
        let organisations: Int
        let areasServed: Int
        let areasInEngland: Int
    }

    struct Model: Sendable {
        let page: PageContext
        let reach: Reach
        /// The newest stories this reader may read.
        let stories: [PublishedStory]
        /// The next events this reader may see, soonest first.
        let events: [EventListing]
        /// The hubs' map, drawn by `CoverageMap`.
        let map: String
        /// Whether to invite the reader to make an account: only visitors are.
        let offersSignUp: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(
            title: "Good relations, made visible", page: model.page,
            description:
                "An alliance of the people and organisations across England who build trust between communities: their stories, their events, and where to find them."
        ).render(
            .div(
                .class("hero"),
                .h1(.class("hero__title"), .plainText("Good relations between communities, built locally")),
                .p(
                    .class("lead"),
                    .plainText(
                        "Across England, volunteers, small charities, councils, police teams, faith groups, schools and researchers quietly bring people together across divides. Bridgework links them, so that what works travels, and the good news gets told."
                    )),
                reachFigures(model.reach)
            ),
            .div(
                .class("home-columns"),
                .section(
                    .class("home-section"),
                    .h2(.plainText("Latest stories")),
                    model.stories.isEmpty
                        ? .p(.plainText("There are no published stories to show yet."))
                        : .ul(.class("result-list"), .forEach(model.stories) { StoryViews.result($0) }),
                    .p(.a(.href(SiteURL.stories.path), .plainText("All stories")))
                ),
                .section(
                    .class("home-section"),
                    .h2(.plainText("Coming up")),
                    model.events.isEmpty
                        ? .p(.plainText("No events are planned yet."))
                        : .ul(.class("result-list"), .forEach(model.events) { event($0) }),
                    .p(.a(.href(SiteURL.events.path), .plainText("All events")))
                )
            ),
            .section(
                .class("home-section home-map"),
                .h2(.plainText("Where the hubs are")),
                .div(
                    .class("home-map__layout"),
                    .element(named: "figure", nodes: [.class("map-figure map-figure--small"), .raw(model.map)]),
                    .div(
                        .p(
                            .plainText(
                                "The alliance is owned by its hubs. Each one is run by local stewards, who welcome new members and organisations and know the work in their area."
                            )),
                        .p(
                            .plainText(
                                "It grew from eleven local events in 2013, where 346 people from 235 organisations asked for a way to stay linked."
                            )),
                        .p(.a(.href(SiteURL.hubs.path), .plainText("Find your hub"))),
                        .p(.a(.href(SiteURL.about.path), .plainText("About the alliance")))
                    )
                )
            ),
            .section(
                .class("home-section get-involved"),
                .h2(.plainText("Get involved")),
                .ul(
                    .class("get-involved__list"),
                    involvement(
                        "Join your local hub", SiteURL.hubs.path,
                        "Meet others doing the work near you, and find a critical friend."),
                    involvement(
                        "List your organisation", SiteURL.newOrganisation.path,
                        "So councils, funders and other groups can find you."),
                    involvement(
                        "Share what works", SiteURL.practice.path,
                        "Methods and lessons from the practice bank, and a place to add your own."),
                    involvement(
                        "Tell a story", SiteURL.newStory.path,
                        "The positive stories the news misses, told with everyone's consent.")
                ),
                .if(
                    model.offersSignUp,
                    .p(.a(.class("button"), .href(SiteURL.signUp.path), .plainText("Create an account"))))
            )
        )
    }

    private static func reachFigures(_ reach: Reach) -> Node<HTML.BodyContext> {
        .ul(
            .class("reach"),
            figure(reach.hubs, "hub", "hubs", "run by local stewards"),
            figure(reach.organisations, "organisation", "organisations", "listed in the directory"),
            figure(reach.people, "person", "people", "approved into a hub"),
            .li(
                .class("reach__item"),
                .span(.class("reach__number"), .plainText(String(reach.areasServed))),
                .span(
                    .class("reach__label"),
                    .plainText("of England's \(reach.areasInEngland) council areas served by a hub")))
        )
    }

    private static func figure(_ count: Int, _ singular: String, _ plural: String, _ note: String) -> Node<
        HTML.ListContext
    > {
        .li(
            .class("reach__item"),
            .span(.class("reach__number"), .plainText(String(count))),
            .span(.class("reach__label"), .plainText((count == 1 ? singular : plural) + " " + note)))
    }

    private static func event(_ event: EventListing) -> Node<HTML.ListContext> {
        let place = event.place.isEmpty ? "Online" : event.place
        return .li(
            .class("result"),
            .h3(
                .class("result__title"),
                .a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText(event.title))),
            .p(.class("result__meta"), .plainText(DisplayDate.dateTime(event.startsAt) + " · " + place)))
    }

    private static func involvement(_ title: String, _ href: String, _ text: String) -> Node<HTML.ListContext> {
        .li(
            .class("get-involved__item"),
            .h3(.class("get-involved__title"), .a(.href(href.attributeEscaped), .plainText(title))),
            .p(.plainText(text)))
    }
}
