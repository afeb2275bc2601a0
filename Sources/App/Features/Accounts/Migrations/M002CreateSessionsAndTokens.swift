import Fluent
import SQLKit

/// Also makes the sign-in failures table, which M021CreateThrottleCounters later replaces.
struct M002CreateSessionsAndTokens: AsyncMigration {
    var name: String { "M002CreateSessionsAndTokens" }

    func prepare(on database: Database) async throws {
        try await database.schema(UserSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(EmailToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "sign_in_failures_key_failed_at")
                .on("sign_in_failures").column("key").column("failed_at").run()
            try await sql.create(index: "sessions_user_id").on(UserSession.schema).column("user_id").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema("sign_in_failures").delete()
        try await database.schema(APIToken.schema).delete()
        try await database.schema(EmailToken.schema).delete()
        try await database.schema(UserSession.schema).delete()
    }
}
