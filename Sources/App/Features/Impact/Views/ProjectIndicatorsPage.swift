import Foundation
import Plot

/// `/impact/projects/{slug}/indicators`: the organisation's own indicators and the local ones its
/// communities propose and vote on, with the forms to add and propose them.
enum ProjectIndicatorsPage {
    struct Model: Sendable {
        let page: PageContext
        let project: Project
        let organisation: Organisation
        /// Oldest first, with who proposed them.
        let indicators: [CustomIndicator]
        /// Votes for each local indicator, by its id.
        let votes: [UUID: Int]
        /// The local indicators the viewer voted for.
        let myVotes: Set<UUID>
        /// The titles of the surveys that ask each indicator, by code.
        let rounds: [String: [String]]
        /// Whether the viewer runs the organisation, and so may add and adopt indicators.
        let canEdit: Bool
        var own = OwnIndicatorForm()
        var local = LocalIndicatorForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let project = model.project
        let organisation = model.organisation
        let votes = model.votes
        let myVotes = model.myVotes
        let rounds = model.rounds
        let canEdit = model.canEdit
        let errors = model.errors
        let ownIndicators = model.indicators.filter { $0.kind == .own }
        let localIndicators = model.indicators.filter { $0.kind == .local }
            .sorted {
                (votes[$0.id!] ?? 0, $1.createdAt ?? .distantPast) > (votes[$1.id!] ?? 0, $0.createdAt ?? .distantPast)
            }
        return Layout(title: "Indicators for \(project.name)", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("\(organisation.name)'s own and local indicators")),
            .p(
                .class("lead"),
                .plainText(
                    "Besides the library's indicators, an organisation can measure what matters to it, and a community can name in its own words the signs that relations are good."
                )),
            .h2(.id("own"), .plainText("The organisation's own indicators")),
            .if(ownIndicators.isEmpty, .p(.plainText("None yet."))),
            .if(
                !ownIndicators.isEmpty,
                table(ownIndicators, caption: "The organisation's own indicators", votes: nil, rounds: rounds)),
            .if(canEdit, ownForm(model)),
            .h2(.id("local"), .plainText("Local indicators")),
            .p(
                .plainText(
                    "Signs of good relations named by the community, such as \u{201C}I can walk through the park at night\u{201D}. Members propose them and vote; the organisation adopts the ones the community backs, and then tracks them in its surveys."
                )),
            .if(localIndicators.isEmpty, .p(.plainText("No local indicators proposed yet."))),
            .ol(
                .class("result-list"),
                .forEach(localIndicators) { indicator in
                    let id = indicator.id!
                    let count = votes[id] ?? 0
                    return .li(
                        .class("result"), .id("local-\(id.uuidString.lowercased())"),
                        .h3(.class("result__title"), .plainText("\u{201C}\(indicator.wording)\u{201D}")),
                        .p(
                            .class("result__meta"),
                            .plainText(
                                "\(indicator.community) · proposed by \(indicator.proposedBy?.name ?? "a former member") · \(count) vote\(count == 1 ? "" : "s") · "
                                    + (indicator.isAdopted ? "adopted as \(indicator.code)" : "proposed"))),
                        .p(
                            .class("hint"),
                            .plainText("Answers: " + Project.lines(indicator.answers).joined(separator: " / "))),
                        .unwrap(rounds[indicator.code]) {
                            .p(.class("hint"), .plainText("Tracked in: " + $0.joined(separator: ", ")))
                        },
                        .form(
                            .method(.post), .action(SiteURL.voteIndicator(project.slug, id).path.attributeEscaped),
                            .class("inline-form"),
                            Forms.csrfField(model.page),
                            .button(
                                .class("button button--secondary"), .type(.submit),
                                .plainText(myVotes.contains(id) ? "Take back my vote" : "Vote for this sign"),
                                .attribute(
                                    named: "aria-label",
                                    value: (myVotes.contains(id) ? "Take back my vote for " : "Vote for ")
                                        + indicator.wording.attributeEscaped))
                        ),
                        .if(
                            canEdit && !indicator.isAdopted,
                            .form(
                                .method(.post), .action(SiteURL.adoptIndicator(project.slug, id).path.attributeEscaped),
                                .class("inline-form"),
                                Forms.csrfField(model.page),
                                .button(
                                    .class("button"), .type(.submit), .plainText("Adopt and track it"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "Adopt and track " + indicator.wording.attributeEscaped))
                            ))
                    )
                }),
            localForm(model)
        )
    }

    private static func table(
        _ indicators: [CustomIndicator], caption: String, votes: [UUID: Int]?, rounds: [String: [String]]
    ) -> Node<HTML.BodyContext> {
        .table(
            .class("table"),
            .caption(.class("visually-hidden"), .plainText(caption)),
            .thead(
                .tr(
                    .th(.attribute(named: "scope", value: "col"), .plainText("Code")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("What it measures")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("Question")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("Answers, best first")),
                    .th(.attribute(named: "scope", value: "col"), .plainText("Surveys"))
                )),
            .tbody(
                .forEach(indicators) { indicator in
                    .tr(
                        .td(.code(.plainText(indicator.code))),
                        .td(.plainText(indicator.construct)),
                        .td(.plainText(indicator.wording)),
                        .td(.plainText(Project.lines(indicator.answers).joined(separator: " / "))),
                        .td(.plainText(rounds[indicator.code]?.joined(separator: ", ") ?? "None yet"))
                    )
                })
        )
    }

    private static func ownForm(_ model: Model) -> Node<HTML.BodyContext> {
        let draft = model.own
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.projectOwnIndicators(model.project.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h3(.plainText("Add an indicator of your own")),
            Forms.input(
                .init(
                    name: "construct", label: "What it measures", value: draft.construct,
                    hint: "A few words, for example: Confidence to speak up"), errors: errors),
            Forms.textarea(name: "wording", label: "The question", value: draft.wording, rows: 2, errors: errors),
            Forms.textarea(
                name: "answers", label: "Answers, best first", value: draft.answers,
                hint:
                    "One answer on each line, from the best to the worst, for example: Very confident, Quite confident, Not very confident, Not at all confident.",
                rows: 5, errors: errors),
            Forms.submit("Add the indicator", secondary: true)
        )
    }

    private static func localForm(_ model: Model) -> Node<HTML.BodyContext> {
        let draft = model.local
        let errors = model.errors
        return .form(
            .method(.post), .action(SiteURL.projectLocalIndicators(model.project.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h3(.plainText("Propose a local indicator")),
            Forms.input(
                .init(
                    name: "community", label: "The community", value: draft.community,
                    hint: "The neighbourhood or group whose sign this is, for example: Young people of Beeston Hill"),
                errors: errors),
            Forms.textarea(
                name: "local_wording", label: "The sign, in the community's own words", value: draft.wording,
                hint:
                    "Something people would notice when relations are good, for example: The mosque and the church run the summer scheme together.",
                rows: 2, errors: errors),
            Forms.textarea(
                name: "local_answers", label: "Answers, best first (optional)",
                value: draft.answers.isEmpty ? IndicatorsController.defaultLocalAnswers : draft.answers,
                hint: "How true the sign is, one answer on each line.", rows: 4, errors: errors),
            Forms.submit("Propose it", secondary: true)
        )
    }
}
