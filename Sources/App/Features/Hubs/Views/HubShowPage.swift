import Plot
import Vapor

/// `/hubs/{slug}`: one hub, who runs it, who is in it, and how to join.
enum HubShowPage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        /// The organisations hosting the hub, members-only listings among them.
        let hosts: [Listing]
        /// The approved stewards' names, in order.
        let stewards: [String]
        let organisations: [Listing]
        let areaNames: [String]
        let peopleCount: Int
        /// The viewer's place in the hub, if they asked to join or joined.
        var membership: HubMembership? = nil
        /// Whether the viewer may join or leave hubs (anyone signed in).
        var canJoin = false
        var canSteward = false
        /// Whether the viewer may change the hub's details and stewards (the national team).
        var canEdit = false
        /// A member of this hub, who may read and add to its tension watch.
        var canWatchTension = false
        /// Whether the viewer sees members-only listings, such as a members-only host.
        var canReadMembersOnly = false
        /// People and organisations waiting for a steward, counted only for stewards.
        var pendingRequests = 0
        /// The next events the viewer may see, soonest first.
        var upcomingEvents: [EventListing] = []
        /// The newest stories the viewer may read.
        var latestStories: [PublishedStory] = []
        /// Members who chose to be seen by this reader: (name, profile path, role), by name.
        var people: [(name: String, path: String, role: String)] = []
        /// How many such members there are in all.
        var peopleSeen = 0
        /// Whether the reader may search the hub's practitioners.
        var canFindPractitioners = false
        /// Narratives seen in the hub lately, for members; nil for anyone else.
        var sightings: [Sighted]? = nil
    }

    /// An organisation as the page names it.
    struct Listing: Sendable, Equatable {
        let slug: String
        let name: String
        let summary: String
        let isPublic: Bool
    }

    /// A narrative and how often members of the hub saw it lately.
    struct Sighted: Sendable, Equatable {
        let slug: String
        let title: String
        let times: Int
    }

    static func view(_ model: Model) -> HTML {
        let hub = model.hub
        let visibleHosts = model.hosts.filter { $0.isPublic || model.canReadMembersOnly }.sorted { $0.name < $1.name }
        let hasHiddenHosts = model.hosts.contains { !$0.isPublic } && !model.canReadMembersOnly
        return Layout(
            title: hub.name, page: model.page,
            head: [StoryViews.feedLink(title: "Stories from the \(hub.name) hub", url: .hubStoriesFeed(hub.slug))]
        ).render(
            .p(.a(.href(SiteURL.hubs.path), .plainText("All hubs"))),
            .h1(.plainText(hub.name)),
            .p(.class("lead"), .plainText(hub.summary)),
            .dl(
                .class("summary-list"),
                .div(.class("summary-list__row"), .dt(.plainText("Region")), .dd(.plainText(hub.region))),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Hosted by")),
                    .dd(
                        .if(model.hosts.isEmpty, .plainText("No organisation hosts this hub yet.")),
                        .ul(
                            .class("plain-list"),
                            .forEach(visibleHosts) { host in
                                .li(
                                    .a(
                                        .href(SiteURL.organisation(host.slug).path.attributeEscaped),
                                        .plainText(host.name)))
                            }),
                        .if(
                            hasHiddenHosts,
                            .p(
                                .plainText(
                                    model.hosts.allSatisfy { !$0.isPublic }
                                        ? "Organisations listed for alliance members only."
                                        : "And organisations listed for alliance members only.")))
                    )),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Stewards")),
                    .dd(
                        .if(
                            model.stewards.isEmpty,
                            .plainText("The national team looks after this hub until it has stewards.")),
                        .ul(.class("plain-list"), .forEach(model.stewards) { .li(.plainText($0)) })
                    )),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Members")),
                    .dd(.plainText(HubListPage.countText(model.peopleCount, "person", "people")))),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Areas served")),
                    .dd(
                        .plainText(model.areaNames.isEmpty ? "Not set yet" : model.areaNames.joined(separator: ", "))))
            ),
            .if(model.canSteward || model.canEdit, stewardPanel(model)),
            .if(
                model.canWatchTension,
                .div(
                    .class("steward-panel"),
                    .h2(.plainText("Tension watch")),
                    .p(
                        .plainText(
                            "What members see and hear that could strain relations locally, kept for this hub's members only. "
                        ),
                        .a(
                            .href(SiteURL.hubTension(hub.slug).path.attributeEscaped),
                            .plainText("Open the tension watch"))))),
            .h2(.plainText("Coming up")),
            model.upcomingEvents.isEmpty
                ? .p(.plainText("No events are planned yet."))
                : .ul(
                    .class("bullet-list"),
                    .forEach(model.upcomingEvents) { event in
                        .li(
                            .a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText(event.title)),
                            .plainText(" – " + DisplayDate.dateTime(event.startsAt)))
                    }),
            .p(.a(.href(SiteURL.hubEvents(hub.slug).path.attributeEscaped), .plainText("All events in this hub"))),
            .h2(.plainText("People")),
            model.people.isEmpty
                ? .p(.plainText("No member of this hub has chosen to show their profile here yet."))
                : .ul(
                    .class("bullet-list"),
                    .forEach(model.people) { person in
                        .li(
                            .a(.href(person.path.attributeEscaped), .plainText(person.name)),
                            .if(!person.role.isEmpty, .plainText(" – " + person.role)))
                    }),
            .if(
                model.peopleSeen > model.people.count && model.canFindPractitioners,
                .p(
                    .a(
                        .href(SiteURL.people.with(query: ["hub": model.hub.slug]).attributeEscaped),
                        .plainText("All \(model.peopleSeen) people in this hub who chose to be seen")))),
            .p(
                .class("hint"),
                .plainText(
                    "Only members who chose to show their profile to you appear here.")
            ),
            .h2(.plainText("Stories")),
            model.latestStories.isEmpty
                ? .p(.plainText("There are no stories from this hub to show yet."))
                : .ul(
                    .class("result-list"),
                    .forEach(model.latestStories) { StoryViews.result($0) }),
            .unwrap(model.sightings) { sightings in
                .group(
                    .h2(.plainText("Narratives seen here lately")),
                    sightings.isEmpty
                        ? .p(
                            .plainText(
                                "Members have not noted any divisive narratives here in the last \(HubCounts.recentDays) days."
                            ))
                        : .group(
                            .p(
                                .plainText(
                                    "How often members of this hub noted each narrative in the last \(HubCounts.recentDays) days."
                                )),
                            .ul(
                                .class("bullet-list"),
                                .forEach(sightings) { sighted in
                                    .li(
                                        .a(
                                            .href(SiteURL.narrative(sighted.slug).path.attributeEscaped),
                                            .plainText(sighted.title)),
                                        .plainText(" – " + HubListPage.countText(sighted.times, "time", "times")))
                                }))
                )
            },
            .h2(.plainText("How to join")),
            .p(
                .plainText(
                    hub.membershipPolicy == .open
                        ? "Anyone with a Bridgework account can join this hub straight away."
                        : "The hub's stewards welcome each new member. Ask to join and a steward will reply.")),
            membershipAction(model),
            .h2(.plainText("Member organisations")),
            .if(model.organisations.isEmpty, .p(.plainText("No organisations have joined yet."))),
            .ul(
                .class("result-list"),
                .forEach(model.organisations) { organisation in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                .plainText(organisation.name))),
                        .p(.class("result__summary"), .plainText(organisation.summary)))
                }),
            .p(
                .a(
                    .href(SiteURL.organisations.with(query: ["hub": hub.slug]).attributeEscaped),
                    .plainText("Search the organisations in this hub"))),
            .h2(.plainText("What the hub's projects show")),
            .p(
                .a(
                    .href(SiteURL.hubImpact(hub.slug).path.attributeEscaped),
                    .plainText("The difference this hub's projects made, added up"))),
            .h2(.plainText("Follow the hub")),
            .p(
                .a(
                    .href(SiteURL.stories.with(query: ["hub": hub.slug]).attributeEscaped),
                    .plainText("Every story from this hub")),
                .plainText(" · "),
                .a(.href(SiteURL.hubStoriesFeed(hub.slug).path.attributeEscaped), .plainText("Follow them (Atom feed)"))
            )
        )
    }

    private static func stewardPanel(_ model: Model) -> Node<HTML.BodyContext> {
        let waiting = model.pendingRequests == 1 ? "1 request waiting" : "\(model.pendingRequests) requests waiting"
        return .div(
            .class("steward-panel"),
            .h2(.plainText("For stewards")),
            .if(
                model.canSteward,
                .p(
                    .a(
                        .href(SiteURL.hubRequests(model.hub.slug).path.attributeEscaped),
                        .plainText(waiting),
                        .plainText(" – answer requests and add stewards")))),
            .if(
                model.canEdit,
                .p(
                    .a(
                        .href(SiteURL.editHub(model.hub.slug).path.attributeEscaped),
                        .plainText("Edit the hub's details, areas and stewards"))))
        )
    }

    private static func membershipAction(_ model: Model) -> Node<HTML.BodyContext> {
        let hub = model.hub
        guard model.canJoin else {
            return .p(
                .a(
                    .href(SiteURL.signIn.with(query: ["next": SiteURL.hub(hub.slug).path]).attributeEscaped),
                    .plainText("Sign in to join this hub")))
        }
        func button(_ text: String, _ url: SiteURL, secondary: Bool) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(url.path.attributeEscaped), Forms.csrfField(model.page),
                Forms.submit(text, secondary: secondary))
        }
        switch model.membership?.status {
        case .approved:
            return .group(
                .p(
                    .plainText(
                        model.membership?.role == .steward
                            ? "You are a steward of this hub." : "You are a member of this hub.")),
                button("Leave this hub", .leaveHub(hub.slug), secondary: true)
            )
        case .pending:
            return .group(
                .p(.plainText("Your request to join is waiting for a steward.")),
                button("Withdraw my request", .leaveHub(hub.slug), secondary: true)
            )
        case .declined:
            return .p(
                .plainText(
                    "A steward declined your request to join" + (model.membership?.reason.map { ": " + $0 } ?? ".")))
        case nil:
            guard hub.membershipPolicy == .approval else {
                return button("Join this hub", .joinHub(hub.slug), secondary: false)
            }
            return .form(
                .method(.post), .action(SiteURL.joinHub(hub.slug).path.attributeEscaped), Forms.csrfField(model.page),
                .div(
                    .class("form-group"),
                    .label(
                        .class("label"), .for("message"),
                        .plainText("Tell the stewards a little about you and your work (optional)")),
                    .div(
                        .class("hint"), .id("message-hint"),
                        .plainText(
                            "For example, where you work and what brings you to the hub. Up to \(HubMembership.maximumMessage) characters. Only the hub's stewards see it."
                        )),
                    .textarea(
                        .class("textarea"), .id("message"), .name("message"), .attribute(named: "rows", value: "3"),
                        .attribute(named: "maxlength", value: String(HubMembership.maximumMessage).attributeEscaped),
                        .attribute(named: "aria-describedby", value: "message-hint"))
                ),
                Forms.submit("Ask to join this hub"))
        }
    }
}
