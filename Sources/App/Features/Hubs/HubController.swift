import Fluent
import Plot
import SQLKit
import Vapor

/// `/hubs` and `/hubs/{slug}`: the alliance's hubs, where they work, and who is in them.
struct HubController {
    func list(req: Request) async throws -> Response {
        let hubs = try await Hub.query(on: req.db).sort(\.$region).sort(\.$name).all()
        let reach = try await HubStore.reach(on: req.db)
        let areaCodesByHub = reach.areaCodesByHub
        let signedIn = req.seesMembersOnly
        let peopleCounts = reach.peopleByHub
        let organisationCounts = try await req.application.directoryIndex.index(on: req.db).organisationsPerHub(
            publicOnly: !signedIn)
        let map = CoverageMap.drawing(names: reach.names, areaCodesByHub: areaCodesByHub)
        let model = HubListPage.Model(
            page: req.page, hubs: hubs, areaCodesByHub: areaCodesByHub, colours: map.colours, map: map.svg,
            peopleCounts: peopleCounts, organisationCounts: organisationCounts)
        return HubListPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("hubSlug"), let hub = try await Hub.find(slug: slug, on: req.db)
        else { throw Abort(.notFound) }
        let hubID = try hub.requireID()
        let canReadMembersOnly = Policy.can(req.currentUser, .readMembersOnly)
        let listings = try await HubStore.listings(of: hubID, on: req.db)
        let facts = try await HubStore.facts(of: hubID, on: req.db)
        let events = try await EventListing.upcoming(
            inHubs: [hubID], seesMembersOnly: req.seesMembersOnly, limit: 3, on: req.db)
        let stories = try await StoryFinder.latest(
            inHub: hub.slug, seesMembersOnly: req.seesMembersOnly, limit: 3, on: req.db)
        var model = HubShowPage.Model(
            page: req.page, hub: hub, hosts: listings.hosts, stewards: facts.stewardNames,
            organisations: listings.members.filter { $0.isPublic || canReadMembersOnly },
            areaNames: facts.areaCodes.compactMap(LocalAuthorities.name(for:)).sorted(), peopleCount: facts.people,
            canReadMembersOnly: canReadMembersOnly)
        model.upcomingEvents = events
        let seen = try await PractitionerSearch.seen(
            inHub: hubID, seesMembersOnly: req.seesMembersOnly, limit: 8, on: req.db)
        model.people = seen.people.map { person in
            (person.name, SiteURL.person(person.userID).path, person.role)
        }
        model.peopleSeen = seen.total
        model.canFindPractitioners = Policy.can(req.currentUser, .findPractitioners)
        model.latestStories = stories
        // Sightings are for members' eyes, as on each narrative's own page.
        if req.seesMembersOnly {
            model.sightings = try await HubCounts.narrativesSighted(
                in: hubID, since: UKDate.string(from: HubCounts.recentSince()), on: req.db)
        }
        if let user = req.currentUser {
            model.canJoin = Policy.can(user, .manageOwnAccount)
            model.membership = try await HubMembership.query(on: req.db)
                .filter(\.$hub.$id == hubID)
                .filter(\.$user.$id == user.id)
                .first()
            model.canSteward = Policy.can(user, .stewardHub, .hub(hubID))
            model.canEdit = Policy.can(user, .manageHubs, .hub(hubID))
            model.canWatchTension = Policy.can(user, .watchHubTension, .hub(hubID))
            if model.canSteward {
                model.pendingRequests = try await HubCounts.pendingRequests(for: hubID, on: req.db)
            }
        }
        return HubShowPage.view(model).response()
    }
}

/// Counts per hub, one grouped query each; a hub with none is missing from the answer.
enum HubCounts {
    /// How far back "lately" looks on hub pages and in the national picture.
    static let recentDays = 90

    /// The first moment of "lately", counted back from `now`.
    static func recentSince(_ now: Date = Date()) -> Date {
        now.addingTimeInterval(-Double(recentDays) * 86_400)
    }

