import Foundation
import Plot

/// `/hubs/{slug}/tension`: the hub's picture for its members: the level its stewards set, each
/// week's level and observations (a chart with its table), where and on what themes, what waits on
/// a steward, and every observation, newest first.
enum TensionPicturePage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let scale: TensionScale
        let current: TensionHubLevel?
        /// The week it is now, so the page can say whether the level was set this week.
        let thisWeek: String
        /// Weeks shown, and each week's figures, oldest first.
        let period: Int
        let weeks: [TensionFigures.Week]
        let byArea: [TensionFigures.Group]
        let byTheme: [TensionFigures.Group]
        let waiting: [TensionLine]
        let recent: Paged<TensionLine>
        /// Trigger events still taking check-ins, and whether this hub has answered each.
        let openTriggers: [(id: UUID, title: String, answered: Bool)]
        let retentionMonths: Int
        /// Weeks before this one have had their observations deleted; their levels stay.
        let earliestKeptWeek: String
        let canSteward: Bool
        var levelForm = HubLevelForm()
        var errors = FormErrors()
    }

    /// How many of the observations waiting for a steward the page lists.
    static let waitingShown = 20

    static func view(_ model: Model) -> HTML {
        let hub = model.hub
        let title = "Tension watch: \(hub.name)"
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .p(.a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText("Back to the hub"))),
            .h1(.plainText(title)),
            TensionViews.privacyLine(hub),
            .p(
                .a(
                    .class("button"), .href(SiteURL.newObservation(hub.slug).path.attributeEscaped),
                    .plainText("Log an observation"))),
            triggers(model),
            currentLevel(model),
            .if(model.canSteward, levelForm(model)),
            weekly(model),
            groups(model.byArea, caption: "Observations by council area", first: "Council area", model: model),
            groups(model.byTheme, caption: "Observations by theme", first: "Theme", model: model),
            .h2(.plainText("Waiting for a steward")),
            .p(
                .plainText(
                    "Observations at level \(TensionScale.acknowledgedFrom) or above until a steward acknowledges them, and any whose follow-up is still open."
                )),
            TensionViews.lines(
                model.waiting, hub: hub, scale: model.scale, empty: "Nothing is waiting for a steward."),
            .if(
                model.waiting.count == waitingShown,
                .p(
                    .plainText(
                        "These are the newest \(waitingShown); more may be waiting among every observation below."))),
            .h2(.id("observations"), .plainText("Every observation")),
            .p(
                .plainText(
                    "This hub keeps observations for \(model.retentionMonths) months; older ones are deleted for good."
                )),
            TensionViews.lines(
                model.recent.items, hub: hub, scale: model.scale, empty: "No one has logged an observation yet."),
            .if(
                model.recent.pageCount > 1,
                Pagination.nav(
                    model.recent, path: SiteURL.hubTension(hub.slug).path,
                    query: model.period == TensionController.periods[0] ? [:] : ["weeks": String(model.period)],
                    singular: "observation", plural: "observations")),
            .if(
                model.canSteward,
                .p(
                    .a(
                        .href(SiteURL.hubTensionSettings(hub.slug).path.attributeEscaped),
                        .plainText("Change the hub's scale or how long observations are kept"))))
        )
    }

    private static func triggers(_ model: Model) -> Node<HTML.BodyContext> {
        .if(
            !model.openTriggers.isEmpty,
            .div(
                .class("warning-panel"),
                .h2(.plainText("Trigger events")),
                .ul(
                    .class("bullet-list"),
                    .forEach(model.openTriggers) { trigger in
                        .li(
                            .a(
                                .href(SiteURL.hubCheckIn(model.hub.slug, trigger.id).path.attributeEscaped),
                                .plainText(trigger.title)),
                            .plainText(
                                trigger.answered
                                    ? " – this hub has checked in" : " – this hub has not checked in yet"))
                    })
            ))
    }

    private static func currentLevel(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("The hub's level")),
            .unwrap(
                model.current,
                { current in
                    .group(
                        .p(TensionViews.levelTag(current.level, scale: model.scale)),
                        .p(.plainText(model.scale.level(current.level)?.description ?? "")),
                        .p(
                            .plainText(
                                "Set on \(DisplayDate.dateTime(current.setAt))"
                                    + (current.week == model.thisWeek
                                        ? ", this week." : ". It has not been set this week."))),
                        .unwrap(current.note.isEmpty ? nil : current.note) { note in
                            .blockquote(.class("quote"), .plainText(note))
                        })
                }, else: .p(.plainText("The stewards have not set the hub's level yet.")))
        )
    }

    private static func levelForm(_ model: Model) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.hubTensionLevel(model.hub.slug).path.attributeEscaped),
            .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrfField(model.page),
            Forms.radios(
                name: "hub_level", legend: "Set the hub's level for this week",
                options: TensionViews.scaleOptions(model.scale), selected: model.levelForm.level, errors: model.errors),
            Forms.textarea(
                name: "hub_level_note", label: "Why the hub is at this level",
                value: model.levelForm.note,
                hint: "For the hub's members. Describe what is happening, never who.", rows: 3, errors: model.errors),
            Forms.submit("Set the level", secondary: true)
        )
    }

    private static func weekly(_ model: Model) -> Node<HTML.BodyContext> {
        let weeks = model.weeks
        let assessed = weeks.filter { $0.level != nil }.count
        let observed = weeks.reduce(0) { $0 + $1.observations }
        let deletedWeeks = weeks.filter { $0.week < model.earliestKeptWeek }.count
        let chart = SVGCharts.weeklyLevels(
            weeks.map { .init(label: UKWeek.shortLabel($0.week), value: $0.level) },
            maximum: TensionScale.levelCount, id: "weekly-levels",
            title: "The hub's level each week, over the last \(model.period) weeks",
            description:
                "A bar for each week the stewards set a level, taller for a higher level; \(assessed) of \(weeks.count) weeks have one. A dash marks a week with no level set.",
            labelEvery: max(1, weeks.count / 6))
        return .group(
            .h2(.plainText("Week by week")),
            .ul(
                .class("inline-list"),
                .forEach(TensionController.periods) { period in
                    .li(
                        period == model.period
                            ? .strong(.plainText("Last \(period) weeks"))
                            : .a(
                                .href(
                                    SiteURL.hubTension(model.hub.slug).with(query: ["weeks": String(period)])
                                        .attributeEscaped),
                                .plainText("Last \(period) weeks")))
                }),
            .p(
                .plainText(
                    "\(Wording.count(observed, "observation", "observations")) logged in the last \(model.period) weeks; the stewards set a level in \(assessed) of them."
                        + (deletedWeeks > 0
                            ? " Observations from the first \(Wording.count(deletedWeeks, "week", "weeks")) have been deleted, as this hub keeps them for \(model.retentionMonths) months; the levels stay."
                            : ""))),
            .div(.class("chart-block"), .raw(chart)),
            .scrollingTable(
                label: "Each week's level and observations",
                .table(
                    .class("table table--figures"),
                    .caption(.plainText("Each week's level and observations, newest first")),
                    .thead(
                        .tr(
                            .columnHeader("Week"), .columnHeader("Hub's level"), .columnHeader("Observations"),
                            .columnHeader("Highest level observed"))),
                    .tbody(
                        .forEach(weeks.reversed()) { week in
                            .tr(
                                .rowHeader(UKWeek.label(week.week)),
                                .td(.plainText(week.level.map { model.scale.describe($0) } ?? "Not set")),
                                .td(
                                    .class("numeric"),
                                    .plainText(
                                        week.week < model.earliestKeptWeek ? "Deleted" : String(week.observations))),
                                .td(
                                    .plainText(
                                        week.week < model.earliestKeptWeek
                                            ? "Deleted" : week.highestObserved.map(String.init) ?? "None")))
                        })
                ))
        )
    }

    private static func groups(_ groups: [TensionFigures.Group], caption: String, first: String, model: Model)
        -> Node<HTML.BodyContext>
    {
        .group(
            .h2(.plainText(caption)),
            groups.isEmpty
                ? .p(.plainText("None in the last \(model.period) weeks."))
                : .scrollingTable(
                    label: caption,
                    .table(
                        .class("table table--figures"),
                        .caption(.class("visually-hidden"), .plainText("\(caption), last \(model.period) weeks")),
                        .thead(
                            .tr(.columnHeader(first), .columnHeader("Observations"), .columnHeader("Highest level"))),
                        .tbody(
                            .forEach(groups) { group in
                                .tr(
                                    .rowHeader(group.label),
                                    .td(.class("numeric"), .plainText(String(group.observations))),
                                    .td(.plainText(model.scale.describe(group.highest))))
                            })
                    ))
        )
    }
}
