import Fluent
import Vapor

/// A member's request for a critical friend: the challenge is private to them and to the people
/// they invite, and to nobody else, not even the national team.
final class PeerRequest: Model, @unchecked Sendable {
    static let schema = "peer_requests"

    enum Status: String, Sendable { case open, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "asker_id") var asker: User
    @Field(key: "title") var title: String
    @Field(key: "challenge") var challenge: String
    /// Method and theme codes, stored as ",a,b," so one can be matched with LIKE.
    @Field(key: "methods") var methods: String
    @Field(key: "themes") var themes: String
    @Field(key: "prefer_outside_hub") var preferOutsideHub: Bool
    @Field(key: "status") var status: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var methodCodes: Set<String> { Set(methods.split(separator: ",").map(String.init)) }
    var themeCodes: Set<String> { Set(themes.split(separator: ",").map(String.init)) }
    var isOpen: Bool { status == Status.open.rawValue }

    static func codes(_ codes: Set<String>) -> String {
        codes.isEmpty ? "" : "," + codes.sorted().joined(separator: ",") + ","
    }
}

/// An invitation to be someone's critical friend; once accepted, the private thread between the two.
final class PeerInvitation: Model, @unchecked Sendable {
    static let schema = "peer_invitations"

    enum Status: String, Sendable { case invited, accepted, declined, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: PeerRequest
    @Parent(key: "invitee_id") var invitee: User
    @Field(key: "status") var status: String
    /// Why the platform suggested this person, as the asker saw it.
    @Field(key: "reasons") var reasons: String
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var invitationStatus: Status { Status(rawValue: status) ?? .closed }
}

/// One message in a private thread.
final class PeerMessage: Model, @unchecked Sendable {
    static let schema = "peer_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "invitation_id") var invitation: PeerInvitation
    @Parent(key: "author_id") var author: User
    @Field(key: "body") var body: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Something a member offers to do for others ("I can run a session on facilitation").
final class SkillOffer: Model, @unchecked Sendable {
    static let schema = "skill_offers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "methods") var methods: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

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
