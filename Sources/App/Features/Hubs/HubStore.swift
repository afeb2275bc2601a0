import Fluent
import SQLKit
import Vapor

/// Creating hubs and changing their details and stewards: the national team's pages and
/// `bridgework create-hub` both come here, so both keep the same rules.
enum HubStore {
    /// Every hub's council areas, as plain rows: the map on the front page and on /hubs needs only
    /// these, and decoding a Fluent model per area cost those pages more than drawing the map.
    static func areaCodesByHub(on db: Database) async throws -> [UUID: [String]] {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var codes: [UUID: [String]] = [:]
        for row in try await sql.raw("SELECT hub_id, area_code FROM hub_areas").all() {
            codes[try row.decode(column: "hub_id", as: UUID.self), default: []].append(
                try row.decode(column: "area_code", as: String.self))
        }
        return codes
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
