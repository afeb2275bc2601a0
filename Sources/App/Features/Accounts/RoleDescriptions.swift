import Fluent
import Vapor

/// Plain-English names of the roles someone holds, e.g. "Steward of the Newcastle hub".
enum RoleDescriptions {
    static func describe(_ user: CurrentUser, on db: Database) async throws -> [String] {
        var roles: [String] = []
        if user.isCoordinator { roles.append("National coordinator") }
        if !user.memberOfHubs.isEmpty {
            let hubs = try await Hub.query(on: db).filter(\.$id ~~ Array(user.memberOfHubs)).sort(\.$name).all()
            for hub in hubs {
                let isSteward = hub.id.map(user.stewardOfHubs.contains) ?? false
                roles.append((isSteward ? "Steward of " : "Member of ") + hub.name)
            }
        }
        if !user.memberOfOrganisations.isEmpty {
            let organisations = try await Organisation.query(on: db).filter(\.$id ~~ Array(user.memberOfOrganisations))
                .sort(\.$name).all()
            for organisation in organisations {
                let isAdmin = organisation.id.map(user.adminOfOrganisations.contains) ?? false
                roles.append((isAdmin ? "Admin of " : "Member of ") + organisation.name)
            }
        }
        return roles
    }
}

extension Application {
    private struct TimingDummyHashKey: StorageKey { typealias Value = String }

    /// A bcrypt hash of a random password at the configured cost, checked when an email address
    /// has no account so that sign-in takes the same time either way.
    var timingDummyHash: String {
        get { storage[TimingDummyHashKey.self] ?? "" }
        set { storage[TimingDummyHashKey.self] = newValue }
    }
}
