import Fluent
import SQLKit
import Vapor

/// Who may read a published story, worked out from its consents on every request.
///
/// A story reaches a reader only when a steward published it, at least one person's consent is
/// on record, no consent has expired, and the narrowest consent covers the reader: alliance
/// members need `alliance` or wider, everyone else `public` or wider. Withdrawn consents no
/// longer count here because withdrawing one unpublishes the story (see `StoryWorkflow`).
enum StoryAudience {
    static func requiredScope(seesMembersOnly: Bool) -> ConsentScope {
        seesMembersOnly ? .alliance : .public
    }

    /// The widest audience the consents allow today, or nil when they allow no publication at all.
    static func allowedScope(_ consents: [StoryConsent], today: String = UKDate.today()) -> ConsentScope? {
        let standing = consents.filter { $0.withdrawnAt == nil }
        guard !standing.isEmpty, standing.allSatisfy({ $0.isCurrent(today: today) }) else { return nil }
        let narrowest = standing.map(\.scope).min() ?? .internal
        return narrowest >= .alliance ? narrowest : nil
    }

    static func isReadable(
        _ story: Story, consents: [StoryConsent], by scope: ConsentScope, today: String = UKDate.today()
    ) -> Bool {
        guard story.publishedVersionID != nil, let allowed = allowedScope(consents, today: today) else { return false }
        return allowed >= scope
    }

    /// The same rule as SQL over the `stories` table, for lists, feeds, search, the API and the sitemap.
    static func readableCondition(scope: ConsentScope, today: String = UKDate.today()) -> SQLQueryString {
        """
        stories.published_version_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM story_consents c WHERE c.story_id = stories.id AND c.withdrawn_at IS NULL)
        AND NOT EXISTS (SELECT 1 FROM story_consents c WHERE c.story_id = stories.id AND c.withdrawn_at IS NULL
          AND (c.scope_rank < \(bind: scope.rank) OR (c.expires_on IS NOT NULL AND c.expires_on <= \(bind: today))))
        """
    }
}

/// What a list of stories asks for: words and filters, as a shareable GET address.
struct StoryQuery: Sendable, Equatable {
    var text = ""
    var hub: String? = nil
    var theme: String? = nil
    var hotTopic: String? = nil
    var kindOfWork: String? = nil
    var page = 1

    static let pageSize = 12

    init() {}

    init(_ request: Request) {
        func value(_ key: String) -> String? {
            guard let raw = request.query[String.self, at: key]?.trimmingCharacters(in: .whitespacesAndNewlines),
                !raw.isEmpty
            else { return nil }
            return String(raw.prefix(200))
        }
        text = value("q") ?? ""
        hub = value("hub")
        theme = value("theme").flatMap { Vocabulary.theme.isValid($0) ? $0 : nil }
        hotTopic = value("topic").flatMap { HotTopic(rawValue: $0)?.rawValue }
        kindOfWork = value("work").flatMap { Vocabulary.kindOfWork.isValid($0) ? $0 : nil }
        page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 10_000))
    }

    var parameters: [String: String] {
        var result: [String: String] = [:]
        if !text.isEmpty { result["q"] = text }
        if let hub { result["hub"] = hub }
        if let theme { result["theme"] = theme }
        if let hotTopic { result["topic"] = hotTopic }
        if let kindOfWork { result["work"] = kindOfWork }
        return result
    }

    var isEmpty: Bool { parameters.isEmpty }

    var words: [String] {
        text.lowercased().components(separatedBy: CharacterSet.alphanumerics.inverted)
            .filter { !$0.isEmpty }.prefix(8).map { String($0.prefix(40)) }
    }
}

/// A published story as lists, feeds and the API show it: the approved text, never a pending edit.
struct PublishedStory: Sendable {
    let id: UUID
    let slug: String
    let title: String
    let summary: String
    let body: String
    let hubSlug: String
    let hubName: String
    let organisationName: String?
    let kindOfWork: String
    let publishedAt: Date
    let updatedAt: Date
    let hasPhoto: Bool
    let photoAlt: String?
    var themes: [String] = []
    var hotTopics: [String] = []
}

