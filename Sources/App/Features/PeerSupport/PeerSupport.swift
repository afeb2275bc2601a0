import Fluent
import Vapor

/// A member's request for a critical friend: the challenge is private to them and to the people
/// they invite, and to nobody else, not even the national team.
final class PeerRequest: Model, @unchecked Sendable {
    static let schema = "peer_requests"

    enum Status: String, Codable, Sendable {
        case open
        case closed
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "asker_id") var asker: User
    @Field(key: "title") var title: String
    @Field(key: "challenge") var challenge: String
    /// Method and theme codes, stored as ",a,b," so one can be matched with LIKE.
    @Field(key: "methods") var methods: String
    @Field(key: "themes") var themes: String
    @Field(key: "prefer_outside_hub") var preferOutsideHub: Bool
    @Field(key: "status") var status: Status
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $asker, $title, $challenge, $methods, $themes, $preferOutsideHub, $status, $createdAt]
    }

    var methodCodes: Set<String> { Set(methods.split(separator: ",").map(String.init)) }
    var themeCodes: Set<String> { Set(themes.split(separator: ",").map(String.init)) }
    var isOpen: Bool { status == .open }

    static func codes(_ codes: Set<String>) -> String {
        codes.isEmpty ? "" : "," + codes.sorted().joined(separator: ",") + ","
    }
}

/// An invitation to be someone's critical friend; once accepted, the private thread between the two.
final class PeerInvitation: Model, @unchecked Sendable {
    static let schema = "peer_invitations"

    enum Status: String, Codable, Sendable {
        case invited
        case accepted
        case declined
        case closed
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "request_id") var request: PeerRequest
    @Parent(key: "invitee_id") var invitee: User
    @Field(key: "status") var status: Status
    /// Why the platform suggested this person, as the asker saw it.
    @Field(key: "reasons") var reasons: String
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [$id, $request, $invitee, $status, $reasons, $respondedAt, $closedAt, $createdAt]
    }
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

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $invitation, $author, $body, $createdAt] }
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

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $user, $title, $description, $methods, $createdAt] }
}
