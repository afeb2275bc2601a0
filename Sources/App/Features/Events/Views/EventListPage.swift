import Plot

/// `/events` and `/hubs/{slug}/events`: upcoming or past gatherings, a page at a time.
enum EventListPage {
    struct Model: Sendable {
        let page: PageContext
        let events: Paged<EventListing>
        /// Past events (latest first) rather than upcoming ones (soonest first).
        let past: Bool
        /// The hub whose events these are, or nil for everyone's.
        let hub: Hub?
        let canReadMembersOnly: Bool
        let canAddEvents: Bool
    }

    static func view(_ model: Model) -> HTML {
        let hub = model.hub
        let past = model.past
        let title = (past ? "Past events" : "Events") + (hub.map { ": \($0.name)" } ?? "")
        let path = hub.map { SiteURL.hubEvents($0.slug).path } ?? SiteURL.events.path
        let feed = hub.map { SiteURL.hubEventsCalendar($0.slug) } ?? .eventsCalendar
        let feedTitle = hub.map { "Events of the \($0.name) hub" } ?? "All Bridgework events"
        return Layout(
            title: title, page: model.page,
            description: "Gatherings for people building good relations between communities.",
            head: [EventViews.calendarLink(feed, title: feedTitle)]
        ).render(
            .unwrap(hub) { .p(.a(.href(SiteURL.hub($0.slug).path.attributeEscaped), .plainText($0.name))) },
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    past
                        ? "Gatherings that have already happened, latest first."
                        : "Chances to meet others doing good relations work: workshops, dialogues, training and celebrations run by hubs and organisations."
                )),
            .p(
                .a(
                    .href((past ? path : path + "?when=past").attributeEscaped),
                    .plainText(past ? "Upcoming events" : "Past events")),
                .plainText(" · "),
                .a(.href(feed.path.attributeEscaped), .plainText("Subscribe in your calendar (iCalendar)")),
                .if(
                    model.canAddEvents,
                    .group(.plainText(" · "), .a(.href(SiteURL.newEvent.path), .plainText("Add an event"))))),
            .if(
                model.events.items.isEmpty,
                .p(
                    .plainText(
                        past
                            ? "No past events yet."
                            : "No upcoming events yet. Past events are still listed under past events."))),
            .ol(
                .class("result-list"),
                .forEach(model.events.items) { event in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText(event.title))),
                        .p(.class("result__meta"), .plainText(EventViews.when(event))),
                        .p(
                            .class("result__meta"),
                            .plainText(meta(event, canReadMembersOnly: model.canReadMembersOnly))))
                }),
            .if(
                model.events.pageCount > 1,
                Pagination.links(
                    page: model.events.page, pageCount: model.events.pageCount, label: "Pages of events"
                ) { number in
                    pageLink(path: path, page: number, past: past)
                })
        )
    }

    /// Who runs it, where, and whether it is for members only.
    private static func meta(_ event: EventListing, canReadMembersOnly: Bool) -> String {
        EventViews.host(event, seesMembersOnly: canReadMembersOnly) + " · "
            + (event.place.isEmpty ? "Online" : event.place)
            + (event.isPublic ? "" : " · members only")
    }

    private static func pageLink(path: String, page: Int, past: Bool) -> String {
        var query = ["page": String(page)]
        if past { query["when"] = "past" }
        let pairs = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return path + "?" + pairs.joined(separator: "&")
    }
}
