import Fluent
import Plot
import SQLKit
import Vapor

/// Stories: the public list and pages, the media kit, and the author's and stewards' workflow.
struct StoryController {
    // MARK: Reading

    func list(req: Request) async throws -> Response {
        let query = StoryQuery(req)
        let scope = StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly)
        let found = try await StoryFinder.find(query, scope: scope, on: req.db)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let user = req.currentUser
        let model = StoryListPage.Model(
            page: req.page, query: query,
            stories: Paged(items: found.stories, page: query.page, size: StoryQuery.pageSize, total: found.total),
            hubs: hubs, canDraftStory: Policy.can(user, .draftStory),
            canSeeOwnStories: Policy.can(user, .manageOwnAccount),
            canReviewStories: !Self.hubsReviewed(by: user, among: hubs).isEmpty)
        return StoryListPage.view(model).response()
    }

    /// `/press`: stories the media may use, a page at a time.
    func press(req: Request) async throws -> Response {
        var query = StoryQuery()
        query.page = StoryQuery(req).page
        let found = try await StoryFinder.find(query, scope: .media, on: req.db)
        let model = PressPage.Model(
            page: req.page,
            stories: Paged(items: found.stories, page: query.page, size: StoryQuery.pageSize, total: found.total))
        return PressPage.view(model).response()
    }

    /// The story as readers see it. A story its consents no longer allow answers 410 Gone once
    /// it has been published, so links to it say plainly that it was taken down.
    func show(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.consents(on: req.db)
        let scope = StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly)
        guard StoryAudience.isReadable(story, consents: consents, by: scope) else {
            throw try await unreadable(story, consents: consents, req: req)
        }
        let published = try await StoryAsPublished.load(story, consents: consents, req: req)
        let model = StoryShowPage.Model(page: req.page, story: published, baseURL: req.application.publicBaseURL)
        return StoryShowPage.view(model).response()
    }

    /// A printable page for journalists, only for stories whose every consent includes the media.
    func media(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.consents(on: req.db)
        guard StoryAudience.isReadable(story, consents: consents, by: .media) else {
            if StoryAudience.isReadable(
                story, consents: consents, by: StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly))
            {
                throw Abort(.notFound, reason: "Not everyone in this story agreed to its use by the media.")
            }
            throw try await unreadable(story, consents: consents, req: req)
        }
        let published = try await StoryAsPublished.load(story, consents: consents, req: req)
        let model = StoryMediaPage.Model(page: req.page, story: published, baseURL: req.application.publicBaseURL)
        return StoryMediaPage.view(model).response()
    }

    func photo(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.consents(on: req.db)
        let readable =
            story.photoApproved
            && StoryAudience.isReadable(
                story, consents: consents, by: StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly))
        let canFollow = Policy.can(
            req.currentUser, .followStory, try await StoryInWorkflow.policyResource(of: story, on: req.db))
        guard readable || canFollow,
            let photo = try await StoryPhoto.query(on: req.db).filter(\.$story.$id == story.requireID()).first()
        else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: photo.data))
        response.headers.contentType = HTTPMediaType(
            type: "image", subType: photo.contentType == "image/png" ? "png" : "jpeg")
        // Always checked again before reuse: a withdrawn consent must take the photo down at once,
        // and a members-only story's photo must never sit in a shared cache.
        response.headers.replaceOrAdd(
            name: .cacheControl,
            value: readable && StoryAudience.isReadable(story, consents: consents, by: .public)
                ? "no-cache" : "private, no-store")
        return response
    }

    // MARK: Drafting and editing

    func newForm(req: Request) async throws -> Response {
        StoryFormPage.view(try await formModel(req, draft: StoryDraft(), story: nil)).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let draft = StoryDraft(
            req.form, knownHubs: try await knownHubs(req),
            knownOrganisations: try await knownOrganisations(req, including: nil))
        let errors = draft.validate()
        guard errors.isEmpty else {
            return StoryFormPage.view(try await formModel(req, draft: draft, story: nil, errors: errors)).response(
                status: .unprocessableEntity)
        }
        let story = try await StoryWorkflow(req: req).create(draft, author: user)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.saved))
    }

    func editForm(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        return StoryFormPage.view(
            try await formModel(req, draft: try await Self.draft(of: story, on: req.db), story: story)
        ).response()
    }

    func update(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let story = try req.subject(StoryInWorkflow.self).story
        let current = try await story.$organisation.get(on: req.db)
        let draft = StoryDraft(
            req.form, knownHubs: try await knownHubs(req),
            knownOrganisations: try await knownOrganisations(req, including: current))
        let errors = draft.validate()
        guard errors.isEmpty else {
            return StoryFormPage.view(try await formModel(req, draft: draft, story: story, errors: errors)).response(
                status: .unprocessableEntity)
        }
        try await StoryWorkflow(req: req).update(story, with: draft, by: user)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.saved))
    }

    // MARK: The workflow page

    func manage(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        return StoryManagePage.view(try await manageModel(req, story: story)).response()
    }

    func addConsent(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        let form = req.form(ConsentForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return StoryManagePage.view(try await manageModel(req, story: story, consentForm: form, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        _ = try await StoryWorkflow(req: req).addConsent(form, to: story)
        return req.redirect(
            to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.consentAdded) + "#consents")
    }

    func withdrawConsent(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        guard let consentID = req.parameters.get("consentID", as: UUID.self),
            let consent = try await StoryConsent.query(on: req.db).filter(\.$id == consentID).filter(
                \.$story.$id == story.requireID()
            ).first()
        else { throw Abort(.notFound) }
        try await StoryWorkflow(req: req).withdraw(consent, from: story)
        return req.redirect(
            to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.consentWithdrawn))
    }

    func submit(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        do {
            try await StoryWorkflow(req: req).submit(story)
        } catch let refused as StoryStepRefused {
            var errors = FormErrors()
            errors.add(refused.field, refused.message)
            return StoryManagePage.view(try await manageModel(req, story: story, errors: errors)).response(
                status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.submitted))
    }

    func review(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        let form = req.form(StoryReviewForm.self)
        var errors = form.validate()
        if errors.isEmpty, let decision = form.decision {
            do {
                try await StoryWorkflow(req: req).review(
                    story, decision: decision, reason: form.reason, readVersion: form.readVersion)
                let notice: StoryNotice = decision == .publish ? .published : .returned
                return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: notice))
            } catch let refused as StoryStepRefused {
                errors.add(refused.field == "consents" ? "decision" : refused.field, refused.message)
            }
        }
        return StoryManagePage.view(try await manageModel(req, story: story, reviewForm: form, errors: errors))
            .response(status: .unprocessableEntity)
    }

    func uploadPhoto(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        // The file arrives in the same multipart form; the description is read like any other field.
        let file = try? req.content.get(File.self, at: "photo")
        let alt = req.form.text("photo_alt")
        var errors = FormErrors()
        var cleaned: PhotoCleaner.Cleaned? = nil
        if let file, file.data.readableBytes > 0 {
            do {
                cleaned = try PhotoCleaner.clean(Data(buffer: file.data))
            } catch {
                errors.add("photo", error.message)
            }
        } else {
            errors.add("photo", PhotoCleaner.Problem.empty.message)
        }
        if alt.isEmpty {
            errors.add("photo_alt", "Describe the photo for people who cannot see it")
        } else if alt.count > 300 {
            errors.add("photo_alt", "Keep the description to 300 characters or fewer")
        }
        guard errors.isEmpty, let cleaned else {
            return StoryManagePage.view(try await manageModel(req, story: story, errors: errors, typedAlt: alt))
                .response(
                    status: .unprocessableEntity)
        }
        try await StoryWorkflow(req: req).replacePhoto(of: story, with: cleaned, alt: alt)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.photoSaved))
    }

    func removePhoto(req: Request) async throws -> Response {
        let story = try req.subject(StoryInWorkflow.self).story
        try await StoryWorkflow(req: req).removePhoto(of: story)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(notice: StoryNotice.photoRemoved))
    }

    // MARK: Lists for authors and stewards

    func mine(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let stories = try await Story.query(on: req.db).filter(\.$author.$id == user.id).sort(\.$updatedAt, .descending)
            .with(\.$hub).all()
        return MyStoriesPage.view(.init(page: req.page, stories: stories)).response()
    }

    func reviews(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let reviewed = Self.hubsReviewed(by: user, among: try await Hub.query(on: req.db).all())
        let stories = try await Story.query(on: req.db).filter(\.$status == .submitted)
            .filter(\.$hub.$id ~~ reviewed.compactMap(\.id)).sort(\.$updatedAt).with(\.$hub).all()
        let model = StoryReviewsPage.Model(page: req.page, stories: stories, reviewsAnyHub: !reviewed.isEmpty)
        return StoryReviewsPage.view(model).response()
    }

    /// The hubs whose stories this person reviews, as the policy says hub by hub: the hubs they
    /// steward, or every hub for the national team.
    private static func hubsReviewed(by user: CurrentUser?, among hubs: [Hub]) -> [Hub] {
        hubs.filter { hub in
            guard let hubID = hub.id else { return false }
            return Policy.can(user, .stewardHub, .hub(hubID))
        }
    }

    // MARK: Helpers

    private func storyFromPath(_ req: Request) async throws -> Story {
        guard let slug = req.parameters.get("storySlug"),
            let story = try await Story.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return story
    }

    /// Why this reader cannot see the story: gone (410) if it was published and is no longer,
    /// otherwise not found, so unpublished work is not revealed.
    private func unreadable(_ story: Story, consents: [StoryConsent], req: Request) async throws -> Error {
        let membersCanRead = StoryAudience.isReadable(story, consents: consents, by: .alliance)
        if story.firstPublishedAt != nil, !membersCanRead {
            return Abort(
                .gone,
                reason:
                    "This story has been taken down. Stories leave Bridgework at once when someone in them withdraws their consent, or when it ends."
            )
        }
        return Abort(.notFound)
    }

    private func formModel(_ req: Request, draft: StoryDraft, story: Story?, errors: FormErrors = .init()) async throws
        -> StoryFormPage.Model
    {
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let current = try await story?.$organisation.get(on: req.db)
        let organisations = try await organisationChoices(req, including: current)
        return StoryFormPage.Model(
            page: req.page, draft: draft, story: story, hubs: hubs, organisations: organisations, errors: errors)
    }

    private func manageModel(
        _ req: Request, story: Story, consentForm: ConsentForm = .init(), reviewForm: StoryReviewForm = .init(),
        errors: FormErrors = .init(), typedAlt: String = ""
    ) async throws -> StoryManagePage.Model {
        let storyID = try story.requireID()
        let consents = try await StoryConsent.query(on: req.db).filter(\.$story.$id == storyID).sort(\.$createdAt).all()
        let versions = try await StoryVersion.query(on: req.db).filter(\.$story.$id == storyID).sort(
            \.$number, .descending
        ).with(\.$savedBy).all()
        let hub = try await story.$hub.get(on: req.db)
        let terms = try await story.terms(on: req.db)
        let resource = try await StoryInWorkflow.policyResource(of: story, on: req.db)
        let model = StoryManagePage.Model(
            page: req.page, story: story, hub: hub, terms: terms, consents: consents, versions: versions,
            today: UKDate.today(), canEdit: Policy.can(req.currentUser, .editStory, resource),
            canReview: Policy.can(req.currentUser, .reviewStory, resource), consentForm: consentForm,
            reviewForm: reviewForm, typedAlt: typedAlt, errors: errors)
        return model
    }

    private func knownHubs(_ req: Request) async throws -> Set<String> {
        Set(try await Hub.query(on: req.db).all().map(\.slug))
    }

    /// The organisations an author may link a story to: their own, and any already linked.
    private func organisationChoices(_ req: Request, including current: Organisation?) async throws -> [Organisation] {
        let user = try req.requireCurrentUser()
        var organisations = try await Organisation.query(on: req.db)
            .join(OrganisationMembership.self, on: \OrganisationMembership.$organisation.$id == \Organisation.$id)
            .filter(OrganisationMembership.self, \.$user.$id == user.id)
            .sort(\.$name).all()
        if user.isCoordinator {
            organisations = try await Organisation.query(on: req.db).sort(\.$name).limit(2_000).all()
        }
        if let current, !organisations.contains(where: { $0.id == current.id }) { organisations.append(current) }
        return organisations
    }

    private func knownOrganisations(_ req: Request, including current: Organisation?) async throws -> Set<String> {
        Set(try await organisationChoices(req, including: current).map(\.slug))
    }

    static func draft(of story: Story, on db: Database) async throws -> StoryDraft {
        let terms = try await story.terms(on: db)
        let hub = try await story.$hub.get(on: db)
        let organisation = try await story.$organisation.get(on: db)
        return StoryDraft(
            title: story.title, summary: story.summary, body: story.body, hub: hub.slug,
            organisation: organisation?.slug ?? "",
            kindOfWork: story.kindOfWork,
            themes: Set(terms.filter { $0.vocabulary == .theme }.map(\.code)),
            hotTopics: Set(terms.filter { $0.vocabulary == .hotTopic }.map(\.code)))
    }

}