    /// People approved into each hub, stewards included.
    static func people(on db: Database) async throws -> [UUID: Int] {
        try await perHub(
            "SELECT hub_id, COUNT(*) AS n FROM hub_memberships WHERE status = 'approved' GROUP BY hub_id", on: db)
    }

    /// Approved stewards of each hub.
    static func stewards(on db: Database) async throws -> [UUID: Int] {
        try await perHub(
            """
            SELECT hub_id, COUNT(*) AS n FROM hub_memberships
            WHERE status = 'approved' AND role = \(bind: HubMembership.Role.steward.rawValue) GROUP BY hub_id
            """, on: db)
    }

    /// Organisations approved into each hub.
    static func organisations(on db: Database) async throws -> [UUID: Int] {
        try await perHub(
            "SELECT hub_id, COUNT(*) AS n FROM organisation_hubs WHERE status = 'approved' GROUP BY hub_id", on: db)
    }

    /// People and organisations waiting for each hub's stewards.
    static func pendingRequests(on db: Database) async throws -> [UUID: Int] {
        let people = try await perHub(
            "SELECT hub_id, COUNT(*) AS n FROM hub_memberships WHERE status = 'pending' GROUP BY hub_id", on: db)
        let organisations = try await perHub(
            "SELECT hub_id, COUNT(*) AS n FROM organisation_hubs WHERE status = 'pending' GROUP BY hub_id", on: db)
        return people.merging(organisations, uniquingKeysWith: +)
    }

    /// Stories of each hub first published on or after `since` and published still.
    static func storiesPublished(since: Date, on db: Database) async throws -> [UUID: Int] {
        try await perHub(
            """
            SELECT hub_id, COUNT(*) AS n FROM stories
            WHERE status = 'published' AND first_published_at >= \(bind: since) GROUP BY hub_id
            """, on: db)
    }

    /// Events of each hub that started between `from` and `to`.
    static func eventsHeld(from: Date, to: Date, on db: Database) async throws -> [UUID: Int] {
        try await perHub(
            """
            SELECT hub_id, COUNT(*) AS n FROM events
            WHERE hub_id IS NOT NULL AND starts_at >= \(bind: from) AND starts_at < \(bind: to) GROUP BY hub_id
            """, on: db)
    }

    /// The narratives seen in one hub since a day ("2026-09-01"), most seen first.
    static func narrativesSighted(in hubID: UUID, since: String, on db: Database) async throws
        -> [HubShowPage.Sighted]
    {
        guard let sql = db as? SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT n.slug, n.title, COUNT(*) AS n FROM narrative_sightings s JOIN narratives n ON n.id = s.narrative_id
            WHERE s.hub_id = \(bind: hubID) AND s.seen_on >= \(bind: since)
            GROUP BY n.slug, n.title ORDER BY COUNT(*) DESC, n.title LIMIT 5
            """
        ).all()
        return try rows.map { row in
            HubShowPage.Sighted(
                slug: try row.decode(column: "slug", as: String.self),
                title: try row.decode(column: "title", as: String.self),
                times: try row.decode(column: "n", as: Int.self))
        }
    }

    /// Runs a query answering `hub_id` and `n` rows, as a count for each hub.
    static func perHub(_ query: SQLQueryString, on db: Database) async throws -> [UUID: Int] {
        guard let sql = db as? SQLDatabase else { return [:] }
        var counts: [UUID: Int] = [:]
        for row in try await sql.raw(query).all() {
            counts[try row.decode(column: "hub_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// People and organisations waiting for one hub's stewards.
    static func pendingRequests(for hubID: UUID, on db: Database) async throws -> Int {
        let people = try await HubMembership.query(on: db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$status == .pending)
            .count()
        let organisations = try await OrganisationHub.query(on: db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$status == .pending)
            .count()
        return people + organisations
    }
}
