import Fluent
import Plot
import Vapor

/// Stories: the public list and pages, the media kit, and the author's and stewards' workflow.
struct StoryController {
    // MARK: Reading

    func list(req: Request) async throws -> Response {
        let query = StoryQuery(req)
        let scope = StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly)
        let found = try await StoryFinder.find(query, scope: scope, on: req.db)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        return StoryViews.list(req, query: query, stories: found.stories, total: found.total, hubs: hubs).response()
    }

    /// The story as readers see it. A story its consents no longer allow answers 410 Gone once
    /// it has been published, so links to it say plainly that it was taken down.
    func show(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.$consents.get(on: req.db)
        let scope = StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly)
        guard StoryAudience.isReadable(story, consents: consents, by: scope) else {
            throw try await unreadable(story, consents: consents, req: req)
        }
        let page = try await StoryPage.load(story, consents: consents, req: req)
        return StoryViews.show(req, page: page).response()
    }

    /// A printable page for journalists, only for stories whose every consent includes the media.
    func media(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.$consents.get(on: req.db)
        guard StoryAudience.isReadable(story, consents: consents, by: .media) else {
            if StoryAudience.isReadable(
                story, consents: consents, by: StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly))
            {
                throw Abort(.notFound, reason: "Not everyone in this story agreed to its use by the media.")
            }
            throw try await unreadable(story, consents: consents, req: req)
        }
        let page = try await StoryPage.load(story, consents: consents, req: req)
        return StoryViews.media(req, page: page).response()
    }

    func photo(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        let consents = try await story.$consents.get(on: req.db)
        let readable =
            story.photoApproved
            && StoryAudience.isReadable(
                story, consents: consents, by: StoryAudience.requiredScope(seesMembersOnly: req.seesMembersOnly))
        let canFollow = Policy.can(req.currentUser, .followStory, try await resource(story, on: req.db))
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
        try await formPage(req, draft: StoryDraft(), story: nil).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let draft = Self.readDraft(req)
        let errors = draft.validate(
            knownHubs: try await knownHubs(req), knownOrganisations: try await knownOrganisations(req, including: nil))
        guard errors.isEmpty else {
            return try await formPage(req, draft: draft, story: nil, errors: errors).response(
                status: .unprocessableEntity)
        }
        let story = try await StoryWorkflow(req: req).create(draft, author: user)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.storySaved.rawValue]))
    }

    func editForm(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        return try await formPage(req, draft: try await Self.draft(of: story, on: req.db), story: story).response()
    }

    func update(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        let draft = Self.readDraft(req)
        let current = try await story.$organisation.get(on: req.db)
        let errors = draft.validate(
            knownHubs: try await knownHubs(req),
            knownOrganisations: try await knownOrganisations(req, including: current))
        guard errors.isEmpty else {
            return try await formPage(req, draft: draft, story: story, errors: errors).response(
                status: .unprocessableEntity)
        }
        try await StoryWorkflow(req: req).update(story, with: draft, by: user)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.storySaved.rawValue]))
    }

    // MARK: The workflow page

    func manage(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.followStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        return try await managePage(req, story: story).response()
    }

    func addConsent(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        let form = ConsentForm(
            person: req.formText("person"), scope: req.formText("scope"), howGiven: req.formText("how_given"),
            givenOn: req.formText("given_on"), expiresOn: req.formText("expires_on"))
        let errors = form.validate()
        guard errors.isEmpty else {
            return try await managePage(req, story: story, consentForm: form, errors: errors).response(
                status: .unprocessableEntity)
        }
        _ = try await StoryWorkflow(req: req).addConsent(form, to: story)
        return req.redirect(
            to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.consentAdded.rawValue]) + "#consents")
    }

    func withdrawConsent(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.followStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        guard let consentID = req.parameters.get("consentID", as: UUID.self),
            let consent = try await StoryConsent.query(on: req.db).filter(\.$id == consentID).filter(
                \.$story.$id == story.requireID()
            ).first()
        else { throw Abort(.notFound) }
        try await StoryWorkflow(req: req).withdraw(consent, from: story)
        return req.redirect(
            to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.consentWithdrawn.rawValue]))
    }

    func submit(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        do {
            try await StoryWorkflow(req: req).submit(story)
        } catch let refused as StoryStepRefused {
            var errors = FormErrors()
            errors.add(refused.field, refused.message)
            return try await managePage(req, story: story, errors: errors).response(status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.storySubmitted.rawValue]))
    }

    func review(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.reviewStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        let decision = StoryWorkflow.Decision(rawValue: req.formText("decision"))
        let reason = req.formText("reason", keepNewlines: true)
        var errors = FormErrors()
        if decision == nil { errors.add("decision", "Choose whether to publish the story or return it to its author") }
        if decision == .return, reason.isEmpty {
            errors.add("reason", "Say what the author should change, so they can put it right")
        }
        if reason.count > 2_000 { errors.add("reason", "Keep the note to 2,000 characters or fewer") }
        if errors.isEmpty, let decision {
            do {
                try await StoryWorkflow(req: req).review(
                    story, decision: decision, reason: reason, readVersion: Int(req.formText("version")))
                let notice: Notice = decision == .publish ? .storyPublished : .storyReturned
                return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": notice.rawValue]))
            } catch let refused as StoryStepRefused {
                errors.add(refused.field == "consents" ? "decision" : refused.field, refused.message)
            }
        }
        return try await managePage(
            req, story: story, errors: errors, typedReason: reason, typedDecision: decision?.rawValue
        ).response(status: .unprocessableEntity)
    }

    func uploadPhoto(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        struct Upload: Content {
            var photo: File?
            var photo_alt: String?
        }
        let upload = try? req.content.decode(Upload.self)
        let alt = (upload?.photo_alt ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FormErrors()
        var cleaned: PhotoCleaner.Cleaned? = nil
        if let file = upload?.photo, file.data.readableBytes > 0 {
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
            return try await managePage(req, story: story, errors: errors, typedAlt: alt).response(
                status: .unprocessableEntity)
        }
        try await StoryWorkflow(req: req).replacePhoto(of: story, with: cleaned, alt: alt)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.photoSaved.rawValue]))
    }

    func removePhoto(req: Request) async throws -> Response {
        let story = try await storyFromPath(req)
        try req.authorize(.editStory, try await resource(story, on: req.db), hiddenUnless: .followStory)
        try await StoryWorkflow(req: req).removePhoto(of: story)
        return req.redirect(to: SiteURL.manageStory(story.slug).with(query: ["notice": Notice.photoRemoved.rawValue]))
    }

    // MARK: Lists for authors and stewards

    func mine(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let stories = try await Story.query(on: req.db).filter(\.$author.$id == user.id).sort(\.$updatedAt, .descending)
            .with(\.$hub).all()
        return StoryViews.mine(req, stories: stories).response()
    }

    func reviews(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        var query = Story.query(on: req.db).filter(\.$status == Story.Status.submitted.rawValue)
        if !user.isCoordinator { query = query.filter(\.$hub.$id ~~ Array(user.stewardOfHubs)) }
        let stories = try await query.sort(\.$updatedAt).with(\.$hub).all()
        return StoryViews.reviews(req, stories: stories, isReviewer: user.isCoordinator || !user.stewardOfHubs.isEmpty)
            .response()
    }

    // MARK: Helpers

    private func storyFromPath(_ req: Request) async throws -> Story {
        guard let slug = req.parameters.get("storySlug"),
            let story = try await Story.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return story
    }

    /// The story as the policy sees it, with everyone who saved a version since the one now
    /// published: none of them may publish it, since a second person must check their words.
    private func resource(_ story: Story, on db: Database) async throws -> PolicyResource {
        var versions = StoryVersion.query(on: db).filter(\.$story.$id == (try story.requireID()))
        if let publishedID = story.publishedVersionID,
            let published = try await StoryVersion.query(on: db).filter(\.$id == publishedID).first()
        {
            versions = versions.filter(\.$number > published.number)
        }
        let editors = try await versions.all().compactMap { $0.$savedBy.id }
        return .story(authorID: story.$author.id, hubID: story.$hub.id, editorsUnderReview: Set(editors))
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

    private func formPage(_ req: Request, draft: StoryDraft, story: Story?, errors: FormErrors = .init()) async throws
        -> HTML
    {
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let current = try await story?.$organisation.get(on: req.db)
        let organisations = try await organisationChoices(req, including: current)
        return StoryViews.form(
            req, draft: draft, story: story, hubs: hubs, organisations: organisations, errors: errors)
    }

    private func managePage(
        _ req: Request, story: Story, consentForm: ConsentForm = .init(), errors: FormErrors = .init(),
        typedReason: String = "", typedDecision: String? = nil, typedAlt: String = ""
    ) async throws -> HTML {
        let storyID = try story.requireID()
        let consents = try await StoryConsent.query(on: req.db).filter(\.$story.$id == storyID).sort(\.$createdAt).all()
        let versions = try await StoryVersion.query(on: req.db).filter(\.$story.$id == storyID).sort(
            \.$number, .descending
        ).with(\.$savedBy).all()
        let hub = try await story.$hub.get(on: req.db)
        let terms = try await story.$terms.get(on: req.db)
        let resource = try await resource(story, on: req.db)
        return StoryViews.manage(
            req,
            page: .init(
                story: story, hub: hub, terms: terms, consents: consents, versions: versions,
                canEdit: Policy.can(req.currentUser, .editStory, resource),
                canReview: Policy.can(req.currentUser, .reviewStory, resource),
                consentForm: consentForm, errors: errors, typedReason: typedReason, typedDecision: typedDecision,
                typedAlt: typedAlt))
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
        let terms = try await story.$terms.get(on: db)
        let hub = try await story.$hub.get(on: db)
        let organisation = try await story.$organisation.get(on: db)
        return StoryDraft(
            title: story.title, summary: story.summary, body: story.body, hub: hub.slug,
            organisation: organisation?.slug ?? "",
            kindOfWork: story.kindOfWork,
            themes: Set(terms.filter { $0.vocabulary == Vocabulary.theme.rawValue }.map(\.code)),
            hotTopics: Set(terms.filter { $0.vocabulary == HotTopic.vocabulary }.map(\.code)))
    }

    static func readDraft(_ req: Request) -> StoryDraft {
        StoryDraft(
            title: req.formText("title"), summary: req.formText("summary", keepNewlines: true),
            body: req.formText("body", keepNewlines: true),
            hub: req.formText("hub"), organisation: req.formText("organisation"),
            kindOfWork: req.formText("kind_of_work"),
            themes: Set(((try? req.content.get([String].self, at: "themes")) ?? [])),
            hotTopics: Set(((try? req.content.get([String].self, at: "hot_topics")) ?? [])))
    }

}

