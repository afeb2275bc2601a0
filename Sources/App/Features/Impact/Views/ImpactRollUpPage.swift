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
                    "Good relations projects \(place) ask the people who take part the same short questions before and after, about how they mix, trust and feel towards people from other backgrounds. This page adds up how many changed for the better, stayed the same or changed for the worse, across every project, so that no one project or person can be picked out."
                )),
            .p(.class("hint"), .plainText(Disclosure.publishedNote)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Projects")), .dd(.plainText(String(rollUp.projects)))),
                .div(.dt(.plainText("Organisations")), .dd(.plainText(String(rollUp.organisations)))),
                .div(
                    .dt(.plainText("Survey answers")),
                    .dd(.plainText(rollUp.people.text)))),
            .if(rollUp.lines.isEmpty, .p(.plainText("No paired answers yet."))),
            .if(
                !rollUp.lines.isEmpty,
                .table(
                    .class("table"),
                    .caption(
                        .plainText(
                            "People who answered before and after, by indicator: of the people counted, how many improved, stayed the same or got worse, as a share in words or a rounded count"
                        )),
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
                                .td(.plainText(line.counts.whole.text)),
                                .forEach(0..<3) { .td(.plainText(line.counts.cell($0))) })
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
