import Fluent
import Vapor

/// What an author typed for a story, checked the same way from the site and from the API.
struct StoryDraft: SubmittedForm, Equatable {
    var title = ""
    var summary = ""
    var body = ""
    var hub = ""
    var organisation = ""
    var kindOfWork = ""
    var themes: Set<String> = []
    var hotTopics: Set<String> = []
    /// The hubs and organisations (by slug) the story may be filed under. The handler sets them;
    /// until it does none passes the check.
    var knownHubs: Set<String> = []
    var knownOrganisations: Set<String> = []

    static let limits = (title: 150, summary: 400, body: 20_000)

    /// Every problem, keyed by field name, checked against the given hubs and organisations.
    func validate(knownHubs: Set<String>, knownOrganisations: Set<String>) -> FormErrors {
        var draft = self
        draft.knownHubs = knownHubs
        draft.knownOrganisations = knownOrganisations
        return draft.validate()
    }

    /// Every problem, keyed by field name; nothing typed is thrown away.
    func validate() -> FormErrors {
        var errors = FormErrors()
        if title.isEmpty {
            errors.add("title", "Enter a title")
        } else if title.count > Self.limits.title {
            errors.add("title", "The title must be \(Self.limits.title) characters or fewer")
        }
        if summary.isEmpty {
            errors.add("summary", "Enter a short summary")
        } else if summary.count > Self.limits.summary {
            errors.add("summary", "The summary must be \(Self.limits.summary) characters or fewer")
        }
        if body.isEmpty {
            errors.add("body", "Tell the story")
        } else if body.count > Self.limits.body {
            errors.add("body", "The story must be \(Self.limits.body) characters or fewer")
        }
        if hub.isEmpty {
            errors.add("hub", "Choose the hub whose stewards will review the story")
        } else if !knownHubs.contains(hub) {
            errors.add("hub", "Choose a hub from the list")
        }
        if !organisation.isEmpty, !knownOrganisations.contains(organisation) {
            errors.add("organisation", "Choose an organisation from the list, or none")
        }
        if kindOfWork.isEmpty {
            errors.add("kind_of_work", "Choose the kind of work the story is about")
        } else if !Vocabulary.kindOfWork.isValid(kindOfWork) {
            errors.add("kind_of_work", "Choose a kind of work from the list")
        }
        if themes.contains(where: { !Vocabulary.theme.isValid($0) }) {
            errors.add("themes", "Choose themes from the list")
        }
        if hotTopics.contains(where: { HotTopic(rawValue: $0) == nil }) {
            errors.add("hot_topics", "Choose hot topics from the list")
        }
        return errors
    }
}

// In an extension, so the memberwise initialiser the API and other features use stays.
extension StoryDraft {
    init(_ input: FormInput) {
        self.init(
            title: input.text("title"), summary: input.text("summary", keepNewlines: true),
            body: input.text("body", keepNewlines: true), hub: input.text("hub"),
            organisation: input.text("organisation"), kindOfWork: input.text("kind_of_work"),
            themes: input.set("themes"), hotTopics: input.set("hot_topics"))
    }

    /// What was typed, to be checked against the hubs and organisations this person may choose.
    init(_ input: FormInput, knownHubs: Set<String>, knownOrganisations: Set<String>) {
        self.init(input)
        self.knownHubs = knownHubs
        self.knownOrganisations = knownOrganisations
    }
}

/// What someone typed for one person's consent.
struct ConsentForm: SubmittedForm, Equatable {
    var person = ""
    /// The scope as typed, so a form sent back with a problem keeps the choice.
    var scope = ""
    var howGiven = ""
    var givenOn = ""
    var expiresOn = ""

    init() {}

    init(_ input: FormInput) {
        person = input.text("person")
        scope = input.text("scope")
        howGiven = input.text("how_given")
        givenOn = input.date("given_on")
        expiresOn = input.date("expires_on")
    }

    func validate() -> FormErrors {
        validate(today: UKDate.today())
    }

