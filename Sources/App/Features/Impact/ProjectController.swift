import Fluent
import Plot
import Vapor

/// `/impact/projects`: projects and their theories of change. Members read them, to learn from
/// each other; an organisation's admins write its own.
struct ProjectController {
    func list(req: Request) async throws -> Response {
        let user = try req.requireCurrentUser()
        var query = Project.query(on: req.db).with(\.$organisation).sort(\.$name)
        if !req.seesMembersOnly {
            // Not yet approved into a hub: only the projects of their own organisations.
            query = query.filter(\.$organisation.$id ~~ Array(user.memberOfOrganisations))
        }
        let projects = try await query.all()
        let canAdd = user.isCoordinator || !user.adminOfOrganisations.isEmpty
        return ProjectViews.list(req, projects: projects, canAdd: canAdd).response()
    }

    func show(req: Request) async throws -> Response {
        let project = try await Self.project(req)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let organisation = try await project.$organisation.get(on: req.db)
        let canEdit = Policy.can(req.currentUser, .administerOrganisation, .organisation(try organisation.requireID()))
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        return ProjectViews.show(
            req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, canEdit: canEdit,
            surveys: try await project.surveys(on: req.db)
        ).response()
    }

    func newForm(req: Request) async throws -> Response {
        let organisations = try await adminOrganisations(req)
        guard !organisations.isEmpty else { throw Abort(.forbidden) }
        return ProjectViews.form(req, form: ProjectForm(), project: nil, organisations: organisations).response()
    }