/// Finds readable stories with a fixed number of queries: a count, a page, and their terms.
enum StoryFinder {
    /// The newest stories of one hub that this reader may read.
    static func latest(inHub slug: String, seesMembersOnly: Bool, limit: Int, on db: Database) async throws
        -> [PublishedStory]
    {
        var query = StoryQuery()
        query.hub = slug
        let scope = StoryAudience.requiredScope(seesMembersOnly: seesMembersOnly)
        return try await page(query, scope: scope, limit: limit, on: db)
    }

    /// A page of the stories that match, and how many match in all.
    static func find(_ query: StoryQuery, scope: ConsentScope, limit: Int? = nil, on db: Database) async throws -> (
        stories: [PublishedStory], total: Int
    ) {
        let total = try await count(query, scope: scope, on: db)
        return (try await page(query, scope: scope, limit: limit, on: db), total)
    }

    /// How many readable stories match.
    static func count(_ query: StoryQuery, scope: ConsentScope, on db: Database) async throws -> Int {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let (from, conditions) = matching(query, scope: scope, isSQLite: sql.dialect.name == "sqlite")
        return try await sql.raw("SELECT COUNT(*) AS n " + from + " " + conditions).first()?.decode(
            column: "n", as: Int.self) ?? 0
    }

    /// The addresses' slugs of a page of the readable stories that match, newest first: all a
    /// sitemap needs, without reading their words.
    static func slugs(_ query: StoryQuery, scope: ConsentScope, limit: Int, on db: Database) async throws -> [String] {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let (from, conditions) = matching(query, scope: scope, isSQLite: sql.dialect.name == "sqlite")
        let offset = (query.page - 1) * limit
        return try await sql.raw(
            "SELECT stories.slug AS slug " + from + " " + conditions
                + " ORDER BY stories.published_at DESC, stories.id LIMIT \(literal: limit) OFFSET \(literal: offset)"
        ).all().map { try $0.decode(column: "slug", as: String.self) }
    }

    /// The FROM and WHERE of every reading: the readable stories this query asks for.
    private static func matching(_ query: StoryQuery, scope: ConsentScope, isSQLite: Bool) -> (
        from: SQLQueryString, conditions: SQLQueryString
    ) {
        var conditions = StoryAudience.readableCondition(scope: scope)
        // Readers see a story filed as its published version is, so a change of hub, organisation,
        // kind of work or topics waits for review like a change of words. Versions saved before
        // filing was kept fall back to the story's own.
        if let hub = query.hub { conditions = conditions + " AND h.slug = \(bind: hub)" }
        if let kind = query.kindOfWork {
            conditions = conditions + " AND COALESCE(v.kind_of_work, stories.kind_of_work) = \(bind: kind)"
        }
        for (vocabulary, column, code) in [
            (StoryTerm.Kind.theme.rawValue, "themes", query.theme),
            (StoryTerm.Kind.hotTopic.rawValue, "hot_topics", query.hotTopic),
        ] {
            guard let code else { continue }
            let filed: SQLQueryString =
                "v.\(unsafeRaw: column) IS NOT NULL AND v.\(unsafeRaw: column) LIKE \(bind: "%," + code + ",%")"
            let unfiled: SQLQueryString = """
                v.\(unsafeRaw: column) IS NULL AND EXISTS (SELECT 1 FROM story_terms t WHERE t.story_id = stories.id \
                AND t.vocabulary = \(bind: vocabulary) AND t.code = \(bind: code))
                """
            conditions = conditions + " AND ((" + filed + ") OR (" + unfiled + "))"
        }
        let words = query.words
        if !words.isEmpty {
            if isSQLite {
                let match = words.map { "\"\($0)\"*" }.joined(separator: " ")
                let matching: SQLQueryString =
                    "v.rowid IN (SELECT rowid FROM story_versions_fts WHERE story_versions_fts MATCH \(bind: match))"
                conditions = conditions + " AND " + matching
            } else {
                let match = words.map { "\($0):*" }.joined(separator: " & ")
                conditions = conditions + " AND v.search_vector @@ to_tsquery('english', \(bind: match))"
            }
        }
        let from: SQLQueryString = """
            FROM stories JOIN story_versions v ON v.id = stories.published_version_id
            JOIN hubs h ON h.id = COALESCE(v.hub_id, stories.hub_id)
            LEFT JOIN organisations o ON o.id = (CASE WHEN v.hub_id IS NULL THEN stories.organisation_id ELSE v.organisation_id END)
            WHERE
            """
        return (from, conditions)
    }

