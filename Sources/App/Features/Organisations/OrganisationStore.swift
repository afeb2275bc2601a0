import Fluent
import Vapor

/// Saving organisations, shared by the pages and the API so both follow the same rules.
enum OrganisationStore {
    /// An organisation as saved, with the hubs it has just asked to join (their stewards decide).
    struct Saved: Sendable {
        let organisation: Organisation
        let askedToJoin: [Hub]
    }

    /// Creates the organisation from a checked form; its creator becomes its admin.
    static func create(_ form: OrganisationForm, by creatorID: UUID?, hubs: [Hub], on db: Database) async throws
        -> Saved
    {
        let organisation = Organisation(
            slug: try await uniqueSlug(for: form.name, on: db), name: form.name, summary: form.summary)
        let asked = try await db.transaction { db in
            apply(form, to: organisation)
            try await organisation.create(on: db)
            let id = try organisation.requireID()
            try await replaceTermsAndAreas(of: id, with: form, on: db)
            let asked = try await updateHubs(of: id, to: form.hubs, hubs: hubs, on: db)
            if let creatorID {
                try await OrganisationMembership(organisationID: id, userID: creatorID, role: .admin).create(on: db)
            }
            return asked
        }
        return Saved(organisation: organisation, askedToJoin: asked)
    }

    /// Saves the form over the organisation; returns the hubs it has just asked to join.
    @discardableResult
    static func update(_ organisation: Organisation, with form: OrganisationForm, hubs: [Hub], on db: Database)
        async throws -> [Hub]
    {
        let id = try organisation.requireID()
        return try await db.transaction { db in
            apply(form, to: organisation)
            try await organisation.save(on: db)
            try await replaceTermsAndAreas(of: id, with: form, on: db)
            return try await updateHubs(of: id, to: form.hubs, hubs: hubs, on: db)
        }
    }

    /// The form as it stands for an existing organisation, for editing or for a partial API update.
    static func currentForm(of organisation: Organisation, hubs: [Hub], on db: Database) async throws
        -> OrganisationForm
    {
        let id = try organisation.requireID()
        let terms = try await OrganisationTerm.query(on: db).filter(\.$organisation.$id == id).all()
        let areas = try await OrganisationArea.query(on: db).filter(\.$organisation.$id == id).all()
        let memberships = try await OrganisationHub.query(on: db)
            .filter(\.$organisation.$id == id)
            .filter(\.$status != .declined)
            .all()
        let chosen = Set(hubs.filter { hub in memberships.contains { $0.$hub.id == hub.id } }.map(\.slug))
        return OrganisationForm(organisation: organisation, terms: terms, areas: areas, hubSlugs: chosen)
    }

    private static func apply(_ form: OrganisationForm, to organisation: Organisation) {
        organisation.name = form.name
        organisation.summary = form.summary
        organisation.description = form.description
        organisation.website = form.website.isEmpty ? nil : form.website
        organisation.charityNumber = form.charityNumber.isEmpty ? nil : form.charityNumber
        organisation.contactEmail = form.contactEmail.isEmpty ? nil : form.contactEmail.lowercased()
        organisation.contactPhone = form.contactPhone.isEmpty ? nil : form.contactPhone
        // The form was checked first, so its visibility is one of the choices.
        organisation.visibility = Organisation.Visibility(rawValue: form.visibility) ?? .public
    }

    private static func replaceTermsAndAreas(of id: UUID, with form: OrganisationForm, on db: Database) async throws {
        try await OrganisationTerm.query(on: db).filter(\.$organisation.$id == id).delete()
        try await OrganisationArea.query(on: db).filter(\.$organisation.$id == id).delete()
        let terms = Vocabulary.allCases.flatMap { vocabulary in
            (form.terms[vocabulary] ?? []).sorted().map {
                OrganisationTerm(organisationID: id, vocabulary: vocabulary, code: $0)
            }
        }
        if !terms.isEmpty { try await terms.create(on: db) }
        let areas = form.areas.sorted().map { OrganisationArea(organisationID: id, areaCode: $0) }
        if !areas.isEmpty { try await areas.create(on: db) }
    }

    /// Joins newly chosen hubs (at once for open hubs, as a request otherwise) and leaves unchosen ones.
    /// A declined request stays declined until a steward changes it. Returns the hubs asked.
    private static func updateHubs(of id: UUID, to chosenSlugs: Set<String>, hubs: [Hub], on db: Database) async throws
        -> [Hub]
    {
        let existing = try await OrganisationHub.query(on: db).filter(\.$organisation.$id == id).all()
        var asked: [Hub] = []
        for hub in hubs {
            guard let hubID = hub.id else { continue }
            let current = existing.first { $0.$hub.id == hubID }
            if chosenSlugs.contains(hub.slug) {
                if current == nil {
                    let status: MembershipStatus = hub.membershipPolicy == .open ? .approved : .pending
                    try await OrganisationHub(organisationID: id, hubID: hubID, status: status).create(on: db)
                    if status == .pending { asked.append(hub) }
                }
            } else if let current, current.status != .declined {
                try await current.delete(on: db)
            }
        }
        return asked
    }

    private static func uniqueSlug(for name: String, on db: Database) async throws -> String {
        try await ContentChecks.uniqueSlug(for: name, schema: Organisation.schema, fallback: "organisation", on: db)
    }
}
