import Fluent
import SQLKit

/// Replaces M008's bare change counter with a change log: each write to the tables the in-memory
/// `DirectoryIndex` is built from records which organisation it touched, under the generation it
/// made. A process then refreshes its picture by re-reading only those organisations, so a write
/// costs in proportion to what it changed rather than to the size of the directory.
///
/// Why the generation orders writes: every write first bumps `directory_state.generation`, which
/// locks that one row until the transaction ends, so generations commit in order and a reader that
/// sees generation `g` also sees every change logged at or below it.
struct M030LogDirectoryChanges: AsyncMigration {
    var name: String { "M030LogDirectoryChanges" }

    /// Tables whose rows belong to one organisation, with the column naming it.
    static let organisationTables = [
        (Organisation.schema, "id"),
        (OrganisationTerm.schema, "organisation_id"),
        (OrganisationArea.schema, "organisation_id"),
        (OrganisationHub.schema, "organisation_id"),
    ]

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await M008TrackDirectoryChanges.dropTriggers(sql)
        try await sql.raw("ALTER TABLE directory_state ADD COLUMN pruned_below BIGINT NOT NULL DEFAULT 0").run()
        // `scope` is `organisation` (organisation_id says which), `hubs` (the hub list) or `all`.
        try await sql.raw(
            "CREATE TABLE directory_changes (generation BIGINT NOT NULL, scope VARCHAR(20) NOT NULL, organisation_id UUID)"
        ).run()
        try await sql.create(index: "directory_changes_generation").on("directory_changes").column("generation")
            .run()
        if sql.dialect.name == "sqlite" {
            try await createSQLiteTriggers(sql)
        } else {
            try await createPostgresTriggers(sql)
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for (table, _) in Self.organisationTables + [(Hub.schema, "")] {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_logged_\(table)_\(event)")").run()
                }
            }
        } else {
            for (table, _) in Self.organisationTables + [(Hub.schema, "")] {
                try await sql.raw(
                    "DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_bump_\(table)") ON \(unsafeRaw: table)"
                )
                .run()
                try await sql.raw(
                    "DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_logged_\(table)") ON \(unsafeRaw: table)"
                )
                .run()
                try await sql.raw(
                    "DROP TRIGGER IF EXISTS \(unsafeRaw: "directory_truncated_\(table)") ON \(unsafeRaw: table)"
                ).run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS directory_bump()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS directory_row_logged()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS directory_truncated()").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS directory_changes").run()
        try await sql.raw("ALTER TABLE directory_state DROP COLUMN pruned_below").run()
        try await M008TrackDirectoryChanges.createTriggers(sql)
    }

    /// SQLite has row triggers only: each row bumps the generation and logs itself under it.
    private func createSQLiteTriggers(_ sql: SQLDatabase) async throws {
        let bump = "UPDATE directory_state SET generation = generation + 1 WHERE id = 1;"
        func log(_ scope: String, _ organisation: String) -> String {
            "INSERT INTO directory_changes (generation, scope, organisation_id) SELECT generation, '\(scope)', \(organisation) FROM directory_state WHERE id = 1;"
        }
        for (table, column) in Self.organisationTables {
            let bodies = [
                ("insert", "INSERT", bump + log("organisation", "NEW.\(column)")),
                (
                    "update", "UPDATE",
                    bump + log("organisation", "OLD.\(column)") + log("organisation", "NEW.\(column)")
                ),
                ("delete", "DELETE", bump + log("organisation", "OLD.\(column)")),
            ]
            for (suffix, event, body) in bodies {
                try await sql.raw(
                    "CREATE TRIGGER \(unsafeRaw: "directory_logged_\(table)_\(suffix)") AFTER \(unsafeRaw: event) ON \(unsafeRaw: table) BEGIN \(unsafeRaw: body) END"
                ).run()
            }
        }
        for (suffix, event) in [("insert", "INSERT"), ("update", "UPDATE"), ("delete", "DELETE")] {
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: "directory_logged_\(Hub.schema)_\(suffix)") AFTER \(unsafeRaw: event) ON \(unsafeRaw: Hub.schema) BEGIN \(unsafeRaw: bump + log("hubs", "NULL")) END"
            ).run()
        }
    }

    /// PostgreSQL bumps once per statement, before its rows, so a bulk insert takes one generation;
    /// each row then logs itself under it. A truncate logs `all`.
    private func createPostgresTriggers(_ sql: SQLDatabase) async throws {
        try await sql.raw(
            """
            CREATE FUNCTION directory_bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE directory_state SET generation = generation + 1 WHERE id = 1;
              RETURN NULL;
            END
            $$
            """
        ).run()
        // The column naming the organisation is the trigger's argument; with none, the hub list changed.
        try await sql.raw(
            """
            CREATE FUNCTION directory_row_logged() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_NARGS = 0 THEN
                INSERT INTO directory_changes (generation, scope, organisation_id)
                  SELECT generation, 'hubs', NULL FROM directory_state WHERE id = 1;
                RETURN NULL;
              END IF;
              IF TG_OP <> 'INSERT' THEN
                INSERT INTO directory_changes (generation, scope, organisation_id)
                  SELECT generation, 'organisation', (to_jsonb(OLD) ->> TG_ARGV[0])::uuid FROM directory_state WHERE id = 1;
              END IF;
              IF TG_OP <> 'DELETE' THEN
                INSERT INTO directory_changes (generation, scope, organisation_id)
                  SELECT generation, 'organisation', (to_jsonb(NEW) ->> TG_ARGV[0])::uuid FROM directory_state WHERE id = 1;
              END IF;
              RETURN NULL;
            END
            $$
            """
        ).run()
        try await sql.raw(
            """
            CREATE FUNCTION directory_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE directory_state SET generation = generation + 1 WHERE id = 1;
              INSERT INTO directory_changes (generation, scope, organisation_id)
                SELECT generation, 'all', NULL FROM directory_state WHERE id = 1;
              RETURN NULL;
            END
            $$
            """
        ).run()
        for (table, column) in Self.organisationTables + [(Hub.schema, "")] {
            let argument = column.isEmpty ? "" : "'\(column)'"
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: "directory_bump_\(table)") BEFORE INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION directory_bump()"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: "directory_logged_\(table)") AFTER INSERT OR UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION directory_row_logged(\(unsafeRaw: argument))"
            ).run()
            try await sql.raw(
                "CREATE TRIGGER \(unsafeRaw: "directory_truncated_\(table)") AFTER TRUNCATE ON \(unsafeRaw: table) FOR EACH STATEMENT EXECUTE FUNCTION directory_truncated()"
            ).run()
        }
    }
}