    func create(req: Request) async throws -> Response {
        let organisations = try await adminOrganisations(req)
        guard !organisations.isEmpty else { throw Abort(.forbidden) }
        let form = ProjectForm(req)
        let errors = form.validate(allowedOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty, let organisation = organisations.first(where: { $0.slug == form.organisation }) else {
            return ProjectViews.form(req, form: form, project: nil, organisations: organisations, errors: errors)
                .response(status: .unprocessableEntity)
        }
        let project = Project()
        form.apply(to: project, organisationID: try organisation.requireID())
        project.slug = try await ContentChecks.uniqueSlug(
            for: form.name, schema: Project.schema, fallback: "project", on: req.db)
        try await project.create(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(query: ["notice": Notice.projectSaved.rawValue]))
    }

    func editForm(req: Request) async throws -> Response {
        let project = try await Self.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        return ProjectViews.form(
            req, form: ProjectForm(project, organisationSlug: organisation.slug), project: project,
            organisations: try await adminOrganisations(req, including: organisation)
        ).response()
    }

    func update(req: Request) async throws -> Response {
        let project = try await Self.project(req)
        let current = try await project.$organisation.get(on: req.db)
        try req.authorize(.administerOrganisation, .organisation(try current.requireID()))
        let organisations = try await adminOrganisations(req, including: current)
        let form = ProjectForm(req)
        let errors = form.validate(allowedOrganisations: Set(organisations.map(\.slug)))
        guard errors.isEmpty, let organisation = organisations.first(where: { $0.slug == form.organisation }) else {
            return ProjectViews.form(req, form: form, project: project, organisations: organisations, errors: errors)
                .response(status: .unprocessableEntity)
        }
        form.apply(to: project, organisationID: try organisation.requireID())
        try await project.save(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(query: ["notice": Notice.projectSaved.rawValue]))
    }

    func addOutcome(req: Request) async throws -> Response {
        let project = try await Self.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        let description = req.formText("description", keepNewlines: true)
        let codes = ContentChecks.list(req, "indicators")
        var errors = FormErrors()
        ContentChecks.required(
            description, field: "description", label: "the change you hope for", max: 1_000, into: &errors)
        if codes.isEmpty { errors.add("indicators", "Choose at least one indicator to measure it by") }
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        if codes.contains(where: { lookup.indicator($0) == nil }) {
            errors.add("indicators", "Choose indicators from the list")
        }
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        guard errors.isEmpty else {
            return ProjectViews.show(
                req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, canEdit: true,
                surveys: try await project.surveys(on: req.db),
                outcomeDraft: (description, codes), errors: errors
            ).response(status: .unprocessableEntity)
        }
        let ordered = lookup.all.map(\.code).filter { codes.contains($0) }
        try await Outcome(
            projectID: project.requireID(), position: (outcomes.last?.position ?? 0) + 1, description: description,
            indicatorCodes: ordered
        ).create(on: req.db)
        return req.redirect(
            to: SiteURL.project(project.slug).with(query: ["notice": Notice.projectSaved.rawValue]) + "#outcomes")
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

    static func project(_ req: Request) async throws -> Project {
        guard let slug = req.parameters.get("projectSlug"),
            let project = try await Project.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        try req.authorize(.readProject, .organisation(project.$organisation.id))
        return project
    }
}

enum ProjectViews {
    static func list(_ request: Request, projects: [Project], canAdd: Bool) -> HTML {
        Layout(title: "Projects", request: request).render(
            .h1(.plainText("Projects")),
            .p(
                .class("lead"),
                .plainText(
                    "Good relations projects across the alliance, each with its theory of change: what it does, the changes it hopes for, and how it measures them."
                )),
            .if(
                canAdd,
                .p(.a(.class("button button--secondary"), .href(SiteURL.newProject.path), .plainText("Add a project")))),
            .if(projects.isEmpty, .p(.plainText("No projects yet."))),
            .ol(
                .class("result-list"),
                .forEach(projects) { project in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
                        .p(.class("result__summary"), .plainText(project.summary)),
                        .p(.class("result__meta"), .plainText(project.organisation.name)))
                })
        )
    }

    struct SurveyDraft {
        var title = ""
        var mode = ""
        var codes: Set<String> = []
        var opensOn = ""
        var closesOn = ""
    }

    static func show(
        _ request: Request, project: Project, organisation: Organisation, outcomes: [Outcome], lookup: IndicatorLookup,
        canEdit: Bool,
        surveys: [Survey] = [], surveyDraft: SurveyDraft = .init(),
        outcomeDraft: (description: String, codes: Set<String>) = ("", []), errors: FormErrors = .init()
    ) -> HTML {
        let canWork = Policy.can(request.currentUser, .workForOrganisation, .organisation(project.$organisation.id))
        return Layout(title: project.name, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.projects.path), .plainText("Projects"))),
            .span(.class("caption"), .plainText(organisation.name)),
            .h1(.plainText(project.name)),
            .p(.class("lead"), .plainText(project.summary)),
            .p(.plainText(Vocabulary.kindOfWork.label(for: project.kindOfWork) ?? "")),
            .if(
                canEdit,
                .p(.a(.href(SiteURL.editProject(project.slug).path.attributeEscaped), .plainText("Edit the project")))),
            .h2(.plainText("Theory of change")),
            .ol(
                .class("theory-of-change"),
                step("What goes in", Project.lines(project.inputs), empty: "Not described yet."),
                step("What we do", Project.lines(project.activities), empty: "Not described yet."),
                step("What we count", Project.lines(project.outputs), empty: "Nothing counted yet."),
                .li(
                    .class("theory-of-change__step"),
                    .h3(.id("outcomes"), .plainText("The changes we hope for")),
                    .if(
                        outcomes.isEmpty,
                        .p(
                            .plainText(
                                "No outcomes yet. Each outcome is a change for people, measured by one or more indicators."
                            ))),
                    .ol(
                        .class("outcomes"),
                        .forEach(outcomes) { outcome in
                            .li(
                                .p(.strong(.plainText(outcome.description))),
                                .p(.class("hint"), .plainText("Measured by:")),
                                .ul(
                                    .class("bullet-list"),
                                    .forEach(outcome.indicators(lookup)) { indicator in
                                        .li(
                                            .code(.plainText(indicator.code)),
                                            .plainText(" – " + indicator.construct + ": " + indicator.wording))
                                    })
                            )
                        })
                ),
                step("The difference in the long run", Project.lines(project.impact), empty: "Not described yet.")
            ),
            .if(canEdit, outcomeForm(request, project: project, lookup: lookup, draft: outcomeDraft, errors: errors)),
            .h2(.id("surveys"), .plainText("Surveys")),
            .if(
                surveys.isEmpty,
                .p(
                    .plainText(
                        "No surveys yet. Ask the same questions before and after, and the answers of each person are paired by the code they choose."
                    ))),
            .ul(
                .class("bullet-list"),
                .forEach(surveys) { survey in
                    .li(
                        .a(
                            .href(
                                (canWork
                                    ? SiteURL.survey(project.slug, survey.id!)
                                    : SiteURL.surveyAnalysis(project.slug, survey.id!)).path.attributeEscaped),
                            .plainText(survey.title)),
                        .plainText(" – " + survey.surveyMode.label + (survey.isOpen() ? ", open" : ", closed")))
                }),
            .ul(
                .class("bullet-list"),
                .if(
                    !surveys.isEmpty,
                    .li(
                        .a(
                            .href(SiteURL.projectAnalysis(project.slug).path.attributeEscaped),
                            .plainText("See what the answers show across all surveys")))),
                .li(
                    .a(
                        .href(SiteURL.projectReport(project.slug).path.attributeEscaped),
                        .plainText("The project report, ready to print"))),
                .li(
                    .a(
                        .href(SiteURL.projectIndicators(project.slug).path.attributeEscaped),
                        .plainText("The organisation's own and local indicators"))),
                .if(
                    canWork,
                    .li(
                        .a(
                            .href(SiteURL.changeStories(project.slug).path.attributeEscaped),
                            .plainText("Stories of change"))))),
            .if(
                canEdit && !outcomes.isEmpty,
                surveyForm(
                    request, project: project, outcomes: outcomes, lookup: lookup, draft: surveyDraft, errors: errors))
        )
    }

    private static func surveyForm(
        _ request: Request, project: Project, outcomes: [Outcome], lookup: IndicatorLookup, draft: SurveyDraft,
        errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        let indicators = lookup.all.filter { indicator in
            outcomes.contains { $0.indicators(lookup).contains(indicator) }
        }
        return .form(
            .method(.post), .action(SiteURL.projectSurveys(project.slug).path.attributeEscaped),
            Forms.csrfField(request),
            .h3(.plainText("Open a survey")),
            Forms.input(
                .init(
                    name: "survey_title", label: "Survey title", value: draft.title,
                    hint: "For example: Tournament players, September"), errors: errors),
            Forms.radios(
                name: "mode", legend: "When is it answered?",
                options: Survey.Mode.allCases.map { ($0.rawValue, $0.label, $0.hint) }, selected: draft.mode,
                errors: errors),
            Forms.checkboxes(
                name: "survey_indicators", legend: "Questions",
                options: indicators.map { ($0.code, "\($0.code): \($0.construct)") },
                checked: draft.codes, errors: errors, groupID: "survey_indicators"),
            Forms.input(
                .init(
                    name: "opens_on", label: "Opens on (optional)", value: draft.opensOn,
                    hint: "Year-month-day. Leave empty to open now.", width: "input--width-10"), errors: errors),
            Forms.input(
                .init(
                    name: "closes_on", label: "Closes on (optional)", value: draft.closesOn,
                    hint: "Year-month-day. Leave empty to keep it open.", width: "input--width-10"), errors: errors),
            Forms.submit("Open the survey", secondary: true)
        )
    }

    private static func step(_ heading: String, _ lines: [String], empty: String) -> Node<HTML.ListContext> {
        .li(
            .class("theory-of-change__step"),
            .h3(.plainText(heading)),
            .if(lines.isEmpty, .p(.plainText(empty))),
            .ul(.class("bullet-list"), .forEach(lines) { .li(.plainText($0)) })
        )
    }

    private static func outcomeForm(
        _ request: Request, project: Project, lookup: IndicatorLookup, draft: (description: String, codes: Set<String>),
        errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.projectOutcomes(project.slug).path.attributeEscaped),
            Forms.csrfField(request),
            .h2(.plainText("Add an outcome")),
            Forms.textarea(
                name: "description", label: "The change you hope for", value: draft.description,
                hint:
                    "A change for people, for example: Young people from the two estates feel at ease with each other.",
                rows: 3, errors: errors),
            Forms.checkboxes(
                name: "indicators", legend: "Indicators to measure it by",
                hint:
                    "Community Life Survey questions can be compared with England's figures only when asked word for word.",
                options: lookup.all.map { ($0.code, "\($0.code): \($0.construct)") }, checked: draft.codes,
                errors: errors, groupID: "indicators"),
            Forms.submit("Add the outcome", secondary: true)
        )
    }

    static func form(
        _ request: Request, form: ProjectForm, project: Project?, organisations: [Organisation],
        errors: FormErrors = .init()
    ) -> HTML {
        let title = project == nil ? "Add a project" : "Edit the project"
        let action = project.map { SiteURL.editProject($0.slug) } ?? .newProject
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "Work back from the change you want: what you will do, what you will count, and the changes for people you hope to see. Put one item on each line."
                )),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
                Forms.select(
                    name: "organisation", label: "Organisation", empty: "Choose an organisation",
                    options: organisations.map { ($0.slug, $0.name) },
                    selected: form.organisation.isEmpty ? nil : form.organisation, error: errors["organisation"]),
                Forms.input(.init(name: "name", label: "Project name", value: form.name), errors: errors),
                Forms.textarea(name: "summary", label: "Summary", value: form.summary, rows: 3, errors: errors),
                Forms.radios(
                    name: "kind_of_work", legend: "Kind of work",
                    options: Vocabulary.kindOfWork.terms.map { ($0.code, $0.label, nil) }, selected: form.kindOfWork,
                    errors: errors),
                Forms.textarea(
                    name: "inputs", label: "What goes in (optional)", value: form.inputs,
                    hint: "People, money, places, partners.", rows: 3, errors: errors),
                Forms.textarea(
                    name: "activities", label: "What you do", value: form.activities,
                    hint: "For example: Monthly football tournaments for 14 to 18 year olds.", rows: 4, errors: errors),
                Forms.textarea(
                    name: "outputs", label: "What you count (optional)", value: form.outputs,
                    hint: "For example: Number of sessions; number of young people taking part.", rows: 3,
                    errors: errors),
                Forms.textarea(
                    name: "impact", label: "The difference in the long run (optional)", value: form.impact, rows: 3,
                    errors: errors),
                Forms.submit("Save")
            )
        )
    }
}
