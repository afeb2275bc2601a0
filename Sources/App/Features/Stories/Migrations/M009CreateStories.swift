import Fluent
import SQLKit

/// Stories, their versions, consents, terms and photos; full-text search over story versions
/// (FTS5 on SQLite, a weighted tsvector on PostgreSQL).
struct M009CreateStories: AsyncMigration {
    var name: String { "M009CreateStories" }

    func prepare(on database: Database) async throws {
        try await database.schema(Story.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id))
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .setNull))
            .field("author_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("kind_of_work", .string, .required)
            .field("status", .string, .required)
            .field("return_reason", .string)
            .field("published_version_id", .uuid)
            .field("first_published_at", .datetime)
            .field("published_at", .datetime)
            .field("photo_alt", .string)
            .field("photo_type", .string)
            .field("photo_approved", .bool, .required, .sql(.default(false)))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(StoryVersion.schema)
            .id()
            .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("saved_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "story_id", "number")
            .create()
        try await database.schema(StoryTerm.schema)
            .id()
            .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .unique(on: "story_id", "vocabulary", "code")
            .create()
        try await database.schema(StoryConsent.schema)
            .id()
            .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
            .field("person", .string, .required)
            .field("scope", .string, .required)
            .field("scope_rank", .int, .required)
            .field("how_given", .string, .required)
            .field("given_on", .string, .required)
            .field("expires_on", .string)
            .field("withdrawn_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(StoryPhoto.schema)
            .id()
            .field("story_id", .uuid, .required, .references(Story.schema, .id, onDelete: .cascade))
            .field("content_type", .string, .required)
            .field("data", .data, .required)
            .unique(on: "story_id")
            .create()

        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "story_consents_story").on(StoryConsent.schema).column("story_id").run()
        try await sql.create(index: "story_terms_vocabulary_code").on(StoryTerm.schema).column("vocabulary").column(
            "code"
        ).run()
        try await sql.create(index: "stories_status").on(Story.schema).column("status").column("hub_id").run()
        if sql.dialect.name == "sqlite" {
            // Versions are never edited, only added (and removed with their story).
            try await sql.raw(
                "CREATE VIRTUAL TABLE story_versions_fts USING fts5(title, summary, body, content='story_versions', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER story_versions_fts_insert AFTER INSERT ON story_versions BEGIN
                  INSERT INTO story_versions_fts(rowid, title, summary, body) VALUES (new.rowid, new.title, new.summary, new.body);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER story_versions_fts_delete AFTER DELETE ON story_versions BEGIN
                  INSERT INTO story_versions_fts(story_versions_fts, rowid, title, summary, body) VALUES ('delete', old.rowid, old.title, old.summary, old.body);
                END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                ALTER TABLE story_versions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                  setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
                  setweight(to_tsvector('english', coalesce(body, '')), 'C')
                ) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX story_versions_search_vector ON story_versions USING GIN (search_vector)")
                .run()
        }
    }

    func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase, sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS story_versions_fts_insert").run()
            try await sql.raw("DROP TRIGGER IF EXISTS story_versions_fts_delete").run()
            try await sql.raw("DROP TABLE IF EXISTS story_versions_fts").run()
        }
        try await database.schema(StoryPhoto.schema).delete()
        try await database.schema(StoryConsent.schema).delete()
        try await database.schema(StoryTerm.schema).delete()
        try await database.schema(StoryVersion.schema).delete()
        try await database.schema(Story.schema).delete()
    }
}