/// Everything a story's public page and media kit show: the published version, filed as it was.
struct StoryAsPublished: Sendable {
    /// The hub or organisation a story is told through, as its pages name and link them.
    struct Host: Sendable, Equatable {
        let slug: String
        let name: String
        let contactEmail: String?
        let isPublic: Bool
    }

    let story: Story
    let version: StoryVersion
    let hub: Host
    let organisation: Host?
    let themes: [String]
    let hotTopics: [String]
    /// The kind of work as the published version files it.
    let kindOfWork: String
    let allowedScope: ConsentScope
    let canFollow: Bool

    static func load(_ story: Story, consents: [StoryConsent], req: Request) async throws -> StoryAsPublished {
        guard let versionID = story.publishedVersionID, let version = try await StoryVersion.find(versionID, on: req.db)
        else { throw Abort(.notFound) }
        // Filed as the published version is: a pending change of hub or topics is not shown yet.
        let filed = version.hubID != nil
        let organisationID = filed ? version.organisationID : story.$organisation.id
        let hosts = try await hosts(hubID: version.hubID ?? story.$hub.id, organisationID: organisationID, on: req.db)
        guard let hub = hosts.hub else { throw Abort(.notFound) }
        var organisation = hosts.organisation
        if let listed = organisation, !listed.isPublic, !req.seesMembersOnly { organisation = nil }
        let terms = filed ? [] : try await story.terms(on: req.db)
        return StoryAsPublished(
            story: story, version: version, hub: hub, organisation: organisation,
            themes: StoryVersion.codes(version.themes)
                ?? terms.filter { $0.vocabulary == .theme }.map(\.code).sorted(),
            hotTopics: StoryVersion.codes(version.hotTopics)
                ?? terms.filter { $0.vocabulary == .hotTopic }.map(\.code).sorted(),
            kindOfWork: version.kindOfWork ?? story.kindOfWork,
            allowedScope: StoryAudience.allowedScope(consents) ?? .internal,
            canFollow: Policy.can(
                req.currentUser, .followStory, .story(authorID: story.$author.id, hubID: story.$hub.id)))
    }

    /// The story's hub and organisation in one query of the columns its pages show.
    private static func hosts(hubID: UUID, organisationID: UUID?, on db: Database) async throws -> (
        hub: Host?, organisation: Host?
    ) {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var query: SQLQueryString = """
            SELECT 'hub' AS kind, slug, name, NULL AS contact_email, \(bind: Organisation.Visibility.public.rawValue) AS visibility
            FROM hubs WHERE id = \(bind: hubID)
            """
        if let organisationID {
            query += """
                 UNION ALL SELECT 'organisation' AS kind, slug, name, contact_email, visibility
                FROM organisations WHERE id = \(bind: organisationID)
                """
        }
        var found: (hub: Host?, organisation: Host?) = (nil, nil)
        for row in try await sql.raw(query).all() {
            let host = Host(
                slug: try row.decode(column: "slug", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                contactEmail: try row.decode(column: "contact_email", as: String?.self),
                isPublic: try row.decode(column: "visibility", as: String.self)
                    == Organisation.Visibility.public.rawValue)
            if try row.decode(column: "kind", as: String.self) == "hub" {
                found.hub = host
            } else {
                found.organisation = host
            }
        }
        return found
    }
}
