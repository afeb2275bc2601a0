import Fluent
import Plot
import Vapor

/// The directory of organisations: search, a listing each, and the form to add or edit one.
struct OrganisationController {
    func search(req: Request) async throws -> Response {
        let query = DirectoryQuery(req)
        let results = try await DirectorySearch.run(
            query, signedIn: req.seesMembersOnly, on: req.db, index: req.application.directoryIndex)
        let signedIn = req.seesMembersOnly
        var searchKey = query
        searchKey.page = 1
        let form = req.application.directoryIndex.fragment(
            "organisations-filters", for: searchKey, signedIn: signedIn, generation: results.generation
        ) {
            OrganisationViews.filterForm(
                query: query, results: results, action: .organisations, label: "Search organisations")
        }
        return OrganisationViews.search(req, page: .init(query: query, results: results, filterForm: form)).response()
    }

    /// The organisation in the path, if this person may see it. Members-only listings answer 404 to
    /// visitors, so their existence is not revealed.
    private func visibleOrganisation(_ req: Request) async throws -> Organisation {
        guard let slug = req.parameters.get("organisationSlug"),
            let organisation = try await Organisation.query(on: req.db).filter(\.$slug == slug).first(),
            try organisation.isPublic || req.seesMembersOnly
                || Policy.can(req.currentUser, .workForOrganisation, .organisation(organisation.requireID()))
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
        return OrganisationViews.form(
            req, title: "Add an organisation", action: SiteURL.newOrganisation.path, form: OrganisationForm(),
            hubs: hubs, submit: "Add organisation"
        ).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = OrganisationForm(request: req)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            return OrganisationViews.form(
                req, title: "Add an organisation", action: SiteURL.newOrganisation.path, form: form, hubs: hubs,
                errors: errors, submit: "Add organisation"
            )
            .response(status: .unprocessableEntity)
        }
        let organisation = try await OrganisationStore.create(form, by: user.id, hubs: hubs, on: req.db)
        try await req.audit(
            .organisationCreated, subjectType: "organisation", subjectID: organisation.id, detail: organisation.slug)
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(query: ["notice": Notice.organisationCreated.rawValue]))
    }

    private func administeredOrganisation(_ req: Request) async throws -> Organisation {
        let organisation = try await visibleOrganisation(req)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        return organisation
    }

    func editForm(req: Request) async throws -> Response {
        let organisation = try await administeredOrganisation(req)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let form = try await OrganisationStore.currentForm(of: organisation, hubs: hubs, on: req.db)
        return OrganisationViews.form(
            req, title: "Edit \(organisation.name)", action: SiteURL.editOrganisation(organisation.slug).path,
            form: form, hubs: hubs, submit: "Save changes"
        ).response()
    }

    func update(req: Request) async throws -> Response {
        let organisation = try await administeredOrganisation(req)
        let id = try organisation.requireID()
        let form = OrganisationForm(request: req)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            return OrganisationViews.form(
                req, title: "Edit \(organisation.name)", action: SiteURL.editOrganisation(organisation.slug).path,
                form: form, hubs: hubs, errors: errors, submit: "Save changes"
            )
            .response(status: .unprocessableEntity)
        }
        try await OrganisationStore.update(organisation, with: form, hubs: hubs, on: req.db)
        try await req.audit(.organisationUpdated, subjectType: "organisation", subjectID: id, detail: organisation.slug)
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(query: ["notice": Notice.organisationUpdated.rawValue]))
    }
}
