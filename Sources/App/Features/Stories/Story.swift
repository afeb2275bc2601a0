import Fluent
import Foundation
import Vapor

/// A story of good relations work, told with the consent of everyone in it.
///
/// The author edits a working copy (`title`, `summary`, `body`); each save keeps a `StoryVersion`.
/// A steward's approval points `publishedVersion` at the version readers see, so an edit to a
/// published story waits for review while the approved text stays up. Who may read it is never
/// stored: it follows from the consents each time (see `StoryAudience`), so a withdrawal or an
/// expiry takes effect on the very next request.
final class Story: Model, @unchecked Sendable {
    static let schema = "stories"

    enum Status: String, Codable, Sendable, CaseIterable {
        case draft, submitted, returned, published

        var label: String {
            switch self {
            case .draft: return "Draft"
            case .submitted: return "Waiting for a steward's review"
            case .returned: return "Returned to the author"
            case .published: return "Published"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @Parent(key: "hub_id") var hub: Hub
    @OptionalParent(key: "organisation_id") var organisation: Organisation?
    @OptionalParent(key: "author_id") var author: User?
    @Field(key: "kind_of_work") var kindOfWork: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "return_reason") var returnReason: String?
    @OptionalField(key: "published_version_id") var publishedVersionID: UUID?
    /// When it was first published; kept after an unpublishing so its address answers 410 Gone.
    @OptionalField(key: "first_published_at") var firstPublishedAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?
    @OptionalField(key: "photo_alt") var photoAlt: String?
    @OptionalField(key: "photo_type") var photoType: String?
    /// A photo added or replaced after publication waits for review before readers see it.
    @Field(key: "photo_approved") var photoApproved: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $title, $summary, $body, $hub, $organisation, $author, $kindOfWork, $status, $returnReason,
            $publishedVersionID, $firstPublishedAt, $publishedAt, $photoAlt, $photoType, $photoApproved,
            $createdAt, $updatedAt,
        ]
    }

    init(
        id: UUID? = nil, slug: String, title: String, summary: String, body: String, hubID: UUID, organisationID: UUID?,
        authorID: UUID?, kindOfWork: String
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.summary = summary
        self.body = body
        self.$hub.id = hubID
        self.$organisation.id = organisationID
        self.$author.id = authorID
        self.kindOfWork = kindOfWork
        self.status = .draft
        self.photoApproved = false
    }
}

/// A story as its workflow routes see it: the story, and what the policy needs to know of it,
/// which takes a look at the versions saved since the published one.
struct StoryInWorkflow: PolicySubject {
    let story: Story
    let policyResource: PolicyResource

    /// The story as the policy sees it, with everyone who saved a version since the one now
    /// published: none of them may publish it, since a second person must check their words.
    static func policyResource(of story: Story, on db: Database) async throws -> PolicyResource {
        var versions = StoryVersion.query(on: db).filter(\.$story.$id == (try story.requireID()))
        if let publishedID = story.publishedVersionID,
            let published = try await StoryVersion.query(on: db).filter(\.$id == publishedID).first()
        {
            versions = versions.filter(\.$number > published.number)
        }
        let editors = try await versions.all().compactMap { $0.$savedBy.id }
        return .story(authorID: story.$author.id, hubID: story.$hub.id, editorsUnderReview: Set(editors))
    }
}

extension SubjectLoader {
    /// The story in the path (`storySlug`), whatever its state: the route's action decides who
    /// may work on it, and hides it from everyone who may not follow it.
    static let storyInWorkflow = SubjectLoader { req in
        guard let slug = req.parameters.get("storySlug"),
            let story = try await Story.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        return StoryInWorkflow(
            story: story, policyResource: try await StoryInWorkflow.policyResource(of: story, on: req.db))
    }
}

/// A snapshot of a story's text, kept on every save.
final class StoryVersion: Model, @unchecked Sendable {
    static let schema = "story_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "story_id") var story: Story
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @OptionalParent(key: "saved_by") var savedBy: User?
    // What the story is filed under, as of this version, so a change to them waits for review
    // like a change to the words. Nil on versions saved before these were kept.
    @OptionalField(key: "hub_id") var hubID: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "kind_of_work") var kindOfWork: String?
    /// Codes as ",a,b," so one can be matched with LIKE.
    @OptionalField(key: "themes") var themes: String?
    @OptionalField(key: "hot_topics") var hotTopics: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $story, $number, $title, $summary, $body, $savedBy, $hubID, $organisationID, $kindOfWork, $themes,
            $hotTopics, $createdAt,
        ]
    }

    init(storyID: UUID, number: Int, title: String, summary: String, body: String, savedBy: UUID?) {
        self.$story.id = storyID
        self.number = number
        self.title = title
        self.summary = summary
        self.body = body
        self.$savedBy.id = savedBy
    }

    func file(hubID: UUID, organisationID: UUID?, kindOfWork: String, themes: Set<String>, hotTopics: Set<String>) {
        self.hubID = hubID
        self.organisationID = organisationID
        self.kindOfWork = kindOfWork
        self.themes = Self.codeList(themes)
        self.hotTopics = Self.codeList(hotTopics)
    }

    static func codeList(_ codes: Set<String>) -> String { "," + codes.sorted().joined(separator: ",") + "," }

    static func codes(_ list: String?) -> [String]? {
        list.map { $0.split(separator: ",").map(String.init).sorted() }
    }
}

