import Fluent
import SQLKit

/// The hint an organisation gives for making a participant code, shown beside the code box on
/// every survey of the project, so that the same person makes the same code before and after.
struct M022AddProjectCodeHints: AsyncMigration {
    var name: String { "M022AddProjectCodeHints" }

    func prepare(on database: Database) async throws {
        try await database.schema(Project.schema).field("code_hint", .string).update()
    }

    func revert(on database: Database) async throws {
        // Fluent's deleteField does nothing on SQLite; both databases drop a column in SQL.
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw("ALTER TABLE projects DROP COLUMN code_hint").run()
    }
}
