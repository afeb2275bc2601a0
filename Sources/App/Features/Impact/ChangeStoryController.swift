import Fluent
import Plot
import Vapor

/// `/impact/projects/{slug}/stories-of-change`: collecting stories of change, the panels' choices,
/// feedback to the tellers, and offering a chosen story to the alliance's portfolio. The route
/// loads the project and lets in only the people who work for its organisation.
struct ChangeStoryController {
    func list(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        return ChangeStoryListPage.view(try await listModel(req, project: project, form: .init())).response()
    }

    func create(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let form = req.form(ChangeStoryForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return ChangeStoryListPage.view(try await listModel(req, project: project, form: form, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        let story = ChangeStory()
        story.$project.id = try project.requireID()
        form.apply(to: story)
        story.$collector.id = req.currentUser?.id
        try await story.create(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(notice: ImpactNotice.changeStorySaved))
    }

    func show(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        return ChangeStoryPage.view(try await showModel(req, project: project, story: story)).response()
    }

    func addSelection(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        let form = req.form(SelectionForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return ChangeStoryPage.view(
                try await showModel(req, project: project, story: story, selection: form, errors: errors)
            )
            .response(status: .unprocessableEntity)
        }
        let selection = ChangeStorySelection()
        selection.$changeStory.id = try story.requireID()
        selection.level = form.level
        selection.panel = form.panel
        selection.chosen = form.chosen == "yes"
        selection.reasons = form.reasons
        selection.decidedOn = UKDate.validated(form.decidedOn) ?? form.decidedOn
        selection.$recordedBy.id = req.currentUser?.id
        try await selection.create(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(notice: ImpactNotice.selectionRecorded)
                + "#selection")
    }

    func recordFeedback(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        let form = req.form(FeedbackForm.self)
        let errors = form.validate()
        guard errors.isEmpty else {
            return ChangeStoryPage.view(
                try await showModel(req, project: project, story: story, feedback: form, errors: errors)
            )
            .response(status: .unprocessableEntity)
        }
        story.feedback = form.text
        story.fedBackOn = UKDate.validated(form.date)
        try await story.save(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(notice: ImpactNotice.feedbackRecorded)
                + "#feedback-to-teller")
    }

    /// Starts a draft in the story portfolio from a chosen story. The draft then needs the
    /// teller's own consent and a steward's review like any other story.
    func offerToPortfolio(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        let user = try req.requireCurrentUser()
        let selections = try await story.$selections.get(on: req.db)
        var errors = FormErrors()
        if !selections.contains(where: \.chosen) {
            errors.add("portfolio_title", "Only a story a panel chose can be offered to the portfolio")
        }
        if story.consent != .portfolio {
            errors.add("portfolio_title", "The teller did not agree to the story being offered to the portfolio")
        }
        if story.$story.id != nil {
            errors.add("portfolio_title", "This story has already been offered to the portfolio")
        }
        let title = req.form.text("portfolio_title")
        if title.isEmpty {
            errors.add("portfolio_title", "Enter a title for the story")
        } else if title.count > StoryDraft.limits.title {
            errors.add("portfolio_title", "The title must be \(StoryDraft.limits.title) characters or fewer")
        }
        let hubs = try await Self.hubs(of: project, on: req.db)
        if hubs.isEmpty {
            errors.add(
                "portfolio_title",
                "The organisation is not in a hub yet, and a story needs a hub's stewards to review it")
        }
        guard errors.isEmpty, let hub = hubs.first else {
            return ChangeStoryPage.view(
                try await showModel(req, project: project, story: story, portfolioTitle: title, errors: errors)
            )
            .response(status: .unprocessableEntity)
        }
        let organisation = try await project.$organisation.get(on: req.db)
        var draft = StoryDraft()
        draft.title = title
        draft.summary = String(story.whyItMatters.prefix(StoryDraft.limits.summary))
        draft.body = Self.portfolioBody(story, project: project)
        draft.hub = hub.slug
        draft.organisation = organisation.isPublic ? organisation.slug : ""
        draft.kindOfWork = project.kindOfWork
        let created = try await StoryWorkflow(req: req).create(draft, author: user)
        story.$story.id = try created.requireID()
        try await story.save(on: req.db)
        return req.redirect(to: SiteURL.manageStory(created.slug).with(notice: StoryNotice.saved))
    }

    // MARK: Helpers

    /// The draft's text: what happened, why it matters, and who told it.
    private static func portfolioBody(_ story: ChangeStory, project: Project) -> String {
        let place = story.place.isEmpty ? "" : ", \(story.place)"
        return
            "\(story.whatHappened)\n\n## Why it matters\n\n\(story.whyItMatters)\n\n*Told by \(story.teller)\(place), and chosen as a most significant change in \(project.name).*"
    }

    private static func hubs(of project: Project, on db: Database) async throws -> [Hub] {
        try await Hub.query(on: db).join(OrganisationHub.self, on: \Hub.$id == \OrganisationHub.$hub.$id)
            .filter(OrganisationHub.self, \.$organisation.$id == project.$organisation.id)
            .filter(OrganisationHub.self, \.$status == .approved).sort(\.$name).all()
    }

    private func listModel(_ req: Request, project: Project, form: ChangeStoryForm, errors: FormErrors = .init())
        async throws -> ChangeStoryListPage.Model
    {
        let stories = try await ChangeStory.query(on: req.db).filter(\.$project.$id == project.requireID())
            .with(\.$selections).sort(\.$toldOn, .descending).all()
        let model = ChangeStoryListPage.Model(
            page: req.page, project: project, stories: stories, form: form, errors: errors)
        return model
    }

    private func showModel(
        _ req: Request, project: Project, story: ChangeStory, selection: SelectionForm = .init(),
        feedback: FeedbackForm? = nil, portfolioTitle: String? = nil, errors: FormErrors = .init()
    ) async throws -> ChangeStoryPage.Model {
        let selections = try await story.$selections.query(on: req.db).with(\.$recordedBy).sort(\.$decidedOn).all()
        let collector = try await story.$collector.get(on: req.db)
        let portfolioStory = try await story.$story.get(on: req.db)
        let model = ChangeStoryPage.Model(
            page: req.page, project: project, story: story, collector: collector, selections: selections,
            portfolioStory: portfolioStory, selection: selection,
            feedback: feedback ?? FeedbackForm(text: story.feedback ?? "", date: story.fedBackOn ?? ""),
            portfolioTitle: portfolioTitle ?? "", errors: errors)
        return model
    }

    /// The story named in the address, which must belong to the project the route loaded.
    static func story(_ req: Request) async throws -> (Project, ChangeStory) {
        let project = try req.subject(Project.self)
        guard let id = req.parameters.get("changeStoryID", as: UUID.self),
            let story = try await ChangeStory.find(id, on: req.db), story.$project.id == project.id
        else { throw Abort(.notFound) }
        return (project, story)
    }
}