    /// A page of the readable stories that match, newest first, with their terms.
    static func page(_ query: StoryQuery, scope: ConsentScope, limit: Int? = nil, on db: Database) async throws
        -> [PublishedStory]
    {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let (from, conditions) = matching(query, scope: scope, isSQLite: sql.dialect.name == "sqlite")
        let pageSize = limit ?? StoryQuery.pageSize
        let offset = (query.page - 1) * pageSize
        let rows = try await sql.raw(
            """
            SELECT stories.id AS id, stories.slug AS slug, v.title AS title, v.summary AS summary, v.body AS body,
              h.slug AS hub_slug, h.name AS hub_name, o.name AS organisation_name,
              o.visibility AS organisation_visibility, COALESCE(v.kind_of_work, stories.kind_of_work) AS kind_of_work,
              stories.published_at AS published_at, v.created_at AS version_at,
              v.themes AS version_themes, v.hot_topics AS version_hot_topics,
              stories.photo_type AS photo_type, stories.photo_approved AS photo_approved, stories.photo_alt AS photo_alt
            """ + " " + from + " " + conditions
                + " ORDER BY stories.published_at DESC, stories.id LIMIT \(literal: pageSize) OFFSET \(literal: offset)"
        ).all()
        var stories: [PublishedStory] = []
        var versionTerms: [Int: (themes: [String], hotTopics: [String])] = [:]
        for row in rows {
            if let themes = StoryVersion.codes(try row.decode(column: "version_themes", as: String?.self)) {
                versionTerms[stories.count] = (
                    themes, StoryVersion.codes(try row.decode(column: "version_hot_topics", as: String?.self)) ?? []
                )
            }
            let publishedAt = try row.decode(column: "published_at", as: Date?.self) ?? Date(timeIntervalSince1970: 0)
            let organisationVisible =
                try row.decode(column: "organisation_visibility", as: String?.self)
                == Organisation.Visibility.public.rawValue || scope == .alliance
            stories.append(
                PublishedStory(
                    id: try row.decode(column: "id", as: UUID.self),
                    slug: try row.decode(column: "slug", as: String.self),
                    title: try row.decode(column: "title", as: String.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    body: try row.decode(column: "body", as: String.self),
                    hubSlug: try row.decode(column: "hub_slug", as: String.self),
                    hubName: try row.decode(column: "hub_name", as: String.self),
                    organisationName: organisationVisible
                        ? try row.decode(column: "organisation_name", as: String?.self) : nil,
                    kindOfWork: try row.decode(column: "kind_of_work", as: String.self),
                    publishedAt: publishedAt,
                    updatedAt: max(publishedAt, try row.decode(column: "version_at", as: Date?.self) ?? publishedAt),
                    hasPhoto: try row.decode(column: "photo_type", as: String?.self) != nil
                        && (try row.decode(column: "photo_approved", as: Bool?.self) ?? false),
                    photoAlt: try row.decode(column: "photo_alt", as: String?.self)
                ))
        }
        let unfiled = stories.indices.filter { versionTerms[$0] == nil }
        if !unfiled.isEmpty {
            let terms = try await StoryTerm.query(on: db).filter(\.$story.$id ~~ unfiled.map { stories[$0].id }).all()
            for index in unfiled {
                let own = terms.filter { $0.$story.id == stories[index].id }
                versionTerms[index] = (
                    own.filter { $0.vocabulary == .theme }.map(\.code).sorted(),
                    own.filter { $0.vocabulary == .hotTopic }.map(\.code).sorted()
                )
            }
        }
        for index in stories.indices {
            stories[index].themes = versionTerms[index]?.themes ?? []
            stories[index].hotTopics = versionTerms[index]?.hotTopics ?? []
        }
        return stories
    }
}
