import Fluent
import Vapor

/// An organisation doing good relations work. The directory issue adds its full listing fields.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "summary") var summary: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, slug: String, name: String, summary: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.summary = summary
    }
}

/// A person's place in an organisation: a member or one of its admins.
final class OrganisationMembership: Model, @unchecked Sendable {
    static let schema = "organisation_memberships"

    enum Role: String, Codable, Sendable, CaseIterable {
        case member
        case admin
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, userID: UUID, role: Role) {
        self.$organisation.id = organisationID
        self.$user.id = userID
        self.role = role.rawValue
    }
}
