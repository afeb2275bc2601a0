import Fluent
import Plot
import Vapor

/// The directory of organisations: search, a listing each, and the form to add or edit one.
struct OrganisationController {
    func search(req: Request) async throws -> Response {
        let query = DirectoryQuery(req)
        let search = try await FilteredDirectorySearch.run(
            req, query: query, cacheName: "organisations-filters", action: .organisations, label: "Search organisations"
        )
        let results = search.results
        let form = search.filterForm
        let model = OrganisationSearchPage.Model(
            page: req.page, query: query, results: results, filterForm: form,
            canAddOrganisation: Policy.can(req.currentUser, .addOrganisation))
        return OrganisationSearchPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        let organisation = try req.subject(Organisation.self)
        let id = try organisation.requireID()
        let profile = try await OrganisationProfile.load(id, on: req.db)
        let model = OrganisationShowPage.Model(
            page: req.page, organisation: organisation, terms: profile.terms, areaCodes: profile.areaCodes,
            hubs: profile.hubs,
            publicBaseURL: req.application.publicBaseURL,
            canEdit: Policy.can(req.currentUser, .administerOrganisation, .organisation(id)),
            projectReports: profile.projects.map {
                .init(projectName: $0.name, path: SiteURL.projectPublicReport($0.slug).path)
            })
        return OrganisationShowPage.view(model).response()
    }

    func newForm(req: Request) async throws -> Response {
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        return OrganisationFormPage.view(newFormModel(req, form: OrganisationForm(), hubs: hubs)).response()
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        let form = req.form(OrganisationForm.self)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            let model = newFormModel(req, form: form, hubs: hubs, errors: errors)
            return OrganisationFormPage.view(model).response(status: .unprocessableEntity)
        }
        let saved = try await OrganisationStore.create(form, by: user.id, hubs: hubs, on: req.db)
        let organisation = saved.organisation
        try await req.tellStewards(organisation: organisation, askedToJoin: saved.askedToJoin)
        try await req.audit(
            .organisationCreated, subjectType: "organisation", subjectID: organisation.id, detail: organisation.slug)
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(notice: OrganisationNotice.organisationCreated))
    }

    private func newFormModel(_ req: Request, form: OrganisationForm, hubs: [Hub], errors: FormErrors = .init())
        -> OrganisationFormPage.Model
    {
        OrganisationFormPage.Model(
            page: req.page, title: "Add an organisation", action: SiteURL.newOrganisation.path, form: form,
            hubs: hubs, errors: errors, submit: "Add organisation")
    }

    private func editFormModel(
        _ req: Request, organisation: Organisation, form: OrganisationForm, hubs: [Hub], errors: FormErrors = .init()
    ) -> OrganisationFormPage.Model {
        OrganisationFormPage.Model(
            page: req.page, title: "Edit \(organisation.name)",
            action: SiteURL.editOrganisation(organisation.slug).path, form: form, hubs: hubs, errors: errors,
            submit: "Save changes")
    }

    func editForm(req: Request) async throws -> Response {
        let organisation = try req.subject(Organisation.self)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let form = try await OrganisationStore.currentForm(of: organisation, hubs: hubs, on: req.db)
        let model = editFormModel(req, organisation: organisation, form: form, hubs: hubs)
        return OrganisationFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let organisation = try req.subject(Organisation.self)
        let id = try organisation.requireID()
        let form = req.form(OrganisationForm.self)
        let hubs = try await Hub.query(on: req.db).sort(\.$name).all()
        let errors = form.validate(knownHubSlugs: Set(hubs.map(\.slug)))
        guard errors.isEmpty else {
            let model = editFormModel(req, organisation: organisation, form: form, hubs: hubs, errors: errors)
            return OrganisationFormPage.view(model).response(status: .unprocessableEntity)
        }
        let asked = try await OrganisationStore.update(organisation, with: form, hubs: hubs, on: req.db)
        try await req.tellStewards(organisation: organisation, askedToJoin: asked)
        try await req.audit(.organisationUpdated, subjectType: "organisation", subjectID: id, detail: organisation.slug)
        return req.redirect(
            to: SiteURL.organisation(organisation.slug).with(notice: OrganisationNotice.organisationUpdated))
    }
}
