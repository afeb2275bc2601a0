import Vapor

/// The API's view of a person: what they may see about themselves, never the model itself.
struct MeDTO: Content, Sendable {
    struct HubRole: Content, Sendable {
        let hubID: UUID
        let role: String
    }
    struct OrganisationRole: Content, Sendable {
        let organisationID: UUID
        let role: String
    }

    let id: UUID
    let name: String
    let email: String
    let isCoordinator: Bool
    let hubs: [HubRole]
    let organisations: [OrganisationRole]

    init(_ user: CurrentUser) {
        id = user.id
        name = user.name
        email = user.email
        isCoordinator = user.isCoordinator
        hubs = user.memberOfHubs.sorted { $0.uuidString < $1.uuidString }.map {
            HubRole(hubID: $0, role: user.stewardOfHubs.contains($0) ? "steward" : "member")
        }
        organisations = user.memberOfOrganisations.sorted { $0.uuidString < $1.uuidString }.map {
            OrganisationRole(organisationID: $0, role: user.adminOfOrganisations.contains($0) ? "admin" : "member")
        }
    }
}

/// `GET /api/v1/me`: who the bearer token belongs to. Lets a client check its token.
enum MeAPI {
    static func handler(req: Request) async throws -> MeDTO {
        MeDTO(try req.requireCurrentUser())
    }
}
