import Plot

/// `/stories`: published stories this reader may see, searched and filtered, a page at a time.
enum StoryListPage {
    struct Model: Sendable {
        let page: PageContext
        let query: StoryQuery
        let stories: Paged<PublishedStory>
        /// Every hub, for the filter.
        let hubs: [Hub]
        let canDraftStory: Bool
        let canSeeOwnStories: Bool
        let canReviewStories: Bool
    }

    static func view(_ model: Model) -> HTML {
        let query = model.query
        let stories = model.stories.items
        let total = model.stories.total
        let pageCount = model.stories.pageCount
        let feeds: [Node<HTML.HeadContext>] =
            [StoryViews.feedLink(title: "All stories", url: SiteURL.storiesFeed)]
            + (query.hub.map { [StoryViews.feedLink(title: "Stories from this hub", url: .hubStoriesFeed($0))] } ?? [])
            + (query.theme.map { [StoryViews.feedLink(title: "Stories on this theme", url: .themeStoriesFeed($0))] }
                ?? [])
        return Layout(
            title: "Stories", page: model.page,
            description: "Stories of people building good relations between communities across England.", head: feeds
        ).render(
            .h1(.plainText("Stories")),
            .p(
                .class("lead"),
                .plainText(
                    "The quiet work of good relations rarely makes the news. These stories are told with the consent of everyone in them, and checked by a steward of the hub before they appear."
                )),
            .div(
                .class("button-group"),
                .if(
                    model.canDraftStory,
                    .a(.class("button button--secondary"), .href(SiteURL.newStory.path), .plainText("Tell a story"))),
                .if(model.canSeeOwnStories, .a(.href(SiteURL.myStories.path), .plainText("Your stories"))),
                .if(model.canReviewStories, .a(.href(SiteURL.storyReviews.path), .plainText("Stories to review"))),
                .a(.href(SiteURL.storiesFeed.path), .plainText("Follow new stories (Atom feed)"))
            ),
            .div(
                .class("search-layout"),
                .form(
                    .class("search-form"), .method(.get), .action(SiteURL.stories.path),
                    .attribute(named: "role", value: "search"),
                    .attribute(named: "aria-label", value: "Search stories"),
                    .div(
                        .class("form-group"),
                        .label(.class("label"), .for("q"), .plainText("Words in the story")),
                        searchBox(query.text)),
                    Forms.select(
                        name: "hub", label: "Hub", empty: "Any", options: model.hubs.map { ($0.slug, $0.name) },
                        selected: query.hub),
                    Forms.select(
                        name: "theme", label: "Theme", empty: "Any",
                        options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, selected: query.theme),
                    Forms.select(
                        name: "topic", label: "Hot topic", empty: "Any",
                        options: HotTopic.allCases.map { ($0.rawValue, $0.label) }, selected: query.hotTopic),
                    Forms.select(
                        name: "work", label: "Kind of work", empty: "Any",
                        options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label) }, selected: query.kindOfWork),
                    .button(.type(.submit), .class("button"), .plainText("Search")),
                    .if(!query.isEmpty, .p(.a(.href(SiteURL.stories.path), .plainText("Clear the search"))))
                ),
                .div(
                    .class("search-results"),
                    .h2(.class("results-count"), .plainText(total == 1 ? "1 story" : "\(total) stories")),
                    .if(
                        stories.isEmpty,
                        .div(
                            .class("no-results"),
                            .p(.strong(.plainText("No stories match."))),
                            .p(
                                .plainText(
                                    "Try fewer words or remove a filter. Stories appear only once everyone in them has agreed and a steward has checked them, so there may be fewer than the work deserves."
                                ))
                        )),
                    .ol(
                        .class("result-list"),
                        .forEach(stories) { StoryViews.result($0) }),
                    .if(
                        pageCount > 1,
                        Pagination.links(page: query.page, pageCount: pageCount, label: "Pages of stories") { number in
                            var parameters = query.parameters
                            if number > 1 { parameters["page"] = String(number) }
                            return SiteURL.stories.with(query: parameters)
                        })
                )
            )
        )
    }

    private static func searchBox(_ text: String) -> Node<HTML.FormContext> {
        .input(.class("input"), .type(.search), .id("q"), .name("q"), .value(text.attributeEscaped))
    }
}
