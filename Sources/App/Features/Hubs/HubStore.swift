import Fluent
import SQLKit
import Vapor

/// Creating hubs and changing their details and stewards: the national team's pages and
/// `bridgework create-hub` both come here, so both keep the same rules.
enum HubStore {
    /// What the front page, the hubs page and the public briefing count of the hubs, read in one
    /// query: decoding a Fluent model per hub and per area cost those pages more than their maps.
    static func reach(on db: Database) async throws -> HubReach {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw(
            """
            SELECT 'hub' AS kind, id AS hub_id, name AS value FROM hubs
            UNION ALL SELECT 'area' AS kind, hub_id, area_code AS value FROM hub_areas
            UNION ALL SELECT 'people' AS kind, hub_id, CAST(COUNT(*) AS TEXT) AS value
              FROM hub_memberships WHERE status = \(bind: MembershipStatus.approved.rawValue) GROUP BY hub_id
            UNION ALL SELECT 'people' AS kind, NULL AS hub_id, CAST(COUNT(DISTINCT user_id) AS TEXT) AS value
              FROM hub_memberships WHERE status = \(bind: MembershipStatus.approved.rawValue)
            """
        ).all()
        var reach = HubReach()
        for row in rows {
            let value = try row.decode(column: "value", as: String.self)
            let hubID = try row.decode(column: "hub_id", as: UUID?.self)
            switch (try row.decode(column: "kind", as: String.self), hubID) {
            case ("hub", let id?): reach.names[id] = value
            case ("area", let id?): reach.areaCodesByHub[id, default: []].append(value)
            case ("people", let id?): reach.peopleByHub[id] = Int(value) ?? 0
            default: reach.peopleInAnyHub = Int(value) ?? 0
            }
        }
        return reach
    }