/// Themes and hot topics of a story.
final class StoryTerm: Model, @unchecked Sendable {
    static let schema = "story_terms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "story_id") var story: Story
    @Field(key: "vocabulary") var vocabulary: Kind
    @Field(key: "code") var code: String

    /// Which list a term comes from: the directory's themes, or the hot topics.
    enum Kind: String, Codable, Sendable {
        case theme
        case hotTopic = "hot-topic"
    }

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $story, $vocabulary, $code] }

    init(storyID: UUID, vocabulary: Kind, code: String) {
        self.$story.id = storyID
        self.vocabulary = vocabulary
        self.code = code
    }
}

/// How widely one person in a story agreed it may be shared. Wider scopes include the narrower.
enum ConsentScope: String, Codable, Sendable, CaseIterable, Comparable {
    /// The author's organisation and the hub's stewards only: never published.
    case `internal`
    /// Signed-in alliance members.
    case alliance
    /// Anyone, on the web and in feeds.
    case `public`
    /// Anyone, and journalists may reuse it through the media kit.
    case media

    var rank: Int {
        switch self {
        case .internal: return 1
        case .alliance: return 2
        case .public: return 3
        case .media: return 4
        }
    }

    static func < (lhs: ConsentScope, rhs: ConsentScope) -> Bool { lhs.rank < rhs.rank }

    var label: String {
        switch self {
        case .internal: return "Internal: the author's organisation and the hub's stewards"
        case .alliance: return "Alliance members, signed in"
        case .public: return "Anyone, on the web"
        case .media: return "Anyone, and the media may reuse it"
        }
    }

    var shortLabel: String {
        switch self {
        case .internal: return "Internal"
        case .alliance: return "Alliance members"
        case .public: return "Public"
        case .media: return "Public and media"
        }
    }
}

/// One person's consent to appear in a story.
final class StoryConsent: Model, @unchecked Sendable {
    static let schema = "story_consents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "story_id") var story: Story
    /// A name or pseudonym, as the story refers to them.
    @Field(key: "person") var person: String
    @Field(key: "scope") var scope: ConsentScope
    /// The scope's rank, so the database can find the narrowest consent.
    @Field(key: "scope_rank") var scopeRank: Int
    @Field(key: "how_given") var howGiven: String
    /// Dates as yyyy-MM-dd in UK time: they compare correctly as text on both databases.
    @Field(key: "given_on") var givenOn: String
    @OptionalField(key: "expires_on") var expiresOn: String?
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $story, $person, $scope, $scopeRank, $howGiven, $givenOn, $expiresOn, $withdrawnAt, $createdAt]
    }

    init(storyID: UUID, person: String, scope: ConsentScope, howGiven: String, givenOn: String, expiresOn: String?) {
        self.$story.id = storyID
        self.person = person
        self.scope = scope
        self.scopeRank = scope.rank
        self.howGiven = howGiven
        self.givenOn = givenOn
        self.expiresOn = expiresOn
    }

    func isCurrent(today: String) -> Bool {
        withdrawnAt == nil && (expiresOn.map { $0 > today } ?? true)
    }
}

/// The topics that divisive narratives gather around; stories and narratives are tagged with them.
enum HotTopic: String, CaseIterable, Codable, Sendable {
    case immigration
    case jobsAndHousing = "jobs-and-housing"
    case welfare
    case antiMuslimHostility = "anti-muslim-hostility"
    case nationalIdentity = "national-identity"
    case europe

    var label: String {
        switch self {
        case .immigration: return "Immigration"
        case .jobsAndHousing: return "Jobs and housing"
        case .welfare: return "Welfare"
        case .antiMuslimHostility: return "Hostility to Muslims"
        case .nationalIdentity: return "National identity"
        case .europe: return "Britain and Europe"
        }
    }
}

extension Story {
    /// The consents recorded for this story. Asked for, rather than a relation on the model:
    /// Fluent makes a whole new model for every row it reads to fill in a relation's key.
    func consents(on db: Database) async throws -> [StoryConsent] {
        try await StoryConsent.query(on: db).filter(\.$story.$id == requireID()).all()
    }

    /// The themes and hot topics the story is filed under.
    func terms(on db: Database) async throws -> [StoryTerm] {
        try await StoryTerm.query(on: db).filter(\.$story.$id == requireID()).all()
    }
}
