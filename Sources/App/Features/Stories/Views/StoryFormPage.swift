import Plot

/// `/stories/new` and `/stories/{slug}/edit`: what an author types for a story.
enum StoryFormPage {
    struct Model: Sendable {
        let page: PageContext
        var draft: StoryDraft
        /// The story being edited, or nil for a new one.
        let story: Story?
        let hubs: [Hub]
        /// The organisations this author may link the story to.
        let organisations: [Organisation]
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let draft = model.draft
        let story = model.story
        let title = story == nil ? "Tell a story" : "Edit your story"
        let action = story.map { SiteURL.editStory($0.slug) } ?? .newStory
        let firstWork = Vocabulary.kindOfWork.terms.first?.code ?? ""
        // Radio groups are linked from the error summary through their first option.
        let errors = model.errors.renamed("kind_of_work", to: "kind_of_work-\(firstWork)")
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Stories are about real people, so they are published only with the consent of everyone in them and after a steward of your hub has read them. You add consents on the next page."
                )),
            .if(
                story?.status == .published,
                .div(
                    .class("inset"),
                    .p(
                        .plainText(
                            "This story is published. When you save, your changes go to the hub's stewards; readers keep seeing the published version until they approve the new one."
                        )))),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
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
                    name: "hub", label: "Hub", empty: "Choose a hub", options: model.hubs.map { ($0.slug, $0.name) },
                    selected: draft.hub.isEmpty ? nil : draft.hub, error: errors["hub"]),
                Forms.select(
                    name: "organisation", label: "Organisation (optional)", empty: "None",
                    options: model.organisations.map { ($0.slug, $0.name) },
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
}
