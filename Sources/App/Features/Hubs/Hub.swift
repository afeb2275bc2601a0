import Fluent
import Vapor

/// A sub-regional hub of the alliance, run by its own stewards.
final class Hub: Model, @unchecked Sendable {
    static let schema = "hubs"

    enum MembershipPolicy: String, Codable, Sendable, CaseIterable {
        case open
        case approval
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "region") var region: String
    @Field(key: "summary") var summary: String
    @Field(key: "membership_policy") var membershipPolicy: MembershipPolicy
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $slug, $name, $region, $summary, $membershipPolicy, $createdAt] }

    init(
        id: UUID? = nil, slug: String, name: String, region: String, summary: String,
        membershipPolicy: MembershipPolicy = .approval
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.region = region
        self.summary = summary
        self.membershipPolicy = membershipPolicy
    }
}

extension Hub {
    /// The hub with this slug, or nil. Every page, feed and command that names a hub by slug finds it here.
    static func find(slug: String, on db: Database) async throws -> Hub? {
        try await Hub.query(on: db).filter(\.$slug == slug).first()
    }

    /// The organisations hosting each of these hubs, in two queries whatever their number. Asked
    /// for, rather than a relation on the model: Fluent makes a whole new model for every row it
    /// reads to fill in a relation's key, and most pages that read hubs never look at their hosts.
    static func hosts(of hubIDs: [UUID], on db: Database) async throws -> [UUID: [Organisation]] {
        guard !hubIDs.isEmpty else { return [:] }
        var hosts: [UUID: [Organisation]] = [:]
        for link in try await HubHost.query(on: db).filter(\.$hub.$id ~~ hubIDs).with(\.$organisation).all() {
            hosts[link.$hub.id, default: []].append(link.organisation)
        }
        return hosts
    }
}

extension Hub: PolicySubject {
    var policyResource: PolicyResource { id.map(PolicyResource.hub) ?? .none }
}

extension SubjectLoader {
    /// The hub named by the path's `hubSlug`, or a 404.
    static let hubBySlug = SubjectLoader { req in
        guard let slug = req.parameters.get("hubSlug"), let hub = try await Hub.find(slug: slug, on: req.db) else {
            throw Abort(.notFound)
        }
        return hub
    }
}

/// An organisation that hosts a hub.
final class HubHost: Model, @unchecked Sendable {
    static let schema = "hub_hosts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Parent(key: "organisation_id") var organisation: Organisation

    init() {}

    init(hubID: UUID, organisationID: UUID) {
        self.$hub.id = hubID
        self.$organisation.id = organisationID
    }

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $organisation] }
}

/// A person's place in a hub: an approved member or one of its stewards.
final class HubMembership: Model, @unchecked Sendable {
    static let schema = "hub_memberships"

    enum Role: String, Codable, Sendable, CaseIterable {
        case member
        case steward
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: Role
    /// Pending until a steward approves, for hubs that join by approval.
    @Field(key: "status") var status: MembershipStatus
    /// Why a request was declined, told to the person.
    @OptionalField(key: "reason") var reason: String?
    /// What the person told the stewards when asking to join.
    @OptionalField(key: "message") var message: String?

    /// The longest note a person may leave the stewards when asking to join.
    static let maximumMessage = 500
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $user, $role, $status, $reason, $message, $createdAt] }

    init(hubID: UUID, userID: UUID, role: Role, status: MembershipStatus = .approved) {
        self.$hub.id = hubID
        self.$user.id = userID
        self.role = role
        self.status = status
    }
}

/// A local authority area (ONS code) a hub serves.
final class HubArea: Model, @unchecked Sendable {
    static let schema = "hub_areas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "hub_id") var hub: Hub
    @Field(key: "area_code") var areaCode: String

    init() {}

    /// Listed rather than found by reflection, which Fluent would otherwise repeat for every row.
    var properties: [any AnyProperty] { [$id, $hub, $areaCode] }

    init(hubID: UUID, areaCode: String) {
        self.$hub.id = hubID
        self.areaCode = areaCode
    }
}