/// Everything a story's public page and media kit show.
struct StoryPage {
    let story: Story
    let version: StoryVersion
    let hub: Hub
    let organisation: Organisation?
    let themes: [String]
    let hotTopics: [String]
    /// The kind of work as the published version files it.
    let kindOfWork: String
    let allowedScope: ConsentScope
    let canFollow: Bool

    static func load(_ story: Story, consents: [StoryConsent], req: Request) async throws -> StoryPage {
        guard let versionID = story.publishedVersionID, let version = try await StoryVersion.find(versionID, on: req.db)
        else { throw Abort(.notFound) }
        // Filed as the published version is: a pending change of hub or topics is not shown yet.
        let filed = version.hubID != nil
        guard let hub = try await Hub.find(version.hubID ?? story.$hub.id, on: req.db) else { throw Abort(.notFound) }
        let organisationID = filed ? version.organisationID : story.$organisation.id
        var organisation: Organisation? = nil
        if let organisationID { organisation = try await Organisation.find(organisationID, on: req.db) }
        if let listed = organisation, !listed.isPublic, !req.seesMembersOnly { organisation = nil }
        let terms = filed ? [] : try await story.$terms.get(on: req.db)
        return StoryPage(
            story: story, version: version, hub: hub, organisation: organisation,
            themes: StoryVersion.codes(version.themes)
                ?? terms.filter { $0.vocabulary == Vocabulary.theme.rawValue }.map(\.code).sorted(),
            hotTopics: StoryVersion.codes(version.hotTopics)
                ?? terms.filter { $0.vocabulary == HotTopic.vocabulary }.map(\.code).sorted(),
            kindOfWork: version.kindOfWork ?? story.kindOfWork,
            allowedScope: StoryAudience.allowedScope(consents) ?? .internal,
            canFollow: Policy.can(
                req.currentUser, .followStory, .story(authorID: story.$author.id, hubID: story.$hub.id)))
    }
}
