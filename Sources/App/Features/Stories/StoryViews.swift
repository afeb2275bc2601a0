import Foundation
import Plot
import Vapor

/// The pages of stories: list, story, media kit, the form, the workflow page, and the lists
/// for authors and stewards.
enum StoryViews {
    // MARK: List

    static func list(_ request: Request, query: StoryQuery, stories: [PublishedStory], total: Int, hubs: [Hub]) -> HTML
    {
        let pageCount = max(1, (total + StoryQuery.pageSize - 1) / StoryQuery.pageSize)
        let feeds: [Node<HTML.HeadContext>] =
            [feedLink(title: "All stories", url: SiteURL.storiesFeed)]
            + (query.hub.map { [feedLink(title: "Stories from this hub", url: .hubStoriesFeed($0))] } ?? [])
            + (query.theme.map { [feedLink(title: "Stories on this theme", url: .themeStoriesFeed($0))] } ?? [])
        return Layout(
            title: "Stories", request: request,
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
                    request.currentUser != nil,
                    .a(.class("button button--secondary"), .href(SiteURL.newStory.path), .plainText("Tell a story"))),
                .if(request.currentUser != nil, .a(.href(SiteURL.myStories.path), .plainText("Your stories"))),
                .if(
                    request.currentUser?.isCoordinator == true || request.currentUser?.stewardOfHubs.isEmpty == false,
                    .a(.href(SiteURL.storyReviews.path), .plainText("Stories to review"))),
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
                        .input(
                            .class("input"), .type(.search), .id("q"), .name("q"), .value(query.text.attributeEscaped))),
                    Forms.select(
                        name: "hub", label: "Hub", empty: "Any", options: hubs.map { ($0.slug, $0.name) },
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
                        .forEach(stories) { story in
                            .li(
                                .class("result"),
                                .h3(
                                    .class("result__title"),
                                    .a(.href(SiteURL.story(story.slug).path.attributeEscaped), .plainText(story.title))),
                                .p(.class("result__summary"), .plainText(story.summary)),
                                .p(
                                    .class("result__meta"),
                                    .plainText(
                                        [story.hubName + " hub", DisplayDate.day(story.publishedAt)].joined(
                                            separator: " · "))))
                        }),
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

    static func feedLink(title: String, url: SiteURL) -> Node<HTML.HeadContext> {
        .link(
            .rel(.alternate), .type("application/atom+xml"), .attribute(named: "title", value: title.attributeEscaped),
            .href(url.path.attributeEscaped))
    }

    // MARK: One story

