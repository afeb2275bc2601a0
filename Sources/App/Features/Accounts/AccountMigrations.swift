import Fluent
import Foundation
import SQLKit

struct M001CreateUsers: AsyncMigration {
    var name: String { "M001CreateUsers" }

    func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("pending_email", .string)
            .field("email_confirmed_at", .datetime)
            .field("is_coordinator", .bool, .required, .sql(.default(false)))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

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

/// Limits count in one row per key, changed by one conditional update, instead of a row per attempt.
struct M021CreateThrottleCounters: AsyncMigration {
    var name: String { "M021CreateThrottleCounters" }

    func prepare(on database: Database) async throws {
        try await database.schema(ThrottleCounter.schema)
            .id()
            .field("key", .string, .required)
            .field("window_start", .datetime, .required)
            .field("used", .int, .required)
            .unique(on: "key")
            .create()
        try await database.schema("sign_in_failures").delete()
    }

    func revert(on database: Database) async throws {
        try await database.schema("sign_in_failures")
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        try await database.schema(ThrottleCounter.schema).delete()
    }
}