    func validate(today: String) -> FormErrors {
        var errors = FormErrors()
        if person.isEmpty {
            errors.add("person", "Enter the name or pseudonym the story uses for this person")
        } else if person.count > 120 {
            errors.add("person", "The name must be 120 characters or fewer")
        }
        if ConsentScope(rawValue: scope) == nil {
            errors.add("scope", "Choose how widely this person agreed the story may be shared")
        }
        if howGiven.isEmpty {
            errors.add("how_given", "Say how the consent was given, for example a signed form")
        } else if howGiven.count > 300 {
            errors.add("how_given", "Keep this to 300 characters or fewer")
        }
        if givenOn.isEmpty {
            errors.add("given_on", "Enter the date consent was given")
        } else if let date = UKDate.validated(givenOn) {
            if date > today { errors.add("given_on", "The date consent was given must be today or in the past") }
        } else {
            errors.add("given_on", "Enter a real date with its day, month and year, for example 27 3 2026")
        }
        if !expiresOn.isEmpty {
            if let date = UKDate.validated(expiresOn) {
                if date <= today { errors.add("expires_on", "The end date must be in the future") }
            } else {
                errors.add("expires_on", "Enter a real date with its day, month and year, for example 27 3 2027")
            }
        }
        return errors
    }
}

/// A steward's decision on a story waiting for review.
struct StoryReviewForm: SubmittedForm, Equatable {
    var decision: StoryWorkflow.Decision?
    var reason = ""
    /// The version the steward had in front of them (see `StoryWorkflow.review`).
    var readVersion: Int?

    init() {}

    init(_ input: FormInput) {
        decision = StoryWorkflow.Decision(rawValue: input.text("decision"))
        reason = input.text("reason", keepNewlines: true)
        readVersion = Int(input.text("version"))
    }

    func validate() -> FormErrors {
        var errors = FormErrors()
        if decision == nil {
            errors.add("decision", "Choose whether to publish the story or return it to its author")
        }
        if decision == .return, reason.isEmpty {
            errors.add("reason", "Say what the author should change, so they can put it right")
        }
        if reason.count > 2_000 {
            errors.add("reason", "Keep the note to 2,000 characters or fewer")
        }
        return errors
    }
}

/// A reason someone must fix before a step can happen; shown to them in plain words.
struct StoryStepRefused: Error {
    let field: String
    let message: String
}

/// Every step of a story's life, with its audit entry and the messages that tell people.
/// Both the site and the API go through here.
struct StoryWorkflow {
    let req: Request

    private var db: Database { req.db }

    func create(_ draft: StoryDraft, author: CurrentUser) async throws -> Story {
        let hub = try await Hub.find(slug: draft.hub, on: db)
        let organisation =
            draft.organisation.isEmpty
            ? nil : try await Organisation.query(on: db).filter(\.$slug == draft.organisation).first()
        guard let hub else { throw StoryStepRefused(field: "hub", message: "Choose a hub from the list") }
        let story = Story(
            slug: try await uniqueSlug(for: draft.title), title: draft.title, summary: draft.summary, body: draft.body,
            hubID: try hub.requireID(), organisationID: organisation?.id, authorID: author.id,
            kindOfWork: draft.kindOfWork)
        try await db.transaction { db in
            try await story.create(on: db)
            try await replaceTerms(of: story, with: draft, on: db)
            let version = StoryVersion(
                storyID: try story.requireID(), number: 1, title: draft.title, summary: draft.summary, body: draft.body,
                savedBy: author.id)
            version.file(
                hubID: try hub.requireID(), organisationID: organisation?.id, kindOfWork: draft.kindOfWork,
                themes: draft.themes, hotTopics: draft.hotTopics)
            try await version.create(on: db)
        }
        try await req.audit(
            .storyCreated, subjectType: "story", subjectID: story.id, detail: "draft in the \(hub.name) hub")
        return story
    }

