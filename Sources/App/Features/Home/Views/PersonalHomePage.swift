import Plot

/// `/home`: what is waiting for the signed-in person, their events, surveys and hubs, and for the
/// national team every hub's picture.
enum PersonalHomePage {
    /// Something waiting for the person: what it is, where to deal with it, and a word on how.
    struct Task: Sendable, Equatable {
        let text: String
        /// Nil when it is dealt with elsewhere (an emailed link).
        let link: String?
        let hint: String
    }

    /// One line of a list: a linked name and a word about it.
    struct Line: Sendable, Equatable {
        let text: String
        let link: String
        let detail: String
    }

    struct HubRow: Sendable, Equatable {
        let name: String
        let link: String
        let members: Int
        let organisations: Int
        let stewards: Int
        let stories: Int
        let events: Int
    }

    /// The national team's picture of every hub over the last `days` days.
    struct National: Sendable, Equatable {
        let days: Int
        /// The first day counted, as shown.
        let since: String
        let rows: [HubRow]

        var hubsWithoutSteward: [HubRow] { rows.filter { $0.stewards == 0 } }
    }

    struct Model: Sendable {
        let page: PageContext
        let name: String
        let tasks: [Task]
        let eventsGoing: [Line]
        let eventsOrganising: [Line]
        let openSurveys: [Line]
        /// Open surveys beyond those listed.
        let moreOpenSurveys: Int
        let hubs: [Line]
        /// The newest stories from the person's hubs, and what is coming up in them.
        let latestStories: [Line]
        let hubEvents: [Line]
        let isApprovedMember: Bool
        let national: National?
        /// Whether the person gets the weekly email of their hubs' news.
        var digestOn = true
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Your home", page: model.page).render(
            .h1(.plainText("Your home")),
            .p(
                .class("lead"),
                .plainText("Hello, \(model.name). This is what is waiting for you, and what is coming up.")),
            .h2(.plainText("Waiting for you")),
            model.tasks.isEmpty
                ? .p(.plainText("Nothing is waiting for you just now."))
                : .ul(
                    .class("task-list"),
                    .forEach(model.tasks) { task in
                        .li(
                            .class("task-list__item"),
                            task.link.map {
                                .a(.class("task-list__link"), .href($0.attributeEscaped), .plainText(task.text))
                            }
                                ?? .strong(.plainText(task.text)),
                            .p(.class("hint"), .plainText(task.hint)))
                    }),
            .if(
                !model.isApprovedMember,
                .p(
                    .plainText(
                        "Until a hub's stewards welcome you, you see what any visitor sees. "),
                    .a(.href(SiteURL.hubs.path), .plainText("Find your hub and ask to join")))),
            .h2(.plainText("Your events")),
            lineList(
                model.eventsGoing, heading: "Events you are going to",
                empty: "You are not booked on any event that is still to come."),
            .if(
                !model.eventsOrganising.isEmpty,
                lineList(model.eventsOrganising, heading: "Events you are organising", empty: "")),
            .p(.a(.href(SiteURL.events.path), .plainText("See every event"))),
            .if(
                !model.openSurveys.isEmpty,
                .group(
                    .h2(.plainText("Surveys open in your projects")),
                    lineList(model.openSurveys, heading: nil, empty: ""),
                    .if(
                        model.moreOpenSurveys > 0,
                        .p(
                            .plainText(
                                Wording.count(model.moreOpenSurveys, "more survey is", "more surveys are") + " open. "),
                            .a(.href(SiteURL.projects.path), .plainText("See all your projects"))))
                )),
            .h2(.plainText("Your hubs")),
            model.hubs.isEmpty
                ? .p(
                    .plainText("You are not a member of a hub yet. "),
                    .a(.href(SiteURL.hubs.path), .plainText("Find the hub near you")))
                : .group(
                    lineList(model.hubs, heading: nil, empty: ""),
                    lineList(
                        model.latestStories, heading: "New stories from your hubs",
                        empty: "There are no stories from your hubs to show yet."),
                    lineList(
                        model.hubEvents, heading: "Coming up in your hubs",
                        empty: "Nothing is planned in your hubs yet.")
                ),
            digestSetting(model),
            .unwrap(model.national) { national in nationalPicture(national) }
        )
    }

    private static func digestSetting(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("The weekly email")),
            .p(
                .plainText(
                    "Once a week, when there is news, we can email you your hubs' new stories and events"
                        + " and, if you are a steward, what is waiting for you.")),
            .form(
                .method(.post), .action(SiteURL.digestSetting.path),
                Forms.csrfField(model.page),
                Forms.radios(
                    name: "digest", legend: "Send me the weekly email?",
                    options: [
                        ("on", "Yes, send it", nil),
                        ("off", "No, do not send it", nil),
                    ], selected: model.digestOn ? "on" : "off", errors: FormErrors()),
                Forms.submit("Save", secondary: true)
            )
        )
    }

    private static func lineList(_ lines: [Line], heading: String?, empty: String) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            lines.isEmpty
                ? .p(.plainText(empty))
                : .ul(
                    .class("bullet-list"),
                    .forEach(lines) { line in
                        .li(
                            .a(.href(line.link.attributeEscaped), .plainText(line.text)),
                            .plainText(" – " + line.detail))
                    })
        )
    }

    private static func nationalPicture(_ national: National) -> Node<HTML.BodyContext> {
        let without = national.hubsWithoutSteward
        return .group(
            .h2(.plainText("Across the alliance")),
            .p(
                .plainText(
                    "Every hub's members and organisations today, and the stories first published and events held in the last \(national.days) days (since \(national.since))."
                )),
            hubFigures(national),
            .h3(.plainText("Hubs with no steward")),
            without.isEmpty
                ? .p(.plainText("Every hub has at least one steward."))
                : .group(
                    .p(
                        .plainText(
                            "Nobody can welcome new members or review stories in these hubs until a steward is named.")),
                    .ul(
                        .class("bullet-list"),
                        .forEach(without) { row in
                            .li(.a(.href(row.link.attributeEscaped), .plainText(row.name)))
                        }))
        )
    }

    /// Every hub's members, organisations, stewards and recent work as a table; the national view
    /// shows the same table.
    static func hubFigures(_ national: National) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: "Every hub's figures",
            .table(
                .class("table table--figures"),
                .caption(.class("visually-hidden"), .plainText("Every hub's members, organisations and recent work")),
                .thead(
                    .tr(
                        .columnHeader("Hub"), .columnHeader("Members"), .columnHeader("Organisations"),
                        .columnHeader("Stewards"), .columnHeader("Stories"), .columnHeader("Events"))),
                .tbody(
                    .forEach(national.rows) { row in
                        .tr(
                            .th(
                                .attribute(named: "scope", value: "row"),
                                .a(.href(row.link.attributeEscaped), .plainText(row.name))),
                            .td(.class("numeric"), .plainText(String(row.members))),
                            .td(.class("numeric"), .plainText(String(row.organisations))),
                            .td(.class("numeric"), .plainText(String(row.stewards))),
                            .td(.class("numeric"), .plainText(String(row.stories))),
                            .td(.class("numeric"), .plainText(String(row.events))))
                    })
            ))
    }
}
