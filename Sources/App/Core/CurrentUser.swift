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
