import Fluent

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
