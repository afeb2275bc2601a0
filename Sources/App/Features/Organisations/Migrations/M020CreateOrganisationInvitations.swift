import Fluent

/// Invitations to join an organisation; only each token's hash is kept.
struct M020CreateOrganisationInvitations: AsyncMigration {
    var name: String { "M020CreateOrganisationInvitations" }

    func prepare(on database: Database) async throws {
        try await database.schema(OrganisationInvitation.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, .id, onDelete: .cascade))
            .field("email", .string, .required)
            .field("role", .string, .required)
            .field("token_hash", .string, .required)
            .field("invited_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .unique(on: "organisation_id", "email")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OrganisationInvitation.schema).delete()
    }
}
