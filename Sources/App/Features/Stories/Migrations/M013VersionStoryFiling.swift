import Fluent

/// Keeps what a story is filed under with each version.
struct M013VersionStoryFiling: AsyncMigration {
    var name: String { "M013VersionStoryFiling" }

    func prepare(on database: Database) async throws {
        try await database.schema(StoryVersion.schema).field("hub_id", .uuid).update()
        try await database.schema(StoryVersion.schema).field("organisation_id", .uuid).update()
        try await database.schema(StoryVersion.schema).field("kind_of_work", .string).update()
        try await database.schema(StoryVersion.schema).field("themes", .string).update()
        try await database.schema(StoryVersion.schema).field("hot_topics", .string).update()
    }

    func revert(on database: Database) async throws {
        for field in ["hot_topics", "themes", "kind_of_work", "organisation_id", "hub_id"] {
            try await database.schema(StoryVersion.schema).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
