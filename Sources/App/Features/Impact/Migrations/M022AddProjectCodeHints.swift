import Fluent
import SQLKit

/// What a project's surveys say of the people answering: the hint for making a participant code,
/// shown beside the code box on every survey so the same person makes the same code before and
/// after; the word for them in the analysis ("pupils"); and whether they are practitioners, which
/// is when the confidence indicator is named for practitioners.
struct M022AddProjectCodeHints: AsyncMigration {
    var name: String { "M022AddProjectCodeHints" }

    func prepare(on database: Database) async throws {
        // One column at a time: SQLite adds one per ALTER TABLE.
        try await database.schema(Project.schema).field("code_hint", .string).update()
        try await database.schema(Project.schema).field("participants", .string).update()
        // Empty means no: projects made before this column are not about practitioners.
        try await database.schema(Project.schema).field("about_practitioners", .bool).update()
    }

    func revert(on database: Database) async throws {
        // Fluent's deleteField does nothing on SQLite; both databases drop a column in SQL.
        guard let sql = database as? SQLDatabase else { return }
        for column in ["code_hint", "participants", "about_practitioners"] {
            try await sql.raw("ALTER TABLE projects DROP COLUMN \(ident: column)").run()
        }
    }
}
