import Fluent
import Plot
import Vapor

/// `/impact/projects`: projects and their theories of change. Members read them, to learn from
/// each other; an organisation's admins write its own.
struct ProjectController {
    func list(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        var query = Project.query(on: req.db).with(\.$organisation).sort(\.$name)
        if !Policy.can(user, .readMembersOnly) {
            // Not yet approved into a hub: only the projects of their own organisations.
            query = query.filter(\.$organisation.$id ~~ Array(user.memberOfOrganisations))
        }
        let projects = try await query.all()
        // Anyone who runs an organisation may add a project for it.
        let canAdd = user.isCoordinator || !user.adminOfOrganisations.isEmpty
        return ProjectListPage.view(.init(page: req.page, projects: projects, canAdd: canAdd)).response()
    }

    func show(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let organisation = try await project.$organisation.get(on: req.db)
        let canEdit = Policy.can(req.currentUser, .administerOrganisation, .organisation(try organisation.requireID()))
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        return ProjectPage.view(
            try await Self.pageModel(
                req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, canEdit: canEdit
            )
        ).response()
    }

    func newForm(req: Request) async throws -> Response {
        let organisations = try await adminOrganisations(req)
        guard !organisations.isEmpty else { throw Abort(.forbidden) }
        let model = ProjectFormPage.Model(
            page: req.page, form: ProjectForm(), project: nil, organisations: organisations)
        return ProjectFormPage.view(model).response()
    }

    func create(req: Request) async throws -> Response {
        let organisations = try await adminOrganisations(req)
        guard !organisations.isEmpty else { throw Abort(.forbidden) }
        let form = req.form(ProjectForm.self)
        let errors = form.validate(allowedOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty, let organisation = organisations.first(where: { $0.slug == form.organisation }) else {
            let model = ProjectFormPage.Model(
                page: req.page, form: form, project: nil, organisations: organisations, errors: errors)
            return ProjectFormPage.view(model).response(status: .unprocessableEntity)
        }
        let project = Project()
        form.apply(to: project, organisationID: try organisation.requireID())
        project.slug = try await ContentChecks.uniqueSlug(
            for: form.name, schema: Project.schema, fallback: "project", on: req.db)
        try await project.create(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(notice: ImpactNotice.projectSaved))
    }

    func editForm(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let organisation = try await project.$organisation.get(on: req.db)
        let model = ProjectFormPage.Model(
            page: req.page, form: ProjectForm(project, organisationSlug: organisation.slug), project: project,
            organisations: try await adminOrganisations(req, including: organisation))
        return ProjectFormPage.view(model).response()
    }

    func update(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let current = try await project.$organisation.get(on: req.db)
        let organisations = try await adminOrganisations(req, including: current)
        let form = req.form(ProjectForm.self)
        let errors = form.validate(allowedOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty, let organisation = organisations.first(where: { $0.slug == form.organisation }) else {
            let model = ProjectFormPage.Model(
                page: req.page, form: form, project: project, organisations: organisations, errors: errors)
            return ProjectFormPage.view(model).response(status: .unprocessableEntity)
        }
        form.apply(to: project, organisationID: try organisation.requireID())
        try await project.save(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(notice: ImpactNotice.projectSaved))
    }

    func addOutcome(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let organisation = try await project.$organisation.get(on: req.db)
        let form = req.form(OutcomeForm.self)
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        let errors = form.validate(lookup: lookup)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        guard errors.isEmpty else {
            return ProjectPage.view(
                try await Self.pageModel(
                    req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup,
                    canEdit: true,
                    outcomeForm: form, errors: errors
                )
            ).response(status: .unprocessableEntity)
        }
        let ordered = lookup.all.map(\.code).filter { form.codes.contains($0) }
        try await Outcome(
            projectID: project.requireID(), position: (outcomes.last?.position ?? 0) + 1,
            description: form.description, indicatorCodes: ordered
        ).create(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(notice: ImpactNotice.projectSaved) + "#outcomes")
    }

    /// The project's page, with what was typed into its outcome or survey form after a problem.
    static func pageModel(
        _ req: Request, project: Project, organisation: Organisation, outcomes: [Outcome], lookup: IndicatorLookup,
        canEdit: Bool, surveyForm: SurveyOpeningForm = .init(), outcomeForm: OutcomeForm = .init(),
        errors: FormErrors = .init()
    ) async throws -> ProjectPage.Model {
        let model = ProjectPage.Model(
            page: req.page, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup,
            surveys: try await project.surveys(on: req.db), canEdit: canEdit,
            canWork: Policy.can(req.currentUser, .workForOrganisation, project.policyResource),
            surveyForm: surveyForm, outcomeForm: outcomeForm, errors: errors)
        return model
    }

    /// The organisations this person runs (every organisation, for coordinators, up to a limit).
    private func adminOrganisations(_ req: Request, including current: Organisation? = nil) async throws
        -> [Organisation]
    {
        let user = try req.requireCurrentUser()
        var organisations =
            user.isCoordinator
            ? try await Organisation.query(on: req.db).sort(\.$name).limit(2_000).all()
            : try await Organisation.query(on: req.db).filter(\.$id ~~ Array(user.adminOfOrganisations)).sort(\.$name)
                .all()
        if let current, !organisations.contains(where: { $0.id == current.id }) { organisations.append(current) }
        return organisations
    }
}
