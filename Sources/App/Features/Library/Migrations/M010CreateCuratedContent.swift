import Fluent

/// The shared knowledge the national team curates: terms, the library, and also the Practice area's
/// `case_studies` and `case_study_saves` and the Narratives area's `narratives` and
/// `narrative_sightings` tables, since all of it came at once.
struct M010CreateCuratedContent: AsyncMigration {
    var name: String { "M010CreateCuratedContent" }

    func prepare(on database: Database) async throws {
        try await database.schema(ContentTerm.schema)
            .id()
            .field("content_type", .string, .required)
            .field("content_id", .uuid, .required)
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .unique(on: "content_type", "content_id", "vocabulary", "code")
            .create()
        try await database.schema(CaseStudy.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .setNull))
            .field("context", .string, .required)
            .field("challenge", .string, .required)
            .field("approach", .string, .required)
            .field("outcome", .string, .required)
            .field("evidence", .string, .required)
            .field("contact", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(CaseStudySave.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("case_study_id", .uuid, .required, .references(CaseStudy.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "user_id", "case_study_id")
            .create()
        try await database.schema(Narrative.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("hot_topic", .string, .required)
            .field("claim", .string, .required)
            .field("sets_against", .string, .required)
            .field("facts", .string, .required)
            .field("answers", .string, .required)
            .field("resource_slugs", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(NarrativeSighting.schema)
            .id()
            .field("narrative_id", .uuid, .required, .references(Narrative.schema, .id, onDelete: .cascade))
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("seen_on", .string, .required)
            .field("place", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Resource.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("link", .string)
            .field("doi", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [
            Resource.schema, NarrativeSighting.schema, Narrative.schema, CaseStudySave.schema, CaseStudy.schema,
            ContentTerm.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
