import Fluent

/// Projects and the outcomes of their theories of change.
struct M011CreateProjects: AsyncMigration {
    var name: String { "M011CreateProjects" }

    func prepare(on database: Database) async throws {
        try await database.schema(Project.schema)
            .id()
            .field("slug", .string, .required)
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("kind_of_work", .string, .required)
            .field("inputs", .string, .required)
            .field("activities", .string, .required)
            .field("outputs", .string, .required)
            .field("impact", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(Outcome.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("description", .string, .required)
            .field("indicator_codes", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Outcome.schema).delete()
        try await database.schema(Project.schema).delete()
    }
}
