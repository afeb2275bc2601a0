import Plot
import Vapor

/// `/people`: finding practitioners who chose to be found by members.
enum PractitionerSearchPage {
    struct Model: Sendable {
        let page: PageContext
        let search: PeopleController.Search
        /// This page of them, by name.
        let profiles: [Profile]
        let total: Int
        let pageSize: Int
        /// Every hub, for the hub filter.
        let hubs: [Hub]
    }

    static func view(_ model: Model) -> HTML {
        let search = model.search
        let total = model.total
        let pageCount = Paged<Never>.pageCount(total: total, size: model.pageSize)
        func link(_ page: Int) -> String {
            var query = search.parameters
            if page > 1 { query["page"] = String(page) }
            return SiteURL.people.with(query: query)
        }
        return Layout(title: "Practitioners", page: model.page).render(
            .h1(.plainText("Practitioners")),
            .p(
                .class("lead"),
                .plainText(
                    "People who do good relations work and have chosen to be found by alliance members. Look for someone who has faced what you face, or who would be a critical friend."
                )),
            .div(
                .class("search-layout"),
                .form(
                    .class("search-form"), .method(.get), .action(SiteURL.people.path),
                    .attribute(named: "role", value: "search"),
                    .attribute(named: "aria-label", value: "Search practitioners"),
                    .div(
                        .class("form-group"),
                        .label(.class("label"), .for("q"), .plainText("Name, role or skill")),
                        .input(
                            .class("input"), .type(.search), .id("q"), .name("q"), .value(search.text.attributeEscaped))
                    ),
                    Forms.select(
                        name: "hub", label: "Hub", empty: "Any", options: model.hubs.map { ($0.slug, $0.name) },
                        selected: search.hub),
                    select(name: "method", label: "Method", vocabulary: .method, selected: search.method),
                    select(name: "theme", label: "Theme", vocabulary: .theme, selected: search.theme),
                    Forms.checkbox(
                        name: "critical_friend", label: "Open to being a critical friend",
                        checked: search.criticalFriend),
                    .button(.type(.submit), .class("button"), .plainText("Search"))
                ),
                .div(
                    .class("search-results"),
                    .h2(.class("results-count"), .plainText(total == 1 ? "1 practitioner" : "\(total) practitioners")),
                    .if(
                        model.profiles.isEmpty,
                        .p(.plainText("No practitioners match. Try fewer words, or remove a filter."))
                    ),
                    resultList(model.profiles),
                    .if(
                        pageCount > 1,
                        Pagination.links(page: search.page, pageCount: pageCount, label: "Pages of results", link: link)
                    )
                )
            )
        )
    }

    /// Practitioners as a list of results, here and in the directory's combined search.
    static func resultList(_ profiles: [Profile]) -> Node<HTML.BodyContext> {
        .ol(
            .class("result-list"),
            .forEach(profiles) { profile in
                .li(
                    .class("result"),
                    .h3(
                        .class("result__title"),
                        .a(.href(SiteURL.person(profile.$user.id).path.attributeEscaped), .plainText(profile.user.name))
                    ),
                    .if(!profile.role.isEmpty, .p(.class("result__summary"), .plainText(profile.role))),
                    .if(
                        profile.criticalFriend,
                        .p(.class("result__meta"), .plainText("Open to being a critical friend"))))
            })
    }

    private static func select(name: String, label: String, vocabulary: Vocabulary, selected: String?) -> Node<
        HTML.FormContext
    > {
        Forms.select(
            name: name, label: label, empty: "Any", options: vocabulary.terms.map { ($0.code, $0.label) },
            selected: selected)
    }
}