    /// The organisations a hub's page names: its hosts and its approved members, by name. One
    /// query of plain rows, since a page of Fluent models cost the hub page most of its time.
    static func listings(of hubID: UUID, on db: Database) async throws -> (
        hosts: [HubShowPage.Listing], members: [HubShowPage.Listing]
    ) {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw(
            """
            SELECT o.slug, o.name, o.summary, o.visibility,
              CASE WHEN EXISTS (SELECT 1 FROM hub_hosts h WHERE h.hub_id = \(bind: hubID) AND h.organisation_id = o.id)
                THEN 1 ELSE 0 END AS hosts,
              CASE WHEN EXISTS (SELECT 1 FROM organisation_hubs m WHERE m.hub_id = \(bind: hubID)
                AND m.organisation_id = o.id AND m.status = \(bind: MembershipStatus.approved.rawValue))
                THEN 1 ELSE 0 END AS member
            FROM organisations o
            WHERE o.id IN (SELECT organisation_id FROM hub_hosts WHERE hub_id = \(bind: hubID))
              OR o.id IN (SELECT organisation_id FROM organisation_hubs WHERE hub_id = \(bind: hubID)
                AND status = \(bind: MembershipStatus.approved.rawValue))
            ORDER BY o.name, o.slug
            """
        ).all()
        var hosts: [HubShowPage.Listing] = []
        var members: [HubShowPage.Listing] = []
        for row in rows {
            let listing = HubShowPage.Listing(
                slug: try row.decode(column: "slug", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                summary: try row.decode(column: "summary", as: String.self),
                isPublic: try row.decode(column: "visibility", as: String.self)
                    == Organisation.Visibility.public.rawValue)
            if try row.decode(column: "hosts", as: Int.self) == 1 { hosts.append(listing) }
            if try row.decode(column: "member", as: Int.self) == 1 { members.append(listing) }
        }
        return (hosts, members)
    }

    /// What a hub's page says of its people and places, in one query: its approved stewards' names,
    /// its council areas, and how many people it has approved.
    static func facts(of hubID: UUID, on db: Database) async throws -> (
        stewardNames: [String], areaCodes: [String], people: Int
    ) {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let approved = MembershipStatus.approved.rawValue
        let rows = try await sql.raw(
            """
            SELECT 'steward' AS kind, u.name AS value FROM hub_memberships m JOIN users u ON u.id = m.user_id
              WHERE m.hub_id = \(bind: hubID) AND m.status = \(bind: approved)
              AND m.role = \(bind: HubMembership.Role.steward.rawValue)
            UNION ALL SELECT 'area' AS kind, area_code AS value FROM hub_areas WHERE hub_id = \(bind: hubID)
            UNION ALL SELECT 'people' AS kind, CAST(COUNT(*) AS TEXT) AS value FROM hub_memberships
              WHERE hub_id = \(bind: hubID) AND status = \(bind: approved)
            """
        ).all()
        var stewardNames: [String] = []
        var areaCodes: [String] = []
        var people = 0
        for row in rows {
            let value = try row.decode(column: "value", as: String.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "steward": stewardNames.append(value)
            case "area": areaCodes.append(value)
            default: people = Int(value) ?? 0
            }
        }
        return (stewardNames.sorted(), areaCodes, people)
    }

    /// What a save changed, for the audit log and the messages to new stewards.
    struct Saved: Sendable {
        let hub: Hub
        /// People who became stewards with this save.
        let newStewards: [User]
        /// People who stopped being stewards (they stay members).
        let formerStewards: [User]
    }

    /// Every rule a hub form must meet: its own first, then, when those hold, the ones that need
    /// the database. Empty when the form may be saved.
    static func check(_ form: HubForm, editing hub: Hub?, on db: Database) async throws -> FormErrors {
        let own = form.validate()
        return own.isEmpty ? try await problems(with: form, editing: hub, on: db) : own
    }

    /// The rules that need the database: a name no other hub has, areas no other hub serves, and
    /// an account behind every new steward's address.
    private static func problems(with form: HubForm, editing hub: Hub?, on db: Database) async throws -> FormErrors {
        var errors = FormErrors()
        let hubID = hub?.id
        let others = try await Hub.query(on: db).all().filter { $0.id != hubID }
        if others.contains(where: { $0.name.lowercased() == form.name.lowercased() }) {
            errors.add("name", "There is already a hub called ‘\(form.name)’. Choose another name")
        }
        let taken = try await HubArea.query(on: db).filter(\.$areaCode ~~ Array(form.areas)).all()
            .filter { $0.$hub.id != hubID }
        if let clash = taken.sorted(by: { $0.areaCode < $1.areaCode }).first,
            let other = others.first(where: { $0.id == clash.$hub.id })
        {
            let area = LocalAuthorities.name(for: clash.areaCode) ?? clash.areaCode
            let more = taken.count > 1 ? " (and \(Wording.count(taken.count - 1, "other area", "other areas")))" : ""
            errors.add(
                "areas",
                "\(area)\(more) is already served by the \(other.name) hub. Remove it from that hub first, or leave it out here"
            )
        }
        let emails = form.newStewardEmails
        if !emails.isEmpty {
            let found = Set(try await User.query(on: db).filter(\.$email ~~ emails).all().map(\.email))
            if let missing = emails.first(where: { !found.contains($0) }) {
                errors.add(
                    "new_stewards",
                    "No account uses ‘\(missing)’. Ask them to create an account first, then add them as a steward")
            }
        }
        return errors
    }

    /// Creates a hub from a checked form. New stewards join it as approved stewards.
    static func create(_ form: HubForm, on db: Database) async throws -> Saved {
        let slug = try await ContentChecks.uniqueSlug(
            for: form.name, schema: Hub.schema, fallback: "hub", reserved: SiteURL.reservedHubSlugs, on: db)
        let hub = Hub(
            slug: slug, name: form.name, region: form.region, summary: form.summary,
            membershipPolicy: Hub.MembershipPolicy(rawValue: form.membershipPolicy) ?? .approval)
        return try await db.transaction { db in
            try await hub.create(on: db)
            try await replaceAreas(of: try hub.requireID(), with: form.areas, on: db)
            let added = try await addStewards(form.newStewardEmails, to: try hub.requireID(), on: db)
            return Saved(hub: hub, newStewards: added, formerStewards: [])
        }
    }

    /// Saves a checked form over a hub: its details, its areas, and who stewards it. The slug stays,
    /// so links to the hub keep working.
    static func update(_ hub: Hub, with form: HubForm, on db: Database) async throws -> Saved {
        let hubID = try hub.requireID()
        return try await db.transaction { db in
            hub.name = form.name
            hub.region = form.region
            hub.summary = form.summary
            hub.membershipPolicy = Hub.MembershipPolicy(rawValue: form.membershipPolicy) ?? hub.membershipPolicy
            try await hub.save(on: db)
            try await replaceAreas(of: hubID, with: form.areas, on: db)
            let current = try await HubMembership.query(on: db)
                .filter(\.$hub.$id == hubID)
                .filter(\.$role == .steward)
                .with(\.$user)
                .all()
            let kept = form.keptStewardIDs
            var former: [User] = []
            for membership in current where !kept.contains(membership.$user.id) {
                membership.role = .member
                try await membership.save(on: db)
                former.append(membership.user)
            }
            let added = try await addStewards(form.newStewardEmails, to: hubID, on: db)
            return Saved(hub: hub, newStewards: added, formerStewards: former)
        }
    }

    /// The approved stewards of a hub, by name.
    static func stewards(of hubID: UUID, on db: Database) async throws -> [User] {
        try await User.query(on: db)
            .join(HubMembership.self, on: \HubMembership.$user.$id == \User.$id)
            .filter(HubMembership.self, \.$hub.$id == hubID)
            .filter(HubMembership.self, \.$role == .steward)
            .filter(HubMembership.self, \.$status == .approved)
            .sort(\.$name)
            .all()
    }

    private static func replaceAreas(of hubID: UUID, with codes: Set<String>, on db: Database) async throws {
        try await HubArea.query(on: db).filter(\.$hub.$id == hubID).delete()
        for code in codes.sorted() {
            try await HubArea(hubID: hubID, areaCode: code).create(on: db)
        }
    }

    /// Makes each address's account an approved steward of the hub; returns those not stewards before.
    private static func addStewards(_ emails: [String], to hubID: UUID, on db: Database) async throws -> [User] {
        guard !emails.isEmpty else { return [] }
        let users = try await User.query(on: db).filter(\.$email ~~ emails).all()
        let memberships = try await HubMembership.query(on: db)
            .filter(\.$hub.$id == hubID)
            .filter(\.$user.$id ~~ users.compactMap(\.id))
            .all()
        var added: [User] = []
        for user in users {
            let userID = try user.requireID()
            if let membership = memberships.first(where: { $0.$user.id == userID }) {
                guard membership.role != .steward || membership.status != .approved else { continue }
                membership.role = .steward
                membership.status = .approved
                membership.reason = nil
                try await membership.save(on: db)
            } else {
                try await HubMembership(hubID: hubID, userID: userID, role: .steward).create(on: db)
            }
            added.append(user)
        }
        return added.sorted { $0.name < $1.name }
    }
}

/// The hubs by name, the council areas each serves, and how many people are approved into each
/// hub and into any: the front page's reach and map, the hubs page's map and counts, and the
/// public briefing's hub figures, all worked out alike.
struct HubReach: Sendable {
    var names: [UUID: String] = [:]
    var areaCodesByHub: [UUID: [String]] = [:]
    /// People approved into each hub, stewards included; a hub with none is missing.
    var peopleByHub: [UUID: Int] = [:]
    var peopleInAnyHub = 0

    var hubCount: Int { names.count }
    var areasServed: Int { Set(areaCodesByHub.values.joined()).count }
}
