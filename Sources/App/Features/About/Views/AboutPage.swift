import Plot

/// `/about`: why the alliance exists, and the 2013 round of local events it grew from, with the
/// totals the report gives.
enum AboutPage {
    /// The report's own figures for the 2013 round; never recomputed from the demo's listings.
    static let peopleAt2013Events = 346
    static let organisationsAt2013Events = 235
    static let eventsIn2013 = 11

    struct Model: Sendable {
        let page: PageContext
        /// Whether any of the 2013 events is listed, so the page can link to them.
        let listsThePastRound: Bool
    }

    static func view(_ model: Model) -> HTML {
        Layout(
            title: "About the alliance", page: model.page,
            description:
                "A light-touch national alliance for good relations between communities in England, locally owned by its hubs."
        ).render(
            .h1(.plainText("About the alliance")),
            .p(
                .class("lead"),
                .plainText(
                    "Bridgework is the shared platform of a light-touch national alliance for the people and organisations who build good relations between communities in England. Hubs in each area own it locally."
                )),
            .h2(.plainText("Where it began: eleven local events in 2013")),
            .p(
                .plainText(
                    "In 2013 Talk for a Change and International Alert, with funding from the Joseph Rowntree Charitable Trust and Oxfam, worked with local hosts to hold events across England where people could talk about their work on good relations: what they do, the challenges they face, the methods they use, how they know it makes a difference, and the support they would value."
                )),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Events")), .dd(.plainText(String(eventsIn2013)))),
                .div(.dt(.plainText("People who took part")), .dd(.plainText(String(peopleAt2013Events)))),
                .div(.dt(.plainText("Organisations represented")), .dd(.plainText(String(organisationsAt2013Events))))),
            .h3(.plainText("The sectors they came from")),
            .p(
                .plainText(
                    "Most came from local community organisations; others came from public-sector bodies and from the wider third sector. The report showed the mix as a chart whose figures have not survived, so we give no numbers here rather than guess them."
                )),
            .p(
                .plainText(
                    "The events were held in Stockwell, Warrington, Greater Manchester, Newcastle, Leeds, Bristol, Newham, Wolverhampton, Lincolnshire, Slough and Derby. "
                ),
                .if(
                    model.listsThePastRound,
                    .group(
                        .a(
                            .href((SiteURL.events.path + "?when=past").attributeEscaped),
                            .plainText("See them among the past events")), .plainText(".")))),
            .h2(.plainText("What people asked for")),
            .ul(
                .class("bullet-list"),
                .li(
                    .plainText(
                        "Ways to link with others locally, and to learn about each other's projects and services.")),
                .li(.plainText("A bank of good practice, and the positive stories that rarely reach the news.")),
                .li(.plainText("Skills, methods, and critical friends to talk to when the work gets hard.")),
                .li(.plainText("Easy, honest ways to see the difference their work makes.")),
                .li(.plainText("More chances to meet."))),
            .p(
                .plainText("Each of those is a part of this platform: "),
                .a(.href(SiteURL.hubs.path), .plainText("hubs")), .plainText(", "),
                .a(.href(SiteURL.practice.path), .plainText("the practice bank")), .plainText(", "),
                .a(.href(SiteURL.stories.path), .plainText("stories")), .plainText(", "),
                .a(.href(SiteURL.indicators.path), .plainText("impact tools")), .plainText(" and "),
                .a(.href(SiteURL.events.path), .plainText("events")), .plainText("."))
        )
    }
}
