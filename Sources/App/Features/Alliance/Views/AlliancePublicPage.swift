import Plot

/// `/alliance/public`: the evidence briefing, for anyone to read, print or download as CSV.
/// Every figure says what it is out of and when it was counted.
enum AlliancePublicPage {
    struct Model: Sendable {
        let page: PageContext
        let asOf: String
        let figures: [BriefingFigure]
    }

    static func view(_ model: Model) -> HTML {
        let title = "The alliance in figures"
        let sections = model.figures.reduce(into: [String]()) { names, figure in
            if !names.contains(figure.section) { names.append(figure.section) }
        }
        return Layout(
            title: title, page: model.page,
            description:
                "An evidence briefing on the alliance's hubs, organisations, stories, events and measured change."
        ).render(
            .div(
                .class("briefing"),
                .h1(.plainText(title)),
                .p(
                    .class("lead"),
                    .plainText(
                        "An evidence briefing on the good relations alliance across England, made on \(model.asOf) from what anyone may already find on Bridgework and from totals under its disclosure rules."
                    )),
                .p(
                    .class("hint"),
                    .plainText(
                        "Counts of survey answers and attendance are rounded to the nearest 5, and counts from 1 to 7 are shown as \"fewer than 8\", so no project or person can be picked out. Tension figures appear only as the number of hubs at each level, for the weeks the national team chose to publish."
                    )),
                .ul(
                    .class("inline-list no-print"),
                    .li(.a(.href(SiteURL.alliancePublicCSV.path), .plainText("Download these figures (CSV)"))),
                    .li(.a(.href(SiteURL.impactRollUp.path), .plainText("What the alliance's projects show")))),
                .forEach(sections) { section in
                    let rows = model.figures.filter { $0.section == section }
                    return .group(
                        .h2(.plainText(section)),
                        .scrollingTable(
                            label: section,
                            .table(
                                .class("table"),
                                .caption(.class("visually-hidden"), .plainText(section)),
                                .thead(
                                    .tr(
                                        .columnHeader("Figure"), .columnHeader("Value"), .columnHeader("Out of"),
                                        .columnHeader("When"))),
                                .tbody(
                                    .forEach(rows) { figure in
                                        .tr(
                                            .rowHeader(figure.label), .td(.class("numeric"), .plainText(figure.value)),
                                            .td(.plainText(figure.base)), .td(.plainText(figure.period)))
                                    })
                            ))
                    )
                },
                .if(
                    !sections.contains(AllianceBriefing.tension),
                    .group(
                        .h2(.plainText(AllianceBriefing.tension)),
                        .p(.plainText("The national team has not published any week's tension figures."))))
            )
        )
    }
}