    /// Saves an edit as a new version. An edit to a published or submitted story goes (back) to
    /// the stewards; readers keep seeing the approved version until they publish the new one.
    func update(_ story: Story, with draft: StoryDraft, by user: CurrentUser) async throws {
        let hub = try await Hub.find(slug: draft.hub, on: db)
        guard let hub else { throw StoryStepRefused(field: "hub", message: "Choose a hub from the list") }
        let organisation =
            draft.organisation.isEmpty
            ? nil : try await Organisation.query(on: db).filter(\.$slug == draft.organisation).first()
        let storyID = try story.requireID()
        let wasPublished = story.status == .published
        try await db.transaction { db in
            let last = try await StoryVersion.query(on: db).filter(\.$story.$id == storyID).sort(\.$number, .descending)
                .first()
            story.title = draft.title
            story.summary = draft.summary
            story.body = draft.body
            story.$hub.id = try hub.requireID()
            story.$organisation.id = organisation?.id
            story.kindOfWork = draft.kindOfWork
            if wasPublished { story.status = .submitted }
            try await story.save(on: db)
            try await replaceTerms(of: story, with: draft, on: db)
            let version = StoryVersion(
                storyID: storyID, number: (last?.number ?? 0) + 1, title: draft.title, summary: draft.summary,
                body: draft.body, savedBy: user.id)
            version.file(
                hubID: try hub.requireID(), organisationID: organisation?.id, kindOfWork: draft.kindOfWork,
                themes: draft.themes, hotTopics: draft.hotTopics)
            try await version.create(on: db)
        }
        try await req.audit(
            .storyEdited, subjectType: "story", subjectID: storyID,
            detail: wasPublished ? "edit to a published story; sent for review" : "")
        if wasPublished {
            try await tellStewards(
                of: story, subject: "An edited story needs your review",
                body: """
                    The author of "\(story.title)" has edited it since it was published. Readers still see the approved version until you publish the edit.

                    Review it here: \(req.application.publicBaseURL)\(SiteURL.manageStory(story.slug).path)
                    """)
        }
    }

    func addConsent(_ form: ConsentForm, to story: Story) async throws -> StoryConsent {
        let consent = StoryConsent(
            storyID: try story.requireID(), person: form.person, scope: ConsentScope(rawValue: form.scope) ?? .internal,
            howGiven: form.howGiven, givenOn: UKDate.validated(form.givenOn) ?? form.givenOn,
            expiresOn: form.expiresOn.isEmpty ? nil : UKDate.validated(form.expiresOn))
        try await consent.create(on: db)
        try await req.audit(
            .consentAdded, subjectType: "story-consent", subjectID: consent.id,
            detail: "story \(story.slug): \(consent.scope.shortLabel)"
                + (consent.expiresOn.map { ", until \($0)" } ?? ""))
        return consent
    }

    /// Withdrawing a consent takes the story down at once; its address then answers 410 Gone.
    func withdraw(_ consent: StoryConsent, from story: Story) async throws {
        guard consent.withdrawnAt == nil else { return }
        let wasPublished = story.publishedVersionID != nil
        let wasWaiting = story.status == .submitted
        try await db.transaction { db in
            consent.withdrawnAt = Date()
            try await consent.save(on: db)
            if wasWaiting && !wasPublished {
                // Out of the review queue: a steward must not publish it as it stands.
                story.status = .returned
                story.returnReason =
                    "\(consent.person) withdrew their consent on \(UKDate.today()) while the story was waiting for review. Take them out of the story, or record a new consent from them, before sending it again."
                try await story.save(on: db)
            }
            if wasPublished {
                story.publishedVersionID = nil
                story.publishedAt = nil
                story.status = .returned
                story.returnReason =
                    "\(consent.person) withdrew their consent on \(UKDate.today()), so the story was taken down at once. It can be published again only without them, or with a new consent from them."
                try await story.save(on: db)
            }
        }
        try await req.audit(
            .consentWithdrawn, subjectType: "story-consent", subjectID: consent.id, detail: "story \(story.slug)")
        if wasPublished {
            try await req.audit(
                .storyUnpublished, subjectType: "story", subjectID: story.id, detail: "a consent was withdrawn")
            let message = """
                A consent for "\(story.title)" was withdrawn, so the story has been taken down. It no longer appears on the site, in feeds, search or the API.

                \(req.application.publicBaseURL)\(SiteURL.manageStory(story.slug).path)
                """
            try await tellAuthor(of: story, subject: "Your story has been taken down", body: message)
            try await tellStewards(of: story, subject: "A story has been taken down", body: message)
        }
    }

