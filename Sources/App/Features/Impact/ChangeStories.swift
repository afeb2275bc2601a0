import Fluent
import Plot
import Vapor

/// A story of change (Most Significant Change, Davies and Dart 2005): collected from someone
/// the project touched, then read by panels who choose the most significant and say why, with
/// their choice fed back to the teller. Kept inside the organisation; a chosen story reaches the
/// alliance's portfolio only as a new draft that goes through consent and review like any story.
final class ChangeStory: Model, @unchecked Sendable {
    static let schema = "change_stories"

    enum Domain: String, CaseIterable, Sendable {
        case relations, attitudes, neighbourhood, other

        var label: String {
            switch self {
            case .relations: return "Relations between groups"
            case .attitudes: return "A person's attitudes and confidence"
            case .neighbourhood: return "Neighbourhood life"
            case .other: return "Any other change"
            }
        }
    }

    enum Consent: String, CaseIterable, Sendable {
        case organisation, anonymised, portfolio

        var label: String {
            switch self {
            case .organisation: return "Only inside the organisation"
            case .anonymised: return "Shared beyond the organisation without anything that identifies them"
            case .portfolio:
                return "May also be offered to the alliance's story portfolio, after their own consent there"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "domain") var domain: String
    @Field(key: "period") var period: String
    @Field(key: "told_on") var toldOn: String
    @OptionalParent(key: "collector_id") var collector: User?
    /// A role or pseudonym, never a name.
    @Field(key: "teller") var teller: String
    @Field(key: "consent") var consent: String
    @Field(key: "place") var place: String
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "why_it_matters") var whyItMatters: String
    @OptionalField(key: "feedback") var feedback: String?
    @OptionalField(key: "fed_back_on") var fedBackOn: String?
    @OptionalParent(key: "story_id") var story: Story?
    @Children(for: \.$changeStory) var selections: [ChangeStorySelection]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One selection round: a panel at some level reads the stories and chooses, giving reasons.
final class ChangeStorySelection: Model, @unchecked Sendable {
    static let schema = "change_story_selections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "change_story_id") var changeStory: ChangeStory
    @Field(key: "level") var level: String
    @Field(key: "panel") var panel: String
    @Field(key: "chosen") var chosen: Bool
    @Field(key: "reasons") var reasons: String
    @Field(key: "decided_on") var decidedOn: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

struct M016CreateStoriesOfChange: AsyncMigration {
    var name: String { "M016CreateStoriesOfChange" }

