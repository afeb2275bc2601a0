import Fluent
import SQLKit

/// Practitioners' profiles and the methods and themes on them.
struct M007CreateProfiles: AsyncMigration {
    var name: String { "M007CreateProfiles" }

    func prepare(on database: Database) async throws {
        try await database.schema(Profile.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("bio", .string, .required)
            .field("skills", .string, .required)
            .field("languages", .string, .required)
            .field("critical_friend", .bool, .required)
            .field("visibility", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema(ProfileTerm.schema)
            .id()
            .field("profile_id", .uuid, .required, .references(Profile.schema, .id, onDelete: .cascade))
            .field("vocabulary", .string, .required)
            .field("code", .string, .required)
            .unique(on: "profile_id", "vocabulary", "code")
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "profiles_visibility").on(Profile.schema).column("visibility").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProfileTerm.schema).delete()
        try await database.schema(Profile.schema).delete()
    }
}
