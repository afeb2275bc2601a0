import Fluent
import Plot
import Vapor

/// The directory of organisations: search, a listing each, and the form to add or edit one.
struct OrganisationController {
    func search(req: Request) async throws -> Response {
        let query = DirectoryQuery(req)
        let results = try await DirectorySearch.run(query, signedIn: req.currentUser != nil, on: req.db)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        return OrganisationViews.search(req, page: .init(query: query, results: results, hubs: hubs)).response()
    }

    /// The organisation in the path, if this person may see it. Members-only listings answer 404 to
    /// visitors, so their existence is not revealed.
    private func visibleOrganisation(_ req: Request) async throws -> Organisation {
        guard let slug = req.parameters.get("organisationSlug"),
              let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first(),
              organisation.isPublic || req.currentUser != nil
        else { throw Abort(.notFound) }
        return organisation
    }

    func show(req: Request) async throws -> Response {
        let organisation = try await visibleOrganisation(req)
        let id = try organisation.requireID()
        let terms = try await OrganisationTerm.query(on: req.db).filter(\.$organisation.$id == id).all()
        let areas = try await OrganisationArea.query(on: req.db).filter(\.$organisation.$id == id).all()
        let hubs = try await Hub.query(on: req.db)
            .join(OrganisationHub.self, on: \OrganisationHub.$hub.$id == \Hub.$id)
            .filter(OrganisationHub.self, \.$organisation.$id == id)
            .filter(OrganisationHub.self, \.$status == MembershipStatus.approved.rawValue)
            .sort(\.$name)
            .all()
        let detail = OrganisationViews.Detail(
            organisation: organisation, terms: terms, areas: areas, hubs: hubs,
            canEdit: Policy.can(req.currentUser, .administerOrganisation, .organisation(id))
        )
        return OrganisationViews.show(req, detail: detail).response()
    }

