import Fluent
import SQLKit

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
        try await Self.createTriggers(sql)
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await Self.dropTriggers(sql)
        try await sql.raw("DROP TABLE IF EXISTS directory_state").run()
    }

    /// Also used by M030's revert, which puts these triggers back.
    static func createTriggers(_ sql: SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            for table in trackedTables {
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

    /// Also used by M030, which replaces these triggers.
    static func dropTriggers(_ sql: SQLDatabase) async throws {
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
    }
}
