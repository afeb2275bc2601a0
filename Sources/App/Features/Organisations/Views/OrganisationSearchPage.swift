import Plot
import Vapor

/// `/organisations`: search the directory of organisations. The result list and the filter form
/// are shared with the directory's combined search (`DirectorySearchPage`).
enum OrganisationSearchPage {
    struct Model: Sendable {
        let page: PageContext
        let query: DirectoryQuery
        let results: DirectoryResults
        /// The rendered `filterForm`, which the handler may have remembered for this search.
        let filterForm: String
        var canAddOrganisation = false
    }

    static func view(_ model: Model) -> HTML {
        let query = model.query
        let results = model.results
        let heading = query.isEmpty ? "Organisations" : "Organisations matching your search"
        return Layout(title: heading, page: model.page).render(
            .h1(.plainText(heading)),
            .p(
                .class("lead lead--not-on-phone"),
                .plainText(
                    "Groups, charities, councils, faith bodies, schools and researchers doing good relations work across England."
                )),
            .if(
                model.canAddOrganisation,
                .p(
                    .a(
                        .class("button button--secondary"), .href(SiteURL.newOrganisation.path),
                        .plainText("Add an organisation")))),
            .div(
                .class("search-layout"),
                .raw(model.filterForm),
                .div(
                    .class("search-results"),
                    resultList(query: query, results: results, base: .organisations, heading: nil))
            )
        )
    }

    /// The count, the page of organisations and links to other pages; `base` is the page the
    /// search lives on. `heading` names the list where a page shows more than organisations.
    static func resultList(query: DirectoryQuery, results: DirectoryResults, base: SiteURL, heading: String?) -> Node<
        HTML.BodyContext
    > {
        let pageCount = Paged<Never>.pageCount(total: results.total, size: DirectoryQuery.pageSize)
        let count = results.total == 1 ? "1 organisation" : "\(results.total) organisations"
        return .group(
            .h2(
                .class("results-count"), .attribute(named: "id", value: "results"),
                .plainText(heading.map { "\($0) (\(results.total))" } ?? count)),
            .if(results.listings.isEmpty, noResults(query, base: base)),
            .ol(
                .class("result-list"),
                .forEach(results.listings) { organisation in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                .plainText(organisation.name))),
                        .p(.class("result__summary"), .plainText(organisation.summary)),
                        .unwrap(workLabels(organisation).isEmpty ? nil : workLabels(organisation)) { labels in
                            .p(.class("result__meta"), .plainText(labels))
                        },
                        .if(!organisation.isPublic, .p(.class("tag"), .plainText("Visible to alliance members only")))
                    )
                }
            ),
            .if(
                pageCount > 1,
                Pagination.links(page: query.page, pageCount: pageCount, label: "Pages of organisations") { number in
                    base.with(query: query.parameters(changing: "page", to: number == 1 ? nil : String(number)))
                })
        )
    }

    /// The words and filters, with how many organisations each choice would find. Depends only on
    /// the search and the counts, so it can be rendered once per search and state of the directory.
    static func filterForm(query: DirectoryQuery, results: DirectoryResults, action: SiteURL, label: String) -> String {
        let chosen = query.terms.count + (query.hub == nil ? 0 : 1) + (query.area == nil ? 0 : 1)
        let form: Node<HTML.BodyContext> =
            .form(
                .class("search-form"), .method(.get), .action(action.path.attributeEscaped),
                .attribute(named: "role", value: "search"),
                .attribute(named: "aria-label", value: label.attributeEscaped),
                .div(
                    .class("form-group"),
                    .label(.class("label"), .for("q"), .plainText("Search by name or description")),
                    .input(.class("input"), .type(.search), .id("q"), .name("q"), .value(query.text.attributeEscaped))
                ),
                // Open as sent, so the filters work without script; on a phone the script folds them
                // behind this one control, so the first result is on the first screen.
                .element(
                    named: "details",
                    nodes: [
                        .class("filters"), .attribute(named: "open", value: "open"),
                        .element(
                            named: "summary",
                            nodes: [
                                .class("filters__toggle"),
                                .plainText(chosen == 0 ? "Filter" : "Filter (\(chosen) chosen)"),
                            ]),
                        .div(
                            .class("filters__body"),
                            filterSelect(
                                name: "hub", label: "Hub", selected: query.hub,
                                options: results.hubs.map { hub in
                                    (hub.slug, hub.name, results.hubCounts[hub.id] ?? 0)
                                }),
                            .forEach(Vocabulary.allCases) { vocabulary in
                                filterSelect(
                                    name: vocabulary.rawValue, label: vocabulary.title,
                                    selected: query.terms[vocabulary],
                                    options: vocabulary.terms.map { term in
                                        (term.code, term.label, results.termCounts[vocabulary]?[term.code] ?? 0)
                                    })
                            },
                            filterSelect(
                                name: "area", label: "Area served", selected: query.area,
                                options: LocalAuthorities.all.compactMap { area in
                                    let count = results.areaCounts[area.code] ?? 0
                                    return count > 0 || query.area == area.code ? (area.code, area.name, count) : nil
                                })
                        ),
                    ]),
                .button(.type(.submit), .class("button"), .plainText("Search")),
                .if(!query.isEmpty, .p(.a(.href(action.path.attributeEscaped), .plainText("Clear the search"))))
            )
        return form.render()
    }

    private static func workLabels(_ organisation: DirectoryListing) -> String {
        organisation.methodCodes.compactMap { Vocabulary.method.label(for: $0) }.sorted().joined(separator: " · ")
    }

    private static func filterSelect(name: String, label: String, selected: String?, options: [(String, String, Int)])
        -> Node<HTML.FormContext>
    {
        Forms.select(
            name: name, label: label, empty: "Any", options: options.map { ($0.0, "\($0.1) (\($0.2))") },
            selected: selected)
    }

    private static func noResults(_ query: DirectoryQuery, base: SiteURL) -> Node<HTML.BodyContext> {
        .div(
            .class("no-results"),
            .p(.strong(.plainText("No organisations match this search."))),
            .p(.plainText("You could:")),
            .ul(
                .class("bullet-list"),
                .li(.plainText("check the spelling, or use fewer or more general words")),
                .if(
                    query.terms.count + (query.hub == nil ? 0 : 1) + (query.area == nil ? 0 : 1) > 0,
                    .li(
                        .plainText(
                            "remove a filter: the numbers beside each choice show how many organisations it would find")
                    )),
                .li(.a(.href(base.path.attributeEscaped), .plainText("start again with every organisation"))),
                .li(.plainText("ask your hub's stewards: not every group is listed yet"))
            )
        )
    }
}
