import Fluent
import Vapor

struct StoryDTO: Content, Sendable {
    let slug: String
    let title: String
    let summary: String
    /// The story in Markdown, as its author wrote it.
    let body: String
    let hub: String
    let organisation: String?
    let kindOfWork: String
    let themes: [String]
    let hotTopics: [String]
    /// ISO 8601, UTC.
    let publishedAt: String
    let url: String
}

struct StoryListDTO: Content, Sendable {
    let data: [StoryDTO]
    let meta: ListMeta
    let links: ListLinks
}

/// A new draft as the API takes it; the same checks as the site's form.
struct StoryInputDTO: Content, Sendable {
    var title: String?
    var summary: String?
    var body: String?
    var hub: String?
    var organisation: String?
    var kindOfWork: String?
    var themes: [String]?
    var hotTopics: [String]?

    var draft: StoryDraft {
        // The same cleaning as the site's forms: no control characters reach the database.
        func line(_ value: String?) -> String { FormText.clean(value ?? "", keepNewlines: false) }
        func text(_ value: String?) -> String { FormText.clean(value ?? "", keepNewlines: true) }
        return StoryDraft(
            title: line(title), summary: text(summary), body: text(body), hub: line(hub),
            organisation: line(organisation),
            kindOfWork: line(kindOfWork), themes: Set((themes ?? []).map(line)),
            hotTopics: Set((hotTopics ?? []).map(line)))
    }

    static func problems(_ errors: FormErrors) -> [FieldProblem] {
        errors.items.map { item in
            let field: String
            switch item.field {
            case let key where key.hasPrefix("kind_of_work"): field = "kindOfWork"
            case "hot_topics": field = "hotTopics"
            default: field = item.field
            }
            return FieldProblem(field: field, message: item.message)
        }
    }
}

struct StoryDraftDTO: Content, Sendable {
    let slug: String
    let title: String
    let status: String
    /// Where the author adds consents and sends the story for review.
    let manageURL: String
}

/// Published public stories to read, and story drafts to start with a bearer token. Drafts go
/// through the same consent and review workflow as on the site before anyone can read them.
struct StoriesAPI {
    func list(req: Request) async throws -> StoryListDTO {
        _ = try APIPaging.requestedPage(req)
        let query = StoryQuery(req)
        let found = try await StoryFinder.find(query, scope: .public, on: req.db)
        let base = req.application.publicBaseURL
        let (meta, links) = APIPaging.meta(page: query.page, size: StoryQuery.pageSize, total: found.total) {
            var parameters = query.parameters
            parameters["page"] = String($0)
            return base + SiteURL.apiStories.with(query: parameters)
        }
        return StoryListDTO(data: found.stories.map { Self.dto($0, base: base) }, meta: meta, links: links)
    }

    func story(req: Request) async throws -> StoryDTO {
        guard let slug = req.parameters.get("storySlug"),
            let story = try await Story.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound, reason: "There is no published story with that slug.") }
        let consents = try await story.consents(on: req.db)
        guard StoryAudience.isReadable(story, consents: consents, by: .public) else {
            if story.firstPublishedAt != nil, !StoryAudience.isReadable(story, consents: consents, by: .alliance) {
                throw Abort(.gone, reason: "This story has been taken down.")
            }
            throw Abort(.notFound, reason: "There is no published story with that slug.")
        }
        let page = try await StoryAsPublished.load(story, consents: consents, req: req)
        return StoryDTO(
            slug: story.slug, title: page.version.title, summary: page.version.summary, body: page.version.body,
            hub: page.hub.slug, organisation: page.organisation?.slug, kindOfWork: page.kindOfWork,
            themes: page.themes, hotTopics: page.hotTopics,
            publishedAt: DisplayDate.iso8601(story.publishedAt ?? Date()),
            url: req.application.publicBaseURL + SiteURL.story(story.slug).path)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let draft = try req.content.decode(StoryInputDTO.self).draft
        let hubs = Set(try await Hub.query(on: req.db).all().map(\.slug))
        let organisations = Set(
            try await Organisation.query(on: req.db)
                .join(OrganisationMembership.self, on: \OrganisationMembership.$organisation.$id == \Organisation.$id)
                .filter(OrganisationMembership.self, \.$user.$id == user.id).all().map(\.slug))
        let errors = draft.validate(knownHubs: hubs, knownOrganisations: organisations)
        guard errors.isEmpty else { throw ValidationProblem(problems: StoryInputDTO.problems(errors)) }
        let story = try await StoryWorkflow(req: req).create(draft, author: user)
        let dto = StoryDraftDTO(
            slug: story.slug, title: story.title, status: story.status.rawValue,
            manageURL: req.application.publicBaseURL + SiteURL.manageStory(story.slug).path)
        let response = try await dto.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteURL.manageStory(story.slug).path)
        return response
    }

    static func dto(_ story: PublishedStory, base: String) -> StoryDTO {
        StoryDTO(
            slug: story.slug, title: story.title, summary: story.summary, body: story.body, hub: story.hubSlug,
            organisation: nil, kindOfWork: story.kindOfWork, themes: story.themes, hotTopics: story.hotTopics,
            publishedAt: DisplayDate.iso8601(story.publishedAt),
            url: base + SiteURL.story(story.slug).path)
    }
}
