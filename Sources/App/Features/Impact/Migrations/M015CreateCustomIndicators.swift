import Fluent

/// Organisations' own and local indicators, and the votes for local ones.
struct M015CreateCustomIndicators: AsyncMigration {
    var name: String { "M015CreateCustomIndicators" }

    func prepare(on database: Database) async throws {
        try await database.schema(CustomIndicator.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("code", .string, .required)
            .field("construct", .string, .required)
            .field("wording", .string, .required)
            .field("answers", .string, .required)
            .field("community", .string, .required)
            .field("proposed_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await database.schema(CustomIndicatorVote.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(CustomIndicator.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "indicator_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CustomIndicatorVote.schema).delete()
        try await database.schema(CustomIndicator.schema).delete()
    }
}
