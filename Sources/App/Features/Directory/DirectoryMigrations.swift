import Fluent
import SQLKit

/// The directory's descriptive tables, and full-text search over organisations:
/// an FTS5 table kept in step by triggers on SQLite, a weighted tsvector column on PostgreSQL.
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

/// A change counter for the directory, bumped by the database itself on every write to the tables
/// the in-memory `DirectoryIndex` is built from, so no code path can leave that picture stale.
struct M008TrackDirectoryChanges: AsyncMigration {
    var name: String { "M008TrackDirectoryChanges" }

    static let trackedTables = [
        Organisation.schema, OrganisationTerm.schema, OrganisationArea.schema, OrganisationHub.schema, Hub.schema,
    ]

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw(
            "CREATE TABLE directory_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation BIGINT NOT NULL)"
        ).run()
        try await sql.raw("INSERT INTO directory_state (id, generation) VALUES (1, 1)").run()
        if sql.dialect.name == "sqlite" {
            for table in Self.trackedTables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: "directory_changed_\(table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(unsafeRaw: table) BEGIN
                          UPDATE directory_state SET generation = generation + 1 WHERE id = 1;
                        END
                        """
                    ).run()
                }
            }
        } else {
            // Once per statement: a bulk import bumps the counter once per insert, not once per row.
            try await sql.raw(
                """
                CREATE FUNCTION directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE directory_state SET generation = generation + 1 WHERE id = 1;
                  RETURN NULL;
                END
                $$
                """
            ).run()
            for table in Self.trackedTables {
                try await sql.raw(
                    "CREATE TRIGGER \(unsafeRaw: "directory_changed_\(table)") AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION directory_changed()"
                ).run()
            }
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for table in Self.trackedTables {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_changed_\(table)_\(event)")")
                        .run()
                }
            }
        } else {
            for table in Self.trackedTables {
                try await sql.raw(
                    "DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_changed_\(table)") ON \(unsafeRaw: table)"
                ).run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS directory_changed()").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS directory_state").run()
    }
}
