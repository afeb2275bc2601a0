import Plot
import Vapor

enum HubViews {
    static func list(
        _ request: Request, hubs: [Hub], areas: [HubArea], colours: [UUID: String], map: String,
        peopleCounts: [UUID: Int], organisationCounts: [UUID: Int]
    ) -> HTML {
        let regions = Array(Set(hubs.map(\.region))).sorted()
        let servedCount = Set(areas.map(\.areaCode)).count
        return Layout(title: "Hubs", request: request).render(
            .h1(.plainText("Hubs")),
            .p(
                .class("lead"),
                .plainText(
                    "The alliance is owned locally. Each hub is run by its own stewards, who welcome new members and organisations and know the work in their area."
                )),
            .div(
                .class("map-layout"),
                .element(
                    named: "figure",
                    nodes: [
                        .class("map-figure"),
                        .raw(map),
                        .element(
                            named: "figcaption",
                            nodes: [
                                .plainText(
                                    "Hubs serve \(servedCount) of England's \(LocalAuthorities.all.count) council areas. Grey dots are areas no hub reaches yet."
                                )
                            ]),
                    ]),
                .div(
                    .class("hub-regions"),
                    .forEach(regions) { region in
                        .group(
                            .h2(.plainText(region)),
                            .ul(
                                .class("hub-cards"),
                                .forEach(hubs.filter { $0.region == region }) { hub in
                                    let id = hub.id ?? UUID()
                                    let areaNames = areas.filter { $0.$hub.id == id }.compactMap {
                                        LocalAuthorities.name(for: $0.areaCode)
                                    }.sorted()
                                    return .li(
                                        .class("hub-card"),
                                        .h3(
                                            .class("hub-card__title"),
                                            .span(
                                                .class("swatch swatch--\(colourName(colours[id]))"),
                                                .attribute(named: "aria-hidden", value: "true")),
                                            .a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText(hub.name))
                                        ),
                                        .p(.plainText(hub.summary)),
                                        .p(
                                            .class("hub-card__meta"),
                                            .plainText(
                                                countText(peopleCounts[id] ?? 0, "member", "members") + " · "
                                                    + countText(
                                                        organisationCounts[id] ?? 0, "organisation", "organisations"))),
                                        .if(
                                            !areaNames.isEmpty,
                                            .p(
                                                .class("hub-card__meta"),
                                                .plainText("Areas: " + areaNames.joined(separator: ", "))))
                                    )
                                })
                        )
                    }
                )
            )
        )
    }

    private static func membershipAction(_ request: Request, hub: Hub, membership: HubMembership?) -> Node<
        HTML.BodyContext
    > {
        guard request.currentUser != nil else {
            return .p(
                .a(
                    .href(SiteURL.signIn.with(query: ["next": SiteURL.hub(hub.slug).path]).attributeEscaped),
                    .plainText("Sign in to join this hub")))
        }
        func button(_ text: String, _ url: SiteURL, secondary: Bool) -> Node<HTML.BodyContext> {
            .form(
                .method(.post), .action(url.path.attributeEscaped), Forms.csrfField(request),
                Forms.submit(text, secondary: secondary))
        }
        switch membership.map({ MembershipStatus(rawValue: $0.status) }) {
        case .some(.approved):
            return .group(
                .p(
                    .plainText(
                        membership?.role == HubMembership.Role.steward.rawValue
                            ? "You are a steward of this hub." : "You are a member of this hub.")),
                button("Leave this hub", .leaveHub(hub.slug), secondary: true)
            )
        case .some(.pending):
            return .group(
                .p(.plainText("Your request to join is waiting for a steward.")),
                button("Withdraw my request", .leaveHub(hub.slug), secondary: true)
            )
        case .some(.declined):
            return .p(
                .plainText("A steward declined your request to join" + (membership?.reason.map { ": " + $0 } ?? ".")))
        default:
            return button(
                hub.membershipPolicy == Hub.MembershipPolicy.open.rawValue ? "Join this hub" : "Ask to join this hub",
                .joinHub(hub.slug), secondary: false)
        }
    }

    /// Swatch colours are classes in the stylesheet (no inline styles under the content policy).
    static func colourName(_ hex: String?) -> String {
        guard let hex, let index = CoverageMap.palette.firstIndex(of: hex) else { return "none" }
        return String(index)
    }

    static func countText(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// What the person looking at a hub page can do there.
    struct Viewer {
        var membership: HubMembership? = nil
        var canSteward = false
        var pendingRequests = 0
    }

    static func show(
        _ request: Request, hub: Hub, stewards: [User], organisations: [Organisation], areaNames: [String],
        peopleCount: Int, viewer: Viewer
    ) -> HTML {
        Layout(
            title: hub.name, request: request,
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
                        .ul(
                            .class("plain-list"),
                            .forEach(
                                hub.hosts.filter { $0.isPublic || request.seesMembersOnly }.sorted { $0.name < $1.name }
                            ) { host in
                                .li(
                                    .a(
                                        .href(SiteURL.organisation(host.slug).path.attributeEscaped),
                                        .plainText(host.name)))
                            }),
                        .if(
                            hub.hosts.contains { !$0.isPublic } && !request.seesMembersOnly,
                            .p(
                                .plainText(
                                    hub.hosts.allSatisfy { !$0.isPublic }
                                        ? "Organisations listed for alliance members only."
                                        : "And organisations listed for alliance members only.")))
                    )),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Stewards")),
                    .dd(
                        .if(
                            stewards.isEmpty,
                            .plainText("The national team looks after this hub until it has stewards.")),
                        .ul(.class("plain-list"), .forEach(stewards) { .li(.plainText($0.name)) })
                    )),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Members")),
                    .dd(.plainText(countText(peopleCount, "person", "people")))),
                .div(
                    .class("summary-list__row"), .dt(.plainText("Areas served")),
                    .dd(.plainText(areaNames.isEmpty ? "Not set yet" : areaNames.joined(separator: ", "))))
            ),
            .if(
                viewer.canSteward,
                .div(
                    .class("steward-panel"),
                    .h2(.plainText("For stewards")),
                    .p(
                        .a(
                            .href(SiteURL.hubRequests(hub.slug).path.attributeEscaped),
                            .plainText(
                                viewer.pendingRequests == 1
                                    ? "1 request waiting" : "\(viewer.pendingRequests) requests waiting"),
                            .plainText(" – answer requests and add stewards")))
                )),
            .h2(.plainText("How to join")),
            .p(
                .plainText(
                    hub.membershipPolicy == Hub.MembershipPolicy.open.rawValue
                        ? "Anyone with a Bridgework account can join this hub straight away."
                        : "The hub's stewards welcome each new member. Ask to join and a steward will reply.")),
            membershipAction(request, hub: hub, membership: viewer.membership),
            .h2(.plainText("Member organisations")),
            .if(organisations.isEmpty, .p(.plainText("No organisations have joined yet."))),
            .ul(
                .class("result-list"),
                .forEach(organisations) { organisation in
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
            .h2(.plainText("Stories")),
            .p(
                .a(
                    .href(SiteURL.stories.with(query: ["hub": hub.slug]).attributeEscaped),
                    .plainText("Stories from this hub")),
                .plainText(" · "),
                .a(.href(SiteURL.hubStoriesFeed(hub.slug).path.attributeEscaped), .plainText("Follow them (Atom feed)"))
            )
        )
    }
}
