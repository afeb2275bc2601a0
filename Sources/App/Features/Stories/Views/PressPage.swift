import Plot

/// `/press`: for journalists, the stories everyone in them agreed the media may use, each with its
/// media kit, and who to call.
enum PressPage {
    struct Model: Sendable {
        let page: PageContext
        /// Newest first; only stories whose every current consent includes the media.
        let stories: Paged<PublishedStory>
    }

    static func view(_ model: Model) -> HTML {
        let stories = model.stories
        let contact = model.page.contactEmail
        return Layout(
            title: "Press", page: model.page,
            description: "Stories of good relations work that journalists may use, with quotes and contacts."
        ).render(
            .h1(.plainText("Press")),
            .p(
                .class("lead"),
                .plainText(
                    "Good news about communities rarely makes the headlines. These stories are from people doing the work, and everyone in each one has agreed that the media may use it."
                )),
            .h2(.plainText("Contact")),
            .p(
                .plainText("For interviews, background or a local contact, write to the national team at "),
                .a(.href("mailto:" + contact.attributeEscaped), .plainText(contact)),
                .plainText(". Each story's media kit also names the hub to contact.")),
            .h2(.plainText(Wording.count(stories.total, "story you may use", "stories you may use"))),
            .if(
                stories.items.isEmpty,
                .p(
                    .plainText(
                        "There are no stories cleared for the media yet. Stories appear here only when everyone in them has agreed to it."
                    ))),
            .ul(
                .class("result-list"),
                .forEach(stories.items) { story in
                    StoryViews.result(
                        story,
                        extra: .p(
                            .a(
                                .href(SiteURL.storyMedia(story.slug).path.attributeEscaped),
                                .plainText("Media kit"),
                                .span(.class("visually-hidden"), .plainText(" for ‘\(story.title)’")))))
                }),
            .if(
                stories.pageCount > 1,
                Pagination.links(page: stories.page, pageCount: stories.pageCount, label: "Pages of stories") {
                    number in
                    number > 1 ? SiteURL.press.with(query: ["page": String(number)]) : SiteURL.press.path
                })
        )
    }
}
