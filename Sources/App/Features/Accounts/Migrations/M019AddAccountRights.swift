import Fluent
import Foundation
import SQLKit

/// Account rights: deleted accounts kept as empty rows, named and expiring API tokens.
struct M019AddAccountRights: AsyncMigration {
    var name: String { "M019AddAccountRights" }

    func prepare(on database: Database) async throws {
        try await database.schema(User.schema).field("deleted_at", .datetime).update()
        try await database.schema(User.schema).field("email_since", .datetime).update()
        if let sql = database as? SQLDatabase {
            try await sql.raw("UPDATE users SET email_since = created_at").run()
        }
        try await database.schema(APIToken.schema).field("name", .string, .required, .sql(.default("API token")))
            .update()
        try await database.schema(APIToken.schema).field("expires_at", .datetime).update()
        // Tokens made before expiry existed last the default time from now.
        try await APIToken.query(on: database).filter(\.$expiresAt == nil)
            .set(\.$expiresAt, to: Date().addingTimeInterval(90 * 24 * 60 * 60)).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(APIToken.schema).deleteField("expires_at").update()
        try await database.schema(APIToken.schema).deleteField("name").update()
        try await database.schema(User.schema).deleteField("email_since").update()
        try await database.schema(User.schema).deleteField("deleted_at").update()
    }
}
