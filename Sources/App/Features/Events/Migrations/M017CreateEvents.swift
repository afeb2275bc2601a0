import Fluent
import SQLKit

/// Events, their registrations and the feedback people give afterwards.
struct M017CreateEvents: AsyncMigration {
    var name: String { "M017CreateEvents" }

    func prepare(on database: Database) async throws {
        try await database.schema(Event.schema)
            .id()
            .field("slug", .string, .required)
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("place", .string, .required)
            .field("online_url", .string, .required)
            .field("step_free", .bool, .required)
            .field("hearing_loop", .bool, .required)
            .field("interpreters", .string, .required)
            .field("quiet_room", .bool, .required)
            .field("access_notes", .string, .required)
            .field("capacity", .int, .required)
            .field("places_taken", .int, .required)
            .field("audience", .string, .required)
            .field("ask_access_needs", .bool, .required)
            .field("ask_dietary_needs", .bool, .required)
            .field("ask_organisation", .bool, .required)
            .field("ask_feedback", .bool, .required)
            .field("hub_id", .uuid, .references(Hub.schema, .id, onDelete: .setNull))
            .field("organisation_id", .uuid, .references(Organisation.schema, .id, onDelete: .setNull))
            .field("created_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("recorded_attendance", .int)
            .field("feedback_requested_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(EventRegistration.schema)
            .id()
            .field("event_id", .uuid, .required, .references(Event.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("status", .string, .required)
            .field("token_hash", .string, .required)
            .field("access_needs", .string, .required)
            .field("dietary_needs", .string, .required)
            .field("organisation_name", .string, .required)
            .field("attended", .bool, .required)
            .field("confirmed_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(EventFeedback.schema)
            .id()
            .field("event_id", .uuid, .required, .references(Event.schema, .id, onDelete: .cascade))
            .field("registration_id", .uuid, .required, .references(EventRegistration.schema, .id, onDelete: .cascade))
            .field("rating", .int, .required)
            .field("worked_well", .string, .required)
            .field("to_change", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "registration_id")
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "events_starts_at").on(Event.schema).column("starts_at").run()
            try await sql.create(index: "event_registrations_event_status").on(EventRegistration.schema).column(
                "event_id"
            ).column("status").run()
            // One live registration per address and event, however fast the form is sent twice.
            try await sql.raw(
                "CREATE UNIQUE INDEX event_registrations_live_email ON event_registrations (event_id, email) WHERE status <> 'cancelled'"
            ).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(EventFeedback.schema).delete()
        try await database.schema(EventRegistration.schema).delete()
        try await database.schema(Event.schema).delete()
    }
}