    static func show(_ request: Request, page: StoryPage) -> HTML {
        let base = request.application.publicBaseURL
        let version = page.version
        let url = base + SiteURL.story(page.story.slug).path
        let isPublic = page.allowedScope >= .public
        let photoURL =
            page.story.photoApproved && page.story.photoType != nil
            ? base + SiteURL.storyPhoto(page.story.slug).path : nil
        var head: [Node<HTML.HeadContext>] = [
            feedLink(title: "All stories", url: .storiesFeed),
            feedLink(title: "Stories from the \(page.hub.name) hub", url: .hubStoriesFeed(page.hub.slug)),
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
                        .content((page.story.photoAlt ?? "").attributeEscaped)))
            }
        }
        return Layout(title: version.title, request: request, description: version.summary, head: head).render(
            .p(.a(.href(SiteURL.stories.path), .plainText("All stories"))),
            .article(
                .h1(.plainText(version.title)),
                .if(
                    page.allowedScope == .alliance,
                    .p(.class("tag"), .plainText("Shared with alliance members only, as the people in it asked"))),
                .p(.class("lead"), .plainText(version.summary)),
                .p(.class("result__meta byline"), .plainText(byline(page))),
                .unwrap(photoURL) { _ in
                    .element(
                        named: "figure",
                        nodes: [
                            .class("story-photo"),
                            .img(
                                .src(SiteURL.storyPhoto(page.story.slug).path.attributeEscaped),
                                .alt((page.story.photoAlt ?? "").attributeEscaped)),
                        ])
                },
                Markdown.node(version.body),
                .h2(.plainText("About this story")),
                .dl(
                    .class("summary-list"),
                    row("Hub", .a(.href(SiteURL.hub(page.hub.slug).path.attributeEscaped), .plainText(page.hub.name))),
                    .unwrap(page.organisation) { organisation in
                        row(
                            "Organisation",
                            .a(
                                .href(SiteURL.organisation(organisation.slug).path.attributeEscaped),
                                .plainText(organisation.name)))
                    },
                    row(
                        "Kind of work", .plainText(Vocabulary.kindOfWork.label(for: page.kindOfWork) ?? page.kindOfWork)
                    ),
                    .if(
                        !page.themes.isEmpty,
                        row(
                            "Themes",
                            .group(
                                page.themes.enumerated().map { index, code in
                                    .group(
                                        .if(index > 0, .plainText(", ")),
                                        .a(
                                            .href(SiteURL.stories.with(query: ["theme": code]).attributeEscaped),
                                            .plainText(Vocabulary.theme.label(for: code) ?? code)))
                                }))),
                    .if(
                        !page.hotTopics.isEmpty,
                        row(
                            "Hot topics",
                            .plainText(
                                page.hotTopics.compactMap { HotTopic(rawValue: $0)?.label }.joined(separator: ", "))))
                ),
                .if(
                    page.allowedScope == .media,
                    .p(
                        .a(
                            .href(SiteURL.storyMedia(page.story.slug).path.attributeEscaped),
                            .plainText("Media kit: a printable summary with quotes and terms of use")))),
                .if(
                    page.canFollow,
                    .p(
                        .a(
                            .href(SiteURL.manageStory(page.story.slug).path.attributeEscaped),
                            .plainText("Consents, versions and review for this story"))))
            ),
            .if(isPublic, .raw(jsonLD(page, url: url, photoURL: photoURL, base: base)))
        )
    }

    private static func byline(_ page: StoryPage) -> String {
        var parts = ["Told through the \(page.hub.name) hub"]
        if let organisation = page.organisation { parts.append("with \(organisation.name)") }
        if let published = page.story.publishedAt { parts.append("published \(DisplayDate.day(published))") }
        return parts.joined(separator: ", ")
    }

    private static func row(_ term: String, _ value: Node<HTML.BodyContext>) -> Node<HTML.DescriptionListContext> {
        .div(.class("summary-list__row"), .dt(.plainText(term)), .dd(value))
    }

    static func jsonLD(_ page: StoryPage, url: String, photoURL: String?, base: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": page.version.title,
            "description": page.version.summary,
            "url": url,
            "mainEntityOfPage": url,
            "isAccessibleForFree": true,
            "author": ["@type": "Organization", "name": page.organisation?.name ?? "\(page.hub.name) hub, Bridgework"],
            "publisher": ["@type": "Organization", "name": "Bridgework", "url": base + "/"],
            "about": page.themes.compactMap { Vocabulary.theme.label(for: $0) },
        ]
        let iso = ISO8601DateFormatter()
        if let published = page.story.publishedAt { object["datePublished"] = iso.string(from: published) }
        if let modified = page.version.createdAt {
            object["dateModified"] = iso.string(from: max(modified, page.story.publishedAt ?? modified))
        }
        if let photoURL { object["image"] = photoURL }
        return JSONLD.script(object)
    }

    // MARK: Media kit

    static func media(_ request: Request, page: StoryPage) -> HTML {
        let quotes = Markdown.quotes(in: page.version.body)
        let base = request.application.publicBaseURL
        return Layout(title: "Media kit: \(page.version.title)", request: request, description: page.version.summary)
            .render(
                .p(
                    .class("no-print"),
                    .a(.href(SiteURL.story(page.story.slug).path.attributeEscaped), .plainText("Back to the story"))),
                .h1(.plainText("Media kit: \(page.version.title)")),
                .p(.class("lead"), .plainText(page.version.summary)),
                .h2(.plainText("In short")),
                .p(.plainText(byline(page) + ". " + (Vocabulary.kindOfWork.label(for: page.kindOfWork) ?? "") + ".")),
                .h2(.plainText("Quotes")),
                .if(
                    quotes.isEmpty,
                    .p(.plainText("This story has no quotes set apart. Please quote from the story itself."))),
                .forEach(quotes) { quote in .blockquote(.class("quote"), .p(.plainText(quote))) },
                .h2(.plainText("Contact")),
                .p(
                    .plainText("For interviews or more detail, contact the \(page.hub.name) hub through its page: "),
                    .a(
                        .href(SiteURL.hub(page.hub.slug).path.attributeEscaped),
                        .plainText(base + SiteURL.hub(page.hub.slug).path)),
                    .plainText(". The hub will ask the people in the story before passing on any request.")),
                .unwrap(page.organisation?.contactEmail) { email in
                    .p(
                        .plainText("\(page.organisation?.name ?? "The organisation") can also be reached at "),
                        .a(.href("mailto:\(email)".attributeEscaped), .plainText(email)), .plainText("."))
                },
                .h2(.plainText("Terms of use")),
                .ul(
                    .class("bullet-list"),
                    .li(
                        .plainText(
                            "You may quote and summarise this story, crediting \"Bridgework and the \(page.hub.name) hub\" and linking to \(base + SiteURL.story(page.story.slug).path)."
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

    // MARK: The form

    static func form(
        _ request: Request, draft: StoryDraft, story: Story?, hubs: [Hub], organisations: [Organisation],
        errors: FormErrors
    ) -> HTML {
        let title = story == nil ? "Tell a story" : "Edit your story"
        let action = story.map { SiteURL.editStory($0.slug) } ?? .newStory
        let firstWork = Vocabulary.kindOfWork.terms.first?.code ?? ""
        // Radio groups are linked from the error summary through their first option.
        let errors = errors.renamed("kind_of_work", to: "kind_of_work-\(firstWork)")
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Stories are about real people, so they are published only with the consent of everyone in them and after a steward of your hub has read them. You add consents on the next page."
                )),
            .if(
                story?.currentStatus == .published,
                .div(
                    .class("inset"),
                    .p(
                        .plainText(
                            "This story is published. When you save, your changes go to the hub's stewards; readers keep seeing the published version until they approve the new one."
                        )))),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
                Forms.input(
                    .init(
                        name: "title", label: "Title", value: draft.title,
                        hint: "Up to \(StoryDraft.limits.title) characters."), errors: errors),
                Forms.textarea(
                    name: "summary", label: "Summary", value: draft.summary,
                    hint: "One or two sentences: what happened, and why it matters.", rows: 3, errors: errors),
                Forms.textarea(
                    name: "body", label: "The story", value: draft.body,
                    hint:
                        "Write in plain words. You can use Markdown: a blank line between paragraphs, *italics*, **bold**, [a link](https://example.org), and a line starting with > for a quote. Use the names or pseudonyms the people in it agreed to.",
                    rows: 16, errors: errors),
                Forms.select(
                    name: "hub", label: "Hub", empty: "Choose a hub", options: hubs.map { ($0.slug, $0.name) },
                    selected: draft.hub.isEmpty ? nil : draft.hub, error: errors["hub"]),
                Forms.select(
                    name: "organisation", label: "Organisation (optional)", empty: "None",
                    options: organisations.map { ($0.slug, $0.name) },
                    selected: draft.organisation.isEmpty ? nil : draft.organisation, error: errors["organisation"]),
                Forms.radios(
                    name: "kind_of_work", legend: "Kind of work",
                    options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label, nil) },
                    selected: draft.kindOfWork, errors: errors),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: draft.themes, errors: errors,
                    groupID: "themes"),
                Forms.checkboxes(
                    name: "hot_topics", legend: "Hot topics (optional)",
                    hint: "Tick any divisive subject the story helps answer.",
                    options: HotTopic.allCases.map { ($0.rawValue, $0.label) }, checked: draft.hotTopics,
                    errors: errors, groupID: "hot_topics"),
                Forms.submit(story == nil ? "Save draft" : "Save changes")
            )
        )
    }

    // MARK: The workflow page

    struct ManagePage {
        let story: Story
        let hub: Hub
        let terms: [StoryTerm]
        let consents: [StoryConsent]
        let versions: [StoryVersion]
        let canEdit: Bool
        let canReview: Bool
        let consentForm: ConsentForm
        let errors: FormErrors
        let typedReason: String
        let typedDecision: String?
        let typedAlt: String
    }

    static func manage(_ request: Request, page: ManagePage) -> HTML {
        let story = page.story
        let today = UKDate.today()
        let errors = page.errors.renamed("decision", to: "decision-publish").renamed("scope", to: "scope-internal")
            .renamed("consents", to: "submit")
        let allowed = StoryAudience.allowedScope(page.consents, today: today)
        let status = story.currentStatus
        return Layout(title: "Your story: \(story.title)", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .span(.class("caption"), .plainText("Story in the \(page.hub.name) hub")),
            .h1(.plainText(story.title)),
            .div(
                .class("status-panel"),
                .h2(.plainText("Status: \(status.label)")),
                .if(
                    status == .submitted && story.publishedVersionID != nil,
                    .p(
                        .plainText(
                            "Readers still see the version published earlier while the stewards review this one."))),
                .unwrap(story.returnReason) { reason in
                    .group(
                        .h3(.plainText(status == .returned ? "What the steward said" : "Earlier note")),
                        .p(.class("reason"), .plainText(reason)))
                },
                .p(.plainText(audienceSentence(allowed, consents: page.consents))),
                .if(
                    StoryAudience.isReadable(story, consents: page.consents, by: .alliance),
                    .p(
                        .a(
                            .href(SiteURL.story(story.slug).path.attributeEscaped),
                            .plainText("See the published story"))))
            ),
            .if(
                page.canEdit,
                .p(
                    .class("button-group"),
                    .a(
                        .class("button button--secondary"), .href(SiteURL.editStory(story.slug).path.attributeEscaped),
                        .plainText("Edit the story")))),
            .if(
                page.canEdit && [.draft, .returned].contains(status),
                .form(
                    .method(.post), .action(SiteURL.submitStory(story.slug).path.attributeEscaped), .id("submit"),
                    Forms.csrfField(request),
                    .unwrap(errors["submit"]) {
                        .p(
                            .class("error-message"), .id("submit-error"),
                            .span(.class("visually-hidden"), .plainText("Error: ")), .plainText($0))
                    },
                    Forms.submit("Send to the hub's stewards for review")
                )),
            .if(page.canReview && status == .submitted, reviewForm(request, page: page, errors: errors)),

            .h2(.id("consents-heading"), .plainText("Consents")),
            .p(
                .plainText(
                    "Record one consent for each person in the story. The story can be shared only as widely as the narrowest consent allows, and only while every consent stands."
                )),
            .table(
                .class("table"),
                .caption(.class("visually-hidden"), .plainText("Consents for this story")),
                .thead(
                    .tr(
                        .th(.plainText("Person")), .th(.plainText("May be shared with")), .th(.plainText("How given")),
                        .th(.plainText("Given")), .th(.plainText("Ends")), .th(.plainText("Standing")),
                        .th(.plainText("Action")))),
                .tbody(
                    .forEach(page.consents) { consent in
                        .tr(
                            .td(.plainText(consent.person)),
                            .td(.plainText(consent.consentScope.shortLabel)),
                            .td(.plainText(consent.howGiven)),
                            .td(.plainText(consent.givenOn)),
                            .td(.plainText(consent.expiresOn ?? "No end date")),
                            .td(
                                .plainText(
                                    consent.withdrawnAt != nil
                                        ? "Withdrawn \(DisplayDate.day(consent.withdrawnAt!))"
                                        : consent.isCurrent(today: today) ? "Current" : "Ended")),
                            .td(
                                .if(
                                    consent.withdrawnAt == nil,
                                    .form(
                                        .method(.post),
                                        .action(
                                            SiteURL.withdrawConsent(story.slug, consent.id ?? UUID()).path
                                                .attributeEscaped),
                                        Forms.csrfField(request),
                                        .button(
                                            .type(.submit), .class("button button--warning button--small"),
                                            .plainText("Withdraw"),
                                            .span(
                                                .class("visually-hidden"),
                                                .plainText(" the consent of \(consent.person)")))
                                    )))
                        )
                    })
            ),
            .if(page.consents.isEmpty, .p(.plainText("No consents recorded yet."))),
            .if(page.canEdit, consentForm(request, story: story, form: page.consentForm, errors: errors)),

            .if(page.canEdit, photoSection(request, page: page, errors: errors)),

            .h2(.plainText("Preview of the latest version")),
            .div(
                .class("preview"),
                .p(.class("lead"), .plainText(story.summary)),
                Markdown.node(story.body)),

            .h2(.plainText("Versions")),
            .ol(
                .class("versions"),
                .forEach(page.versions) { version in
                    .li(
                        .plainText(
                            "Version \(version.number), saved \(DisplayDate.dateTime(version.createdAt))"
                                + (version.savedBy.map { " by \($0.name)" } ?? "")
                                + (version.id == story.publishedVersionID ? " (published)" : "")))
                })
        )
    }

    private static func audienceSentence(_ allowed: ConsentScope?, consents: [StoryConsent]) -> String {
        guard let allowed else {
            return consents.isEmpty
                ? "Nobody can read this story yet: it needs a consent for each person in it."
                : "As the consents stand, this story cannot be published: every consent must be current and allow at least alliance members to read it."
        }
        return "As the consents stand, it may be shared with: \(allowed.label.lowercased())."
    }

    private static func reviewForm(_ request: Request, page: ManagePage, errors: FormErrors) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.reviewStory(page.story.slug).path.attributeEscaped), .class("review-form"),
            Forms.csrfField(request),
            Forms.hidden("version", String(page.versions.first?.number ?? 0)),
            .h2(.plainText("Your review")),
            .p(
                .plainText(
                    "Check that everyone in the story has consented, that nobody can be identified who has not, and that it is fair to the people and groups it describes."
                )),
            Forms.radios(
                name: "decision", legend: "Your decision",
                options: [
                    ("publish", "Publish it", "It goes out to everyone the consents allow, and its author is told."),
                    (
                        "return", "Return it to the author",
                        "They see your note and can change the story and send it again."
                    ),
                ], selected: page.typedDecision ?? "", errors: errors),
            Forms.textarea(
                name: "reason", label: "Note to the author", value: page.typedReason,
                hint: "Needed when you return the story. Say what to change.", rows: 4, errors: errors),
            Forms.submit("Send your decision")
        )
    }

    private static func consentForm(_ request: Request, story: Story, form: ConsentForm, errors: FormErrors) -> Node<
        HTML.BodyContext
    > {
        .form(
            .method(.post), .action(SiteURL.storyConsents(story.slug).path.attributeEscaped), .class("consent-form"),
            .id("consents"),
            Forms.csrfField(request),
            .h3(.plainText("Add a consent")),
            Forms.input(
                .init(
                    name: "person", label: "Name or pseudonym", value: form.person, hint: "As the story refers to them."
                ), errors: errors),
            Forms.radios(
                name: "scope", legend: "They agreed it may be shared with",
                options: ConsentScope.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: form.scope, errors: errors),
            Forms.input(
                .init(
                    name: "how_given", label: "How consent was given", value: form.howGiven,
                    hint: "For example: signed form kept by the project; spoken, recorded in the project log."),
                errors: errors),
            Forms.input(
                .init(
                    name: "given_on", label: "Date given", value: form.givenOn,
                    hint: "Year-month-day, for example 2026-03-27.", width: "input--width-10"), errors: errors),
            Forms.input(
                .init(
                    name: "expires_on", label: "End date (optional)", value: form.expiresOn,
                    hint: "If they agreed for a limited time. The story comes down on this date.",
                    width: "input--width-10"), errors: errors),
            Forms.submit("Add consent", secondary: true)
        )
    }

    private static func photoSection(_ request: Request, page: ManagePage, errors: FormErrors) -> Node<HTML.BodyContext>
    {
        let story = page.story
        return .section(
            .attribute(named: "aria-labelledby", value: "photo-heading"),
            .h2(.id("photo-heading"), .plainText("Photo (optional)")),
            .unwrap(story.photoType) { _ in
                .group(
                    .element(
                        named: "figure",
                        nodes: [
                            .class("story-photo story-photo--small"),
                            .img(
                                .src(SiteURL.storyPhoto(story.slug).path.attributeEscaped),
                                .alt((story.photoAlt ?? "").attributeEscaped)),
                        ]),
                    .if(
                        !story.photoApproved,
                        .p(
                            .class("hint"),
                            .plainText("Readers will see this photo once a steward has approved the story with it."))),
                    .form(
                        .method(.post), .action(SiteURL.removeStoryPhoto(story.slug).path.attributeEscaped),
                        Forms.csrfField(request), Forms.submit("Remove the photo", secondary: true))
                )
            },
            .form(
                .method(.post), .action(SiteURL.storyPhoto(story.slug).path.attributeEscaped), .enctype(.multipartData),
                Forms.csrfField(request),
                fileInput(errors: errors),
                Forms.input(
                    .init(
                        name: "photo_alt", label: "Describe the photo", value: page.typedAlt,
                        hint:
                            "For people who cannot see it, for example: Two teams of teenagers shaking hands after a football match."
                    ), errors: errors),
                Forms.submit(story.photoType == nil ? "Upload the photo" : "Replace the photo", secondary: true)
            )
        )
    }

    private static func fileInput(errors: FormErrors) -> Node<HTML.FormContext> {
        let error = errors["photo"]
        return .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"),
            .label(.class("label"), .for("photo"), .plainText("Photo")),
            .div(
                .id("photo-hint"), .class("hint"),
                .plainText(
                    "A JPEG or PNG up to 5 MB. We remove the location, the camera details and any other hidden information before storing it. Only use photos everyone in them agreed to."
                )),
            .unwrap(error) {
                .p(
                    .id("photo-error"), .class("error-message"),
                    .span(.class("visually-hidden"), .plainText("Error: ")), .plainText($0))
            },
            .input(
                .class("file-upload"), .type(.file), .id("photo"), .name("photo"),
                .attribute(named: "accept", value: "image/jpeg,image/png"),
                .attribute(
                    named: "aria-describedby",
                    value: (error == nil ? "photo-hint" : "photo-hint photo-error").attributeEscaped))
        )
    }

    // MARK: Lists for authors and stewards

    static func mine(_ request: Request, stories: [Story]) -> HTML {
        Layout(title: "Your stories", request: request).render(
            .h1(.plainText("Your stories")),
            .p(.a(.class("button"), .href(SiteURL.newStory.path), .plainText("Tell a story"))),
            .if(stories.isEmpty, .p(.plainText("You have not started a story yet."))),
            storyTable(stories, caption: "Stories you have written")
        )
    }

    static func reviews(_ request: Request, stories: [Story], isReviewer: Bool) -> HTML {
        Layout(title: "Stories to review", request: request).render(
            .h1(.plainText("Stories to review")),
            .p(
                .class("lead"),
                .plainText(
                    isReviewer
                        ? "Stories sent by authors in the hubs you steward. Read each, check its consents, then publish it or return it with a note."
                        : "Stewards review stories before they are published. You are not a steward of any hub, so there is nothing here for you to review."
                )),
            .if(isReviewer && stories.isEmpty, .p(.plainText("Nothing is waiting for review."))),
            .if(!stories.isEmpty, storyTable(stories, caption: "Stories waiting for review"))
        )
    }

    private static func storyTable(_ stories: [Story], caption: String) -> Node<HTML.BodyContext> {
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
                            .td(.plainText(story.currentStatus.label)),
                            .td(.plainText(DisplayDate.dateTime(story.updatedAt)))
                        )
                    })
            ))
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
