import Fluent
import Vapor

/// An organisation doing good relations work, as listed in the directory.
final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    enum Visibility: String, Codable, Sendable, CaseIterable {
        /// Anyone may see the listing.
        case `public`
        /// Only signed-in alliance members may see it; it never reaches search for visitors, the API or open data.
        case members
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "summary") var summary: String
    @Field(key: "description") var description: String
    @OptionalField(key: "website") var website: String?
    @OptionalField(key: "charity_number") var charityNumber: String?
    @OptionalField(key: "contact_email") var contactEmail: String?
    @OptionalField(key: "contact_phone") var contactPhone: String?
    @Field(key: "visibility") var visibility: Visibility
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] {
        [
            $id, $slug, $name, $summary, $description, $website, $charityNumber, $contactEmail, $contactPhone,
            $visibility, $createdAt, $updatedAt,
        ]
    }

    init(
        id: UUID? = nil, slug: String, name: String, summary: String, description: String = "",
        visibility: Visibility = .public
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.summary = summary
        self.description = description
        self.visibility = visibility
    }

    var isPublic: Bool { visibility == .public }
}

extension Organisation {
    /// The organisation with this slug, or nil.
    static func find(slug: String, on db: Database) async throws -> Organisation? {
        try await Organisation.query(on: db).filter(\.$slug == slug).first()
    }
}

extension Organisation: PolicySubject {
    var policyResource: PolicyResource { id.map(PolicyResource.organisation) ?? .none }
}

extension SubjectLoader {
    /// The organisation named by the path's `organisationSlug`, or a 404.
    static let organisationBySlug = SubjectLoader { req in
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.find(slug: slug, on: req.db)
        else { throw Abort(.notFound) }
        return organisation
    }

    /// The same, but a 404 too for a members-only listing this person may not see, so its
    /// existence is not revealed: it is seen by approved members and by its own people.
    static let visibleOrganisationBySlug = SubjectLoader { req in
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.find(slug: slug, on: req.db),
            try organisation.isPublic || req.seesMembersOnly
                || Policy.can(req.currentUser, .workForOrganisation, .organisation(organisation.requireID()))
        else { throw Abort(.notFound) }
        return organisation
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
    @Field(key: "role") var role: Role
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $organisation, $user, $role, $createdAt] }

    init(organisationID: UUID, userID: UUID, role: Role) {
        self.$organisation.id = organisationID
        self.$user.id = userID
        self.role = role
    }
}

/// One term from a vocabulary (sector, kind of work, theme, method) that describes an organisation.
final class OrganisationTerm: Model, @unchecked Sendable {
    static let schema = "organisation_terms"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "vocabulary") var vocabulary: String
    @Field(key: "code") var code: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $organisation, $vocabulary, $code] }

    init(organisationID: UUID, vocabulary: Vocabulary, code: String) {
        self.$organisation.id = organisationID
        self.vocabulary = vocabulary.rawValue
        self.code = code
    }
}

/// A local authority area (ONS code) an organisation serves.
final class OrganisationArea: Model, @unchecked Sendable {
    static let schema = "organisation_areas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "area_code") var areaCode: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $organisation, $areaCode] }

    init(organisationID: UUID, areaCode: String) {
        self.$organisation.id = organisationID
        self.areaCode = areaCode
    }
}

/// An organisation's membership of a hub: asked for, then approved or declined by a steward.
final class OrganisationHub: Model, @unchecked Sendable {
    static let schema = "organisation_hubs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Parent(key: "hub_id") var hub: Hub
    @Field(key: "status") var status: MembershipStatus
    @OptionalField(key: "reason") var reason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $organisation, $hub, $status, $reason, $createdAt] }

    init(organisationID: UUID, hubID: UUID, status: MembershipStatus) {
        self.$organisation.id = organisationID
        self.$hub.id = hubID
        self.status = status
    }
}

/// Where a request to join a hub stands.
enum MembershipStatus: String, Codable, Sendable {
    case pending
    case approved
    case declined
}