    func submit(_ story: Story) async throws {
        guard [.draft, .returned].contains(story.status) else {
            throw StoryStepRefused(field: "submit", message: "This story is already with the stewards")
        }
        try await checkConsentsAllowPublication(story)
        story.status = .submitted
        try await story.save(on: db)
        try await req.audit(.storySubmitted, subjectType: "story", subjectID: story.id)
        try await tellStewards(
            of: story, subject: "A story is waiting for your review",
            body: """
                "\(story.title)" has been sent for review in your hub.

                Read it and publish it, or return it to its author with a reason: \(req.application.publicBaseURL)\(SiteURL.manageStory(story.slug).path)
                """)
    }

    enum Decision: String, Sendable, Equatable { case publish, `return` }

    /// `readVersion` is the version the steward had in front of them: if the story changed since,
    /// nothing is published, so a steward never publishes words they have not read.
    func review(_ story: Story, decision: Decision, reason: String, readVersion: Int?) async throws {
        guard story.status == .submitted else {
            throw StoryStepRefused(
                field: "decision", message: "Only a story waiting for review can be published or returned")
        }
        let storyID = try story.requireID()
        switch decision {
        case .publish:
            let scope = try await checkConsentsAllowPublication(story)
            guard
                let latest = try await StoryVersion.query(on: db).filter(\.$story.$id == storyID).sort(
                    \.$number, .descending
                ).first()
            else {
                throw StoryStepRefused(field: "decision", message: "This story has no text to publish")
            }
            guard readVersion == latest.number else {
                throw StoryStepRefused(
                    field: "decision",
                    message:
                        "The story changed while you were reading it. Read the latest version below, then decide again")
            }
            let now = Date()
            if story.firstPublishedAt == nil {
                // The address is made from the title readers will see, not the first draft's,
                // which may have named someone the review took out.
                let base = Slugs.make(from: latest.title, fallback: "story")
                if story.slug != base && !story.slug.hasPrefix(base + "-") {
                    story.slug = try await uniqueSlug(for: latest.title)
                }
            }
            story.publishedVersionID = try latest.requireID()
            story.publishedAt = now
            if story.firstPublishedAt == nil { story.firstPublishedAt = now }
            story.status = .published
            story.returnReason = nil
            story.photoApproved = story.photoType != nil
            try await story.save(on: db)
            try await req.audit(
                .storyPublished, subjectType: "story", subjectID: storyID,
                detail: "version \(latest.number), for \(scope.shortLabel.lowercased())")
            try await tellAuthor(
                of: story, subject: "Your story is published",
                body: """
                    "\(story.title)" has been published by a steward of its hub. Because of the consents given, it can be read by: \(scope.label.lowercased()).

                    \(req.application.publicBaseURL)\(SiteURL.story(story.slug).path)
                    """)
        case .return:
            story.status = .returned
            story.returnReason = reason
            try await story.save(on: db)
            try await req.audit(.storyReturned, subjectType: "story", subjectID: storyID, detail: reason)
            try await tellAuthor(
                of: story, subject: "Your story has been returned to you",
                body: """
                    A steward has returned "\(story.title)" with this note:

                    \(reason)

                    Edit it and send it again here: \(req.application.publicBaseURL)\(SiteURL.manageStory(story.slug).path)
                    """)
        }
    }

