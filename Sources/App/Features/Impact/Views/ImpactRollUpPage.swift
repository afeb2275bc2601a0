import Foundation
import Plot
import Statistics

/// `/impact` and `/hubs/{slug}/impact`: what projects across England, or in one hub, show, added up
/// under disclosure control.
enum ImpactRollUpPage {
    struct Model: Sendable {
        let page: PageContext
        let title: String
        /// Where the projects are, as the page says it: "across England", "in Riverside".
        let place: String
        let rollUp: ImpactReportController.RollUp
        /// The hub, for a hub's page.
        let hub: Hub?
    }

    static func view(_ model: Model) -> HTML {
        let title = model.title
        let place = model.place
        let rollUp = model.rollUp
        return Layout(
            title: title, page: model.page,
            description: "Changes measured by good relations projects \(place), added up under disclosure control."
        ).render(
            .unwrap(model.hub) { .p(.a(.href(SiteURL.hub($0.slug).path.attributeEscaped), .plainText($0.name))) },
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "What people told projects \(place), before and after taking part, added up across projects. Only totals are shown: counts are rounded to the nearest 5 and counts under 8 are hidden, so no one project or person can be picked out."
                )),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Projects")), .dd(.plainText(String(rollUp.projects)))),
                .div(.dt(.plainText("Organisations")), .dd(.plainText(String(rollUp.organisations)))),
                .div(
                    .dt(.plainText("Survey answers")),
                    .dd(.plainText(rollUp.people.map { "about \($0)" } ?? "fewer than 8")))),
            .if(rollUp.lines.isEmpty, .p(.plainText("No paired answers yet."))),
            .if(
                !rollUp.lines.isEmpty,
                .table(
                    .class("table"),
                    .caption(.plainText("People who answered before and after, by indicator")),
                    .thead(
                        .tr(
                            .columnHeader("Indicator"), .columnHeader("Projects"), .columnHeader("People"),
                            .columnHeader("Improved"), .columnHeader("Stayed the same"), .columnHeader("Got worse"))),
                    .tbody(
                        .forEach(rollUp.lines) { line in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"),
                                    .plainText("\(line.name) (\(line.code))")),
                                .td(.plainText(String(line.projects))),
                                .td(.plainText(line.pairs.map(String.init) ?? "fewer than 8")),
                                .forEach(line.counts) { .td(.plainText($0.map(String.init) ?? "hidden")) })
                        })
                )),
            .p(
                .class("hint"),
                .plainText(
                    "Only indicators from the shared library are added up: an organisation's own and local indicators ask different things in different places."
                )),
            .p(.a(.href(SiteURL.indicators.path), .plainText("About the indicators")))
        )
    }
}
