import Fluent
import SQLKit

/// What a person tells a hub's stewards when they ask to join, so the stewards can decide.
struct M027AddJoinMessages: AsyncMigration {
    var name: String { "M027AddJoinMessages" }

    func prepare(on database: Database) async throws {
        try await database.schema(HubMembership.schema).field("message", .string).update()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw("ALTER TABLE hub_memberships DROP COLUMN message").run()
    }
}
