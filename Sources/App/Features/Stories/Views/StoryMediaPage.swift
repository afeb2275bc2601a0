import Plot

/// `/stories/{slug}/media`: a printable summary for journalists, for stories whose every consent
/// includes the media.
enum StoryMediaPage {
    struct Model: Sendable {
        let page: PageContext
        let story: StoryAsPublished
        /// The site's public address, written out in full for print.
        let baseURL: String
    }

    static func view(_ model: Model) -> HTML {
        let published = model.story
        let quotes = Markdown.quotes(in: published.version.body)
        let base = model.baseURL
        return Layout(
            title: "Media kit: \(published.version.title)", page: model.page, description: published.version.summary
        )
        .render(
            .p(
                .class("no-print"),
                .a(.href(SiteURL.story(published.story.slug).path.attributeEscaped), .plainText("Back to the story"))),
            .h1(.plainText("Media kit: \(published.version.title)")),
            .p(.class("lead"), .plainText(published.version.summary)),
            .h2(.plainText("In short")),
            .p(
                .plainText(
                    StoryViews.byline(published) + ". " + (Vocabulary.kindOfWork.label(for: published.kindOfWork) ?? "")
                        + ".")),
            .h2(.plainText("Quotes")),
            .if(
                quotes.isEmpty,
                .p(.plainText("This story has no quotes set apart. Please quote from the story itself."))),
            .forEach(quotes) { quote in .blockquote(.class("quote"), .p(.plainText(quote))) },
            .h2(.plainText("Contact")),
            .p(
                .plainText("For interviews or more detail, contact the \(published.hub.name) hub through its page: "),
                .a(
                    .href(SiteURL.hub(published.hub.slug).path.attributeEscaped),
                    .plainText(base + SiteURL.hub(published.hub.slug).path)),
                .plainText(". The hub will ask the people in the story before passing on any request.")),
            .unwrap(published.organisation?.contactEmail) { email in
                .p(
                    .plainText("\(published.organisation?.name ?? "The organisation") can also be reached at "),
                    .a(.href("mailto:\(email)".attributeEscaped), .plainText(email)), .plainText("."))
            },
            .h2(.plainText("Terms of use")),
            .ul(
                .class("bullet-list"),
                .li(
                    .plainText(
                        "You may quote and summarise this story, crediting \"Bridgework and the \(published.hub.name) hub\" and linking to \(base + SiteURL.story(published.story.slug).path)."
                    )),
                .li(
                    .plainText(
                        "Do not change the meaning of quotes, and do not add names, places or pictures that could identify the people in it."
                    )),
                .li(
                    .plainText(
                        "Everyone in the story agreed to its use by the media. Consent can be withdrawn: check the story's page still exists on the day you publish, and remove it from anything you keep online if it does not."
                    )),
                .li(.plainText("The photo, if there is one, may be used only with this story and its description."))
            ),
            .p(
                .class("no-print"),
                .plainText("Use your browser's print command to print this page or save it as a PDF."))
        )
    }
}
