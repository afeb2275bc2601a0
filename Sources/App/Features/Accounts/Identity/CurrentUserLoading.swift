import Fluent
import SQLKit
import Vapor

/// Who the signed-in person is to the policy, worked out from their account and memberships.
/// Core's `CurrentUser` is the plain value; this feature knows where its parts are stored.
extension CurrentUser {
    /// Loads the person as the policy sees them, with a fixed number of queries.
    static func load(_ user: User, on db: Database) async throws -> CurrentUser {
        let userID = try user.requireID()
        let hubRows = try await HubMembership.query(on: db)
            .filter(\.$user.$id == userID)
            .filter(\.$status == .approved)
            .all()
        let organisationRows = try await OrganisationMembership.query(on: db).filter(\.$user.$id == userID).all()
        let organisationIDs = organisationRows.map { $0.$organisation.id }
        let organisationHubs =
            organisationIDs.isEmpty
            ? []
            : try await OrganisationHub.query(on: db)
                .filter(\.$organisation.$id ~~ organisationIDs)
                .filter(\.$status == .approved)
                .all()
        return CurrentUser(
            id: userID,
            name: user.name,
            email: user.email,
            isCoordinator: user.isCoordinator,
            stewardOfHubs: Set(hubRows.filter { $0.role == .steward }.map { $0.$hub.id }),
            memberOfHubs: Set(hubRows.map { $0.$hub.id }),
            adminOfOrganisations: Set(
                organisationRows.filter { $0.role == .admin }.map {
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
