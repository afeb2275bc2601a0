import Fluent

/// The hubs, their hosts and their people. Also makes the Organisations area's `organisations` and
/// `organisation_memberships` tables, since a hub is hosted by organisations and both came at once.
struct M003CreateHubsAndOrganisations: AsyncMigration {
    var name: String { "M003CreateHubsAndOrganisations" }

    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("summary", .string, .required)
            .field("description", .string, .required, .sql(.default("")))
            .field("website", .string)
            .field("charity_number", .string)
            .field("contact_email", .string)
            .field("contact_phone", .string)
            .field("visibility", .string, .required, .sql(.default("public")))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(Hub.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("summary", .string, .required)
            .field("membership_policy", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema(HubHost.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .unique(on: "hub_id", "organisation_id")
            .create()
        try await database.schema(HubMembership.schema)
            .id()
            .field("hub_id", .uuid, .required, .references(Hub.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("status", .string, .required, .sql(.default("approved")))
            .field("reason", .string)
            .field("created_at", .datetime)
            .unique(on: "hub_id", "user_id")
            .create()
        try await database.schema(OrganisationMembership.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OrganisationMembership.schema).delete()
        try await database.schema(HubMembership.schema).delete()
        try await database.schema(HubHost.schema).delete()
        try await database.schema(Hub.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
}
