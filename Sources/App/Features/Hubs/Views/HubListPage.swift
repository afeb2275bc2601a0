import Plot
import Vapor

/// `/hubs`: every hub by region, and a map of the council areas they serve.
enum HubListPage {
    struct Model: Sendable {
        let page: PageContext
        /// By region, then name.
        let hubs: [Hub]
        /// Each hub's council areas, by hub id.
        let areaCodesByHub: [UUID: [String]]
        /// Each hub's colour on the map, by hub id.
        let colours: [UUID: String]
        /// The map as SVG, drawn by `CoverageMap`.
        let map: String
        let peopleCounts: [UUID: Int]
        let organisationCounts: [UUID: Int]
    }

    static func view(_ model: Model) -> HTML {
        let regions = Array(Set(model.hubs.map(\.region))).sorted()
        let servedCount = Set(model.areaCodesByHub.values.joined()).count
        return Layout(title: "Hubs", page: model.page).render(
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
                        .raw(model.map),
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
                    unreached(servedCodes: Set(model.areaCodesByHub.values.joined())),
                    .forEach(regions) { region in
                        .group(
                            .h2(.plainText(region)),
                            .ul(
                                .class("hub-cards"),
                                .forEach(model.hubs.filter { $0.region == region }) { hub in
                                    card(hub, model: model)
                                })
                        )
                    }
                )
            )
        )
    }

    /// The council areas no hub serves yet, by region, folded away: the gaps the alliance can fill.
    /// Rendered once for each set of areas served: listing some 300 areas was a tenth of the page.
    private static func unreached(servedCodes: Set<String>) -> Node<HTML.BodyContext> {
        .raw(renderedGaps.result(for: servedCodes.sorted().joined(separator: ",")) { gaps(servedCodes).render() })
    }

    private static let renderedGaps = Memo<String>(capacity: 16)

    private static func gaps(_ servedCodes: Set<String>) -> Node<HTML.BodyContext> {
        let unserved = LocalAuthorities.all.filter { !servedCodes.contains($0.code) }
        guard !unserved.isEmpty else {
            return .p(.plainText("Every council area in England has a hub."))
        }
        let regions = Array(Set(unserved.map(\.region))).sorted()
        return .details(
            .class("details unreached"),
            .summary(
                .class("details__summary"),
                .plainText(
                    "The \(Wording.count(unserved.count, "council area", "council areas")) no hub reaches yet")),
            .div(
                .class("details__text"),
                .p(
                    .plainText(
                        "If you work in one of these areas, you can still join the nearest hub, or talk to the national team about starting one."
                    )),
                .forEach(regions) { region in
                    let names = unserved.filter { $0.region == region }.map(\.name)
                    return .group(
                        .h3(.class("unreached__region"), .plainText("\(region) (\(names.count))")),
                        .p(.class("unreached__areas"), .plainText(names.joined(separator: ", ")))
                    )
                }
            )
        )
    }

    private static func card(_ hub: Hub, model: Model) -> Node<HTML.ListContext> {
        let id = hub.id ?? UUID()
        let areaNames = (model.areaCodesByHub[id] ?? []).compactMap { LocalAuthorities.name(for: $0) }.sorted()
        let counts =
            countText(model.peopleCounts[id] ?? 0, "member", "members") + " · "
            + countText(model.organisationCounts[id] ?? 0, "organisation", "organisations")
        return .li(
            .class("hub-card"),
            .h3(
                .class("hub-card__title"),
                .span(
                    .class("swatch swatch--\(colourName(model.colours[id]))"),
                    .attribute(named: "aria-hidden", value: "true")),
                .a(.href(SiteURL.hub(hub.slug).path.attributeEscaped), .plainText(hub.name))
            ),
            .p(.plainText(hub.summary)),
            .p(.class("hub-card__meta"), .plainText(counts)),
            .if(
                !areaNames.isEmpty,
                .p(.class("hub-card__meta"), .plainText("Areas: " + areaNames.joined(separator: ", "))))
        )
    }

    /// Swatch colours are classes in the stylesheet (no inline styles under the content policy).
    static func colourName(_ hex: String?) -> String {
        guard let hex, let index = CoverageMap.palette.firstIndex(of: hex) else { return "none" }
        return String(index)
    }

    static func countText(_ count: Int, _ singular: String, _ plural: String) -> String {
        Wording.count(count, singular, plural)
    }
}
