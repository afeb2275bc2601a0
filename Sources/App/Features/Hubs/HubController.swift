import Fluent
import Plot
import SQLKit
import Vapor

/// `/hubs` and `/hubs/{slug}`: the alliance's hubs, where they work, and who is in them.
struct HubController {
    func list(req: Request) async throws -> Response {
        let hubs = try await Hub.query(on: req.db).sort(\.$region).sort(\.$name).all()
        let areas = try await HubArea.query(on: req.db).all()
        let signedIn = req.seesMembersOnly
        let peopleCounts = try await HubCounts.people(on: req.db)
        let organisationCounts = try await req.application.directoryIndex.index(on: req.db).organisationsPerHub(
            publicOnly: !signedIn)
        // Colours follow the order of hubs by name, so a hub keeps its colour wherever it is shown.
        let byName = hubs.sorted { $0.name < $1.name }
        let mapHubs = byName.map { hub in
            CoverageMap.Hub(name: hub.name, areaCodes: Set(areas.filter { $0.$hub.id == hub.id }.map(\.areaCode)))
        }
        let colours = Dictionary(
            uniqueKeysWithValues: byName.enumerated().compactMap { index, hub in
                hub.id.map { ($0, CoverageMap.colour(forHubAt: index)) }
            })
        return HubViews.list(
            req, hubs: hubs, areas: areas, colours: colours, map: CoverageMap.svg(hubs: mapHubs),
            peopleCounts: peopleCounts, organisationCounts: organisationCounts
        ).response()
    }

    func show(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.query(on: req.db).filter(\.$slug == slug).with(\.$hosts).first()
        else { throw Abort(.notFound) }
        let hubID = try hub.requireID()
        let stewards = try await User.query(on: req.db)
            .join(HubMembership.self, on: \HubMembership.$user.$id == \User.$id)
            .filter(HubMembership.self, \.$hub.$id == hubID)
            .filter(HubMembership.self, \.$role == HubMembership.Role.steward.rawValue)
            .filter(HubMembership.self, \.$status == MembershipStatus.approved.rawValue)
            .sort(\.$name)
            .all()
        var organisationQuery = Organisation.query(on: req.db)
            .join(OrganisationHub.self, on: \OrganisationHub.$organisation.$id == \Organisation.$id)
            .filter(OrganisationHub.self, \.$hub.$id == hubID)
            .filter(OrganisationHub.self, \.$status == MembershipStatus.approved.rawValue)
        if !req.seesMembersOnly {
            organisationQuery = organisationQuery.filter(\.$visibility == Organisation.Visibility.public.rawValue)
        }
        let organisations = try await organisationQuery.sort(\.$name).all()
        let areaCodes = try await HubArea.query(on: req.db).filter(\.$hub.$id == hubID).all().map(\.areaCode)
        let peopleCount = try await HubCounts.people(on: req.db)[hubID] ?? 0
        var viewer = HubViews.Viewer()
        if let user = req.currentUser {
            viewer.membership = try await HubMembership.query(on: req.db).filter(\.$hub.$id == hubID).filter(
                \.$user.$id == user.id
            ).first()
            viewer.canSteward = Policy.can(user, .stewardHub, .hub(hubID))
            if viewer.canSteward {
                viewer.pendingRequests =
                    try await HubMembership.query(on: req.db).filter(\.$hub.$id == hubID).filter(
                        \.$status == MembershipStatus.pending.rawValue
                    ).count()
                    + OrganisationHub.query(on: req.db).filter(\.$hub.$id == hubID).filter(
                        \.$status == MembershipStatus.pending.rawValue
                    ).count()
            }
        }
        return HubViews.show(
            req, hub: hub, stewards: stewards, organisations: organisations,
            areaNames: areaCodes.compactMap(LocalAuthorities.name(for:)).sorted(), peopleCount: peopleCount,
            viewer: viewer
        ).response()
    }
}

/// Member counts per hub, one grouped query each.
enum HubCounts {
    static func people(on db: Database) async throws -> [UUID: Int] {
        guard let sql = db as? SQLDatabase else { return [:] }
        var counts: [UUID: Int] = [:]
        for row in try await sql.raw(
            "SELECT hub_id, COUNT(*) AS n FROM hub_memberships WHERE status = 'approved' GROUP BY hub_id"
        ).all() {
            counts[try row.decode(column: "hub_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
