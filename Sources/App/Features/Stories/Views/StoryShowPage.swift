import Foundation
import Plot

/// `/stories/{slug}`: a published story as its consents allow this reader to see it.
enum StoryShowPage {
    struct Model: Sendable {
        let page: PageContext
        let story: StoryAsPublished
        /// The site's public address, for sharing tags and structured data.
        let baseURL: String
    }

    static func view(_ model: Model) -> HTML {
        let published = model.story
        let base = model.baseURL
        let version = published.version
        let url = base + SiteURL.story(published.story.slug).path
        let isPublic = published.allowedScope >= .public
        let photoURL =
            published.story.photoApproved && published.story.photoType != nil
            ? base + SiteURL.storyPhoto(published.story.slug).path : nil
        var head: [Node<HTML.HeadContext>] = [
            StoryViews.feedLink(title: "All stories", url: .storiesFeed),
            StoryViews.feedLink(
                title: "Stories from the \(published.hub.name) hub", url: .hubStoriesFeed(published.hub.slug)),
        ]
        if isPublic {
            head += [
                .meta(.attribute(named: "property", value: "og:type"), .content("article")),
                .meta(
                    .attribute(named: "property", value: "og:description"), .content(version.summary.attributeEscaped)),
                .meta(.attribute(named: "property", value: "og:url"), .content(url.attributeEscaped)),
                .meta(.attribute(named: "property", value: "og:site_name"), .content("Bridgework")),
                .meta(
                    .name("twitter:card"),
                    .content((photoURL == nil ? "summary" : "summary_large_image").attributeEscaped)),
            ]
            if let photoURL {
                head.append(
                    .meta(.attribute(named: "property", value: "og:image"), .content(photoURL.attributeEscaped)))
                head.append(
                    .meta(
                        .attribute(named: "property", value: "og:image:alt"),
                        .content((published.story.photoAlt ?? "").attributeEscaped)))
            }
        }
        return Layout(title: version.title, page: model.page, description: version.summary, head: head).render(
            .p(.a(.href(SiteURL.stories.path), .plainText("All stories"))),
            .article(
                .h1(.plainText(version.title)),
                .if(
                    published.allowedScope == .alliance,
                    .p(.class("tag"), .plainText("Shared with alliance members only, as the people in it asked"))),
                .p(.class("lead"), .plainText(version.summary)),
                .p(.class("result__meta byline"), .plainText(StoryViews.byline(published))),
                .unwrap(photoURL) { _ in
                    .element(
                        named: "figure",
                        nodes: [
                            .class("story-photo"),
                            .img(
                                .src(SiteURL.storyPhoto(published.story.slug).path.attributeEscaped),
                                .alt((published.story.photoAlt ?? "").attributeEscaped)),
                        ])
                },
                Markdown.node(version.body),
                .h2(.plainText("About this story")),
                .dl(
                    .class("summary-list"),
                    row(
                        "Hub",
                        .a(.href(SiteURL.hub(published.hub.slug).path.attributeEscaped), .plainText(published.hub.name))
                    ),
                    .unwrap(published.organisation) { organisation in
                        row(
                            "Organisation",
                            .a(
                                .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                .plainText(organisation.name)))
                    },
                    row(
                        "Kind of work",
                        .plainText(Vocabulary.kindOfWork.label(for: published.kindOfWork) ?? published.kindOfWork)
                    ),
                    .if(
                        !published.themes.isEmpty,
                        row(
                            "Themes",
                            .group(
                                published.themes.enumerated().map { index, code in
                                    .group(
                                        .if(index > 0, .plainText(", ")),
                                        .a(
                                            .href(SiteURL.stories.with(query: ["theme": code]).attributeEscaped),
                                            .plainText(Vocabulary.theme.label(for: code) ?? code)))
                                }))),
                    .if(
                        !published.hotTopics.isEmpty,
                        row(
                            "Hot topics",
                            .plainText(
                                published.hotTopics.compactMap { HotTopic(rawValue: $0)?.label }.joined(separator: ", ")
                            )))
                ),
                .if(isPublic, shareLinks(title: version.title, url: url)),
                .if(
                    published.allowedScope == .media,
                    .p(
                        .a(
                            .href(SiteURL.storyMedia(published.story.slug).path.attributeEscaped),
                            .plainText("Media kit: a printable summary with quotes and terms of use")))),
                .if(
                    published.canFollow,
                    .p(
                        .a(
                            .href(SiteURL.manageStory(published.story.slug).path.attributeEscaped),
                            .plainText("Consents, versions and review for this story"))))
            ),
            .if(isPublic, .raw(jsonLD(published, url: url, photoURL: photoURL, base: base)))
        )
    }

    /// Plain links to share a public story: no third-party script runs until the reader follows one.
    static func shareLinks(title: String, url: String) -> Node<HTML.BodyContext> {
        func encoded(_ text: String) -> String {
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        }
        let links: [(String, String)] = [
            ("Email", "mailto:?subject=\(encoded(title))&body=\(encoded(url))"),
            ("WhatsApp", "https://wa.me/?text=\(encoded(title + " " + url))"),
            ("Facebook", "https://www.facebook.com/sharer/sharer.php?u=\(encoded(url))"),
            ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=\(encoded(url))"),
            ("X (Twitter)", "https://twitter.com/intent/tweet?text=\(encoded(title))&url=\(encoded(url))"),
            ("Bluesky", "https://bsky.app/intent/compose?text=\(encoded(title + " " + url))"),
        ]
        return .div(
            .class("share"),
            .h2(.class("share__title"), .plainText("Share this story")),
            .ul(
                .class("share__list"),
                .forEach(links) { name, href in
                    .li(
                        .a(
                            .href(href.attributeEscaped), .attribute(named: "rel", value: "noopener"),
                            .plainText(name), .span(.class("visually-hidden"), .plainText(" (share this story)"))))
                })
        )
    }

    private static func row(_ term: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .div(.class("summary-list__row"), .dt(.plainText(term)), .dd(value))
    }

    static func jsonLD(_ published: StoryAsPublished, url: String, photoURL: String?, base: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": published.version.title,
            "description": published.version.summary,
            "url": url,
            "mainEntityOfPage": url,
            "isAccessibleForFree": true,
            "author": [
                "@type": "Organization",
                "name": published.organisation?.name ?? "\(published.hub.name) hub, Bridgework",
            ],
            "publisher": ["@type": "Organization", "name": "Bridgework", "url": base + "/"],
            "about": published.themes.compactMap { Vocabulary.theme.label(for: $0) },
        ]
        if let published = published.story.publishedAt { object["datePublished"] = DisplayDate.iso8601(published) }
        if let modified = published.version.createdAt {
            object["dateModified"] = DisplayDate.iso8601(max(modified, published.story.publishedAt ?? modified))
        }
        if let photoURL { object["image"] = photoURL }
        return JSONLD.script(object)
    }
}
