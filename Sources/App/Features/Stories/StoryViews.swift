import Plot

/// What the story pages share. The larger pages are in `Views/`; the lists for authors and
/// stewards are below.
enum StoryViews {
    static func feedLink(title: String, url: SiteURL) -> Node<HTML.HeadContext> {
        .link(
            .rel(.alternate), .type("application/atom+xml"), .attribute(named: "title", value: title.attributeEscaped),
            .href(url.path.attributeEscaped))
    }

    /// Where a story comes from and when it was published, as the page and the media kit say it.
    static func byline(_ published: StoryAsPublished) -> String {
        var parts = ["Told through the \(published.hub.name) hub"]
        if let organisation = published.organisation { parts.append("with \(organisation.name)") }
        if let day = published.story.publishedAt { parts.append("published \(DisplayDate.day(day))") }
        return parts.joined(separator: ", ")
    }

    /// A story in a list: its title, summary, hub and day, and a thumbnail of its photo where a
    /// steward has approved one. Story lists, hub pages, the front page and the press page show
    /// stories this one way.
    static func result(_ story: PublishedStory, extra: Node<HTML.BodyContext> = .empty) -> Node<HTML.ListContext> {
        let meta = [story.hubName + " hub", DisplayDate.day(story.publishedAt)].joined(separator: " · ")
        return .li(
            .class(story.hasPhoto ? "result result--with-thumb" : "result"),
            .div(
                .class("result__text"),
                .h3(
                    .class("result__title"),
                    .a(.href(SiteURL.story(story.slug).path.attributeEscaped), .plainText(story.title))),
                .p(.class("result__summary"), .plainText(story.summary)),
                .p(.class("result__meta"), .plainText(meta)),
                extra
            ),
            .if(
                story.hasPhoto,
                .img(
                    .class("result__thumb"), .src(SiteURL.storyPhoto(story.slug).path.attributeEscaped),
                    .alt((story.photoAlt ?? "").attributeEscaped), .attribute(named: "loading", value: "lazy"),
                    .attribute(named: "width", value: "160"), .attribute(named: "height", value: "120")))
        )
    }

    static func storyTable(_ stories: [Story], caption: String) -> Node<HTML.BodyContext> {
        .if(
            !stories.isEmpty,
            .table(
                .class("table"),
                .caption(.class("visually-hidden"), .plainText(caption)),
                .thead(
                    .tr(
                        .th(.plainText("Story")), .th(.plainText("Hub")), .th(.plainText("Status")),
                        .th(.plainText("Last changed")))),
                .tbody(
                    .forEach(stories) { story in
                        .tr(
                            .td(
                                .a(
                                    .href(SiteURL.manageStory(story.slug).path.attributeEscaped),
                                    .plainText(story.title))),
                            .td(.plainText(story.hub.name)),
                            .td(.plainText(story.status.label)),
                            .td(.plainText(DisplayDate.dateTime(story.updatedAt)))
                        )
                    })
            ))
    }
}

/// `/account/stories`: the stories this person is writing or wrote.
enum MyStoriesPage {
    struct Model: Sendable {
        let page: PageContext
        /// Most recently changed first, with their hubs loaded.
        let stories: [Story]
    }

    static func view(_ model: Model) -> HTML {
        let stories = model.stories
        return Layout(title: "Your stories", page: model.page).render(
            .h1(.plainText("Your stories")),
            .p(.a(.class("button"), .href(SiteURL.newStory.path), .plainText("Tell a story"))),
            .if(stories.isEmpty, .p(.plainText("You have not started a story yet."))),
            StoryViews.storyTable(stories, caption: "Stories you have written")
        )
    }
}

/// `/stories/review`: the stories waiting for this steward's review.
enum StoryReviewsPage {
    struct Model: Sendable {
        let page: PageContext
        /// Oldest first, with their hubs loaded.
        let stories: [Story]
        /// Whether this person reviews any hub's stories at all.
        let reviewsAnyHub: Bool
    }

    static func view(_ model: Model) -> HTML {
        let stories = model.stories
        let isReviewer = model.reviewsAnyHub
        return Layout(title: "Stories to review", page: model.page).render(
            .h1(.plainText("Stories to review")),
            .p(
                .class("lead"),
                .plainText(
                    isReviewer
                        ? "Stories sent by authors in the hubs you steward. Read each, check its consents, then publish it or return it with a note."
                        : "Stewards review stories before they are published. You are not a steward of any hub, so there is nothing here for you to review."
                )),
            .if(isReviewer && stories.isEmpty, .p(.plainText("Nothing is waiting for review."))),
            .if(!stories.isEmpty, StoryViews.storyTable(stories, caption: "Stories waiting for review"))
        )
    }
}

extension FormErrors {
    /// The same errors with one field's message filed under another id, for groups of radios
    /// whose error summary must link to the first option.
    func renamed(_ field: String, to id: String) -> FormErrors {
        var copy = FormErrors()
        for item in items { copy.add(item.field == field ? id : item.field, item.message) }
        return copy
    }
}
