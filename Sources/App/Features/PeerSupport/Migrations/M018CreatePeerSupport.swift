import Fluent

/// Requests for a critical friend, their invitations and private threads, and skills offered.
struct M018CreatePeerSupport: AsyncMigration {
    var name: String { "M018CreatePeerSupport" }

    func prepare(on database: Database) async throws {
        try await database.schema(PeerRequest.schema)
            .id()
            .field("asker_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("challenge", .string, .required)
            .field("methods", .string, .required)
            .field("themes", .string, .required)
            .field("prefer_outside_hub", .bool, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PeerInvitation.schema)
            .id()
            .field("request_id", .uuid, .required, .references(PeerRequest.schema, .id, onDelete: .cascade))
            .field("invitee_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("status", .string, .required)
            .field("reasons", .string, .required)
            .field("responded_at", .datetime)
            .field("closed_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "request_id", "invitee_id")
            .create()
        try await database.schema(PeerMessage.schema)
            .id()
            .field("invitation_id", .uuid, .required, .references(PeerInvitation.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SkillOffer.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("methods", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SkillOffer.schema).delete()
        try await database.schema(PeerMessage.schema).delete()
        try await database.schema(PeerInvitation.schema).delete()
        try await database.schema(PeerRequest.schema).delete()
    }
}