    func replacePhoto(of story: Story, with cleaned: PhotoCleaner.Cleaned, alt: String) async throws {
        let storyID = try story.requireID()
        try await db.transaction { db in
            try await StoryPhoto.query(on: db).filter(\.$story.$id == storyID).delete()
            try await StoryPhoto(storyID: storyID, contentType: cleaned.contentType, data: cleaned.data).create(on: db)
            story.photoType = cleaned.contentType
            story.photoAlt = alt
            // A new photo on a published story waits for a steward, and so does the story.
            story.photoApproved = false
            if story.status == .published { story.status = .submitted }
            try await story.save(on: db)
        }
        try await req.audit(
            .storyPhotoChanged, subjectType: "story", subjectID: storyID,
            detail: "\(cleaned.contentType), \(cleaned.data.count) bytes after cleaning")
        if story.publishedVersionID != nil {
            try await tellStewards(
                of: story, subject: "A story's photo needs your review",
                body: """
                    The author of "\(story.title)" has added a new photo. Readers see the story without it until you publish it again.

                    Review it here: \(req.application.publicBaseURL)\(SiteURL.manageStory(story.slug).path)
                    """)
        }
    }

    func removePhoto(of story: Story) async throws {
        let storyID = try story.requireID()
        try await StoryPhoto.query(on: db).filter(\.$story.$id == storyID).delete()
        story.photoType = nil
        story.photoAlt = nil
        story.photoApproved = false
        try await story.save(on: db)
        try await req.audit(.storyPhotoChanged, subjectType: "story", subjectID: storyID, detail: "photo removed")
    }

    // MARK: Helpers

    /// The audience the consents allow; refuses when they allow none.
    @discardableResult
    private func checkConsentsAllowPublication(_ story: Story) async throws -> ConsentScope {
        let consents = try await StoryConsent.query(on: db).filter(\.$story.$id == story.requireID()).all()
        let standing = consents.filter { $0.withdrawnAt == nil }
        guard !standing.isEmpty else {
            throw StoryStepRefused(
                field: "consents",
                message:
                    "Add a consent for each person in the story before it can be reviewed. If nobody can be recognised in it, add one for yourself as the teller"
            )
        }
        let today = UKDate.today()
        if let expired = standing.first(where: { !$0.isCurrent(today: today) }) {
            throw StoryStepRefused(
                field: "consents",
                message: "The consent from \(expired.person) has ended. Ask them again, or take them out of the story")
        }
        guard let scope = StoryAudience.allowedScope(standing, today: today) else {
            throw StoryStepRefused(
                field: "consents",
                message:
                    "Everyone in the story must agree to at least alliance members reading it before it can be published"
            )
        }
        return scope
    }

    private func replaceTerms(of story: Story, with draft: StoryDraft, on db: Database) async throws {
        let storyID = try story.requireID()
        try await StoryTerm.query(on: db).filter(\.$story.$id == storyID).delete()
        for code in draft.themes.sorted() {
            try await StoryTerm(storyID: storyID, vocabulary: .theme, code: code).create(on: db)
        }
        for code in draft.hotTopics.sorted() {
            try await StoryTerm(storyID: storyID, vocabulary: .hotTopic, code: code).create(on: db)
        }
    }

    private func uniqueSlug(for title: String) async throws -> String {
        // Words the story addresses use for other pages can never be a story's own.
        try await ContentChecks.uniqueSlug(
            for: title, schema: Story.schema, fallback: "story", reserved: ["new", "review", "feed-atom", "themes"],
            on: db)
    }

    private func tellAuthor(of story: Story, subject: String, body: String) async throws {
        guard let authorID = story.$author.id, let author = try await User.find(authorID, on: db) else { return }
        try await req.mailer.send(
            to: author.email, subject: subject, body: "Hello \(author.name),\n\n\(body)\n\nBridgework")
    }

    private func tellStewards(of story: Story, subject: String, body: String) async throws {
        try await req.tellStewards(ofHub: story.$hub.id, subject: subject, body: body)
    }
}
