import Fluent

/// The weekly digest: who turned it off, and which weeks' digests went to whom, so a digest goes
/// once however often the command runs.
struct M028CreateDigests: AsyncMigration {
    var name: String { "M028CreateDigests" }

    func prepare(on database: Database) async throws {
        try await database.schema(DigestOptOut.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .create()
        try await database.schema(DigestSend.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("week", .string, .required)
            .field("sent_at", .datetime)
            .unique(on: "user_id", "week")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(DigestSend.schema).delete()
        try await database.schema(DigestOptOut.schema).delete()
    }
}
