import Plot
import Vapor

/// `/search`: one search box over the whole directory. Everyone searches organisations; signed-in
/// members also find practitioners, as far as each person chose to be found.
struct DirectorySearchController {
    /// How many practitioners the combined page shows before linking to the full list.
    static let practitionerPreview = 5

    func search(req: Request) async throws -> Response {
        let query = DirectoryQuery(req)
        let signedIn = req.seesMembersOnly
        let results = try await DirectorySearch.run(
            query, signedIn: signedIn, on: req.db, index: req.application.directoryIndex)
        var searchKey = query
        searchKey.page = 1
        let form = req.application.directoryIndex.fragment(
            "search-filters", for: searchKey, signedIn: signedIn, generation: results.generation
        ) {
            OrganisationViews.filterForm(query: query, results: results, action: .search, label: "Search the directory")
        }
        var practitioners: DirectorySearchView.Practitioners? = nil
        if let viewer = req.currentUser {
            let criteria = PractitionerSearch.Criteria(
                text: query.text, hub: query.hub, method: query.terms[.method], theme: query.terms[.theme])
            let found = try await PractitionerSearch.run(
                criteria, viewer: viewer.id, page: 1, pageSize: Self.practitionerPreview, on: req.db)
            practitioners = .init(criteria: criteria, profiles: found.profiles, total: found.total)
        }
        return DirectorySearchView.page(
            req, query: query, results: results, filterForm: form, practitioners: practitioners
        ).response()
    }
}

enum DirectorySearchView {
    struct Practitioners {
        let criteria: PractitionerSearch.Criteria
        let profiles: [Profile]
        let total: Int
    }

    static func page(
        _ request: Request, query: DirectoryQuery, results: DirectoryResults, filterForm: String,
        practitioners: Practitioners?
    ) -> HTML {
        let heading = query.isEmpty ? "Search the directory" : "Search results"
        return Layout(title: heading, request: request).render(
            .h1(.plainText(heading)),
            .p(
                .class("lead"),
                .plainText(
                    practitioners == nil
                        ? "Find organisations doing good relations work across England. Members can sign in to find practitioners too."
                        : "Find organisations and practitioners doing good relations work across England.")),
            .div(
                .class("search-layout"),
                .raw(filterForm),
                .div(
                    .class("search-results"),
                    OrganisationViews.resultList(
                        query: query, results: results, base: .search, heading: "Organisations"),
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
            PeopleViews.resultList(found.profiles),
            .if(
                found.total > found.profiles.count,
                .p(.a(.href(SiteURL.people.with(query: parameters).attributeEscaped), .plainText("See all \(count)"))))
        )
    }
}
