import Plot
import Vapor

/// `/search`: organisations for everyone, and practitioners for those signed in.
enum DirectorySearchPage {
    /// The first few practitioners a search finds, and how many there are.
    struct Practitioners: Sendable {
        let criteria: PractitionerSearch.Criteria
        let profiles: [Profile]
        let total: Int
    }

    struct Model: Sendable {
        let page: PageContext
        let query: DirectoryQuery
        let results: DirectoryResults
        /// The rendered filter form, which the handler may have remembered for this search.
        let filterForm: String
        /// Nil for visitors, who are asked to sign in instead.
        let practitioners: Practitioners?
    }

    static func view(_ model: Model) -> HTML {
        let query = model.query
        let practitioners = model.practitioners
        let heading = query.isEmpty ? "Search the directory" : "Search results"
        return Layout(title: heading, page: model.page).render(
            .h1(.plainText(heading)),
            .p(
                .class("lead lead--not-on-phone"),
                .plainText(
                    practitioners == nil
                        ? "Find organisations doing good relations work across England. Members can sign in to find practitioners too."
                        : "Find organisations and practitioners doing good relations work across England.")),
            .div(
                .class("search-layout"),
                .raw(model.filterForm),
                .div(
                    .class("search-results"),
                    OrganisationSearchPage.resultList(
                        query: query, results: model.results, base: .search, heading: "Organisations"),
                    .unwrap(practitioners) { practitionerSection($0, query: query) },
                    .if(
                        practitioners == nil,
                        .p(
                            .a(
                                .href(
                                    SiteURL.signIn.with(query: ["next": SiteURL.search.with(query: query.parameters())])
                                        .attributeEscaped),
                                .plainText("Sign in to search practitioners as well"))))
                )
            )
        )
    }

    private static func practitionerSection(_ found: Practitioners, query: DirectoryQuery) -> Node<HTML.BodyContext> {
        var parameters: [String: String] = [:]
        if !found.criteria.text.isEmpty { parameters["q"] = found.criteria.text }
        if let hub = found.criteria.hub { parameters["hub"] = hub }
        if let method = found.criteria.method { parameters["method"] = method }
        if let theme = found.criteria.theme { parameters["theme"] = theme }
        let ignored =
            [Vocabulary.sector, .kindOfWork].filter { query.terms[$0] != nil }.map(\.title.localizedLowercase)
            + (query.area == nil ? [] : ["area served"])
        let count = found.total == 1 ? "1 practitioner" : "\(found.total) practitioners"
        return .section(
            .class("results-section"),
            .attribute(named: "aria-labelledby", value: "practitioners"),
            .h2(.class("results-count"), .id("practitioners"), .plainText("Practitioners (\(found.total))")),
            .if(
                !ignored.isEmpty,
                .p(
                    .class("hint"),
                    .plainText(
                        "People are found by words, hub, method and theme; the \(ignored.joined(separator: " and ")) filter applies to organisations only."
                    ))),
            .if(
                found.profiles.isEmpty,
                .p(
                    .plainText(
                        "No practitioners match. Only people who chose to be found by alliance members are listed."))),
            PractitionerSearchPage.resultList(found.profiles),
            .if(
                found.total > found.profiles.count,
                .p(.a(.href(SiteURL.people.with(query: parameters).attributeEscaped), .plainText("See all \(count)"))))
        )
    }
}
