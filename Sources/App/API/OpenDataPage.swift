import Plot
import Vapor

/// `/open-data`: everything the alliance publishes for others to reuse, in one list. Only public
/// records are in any of it: members-only listings, stories and events never are. It lives with the
/// API because it names the API's addresses, which features may not.
enum OpenDataPage {
    struct Model: Sendable {
        let page: PageContext
    }

    struct Source: Sendable {
        let title: String
        let url: SiteURL
        let about: String
    }

    static let sources: [Source] = [
        Source(
            title: "The directory, as Open Referral (HSDS 3.0)", url: .hsdsOrganizations,
            about:
                "Public organisations and the places they serve, in the Human Services Data Specification that directories and referral tools read."
        ),
        Source(
            title: "The directory, as JSON", url: .apiOrganisations,
            about: "Public organisations with their kinds of work, themes, methods, areas and hubs, a page at a time."),
        Source(title: "Hubs, as JSON", url: .apiHubs, about: "Every hub, its region and the council areas it serves."),
        Source(
            title: "Published stories, as JSON", url: .apiStories,
            about: "Stories whose every consent allows the public to read them."),
        Source(
            title: "Stories as a news feed (Atom)", url: .storiesFeed,
            about: "Follow new public stories in a feed reader. Each hub and theme has its own feed too."),
        Source(
            title: "Events as a calendar (iCalendar)", url: .eventsCalendar,
            about: "Public events, to add to a calendar app. Each hub has its own calendar too."),
        Source(
            title: "The alliance in figures (CSV)", url: .alliancePublicCSV,
            about:
                "The public evidence briefing: hubs, organisations, stories, events and measured change, each figure with its base and date. Tension appears only as the number of hubs at each level, for weeks the national team published; observations are never open data."
        ),
        Source(
            title: "The API's description (OpenAPI)", url: .apiOpenAPI,
            about: "Every API address, what it takes and what it returns, for developers."),
    ]

    static func view(_ model: Model) -> HTML {
        Layout(
            title: "Open data", page: model.page,
            description: "The alliance's directory, stories and events, published for anyone to reuse."
        ).render(
            .h1(.plainText("Open data")),
            .p(
                .class("lead"),
                .plainText(
                    "The alliance publishes its public directory, stories and events so that councils, funders, researchers and other directories can reuse them. Nothing members-only is ever in them, and people appear only where they chose to be public."
                )),
            .ul(
                .class("result-list"),
                .forEach(sources) { source in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(.href(source.url.path.attributeEscaped), .plainText(source.title))),
                        .p(.class("result__summary"), .plainText(source.about)),
                        .p(.class("hint"), .code(.plainText(source.url.path))))
                }),
            .h2(.plainText("Using it")),
            .p(
                .plainText(
                    "Please say where it came from (‘Bridgework, the good relations alliance’) and link back to the record. Lists come a page at a time; each answer says where the next page is."
                ))
        )
    }

    @Sendable static func handler(req: Request) async throws -> Response {
        view(Model(page: req.page)).response()
    }
}
