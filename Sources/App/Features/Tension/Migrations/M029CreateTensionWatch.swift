import Fluent
import SQLKit

/// Tension watch: observations, hub levels and their scale and retention, trigger events with each
/// hub's check-in, and the weeks the national team published.
struct M029CreateTensionWatch: AsyncMigration {
    var name: String { "M029CreateTensionWatch" }

    func prepare(on database: Database) async throws {
        try await database.schema(TensionObservation.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("observed_on", .string, .required)
            .field("week", .string, .required)
            .field("area_code", .string, .required)
            .field("kind", .string, .required)
            .field("themes", .string, .required)
            .field("level", .int, .required)
            .field("what_seen", .string, .required)
            .field("grading", .string, .required)
            .field("source_type", .string, .required)
            .field("response", .string, .required)
            .field("narrative_id", .uuid, .references(Narrative.schema, .id, onDelete: .setNull))
            .field("acknowledged_at", .datetime)
            .field("acknowledged_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("follow_up", .string)
            .field("follow_up_status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(TensionHubLevel.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("level", .int, .required)
            .field("note", .string, .required)
            .field("week", .string, .required)
            .field("set_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("set_at", .datetime)
            .create()
        try await database.schema(TensionLevelWording.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("level", .int, .required)
            .field("name", .string, .required)
            .field("description", .string, .required)
            .unique(on: "hub_id", "level")
            .create()
        try await database.schema(TensionSettings.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("retention_months", .int, .required)
            .unique(on: "hub_id")
            .create()
        try await database.schema(TriggerEvent.schema)
            .id()
            .field("title", .string, .required)
            .field("what_happened", .string, .required)
            .field("happened_on", .string, .required)
            .field("themes", .string, .required)
            .field("first_day", .string, .required)
            .field("first_week", .string, .required)
            .field("first_month", .string, .required)
            .field("resource_slugs", .string, .required)
            .field("narrative_slugs", .string, .required)
            .field("case_study_slugs", .string, .required)
            .field("declared_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("declared_at", .datetime)
            .field("reminded_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(TriggerCheckIn.schema)
            .id()
            .field("trigger_event_id", .uuid, .required, .references(TriggerEvent.schema, .id, onDelete: .cascade))
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("level", .int)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "trigger_event_id", "hub_id")
            .create()
        try await database.schema(PublishedTensionWeek.schema)
            .id()
            .field("week", .string, .required)
            .field("published_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("published_at", .datetime)
            .unique(on: "week")
            .create()
        guard let sql = database as? SQLDatabase else { return }
        // The hub picture and the national view read observations and levels by hub and week.
        try await sql.raw("CREATE INDEX tension_observations_hub_week ON tension_observations (hub_id, week)").run()
        try await sql.raw("CREATE INDEX tension_observations_week ON tension_observations (week)").run()
        try await sql.raw("CREATE INDEX tension_hub_levels_hub_week ON tension_hub_levels (hub_id, week)").run()
        try await sql.raw("CREATE INDEX tension_hub_levels_week ON tension_hub_levels (week)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [
            PublishedTensionWeek.schema, TriggerCheckIn.schema, TriggerEvent.schema, TensionSettings.schema,
            TensionLevelWording.schema, TensionHubLevel.schema, TensionObservation.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
