import Foundation
import Plot

/// `/impact/projects/{slug}/stories-of-change`: a project's stories of change by kind of change,
/// and the form to collect one.
enum ChangeStoryListPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        /// Newest told first, with their selection rounds.
        let stories: [ChangeStory]
        var form = ChangeStoryForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let errors = model.errors
        let form = model.form
        return Layout(title: "Stories of change: \(project.name)", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("Stories of change")),
            .p(
                .class("lead"),
                .plainText(
                    "Ask people, in their own words, what the most significant change has been for them. Panels then read the stories, choose the most significant and say why, and the choice goes back to the tellers. The stories stay inside the organisation."
                )),
            .if(model.stories.isEmpty, .p(.plainText("No stories collected yet."))),
            .forEach(ChangeStory.Domain.allCases) { domain in
                domainSection(domain, stories: model.stories.filter { $0.domain == domain }, project: project)
            },
            .form(
                .method(.post), .action(SiteURL.changeStories(project.slug).path.attributeEscaped),
                Forms.csrfField(model.page),
                .h2(.plainText("Collect a story")),
                Forms.radios(
                    name: "domain", legend: "What kind of change is it about?",
                    options: ChangeStory.Domain.allCases.map { ($0.rawValue, $0.label, nil) }, selected: form.domain,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "period", label: "Reporting period", value: form.period,
                        hint: "For example: April to September 2026"), errors: errors),
                Forms.dateInput(name: "told_on", legend: "Date told", value: form.toldOn, errors: errors),
                Forms.input(
                    .init(
                        name: "teller", label: "Who told it", value: form.teller,
                        hint: "A role or a pseudonym, never a name: for example \u{201C}a youth peer trainer\u{201D}."),
                    errors: errors),
                Forms.radios(
                    name: "consent", legend: "What the teller agreed to",
                    options: ChangeStory.Consent.allCases.map { ($0.rawValue, $0.label, nil) }, selected: form.consent,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "place", label: "Place (optional)", value: form.place,
                        hint: "As broad as keeps the teller safe, for example a town rather than a street."),
                    errors: errors),
                Forms.textarea(
                    name: "what_happened", label: "What happened", value: form.whatHappened,
                    hint: "In the teller's words: what changed, for whom, and how.", rows: 6, errors: errors),
                Forms.textarea(
                    name: "why_it_matters", label: "Why it matters to the teller", value: form.whyItMatters, rows: 4,
                    errors: errors),
                Forms.submit("Save the story")
            )
        )
    }

    /// The stories about one kind of change, if there are any.
    private static func domainSection(_ domain: ChangeStory.Domain, stories: [ChangeStory], project: Project) -> Node<
        HTML.BodyContext
    > {
        .if(
            !stories.isEmpty,
            .group(
                .h2(.plainText(domain.label)),
                .ul(
                    .class("result-list"),
                    .forEach(stories) { story in
                        .li(
                            .class("result"),
                            .h3(
                                .class("result__title"),
                                .a(
                                    .href(SiteURL.changeStory(project.slug, story.id!).path.attributeEscaped),
                                    .plainText("Told by \(story.teller), \(DisplayDate.day(iso: story.toldOn))"))),
                            .p(
                                .class("result__summary"),
                                .plainText(
                                    String(story.whatHappened.prefix(240))
                                        + (story.whatHappened.count > 240 ? "…" : ""))),
                            .p(.class("result__meta"), .plainText(status(story))))
                    })
            ))
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
}
