import Foundation
import Plot

/// Pieces shared by the practice bank, narratives and the library.
enum CuratedViews {
    static func termSummary(_ terms: [Vocabulary: [String]], vocabularies: [Vocabulary]) -> Node<HTML.BodyContext> {
        let rows = vocabularies.compactMap { vocabulary -> (String, String)? in
            let labels = (terms[vocabulary] ?? []).compactMap { vocabulary.label(for: $0) }
            return labels.isEmpty ? nil : (vocabulary.pluralTitle, labels.joined(separator: ", "))
        }
        return .if(
            !rows.isEmpty,
            .dl(
                .class("summary-list"),
                .forEach(rows) { row in
                    .div(.class("summary-list__row"), .dt(.plainText(row.0)), .dd(.plainText(row.1)))
                }))
    }

    /// The options of a vocabulary, for a filter or a group of checkboxes.
    static func options(_ vocabulary: Vocabulary) -> [(value: String, label: String)] {
        vocabulary.terms.map { ($0.code, $0.label) }
    }
}

/// The filters and results of a curated list page (the practice bank, the library): a filter form
/// beside the results, their count, and pages whose links keep the filters.
struct FilteredResults {
    /// One drop-down of the filter form, whose first choice is "Any".
    struct Filter {
        let name: String
        let label: String
        let options: [(value: String, label: String)]
        let selected: String?
    }

    /// The list page itself, where the form is sent and the pages link.
    let address: SiteURL
    let formLabel: String
    let filters: [Filter]
    /// The filters chosen, as the address's query.
    let parameters: [String: String]
    /// The link back to the whole list, shown once a filter is chosen.
    let showAllText: String
    let countText: String
    let emptyText: String
    let paginationLabel: String

    func node<Item>(_ paged: Paged<Item>, results: Node<HTML.BodyContext>) -> Node<HTML.BodyContext> {
        .div(
            .class("search-layout"),
            .form(
                .class("search-form"), .method(.get), .action(address.path.attributeEscaped),
                .attribute(named: "role", value: "search"),
                .attribute(named: "aria-label", value: formLabel.attributeEscaped),
                .forEach(filters) { filter in
                    Forms.select(
                        name: filter.name, label: filter.label, empty: "Any", options: filter.options,
                        selected: filter.selected)
                },
                .button(.type(.submit), .class("button"), .plainText("Filter")),
                .if(!parameters.isEmpty, .p(.a(.href(address.path.attributeEscaped), .plainText(showAllText))))
            ),
            .div(
                .class("search-results"),
                .h2(.class("results-count"), .plainText(countText)),
                .if(paged.items.isEmpty, .p(.plainText(emptyText))),
                results,
                .if(
                    paged.pageCount > 1,
                    Pagination.links(page: paged.page, pageCount: paged.pageCount, label: paginationLabel) { number in
                        pageLink(number)
                    })
            )
        )
    }

    /// The first page has no number in its address, so a filtered list has one address.
    private func pageLink(_ number: Int) -> String {
        var query = parameters
        if number > 1 { query["page"] = String(number) }
        return address.with(query: query)
    }
}
