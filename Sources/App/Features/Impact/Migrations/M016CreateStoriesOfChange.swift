import Fluent

/// Stories of change and their selection rounds.
struct M016CreateStoriesOfChange: AsyncMigration {
    var name: String { "M016CreateStoriesOfChange" }

    func prepare(on database: Database) async throws {
        try await database.schema(ChangeStory.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("domain", .string, .required)
            .field("period", .string, .required)
            .field("told_on", .string, .required)
            .field("collector_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("teller", .string, .required)
            .field("consent", .string, .required)
            .field("place", .string, .required)
            .field("what_happened", .string, .required)
            .field("why_it_matters", .string, .required)
            .field("feedback", .string)
            .field("fed_back_on", .string)
            .field("story_id", .uuid, .references(Story.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
        try await database.schema(ChangeStorySelection.schema)
            .id()
            .field("change_story_id", .uuid, .required, .references(ChangeStory.schema, .id, onDelete: .cascade))
            .field("level", .string, .required)
            .field("panel", .string, .required)
            .field("chosen", .bool, .required)
            .field("reasons", .string, .required)
            .field("decided_on", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ChangeStorySelection.schema).delete()
        try await database.schema(ChangeStory.schema).delete()
    }
}