    func newForm(req: Request) async throws -> Response {
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        return OrganisationViews.form(req, title: "Add an organisation", action: SiteURL.newOrganisation.path, form: OrganisationForm(), hubs: hubs, submit: "Add organisation").response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = OrganisationForm(request: req)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            return OrganisationViews.form(req, title: "Add an organisation", action: SiteURL.newOrganisation.path, form: form, hubs: hubs, errors: errors, submit: "Add organisation")
                .response(status: .unprocessableEntity)
        }
        let organisation = Organisation(slug: try await uniqueSlug(for: form.name, on: req.db), name: form.name, summary: form.summary)
        try await req.db.transaction { db in
            apply(form, to: organisation)
            try await organisation.create(on: db)
            let id = try organisation.requireID()
            try await replaceTermsAndAreas(of: id, with: form, on: db)
            try await updateHubs(of: id, to: form.hubs, hubs: hubs, on: db)
            try await OrganisationMembership(organisationID: id, userID: user.id, role: .admin).create(on: db)
        }
        try await req.audit(.organisationCreated, subjectType: "organisation", subjectID: organisation.id, detail: organisation.slug)
        return req.redirect(to: SiteURL.organisation(organisation.slug).with(query: ["notice": Notice.organisationCreated.rawValue]))
    }

    private func administeredOrganisation(_ req: Request) async throws -> Organisation {
        let organisation = try await visibleOrganisation(req)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        return organisation
    }

    func editForm(req: Request) async throws -> Response {
        let organisation = try await administeredOrganisation(req)
        let id = try organisation.requireID()
        let terms = try await OrganisationTerm.query(on: req.db).filter(\.$organisation.$id == id).all()
        let areas = try await OrganisationArea.query(on: req.db).filter(\.$organisation.$id == id).all()
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let memberships = try await OrganisationHub.query(on: req.db).filter(\.$organisation.$id == id).filter(\.$status != MembershipStatus.declined.rawValue).all()
        let chosen = Set(hubs.filter { hub in memberships.contains { $0.$hub.id == hub.id } }.map(\.slug))
        let form = OrganisationForm(organisation: organisation, terms: terms, areas: areas, hubSlugs: chosen)
        return OrganisationViews.form(req, title: "Edit \(organisation.name)", action: SiteURL.editOrganisation(organisation.slug).path, form: form, hubs: hubs, submit: "Save changes").response()
    }

    func update(req: Request) async throws -> Response {
        let organisation = try await administeredOrganisation(req)
        let id = try organisation.requireID()
        let form = OrganisationForm(request: req)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            return OrganisationViews.form(req, title: "Edit \(organisation.name)", action: SiteURL.editOrganisation(organisation.slug).path, form: form, hubs: hubs, errors: errors, submit: "Save changes")
                .response(status: .unprocessableEntity)
        }
        try await req.db.transaction { db in
            apply(form, to: organisation)
            try await organisation.save(on: db)
            try await replaceTermsAndAreas(of: id, with: form, on: db)
            try await updateHubs(of: id, to: form.hubs, hubs: hubs, on: db)
        }
        try await req.audit(.organisationUpdated, subjectType: "organisation", subjectID: id, detail: organisation.slug)
        return req.redirect(to: SiteURL.organisation(organisation.slug).with(query: ["notice": Notice.organisationUpdated.rawValue]))
    }

    // MARK: Saving

    private func apply(_ form: OrganisationForm, to organisation: Organisation) {
        organisation.name = form.name
        organisation.summary = form.summary
        organisation.description = form.description
        organisation.website = form.website.isEmpty ? nil : form.website
        organisation.charityNumber = form.charityNumber.isEmpty ? nil : form.charityNumber
        organisation.contactEmail = form.contactEmail.isEmpty ? nil : form.contactEmail.lowercased()
        organisation.contactPhone = form.contactPhone.isEmpty ? nil : form.contactPhone
        organisation.visibility = form.visibility
    }

    private func replaceTermsAndAreas(of id: UUID, with form: OrganisationForm, on db: Database) async throws {
        try await OrganisationTerm.query(on: db).filter(\.$organisation.$id == id).delete()
        try await OrganisationArea.query(on: db).filter(\.$organisation.$id == id).delete()
        let terms = Vocabulary.allCases.flatMap { vocabulary in
            (form.terms[vocabulary] ?? []).sorted().map { OrganisationTerm(organisationID: id, vocabulary: vocabulary, code: $0) }
        }
        if !terms.isEmpty { try await terms.create(on: db) }
        let areas = form.areas.sorted().map { OrganisationArea(organisationID: id, areaCode: $0) }
        if !areas.isEmpty { try await areas.create(on: db) }
    }

    /// Joins newly chosen hubs (at once for open hubs, as a request otherwise) and leaves unchosen ones.
    /// A declined request stays declined until a steward changes it.
    private func updateHubs(of id: UUID, to chosenSlugs: Set<String>, hubs: [Hub], on db: Database) async throws {
        let existing = try await OrganisationHub.query(on: db).filter(\.$organisation.$id == id).all()
        for hub in hubs {
            guard let hubID = hub.id else { continue }
            let current = existing.first { $0.$hub.id == hubID }
            if chosenSlugs.contains(hub.slug) {
                if current == nil {
                    let status: MembershipStatus = hub.membershipPolicy == Hub.MembershipPolicy.open.rawValue ? .approved : .pending
                    try await OrganisationHub(organisationID: id, hubID: hubID, status: status).create(on: db)
                }
            } else if let current, current.status != MembershipStatus.declined.rawValue {
                try await current.delete(on: db)
            }
        }
    }

    private func uniqueSlug(for name: String, on db: Database) async throws -> String {
        let base = Slugs.make(from: name)
        let taken = Set(try await Organisation.query(on: db).filter(\.$slug =~ base).all().map(\.slug))
        if !taken.contains(base) { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }
}
