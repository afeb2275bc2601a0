import Foundation
import Plot

/// `/impact/projects/{slug}/stories-of-change/{id}`: one story of change, its selection rounds, the
/// feedback to its teller, and offering it to the alliance's portfolio.
enum ChangeStoryPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        let story: ChangeStory
        let collector: User?
        /// Its rounds, in the order they were decided, with who recorded them.
        let selections: [ChangeStorySelection]
        /// The draft it became in the portfolio, once offered.
        let portfolioStory: Story?
        var selection = SelectionForm()
        var feedback: FeedbackForm
        var portfolioTitle = ""
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let story = model.story
        let errors = model.errors
        let selection = model.selection
        let id = story.id!
        return Layout(title: "Story of change told by \(story.teller)", page: model.page, hasErrors: !errors.isEmpty)
            .render(
                Forms.errorSummary(errors),
                .p(
                    .a(
                        .href(SiteURL.changeStories(project.slug).path.attributeEscaped),
                        .plainText("Stories of change: \(project.name)"))),
                .span(.class("caption"), .plainText(story.domain.label)),
                .h1(.plainText("Told by \(story.teller)")),
                .dl(
                    .class("summary-list"),
                    .div(.dt(.plainText("Reporting period")), .dd(.plainText(story.period))),
                    .div(.dt(.plainText("Told on")), .dd(.plainText(DisplayDate.day(iso: story.toldOn)))),
                    .div(.dt(.plainText("Place")), .dd(.plainText(story.place.isEmpty ? "Not given" : story.place))),
                    .div(.dt(.plainText("Collected by")), .dd(.plainText(model.collector?.name ?? "A former member"))),
                    .div(.dt(.plainText("The teller agreed to")), .dd(.plainText(story.consent.label)))),
                .h2(.plainText("What happened")),
                .div(.class("prose"), .forEach(Project.lines(story.whatHappened)) { .p(.plainText($0)) }),
                .h2(.plainText("Why it matters to the teller")),
                .div(.class("prose"), .forEach(Project.lines(story.whyItMatters)) { .p(.plainText($0)) }),
                .h2(.id("selection"), .plainText("Selection rounds")),
                .if(model.selections.isEmpty, .p(.plainText("No panel has read it yet."))),
                .ol(
                    .class("result-list"),
                    .forEach(model.selections) { round in
                        .li(
                            .class("result"),
                            .h3(
                                .class("result__title"),
                                .plainText("\(round.level): " + (round.chosen ? "chosen" : "not chosen"))),
                            .p(
                                .plainText(
                                    "Panel: \(round.panel). Decided on \(DisplayDate.day(iso: round.decidedOn)).")),
                            .p(.plainText("Reasons: \(round.reasons)")))
                    }),
                .form(
                    .method(.post), .action(SiteURL.changeStorySelections(project.slug, id).path.attributeEscaped),
                    Forms.csrfField(model.page),
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
                    Forms.dateInput(
                        name: "decided_on", legend: "Date decided", value: selection.decidedOn, errors: errors),
                    Forms.submit("Record the round", secondary: true)
                ),
                .h2(.id("feedback-to-teller"), .plainText("Feedback to the teller")),
                .p(
                    .plainText(
                        story.fedBackOn.map { "Fed back on \(DisplayDate.day(iso: $0)): \(story.feedback ?? "")" }
                            ?? "Not yet fed back. Tell the teller which stories were chosen and why.")),
                .form(
                    .method(.post), .action(SiteURL.changeStoryFeedback(project.slug, id).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    Forms.textarea(
                        name: "feedback", label: "What the teller was told", value: model.feedback.text, rows: 3,
                        errors: errors),
                    Forms.dateInput(
                        name: "fed_back_on", legend: "Date fed back", value: model.feedback.date, errors: errors),
                    Forms.submit("Record the feedback", secondary: true)
                ),
                .h2(.plainText("The alliance's story portfolio")),
                portfolio(model)
            )
    }

    /// The draft it became, the form to offer it, or why it cannot be offered yet.
    private static func portfolio(_ model: Model) -> Node<HTML.BodyContext> {
        let story = model.story
        let chosen = model.selections.contains(where: \.chosen)
        let mayOffer = chosen && story.consent == .portfolio
        return .group(
            .unwrap(model.portfolioStory) {
                .p(
                    .plainText("Offered as the draft "),
                    .a(.href(SiteURL.manageStory($0.slug).path.attributeEscaped), .plainText($0.title)),
                    .plainText(
                        ". It is published only once the teller's consent is recorded there and a steward has reviewed it."
                    ))
            },
            .if(
                model.portfolioStory == nil && mayOffer,
                .form(
                    .method(.post),
                    .action(SiteURL.changeStoryToPortfolio(model.project.slug, story.id!).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    .p(
                        .plainText(
                            "This story was chosen and the teller agreed it may be offered. Offering it starts a draft story in your name: check it names nobody, record the teller's consent, and send it to the hub's stewards."
                        )),
                    Forms.input(
                        .init(name: "portfolio_title", label: "Title for the story", value: model.portfolioTitle),
                        errors: model.errors),
                    Forms.submit("Start a draft story from it", secondary: true)
                )),
            .if(
                model.portfolioStory == nil && !mayOffer,
                .p(
                    .plainText(
                        story.consent != .portfolio
                            ? "The teller did not agree to the story being offered to the portfolio, so it stays here."
                            : "Once a panel chooses it, the story can be offered to the portfolio.")))
        )
    }
}