    func prepare(on database: Database) async throws {
        try await database.schema(ChangeStory.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("domain", .string, .required)
            .field("period", .string, .required)
            .field("told_on", .string, .required)
            .field("collector_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("teller", .string, .required)
            .field("consent", .string, .required)
            .field("place", .string, .required)
            .field("what_happened", .string, .required)
            .field("why_it_matters", .string, .required)
            .field("feedback", .string)
            .field("fed_back_on", .string)
            .field("story_id", .uuid, .references(Story.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
        try await database.schema(ChangeStorySelection.schema)
            .id()
            .field("change_story_id", .uuid, .required, .references(ChangeStory.schema, .id, onDelete: .cascade))
            .field("level", .string, .required)
            .field("panel", .string, .required)
            .field("chosen", .bool, .required)
            .field("reasons", .string, .required)
            .field("decided_on", .string, .required)
            .field("recorded_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ChangeStorySelection.schema).delete()
        try await database.schema(ChangeStory.schema).delete()
    }
}

struct ChangeStoryDraft: Sendable {
    var domain = "", period = "", toldOn = "", teller = "", consent = "", place = "", whatHappened = "",
        whyItMatters = ""

    init() {}

    init(_ req: Request) {
        domain = req.formText("domain")
        period = req.formText("period")
        toldOn = req.formText("told_on")
        teller = req.formText("teller")
        consent = req.formText("consent")
        place = req.formText("place")
        whatHappened = req.formText("what_happened", keepNewlines: true)
        whyItMatters = req.formText("why_it_matters", keepNewlines: true)
    }

    func validate(today: String = UKDate.today()) -> FormErrors {
        var errors = FormErrors()
        if ChangeStory.Domain(rawValue: domain) == nil {
            errors.add("domain-relations", "Choose the kind of change the story is about")
        }
        ContentChecks.required(period, field: "period", label: "the reporting period", max: 100, into: &errors)
        if let date = UKDate.validated(toldOn) {
            if date > today { errors.add("told_on", "The date the story was told must be today or in the past") }
        } else {
            errors.add("told_on", "Enter the date as year-month-day, for example 2026-03-27")
        }
        ContentChecks.required(
            teller, field: "teller", label: "who told it, as a role or pseudonym", max: 100, into: &errors)
        if ChangeStory.Consent(rawValue: consent) == nil {
            errors.add("consent-organisation", "Choose what the teller agreed to")
        }
        ContentChecks.optional(place, field: "place", label: "the place", max: 120, into: &errors)
        ContentChecks.required(whatHappened, field: "what_happened", label: "what happened", max: 5_000, into: &errors)
        ContentChecks.required(
            whyItMatters, field: "why_it_matters", label: "why it matters to the teller", max: 2_000, into: &errors)
        return errors
    }
}

struct ChangeStoryController {
    func list(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        return try await listPage(req, project: project, draft: .init()).response()
    }

    func create(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        let draft = ChangeStoryDraft(req)
        let errors = draft.validate()
        guard errors.isEmpty else {
            return try await listPage(req, project: project, draft: draft, errors: errors).response(
                status: .unprocessableEntity)
        }
        let story = ChangeStory()
        story.$project.id = try project.requireID()
        story.domain = draft.domain
        story.period = draft.period
        story.toldOn = draft.toldOn
        story.teller = draft.teller
        story.consent = draft.consent
        story.place = draft.place
        story.whatHappened = draft.whatHappened
        story.whyItMatters = draft.whyItMatters
        story.$collector.id = req.currentUser?.id
        try await story.create(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(query: [
                "notice": Notice.changeStorySaved.rawValue
            ]))
    }

    func show(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        return try await showPage(req, project: project, story: story).response()
    }

    func addSelection(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        let level = req.formText("level")
        let panel = req.formText("panel")
        let choice = req.formText("chosen")
        let reasons = req.formText("reasons", keepNewlines: true)
        let decidedOn = req.formText("decided_on")
        var errors = FormErrors()
        ContentChecks.required(level, field: "level", label: "the level of the round", max: 100, into: &errors)
        ContentChecks.required(panel, field: "panel", label: "who was on the panel", max: 300, into: &errors)
        if choice != "yes" && choice != "no" { errors.add("chosen-yes", "Say whether the panel chose this story") }
        ContentChecks.required(reasons, field: "reasons", label: "the panel's reasons", max: 2_000, into: &errors)
        if UKDate.validated(decidedOn) == nil {
            errors.add("decided_on", "Enter the date as year-month-day, for example 2026-03-27")
        }
        guard errors.isEmpty else {
            return try await showPage(
                req, project: project, story: story,
                selection: .init(level: level, panel: panel, chosen: choice, reasons: reasons, decidedOn: decidedOn),
                errors: errors
            )
            .response(status: .unprocessableEntity)
        }
        let selection = ChangeStorySelection()
        selection.$changeStory.id = try story.requireID()
        selection.level = level
        selection.panel = panel
        selection.chosen = choice == "yes"
        selection.reasons = reasons
        selection.decidedOn = UKDate.validated(decidedOn) ?? decidedOn
        selection.$recordedBy.id = req.currentUser?.id
        try await selection.create(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(query: [
                "notice": Notice.selectionRecorded.rawValue
            ]) + "#selection")
    }

    func recordFeedback(req: Request) async throws -> Response {
        let (project, story) = try await Self.story(req)
        let feedback = req.formText("feedback", keepNewlines: true)
        let fedBackOn = req.formText("fed_back_on")
        var errors = FormErrors()
        ContentChecks.required(
            feedback, field: "feedback", label: "what the teller was told", max: 2_000, into: &errors)
        if UKDate.validated(fedBackOn) == nil {
            errors.add("fed_back_on", "Enter the date as year-month-day, for example 2026-03-27")
        }
        guard errors.isEmpty else {
            return try await showPage(
                req, project: project, story: story, feedback: (feedback, fedBackOn), errors: errors
            ).response(status: .unprocessableEntity)
        }
        story.feedback = feedback
        story.fedBackOn = UKDate.validated(fedBackOn)
        try await story.save(on: req.db)
        return req.redirect(
            to: SiteURL.changeStory(project.slug, try story.requireID()).with(query: [
                "notice": Notice.feedbackRecorded.rawValue
            ]) + "#feedback-to-teller")
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
        if story.consent != ChangeStory.Consent.portfolio.rawValue {
            errors.add("portfolio_title", "The teller did not agree to the story being offered to the portfolio")
        }
        if story.$story.id != nil {
            errors.add("portfolio_title", "This story has already been offered to the portfolio")
        }
        let title = req.formText("portfolio_title")
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
            return try await showPage(req, project: project, story: story, portfolioTitle: title, errors: errors)
                .response(status: .unprocessableEntity)
        }
        let organisation = try await project.$organisation.get(on: req.db)
        var draft = StoryDraft()
        draft.title = title
        draft.summary = String(story.whyItMatters.prefix(StoryDraft.limits.summary))
        draft.body =
            "\(story.whatHappened)\n\n## Why it matters\n\n\(story.whyItMatters)\n\n*Told by \(story.teller)\(story.place.isEmpty ? "" : ", \(story.place)"), and chosen as a most significant change in \(project.name).*"
        draft.hub = hub.slug
        draft.organisation = organisation.isPublic ? organisation.slug : ""
        draft.kindOfWork = project.kindOfWork
        let created = try await StoryWorkflow(req: req).create(draft, author: user)
        story.$story.id = try created.requireID()
        try await story.save(on: req.db)
        return req.redirect(to: SiteURL.manageStory(created.slug).with(query: ["notice": Notice.storySaved.rawValue]))
    }

    // MARK: Helpers

    private static func hubs(of project: Project, on db: Database) async throws -> [Hub] {
        try await Hub.query(on: db).join(OrganisationHub.self, on: \Hub.$id == \OrganisationHub.$hub.$id)
            .filter(OrganisationHub.self, \.$organisation.$id == project.$organisation.id)
            .filter(OrganisationHub.self, \.$status == MembershipStatus.approved.rawValue).sort(\.$name).all()
    }

    private func listPage(_ req: Request, project: Project, draft: ChangeStoryDraft, errors: FormErrors = .init())
        async throws -> HTML
    {
        let stories = try await ChangeStory.query(on: req.db).filter(\.$project.$id == project.requireID()).with(
            \.$selections
        ).sort(\.$toldOn, .descending).all()
        return ChangeStoryViews.list(req, project: project, stories: stories, draft: draft, errors: errors)
    }

    private func showPage(
        _ req: Request, project: Project, story: ChangeStory, selection: ChangeStoryViews.SelectionDraft = .init(),
        feedback: (String, String)? = nil, portfolioTitle: String? = nil, errors: FormErrors = .init()
    ) async throws -> HTML {
        let selections = try await story.$selections.query(on: req.db).with(\.$recordedBy).sort(\.$decidedOn).all()
        let collector = try await story.$collector.get(on: req.db)
        let portfolioStory = try await story.$story.get(on: req.db)
        return ChangeStoryViews.show(
            req, project: project, story: story, collector: collector, selections: selections,
            portfolioStory: portfolioStory,
            selection: selection, feedback: feedback ?? (story.feedback ?? "", story.fedBackOn ?? ""),
            portfolioTitle: portfolioTitle ?? "", errors: errors)
    }

    static func story(_ req: Request) async throws -> (Project, ChangeStory) {
        let project = try await ProjectController.project(req)
        try req.authorize(.workForOrganisation, .organisation(project.$organisation.id))
        guard let id = req.parameters.get("changeStoryID", as: UUID.self),
            let story = try await ChangeStory.find(id, on: req.db), story.$project.id == project.id
        else { throw Abort(.notFound) }
        return (project, story)
    }
}

enum ChangeStoryViews {
    struct SelectionDraft: Sendable { var level = "", panel = "", chosen = "", reasons = "", decidedOn = "" }

    static func list(
        _ request: Request, project: Project, stories: [ChangeStory], draft: ChangeStoryDraft, errors: FormErrors
    ) -> HTML {
        Layout(title: "Stories of change: \(project.name)", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("Stories of change")),
            .p(
                .class("lead"),
                .plainText(
                    "Ask people, in their own words, what the most significant change has been for them. Panels then read the stories, choose the most significant and say why, and the choice goes back to the tellers. The stories stay inside the organisation."
                )),
            .if(stories.isEmpty, .p(.plainText("No stories collected yet."))),
            .forEach(ChangeStory.Domain.allCases) { domain in
                let inDomain = stories.filter { $0.domain == domain.rawValue }
                return .if(
                    !inDomain.isEmpty,
                    .group(
                        .h2(.plainText(domain.label)),
                        .ul(
                            .class("result-list"),
                            .forEach(inDomain) { story in
                                .li(
                                    .class("result"),
                                    .h3(
                                        .class("result__title"),
                                        .a(
                                            .href(SiteURL.changeStory(project.slug, story.id!).path.attributeEscaped),
                                            .plainText("Told by \(story.teller), \(story.toldOn)"))),
                                    .p(
                                        .class("result__summary"),
                                        .plainText(
                                            String(story.whatHappened.prefix(240))
                                                + (story.whatHappened.count > 240 ? "…" : ""))),
                                    .p(.class("result__meta"), .plainText(status(story))))
                            })
                    ))
            },
            .form(
                .method(.post), .action(SiteURL.changeStories(project.slug).path.attributeEscaped),
                Forms.csrfField(request),
                .h2(.plainText("Collect a story")),
                Forms.radios(
                    name: "domain", legend: "What kind of change is it about?",
                    options: ChangeStory.Domain.allCases.map { ($0.rawValue, $0.label, nil) }, selected: draft.domain,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "period", label: "Reporting period", value: draft.period,
                        hint: "For example: April to September 2026"), errors: errors),
                Forms.input(
                    .init(
                        name: "told_on", label: "Date told", value: draft.toldOn,
                        hint: "Year-month-day, for example 2026-03-27", width: "input--width-10"), errors: errors),
                Forms.input(
                    .init(
                        name: "teller", label: "Who told it", value: draft.teller,
                        hint: "A role or a pseudonym, never a name: for example \u{201C}a youth peer trainer\u{201D}."),
                    errors: errors),
                Forms.radios(
                    name: "consent", legend: "What the teller agreed to",
                    options: ChangeStory.Consent.allCases.map { ($0.rawValue, $0.label, nil) }, selected: draft.consent,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "place", label: "Place (optional)", value: draft.place,
                        hint: "As broad as keeps the teller safe, for example a town rather than a street."),
                    errors: errors),
                Forms.textarea(
                    name: "what_happened", label: "What happened", value: draft.whatHappened,
                    hint: "In the teller's words: what changed, for whom, and how.", rows: 6, errors: errors),
                Forms.textarea(
                    name: "why_it_matters", label: "Why it matters to the teller", value: draft.whyItMatters, rows: 4,
                    errors: errors),
                Forms.submit("Save the story")
            )
        )
    }

    private static func status(_ story: ChangeStory) -> String {
        let rounds = story.selections.count
        let chosen = story.selections.filter(\.chosen).count
        var parts = [
            rounds == 0
                ? "Not yet read by a panel" : "Read in \(rounds) round\(rounds == 1 ? "" : "s"), chosen in \(chosen)"
        ]
        if story.fedBackOn != nil { parts.append("fed back to the teller") }
        if story.$story.id != nil { parts.append("offered to the portfolio") }
        return parts.joined(separator: " · ")
    }

    static func show(
        _ request: Request, project: Project, story: ChangeStory, collector: User?, selections: [ChangeStorySelection],
        portfolioStory: Story?,
        selection: SelectionDraft, feedback: (text: String, date: String), portfolioTitle: String, errors: FormErrors
    ) -> HTML {
        let id = story.id!
        let chosen = selections.contains(where: \.chosen)
        return Layout(title: "Story of change told by \(story.teller)", request: request, hasErrors: !errors.isEmpty)
            .render(
                Forms.errorSummary(errors),
                .p(
                    .a(
                        .href(SiteURL.changeStories(project.slug).path.attributeEscaped),
                        .plainText("Stories of change: \(project.name)"))),
                .span(.class("caption"), .plainText(ChangeStory.Domain(rawValue: story.domain)?.label ?? story.domain)),
                .h1(.plainText("Told by \(story.teller)")),
                .dl(
                    .class("summary-list"),
                    .div(.dt(.plainText("Reporting period")), .dd(.plainText(story.period))),
                    .div(.dt(.plainText("Told on")), .dd(.plainText(story.toldOn))),
                    .div(.dt(.plainText("Place")), .dd(.plainText(story.place.isEmpty ? "Not given" : story.place))),
                    .div(.dt(.plainText("Collected by")), .dd(.plainText(collector?.name ?? "A former member"))),
                    .div(
                        .dt(.plainText("The teller agreed to")),
                        .dd(.plainText(ChangeStory.Consent(rawValue: story.consent)?.label ?? story.consent)))),
                .h2(.plainText("What happened")),
                .div(.class("prose"), .forEach(Project.lines(story.whatHappened)) { .p(.plainText($0)) }),
                .h2(.plainText("Why it matters to the teller")),
                .div(.class("prose"), .forEach(Project.lines(story.whyItMatters)) { .p(.plainText($0)) }),
                .h2(.id("selection"), .plainText("Selection rounds")),
                .if(selections.isEmpty, .p(.plainText("No panel has read it yet."))),
                .ol(
                    .class("result-list"),
                    .forEach(selections) { round in
                        .li(
                            .class("result"),
                            .h3(
                                .class("result__title"),
                                .plainText("\(round.level): " + (round.chosen ? "chosen" : "not chosen"))),
                            .p(.plainText("Panel: \(round.panel). Decided on \(round.decidedOn).")),
                            .p(.plainText("Reasons: \(round.reasons)")))
                    }),
                .form(
                    .method(.post), .action(SiteURL.changeStorySelections(project.slug, id).path.attributeEscaped),
                    Forms.csrfField(request),
                    .h3(.plainText("Record a selection round")),
                    Forms.input(
                        .init(
                            name: "level", label: "Level", value: selection.level,
                            hint: "For example: project team, trustees, hub panel"), errors: errors),
                    Forms.input(
                        .init(
                            name: "panel", label: "Who was on the panel", value: selection.panel,
                            hint: "Roles are enough, for example: two volunteers, the coordinator and a parent"),
                        errors: errors),
                    Forms.radios(
                        name: "chosen", legend: "Did the panel choose this story as the most significant?",
                        options: [("yes", "Yes", nil), ("no", "No", nil)], selected: selection.chosen, errors: errors),
                    Forms.textarea(
                        name: "reasons", label: "The panel's reasons", value: selection.reasons,
                        hint: "Why they chose it, or what they chose instead and why.", rows: 4, errors: errors),
                    Forms.input(
                        .init(
                            name: "decided_on", label: "Date decided", value: selection.decidedOn,
                            hint: "Year-month-day", width: "input--width-10"), errors: errors),
                    Forms.submit("Record the round", secondary: true)
                ),
                .h2(.id("feedback-to-teller"), .plainText("Feedback to the teller")),
                .p(
                    .plainText(
                        story.fedBackOn.map { "Fed back on \($0): \(story.feedback ?? "")" }
                            ?? "Not yet fed back. Tell the teller which stories were chosen and why.")),
                .form(
                    .method(.post), .action(SiteURL.changeStoryFeedback(project.slug, id).path.attributeEscaped),
                    Forms.csrfField(request),
                    Forms.textarea(
                        name: "feedback", label: "What the teller was told", value: feedback.text, rows: 3,
                        errors: errors),
                    Forms.input(
                        .init(
                            name: "fed_back_on", label: "Date", value: feedback.date, hint: "Year-month-day",
                            width: "input--width-10"), errors: errors),
                    Forms.submit("Record the feedback", secondary: true)
                ),
                .h2(.plainText("The alliance's story portfolio")),
                .unwrap(portfolioStory) {
                    .p(
                        .plainText("Offered as the draft "),
                        .a(.href(SiteURL.manageStory($0.slug).path.attributeEscaped), .plainText($0.title)),
                        .plainText(
                            ". It is published only once the teller's consent is recorded there and a steward has reviewed it."
                        ))
                },
                .if(
                    portfolioStory == nil && chosen && story.consent == ChangeStory.Consent.portfolio.rawValue,
                    .form(
                        .method(.post), .action(SiteURL.changeStoryToPortfolio(project.slug, id).path.attributeEscaped),
                        Forms.csrfField(request),
                        .p(
                            .plainText(
                                "This story was chosen and the teller agreed it may be offered. Offering it starts a draft story in your name: check it names nobody, record the teller's consent, and send it to the hub's stewards."
                            )),
                        Forms.input(
                            .init(name: "portfolio_title", label: "Title for the story", value: portfolioTitle),
                            errors: errors),
                        Forms.submit("Start a draft story from it", secondary: true)
                    )),
                .if(
                    portfolioStory == nil && !(chosen && story.consent == ChangeStory.Consent.portfolio.rawValue),
                    .p(
                        .plainText(
                            story.consent != ChangeStory.Consent.portfolio.rawValue
                                ? "The teller did not agree to the story being offered to the portfolio, so it stays here."
                                : "Once a panel chooses it, the story can be offered to the portfolio.")))
            )
    }
}
