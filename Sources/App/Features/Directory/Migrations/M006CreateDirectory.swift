import Fluent
import SQLKit

/// The directory's descriptive tables, and full-text search over organisations:
/// an FTS5 table kept in step by triggers on SQLite, a weighted tsvector column on PostgreSQL.
/// Also makes the Hubs area's `hub_areas` table, which the directory's area filter grew with.
struct M006CreateDirectory: AsyncMigration {
    var name: String { "M006CreateDirectory" }

    func prepare(on database: Database) async throws {
        try await database.schema(OrganisationTerm.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .unique(on: "organisation_id", "vocabulary", "code")
            .create()
        try await database.schema(OrganisationArea.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("area_code", .string, .required)
            .unique(on: "organisation_id", "area_code")
            .create()
        try await database.schema(OrganisationHub.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("status", .string, .required)
            .field("reason", .string)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "hub_id")
            .create()
        try await database.schema(HubArea.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("area_code", .string, .required)
            .unique(on: "hub_id", "area_code")
            .create()

        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "organisation_terms_vocabulary_code").on(OrganisationTerm.schema).column(
            "vocabulary"
        ).column("code").run()
        try await sql.create(index: "organisation_areas_area_code").on(OrganisationArea.schema).column("area_code")
            .run()
        try await sql.create(index: "organisation_hubs_hub_status").on(OrganisationHub.schema).column("hub_id").column(
            "status"
        ).run()
        try await sql.create(index: "organisations_visibility_name").on(Organisation.schema).column("visibility")
            .column("name").run()

        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                "CREATE VIRTUAL TABLE organisations_fts USING fts5(name, summary, description, content='organisations', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')"
            ).run()
            try await sql.raw(
                "INSERT INTO organisations_fts(rowid, name, summary, description) SELECT rowid, name, summary, description FROM organisations"
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations BEGIN
                  INSERT INTO organisations_fts(rowid, name, summary, description) VALUES (new.rowid, new.name, new.summary, new.description);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER organisations_fts_delete AFTER DELETE ON organisations BEGIN
                  INSERT INTO organisations_fts(organisations_fts, rowid, name, summary, description) VALUES ('delete', old.rowid, old.name, old.summary, old.description);
                END
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER organisations_fts_update AFTER UPDATE ON organisations BEGIN
                  INSERT INTO organisations_fts(organisations_fts, rowid, name, summary, description) VALUES ('delete', old.rowid, old.name, old.summary, old.description);
                  INSERT INTO organisations_fts(rowid, name, summary, description) VALUES (new.rowid, new.name, new.summary, new.description);
                END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                ALTER TABLE organisations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
                  setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
                  setweight(to_tsvector('english', coalesce(description, '')), 'C')
                ) STORED
                """
            ).run()
            try await sql.raw("CREATE INDEX organisations_search_vector ON organisations USING GIN (search_vector)")
                .run()
        }
    }

    func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase {
            if sql.dialect.name == "sqlite" {
                for trigger in ["organisations_fts_insert", "organisations_fts_delete", "organisations_fts_update"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: trigger)").run()
                }
                try await sql.raw("DROP TABLE IF EXISTS organisations_fts").run()
            } else {
                try await sql.raw("DROP INDEX IF EXISTS organisations_search_vector").run()
                try await sql.raw("ALTER TABLE organisations DROP COLUMN IF EXISTS search_vector").run()
            }
            try await sql.drop(index: "organisations_visibility_name").run()
        }
        try await database.schema(HubArea.schema).delete()
        try await database.schema(OrganisationHub.schema).delete()
        try await database.schema(OrganisationArea.schema).delete()
        try await database.schema(OrganisationTerm.schema).delete()
    }
}
