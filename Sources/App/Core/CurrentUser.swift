import Fluent
import SQLKit
import Vapor

/// The signed-in person as the policy sees them: who they are and what they hold.
/// Loaded once per request, with a fixed number of queries.
struct CurrentUser: Sendable {
    let id: UUID
    let name: String
    let email: String
    let isCoordinator: Bool
    let stewardOfHubs: Set<UUID>
    let memberOfHubs: Set<UUID>
    let adminOfOrganisations: Set<UUID>
    let memberOfOrganisations: Set<UUID>
    /// Hubs reached through an organisation the person belongs to, once a steward approved it.
    let hubsThroughOrganisations: Set<UUID>

    /// An approved member of the alliance: approved into a hub, directly or through an approved
    /// organisation of that hub, or on the national team. Anyone else with an account is only
    /// registered, and sees what a visitor sees.
    var isApprovedMember: Bool {
        isCoordinator || !memberOfHubs.isEmpty || !hubsThroughOrganisations.isEmpty
    }

    static func load(_ user: User, on db: Database) async throws -> CurrentUser {
        let userID = try user.requireID()
        let hubRows = try await HubMembership.query(on: db)
            .filter(\.$user.$id == userID)
            .filter(\.$status == MembershipStatus.approved.rawValue)
            .all()
        let organisationRows = try await OrganisationMembership.query(on: db).filter(\.$user.$id == userID).all()
        let organisationIDs = organisationRows.map { $0.$organisation.id }
        let organisationHubs =
            organisationIDs.isEmpty
            ? []
            : try await OrganisationHub.query(on: db)
                .filter(\.$organisation.$id ~~ organisationIDs)
                .filter(\.$status == MembershipStatus.approved.rawValue)
                .all()
        return CurrentUser(
            id: userID,
            name: user.name,
            email: user.email,
            isCoordinator: user.isCoordinator,
            stewardOfHubs: Set(hubRows.filter { $0.role == HubMembership.Role.steward.rawValue }.map { $0.$hub.id }),
            memberOfHubs: Set(hubRows.map { $0.$hub.id }),
            adminOfOrganisations: Set(
                organisationRows.filter { $0.role == OrganisationMembership.Role.admin.rawValue }.map {
                    $0.$organisation.id
                }),
            memberOfOrganisations: Set(organisationIDs),
            hubsThroughOrganisations: Set(organisationHubs.map { $0.$hub.id })
        )
    }
}

extension CurrentUser {
    /// The same rule as `isApprovedMember`, as SQL about the user whose id is in `column`, for
    /// queries that choose among people (suggesting a critical friend, say). `column` is always
    /// one of our own column names, never anything a person typed.
    static func approvedMemberSQL(userIDColumn column: String) -> SQLQueryString {
        let approved = MembershipStatus.approved.rawValue
        return """
            (EXISTS (SELECT 1 FROM hub_memberships hm WHERE hm.user_id = \(unsafeRaw: column) AND hm.status = \(bind: approved))
             OR EXISTS (SELECT 1 FROM organisation_memberships om JOIN organisation_hubs oh ON oh.organisation_id = om.organisation_id
                        WHERE om.user_id = \(unsafeRaw: column) AND oh.status = \(bind: approved))
             OR EXISTS (SELECT 1 FROM users u WHERE u.id = \(unsafeRaw: column) AND u.is_coordinator = \(bind: true)))
            """
    }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }

    /// The signed-in person, or nil for a visitor.
    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    func requireCurrentUser() throws -> CurrentUser {
        guard let user = currentUser else { throw Abort(.unauthorized) }
        return user
    }
}
