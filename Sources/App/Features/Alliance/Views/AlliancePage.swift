import Foundation
import Plot

/// `/alliance`: the national team's view. Counts and levels only: no observation's words, area
/// or author ever reaches this page.
enum AlliancePage {
    struct Model: Sendable {
        let page: PageContext
        let national: PersonalHomePage.National
        let organisations: Int
        let sectors: [(label: String, count: Int)]
        let kindsOfWork: [(label: String, count: Int)]
        let eventsHeld: Int
        let attended: Int
        let projects: Int
        let surveyAnswers: String
        let tension: TensionOverview
        let triggers: [(id: UUID, title: String, declaredAt: Date?, answered: Int, isOpen: Bool)]
        let hubCount: Int
        let narratives: [NarrativeTiming]
        /// Council areas no listed organisation works in, by region.
        let uncovered: [(region: String, names: [String])]
        let englandAreas: Int
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let title = "The alliance"
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Every hub's figures, the work across the alliance, tension levels and trigger-event returns. Tension information reaches this page only as levels and counts."
                )),
            .p(
                .a(.class("button"), .href(SiteURL.newTriggerEvent.path), .plainText("Declare a trigger event")),
                .plainText(" "),
                .a(.href(SiteURL.alliancePublic.path), .plainText("The public briefing"))),
            triggers(model),
            tension(model),
            hubs(model),
            organisations(model),
            work(model),
            narratives(model),
            coverage(model)
        )
    }

    private static func triggers(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("Trigger events")),
            model.triggers.isEmpty
                ? .p(.plainText("No trigger event has been declared."))
                : .ul(
                    .class("bullet-list"),
                    .forEach(model.triggers) { trigger in
                        .li(
                            .a(
                                .href(SiteURL.triggerEvent(trigger.id).path.attributeEscaped), .plainText(trigger.title)
                            ),
                            .plainText(
                                " – declared \(DisplayDate.dateTime(trigger.declaredAt)); \(trigger.answered) of \(model.hubCount) hubs checked in"
                                    + (trigger.answered < model.hubCount
                                        ? ", \(model.hubCount - trigger.answered) missing" : "")
                                    + (trigger.isOpen ? "" : " (closed)")))
                    })
        )
    }

    private static func tension(_ model: Model) -> Node<HTML.BodyContext> {
        let spread = model.tension.spread
        let recentWeeks = Array(model.tension.weeks.suffix(AllianceController.hubWeeks))
        let offset = model.tension.weeks.count - recentWeeks.count
        return .group(
            .h2(.id("tension"), .plainText("Tension across the hubs")),
            .if(
                model.errors["tension"] != nil,
                .p(.id("tension-error"), .class("error-message"), .plainText(model.errors["tension"] ?? ""))),
            .p(
                .plainText(
                    "How many hubs were at each level each week, by the level their stewards set that week. A hub that set none is counted as not assessed, never as calm. Publish a week to put its counts, and nothing else, in the public briefing."
                )),
            .scrollingTable(
                label: "Hubs at each level, week by week",
                .table(
                    .class("table table--figures"),
                    .caption(.class("visually-hidden"), .plainText("Hubs at each level, week by week, newest first")),
                    .thead(
                        .tr(
                            .columnHeader("Week"),
                            .forEach(1...TensionScale.levelCount) { .columnHeader("Level \($0)") },
                            .columnHeader("Not assessed"), .columnHeader("Observations"),
                            .columnHeader("Public briefing")
                        )),
                    .tbody(
                        .forEach(spread.reversed()) { week in
                            .tr(
                                .rowHeader(UKWeek.label(week.week)),
                                .forEach(week.hubsAtLevel) { .td(.class("numeric"), .plainText(String($0))) },
                                .td(.class("numeric"), .plainText(String(week.notAssessed))),
                                .td(.class("numeric"), .plainText(String(week.observations))),
                                .td(publishForm(model, week)))
                        })
                )),
            .h3(.plainText("Each hub, the last \(recentWeeks.count) weeks")),
            .p(
                .plainText(
                    "The level the stewards set, and how many observations the hub logged. A dash is a week with no level set."
                )),
            .scrollingTable(
                label: "Each hub's level and observations",
                .table(
                    .class("table table--figures"),
                    .caption(
                        .class("visually-hidden"), .plainText("Each hub's level and number of observations, by week")),
                    .thead(
                        .tr(
                            .columnHeader("Hub"),
                            .forEach(recentWeeks) { .columnHeader(UKWeek.shortLabel($0)) })),
                    .tbody(
                        .forEach(model.tension.hubs) { hub in
                            .tr(
                                .rowHeader(hub.hubName),
                                .forEach(Array(hub.weeks.dropFirst(offset))) { week in
                                    .td(
                                        .plainText(
                                            (week.level.map { "Level \($0)" } ?? "–")
                                                + (week.observations > 0 ? ", \(week.observations) logged" : "")))
                                })
                        })
                ))
        )
    }

    private static func publishForm(_ model: Model, _ week: TensionOverview.WeekSpread) -> Node<HTML.BodyContext> {
        guard week.hasEnded || week.isPublished else { return .plainText("When the week ends") }
        return .form(
            .class("inline-form"), .method(.post), .action(SiteURL.allianceWeeks.path),
            Forms.csrfField(model.page),
            Forms.hidden("week", week.week),
            Forms.hidden("publish", week.isPublished ? "no" : "yes"),
            .button(
                .type(.submit), .class("button button--secondary button--small"),
                .plainText(week.isPublished ? "Withdraw" : "Publish"),
                .span(.class("visually-hidden"), .plainText(" " + UKWeek.label(week.week)))),
            .if(week.isPublished, .span(.plainText(" Published")))
        )
    }

    private static func hubs(_ model: Model) -> Node<HTML.BodyContext> {
        let national = model.national
        return .group(
            .h2(.plainText("Hubs")),
            .p(
                .plainText(
                    "Members and organisations today; stories first published and events held in the last \(national.days) days (since \(national.since))."
                )),
            PersonalHomePage.hubFigures(national),
            .if(
                !national.hubsWithoutSteward.isEmpty,
                .p(
                    .plainText(
                        "No steward: " + Wording.list(national.hubsWithoutSteward.map(\.name))
                            + ". Nobody there can welcome members, review stories or check in after a trigger event.")))
        )
    }

    private static func termTable(_ caption: String, _ rows: [(label: String, count: Int)]) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: caption,
            .table(
                .class("table table--figures"),
                .caption(.plainText(caption)),
                .thead(.tr(.columnHeader("Term"), .columnHeader("Organisations"))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(.rowHeader(row.label), .td(.class("numeric"), .plainText(String(row.count))))
                    })
            ))
    }

    private static func organisations(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("Organisations")),
            .p(
                .plainText(
                    "\(Wording.count(model.organisations, "organisation is", "organisations are")) listed, members-only listings included. One may name several sectors and kinds of work."
                )),
            termTable("By sector", model.sectors),
            termTable("By kind of work", model.kindsOfWork)
        )
    }

    private static func work(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("Events and impact")),
            .dl(
                .class("summary-list"),
                .div(
                    .dt(.plainText("Events held in the last \(model.national.days) days")),
                    .dd(.plainText(String(model.eventsHeld)))),
                .div(.dt(.plainText("People recorded as attending them")), .dd(.plainText(String(model.attended)))),
                .div(.dt(.plainText("Projects measuring change")), .dd(.plainText(String(model.projects)))),
                .div(
                    .dt(.plainText("Survey answers, under disclosure control")),
                    .dd(.plainText(model.surveyAnswers)))),
            .p(.a(.href(SiteURL.impactRollUp.path), .plainText("What the alliance's projects show")))
        )
    }

    private static func narratives(_ model: Model) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("From first sighting to an answer")),
            .p(
                .plainText(
                    "Narratives hubs logged as rumours or online narratives, and how long after the first sighting an answer was published: a story under the narrative's topic, or a library resource the narrative links to. Months, whole weeks and small numbers of hubs are shown rather than days, so no hub's sighting can be dated or picked out."
                )),
            model.narratives.isEmpty
                ? .p(.plainText("No hub has linked an observation to a narrative yet."))
                : .scrollingTable(
                    label: "Time to an answer",
                    .table(
                        .class("table"),
                        .caption(
                            .class("visually-hidden"), .plainText("Time from first sighting to a published answer")),
                        .thead(
                            .tr(
                                .columnHeader("Narrative"), .columnHeader("First logged"), .columnHeader("Hubs"),
                                .columnHeader("Answer"))),
                        .tbody(
                            .forEach(model.narratives) { timing in
                                .tr(
                                    .rowHeader(timing.title),
                                    .td(.plainText(timing.firstSeenMonth)),
                                    .td(.plainText(timing.hubs < 3 ? "1 or 2" : String(timing.hubs))),
                                    .td(.plainText(answer(timing))))
                            })
                    ))
        )
    }

    static func answer(_ timing: NarrativeTiming) -> String {
        if timing.answeredBefore != nil { return "Ready before it was first logged" }
        guard let days = timing.days, let kind = timing.answerKind else { return "No answer published yet" }
        let weeks = days / 7
        return (weeks == 0 ? "Within a week" : "After " + Wording.count(weeks, "week", "weeks")) + ": \(kind)"
    }

    private static func coverage(_ model: Model) -> Node<HTML.BodyContext> {
        let count = model.uncovered.reduce(0) { $0 + $1.names.count }
        return .group(
            .h2(.plainText("Coverage")),
            .p(
                .plainText(
                    "\(count) of England's \(model.englandAreas) council areas have no listed organisation working in them."
                )),
            .if(
                count > 0,
                .element(
                    named: "details",
                    nodes: [
                        .class("details"),
                        .element(named: "summary", nodes: [.plainText("The council areas, by region")]),
                        .forEach(model.uncovered) { region in
                            .group(.h3(.plainText(region.region)), .p(.plainText(region.names.joined(separator: ", "))))
                        },
                    ]))
        )
    }
}
