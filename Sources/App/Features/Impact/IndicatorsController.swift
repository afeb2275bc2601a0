import Fluent
import Plot
import SQLKit
import Vapor

/// `/impact/projects/{slug}/indicators`: the organisation's own indicators, and local indicators
/// its communities propose and vote on. Admins add their own and adopt local ones; members
/// propose and vote. Adopted indicators can then measure the organisation's outcomes.
struct IndicatorsController {
    struct OwnDraft { var construct = "", wording = "", answers = "" }
    struct LocalDraft { var community = "", wording = "", answers = "" }

    static let defaultLocalAnswers = "Very true\nQuite true\nNot very true\nNot at all true"

    func show(req: Request) async throws -> Response {
        try await page(req, project: try await ProjectController.project(req)).response()
    }

    func addOwn(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        let draft = OwnDraft(
            construct: req.formText("construct"), wording: req.formText("wording"),
            answers: req.formText("answers", keepNewlines: true))
        var errors = FormErrors()
        ContentChecks.required(draft.construct, field: "construct", label: "what it measures", max: 80, into: &errors)
        ContentChecks.required(draft.wording, field: "wording", label: "the question", max: 500, into: &errors)
        Self.checkAnswers(draft.answers, field: "answers", into: &errors)
        guard errors.isEmpty else {
            return try await page(req, project: project, own: draft, errors: errors).response(
                status: .unprocessableEntity)
        }
        try await Self.create(
            kind: .own, status: .adopted, organisationID: project.$organisation.id, construct: draft.construct,
            wording: draft.wording, answers: draft.answers, community: "", proposer: req.currentUser?.id, on: req.db)
        return req.redirect(
            to: SiteURL.projectIndicators(project.slug).with(query: ["notice": Notice.indicatorSaved.rawValue]))
    }

    func proposeLocal(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let user = try req.requireCurrentUser()
        var draft = LocalDraft(
            community: req.formText("community"), wording: req.formText("local_wording"),
            answers: req.formText("local_answers", keepNewlines: true))
        var errors = FormErrors()
        ContentChecks.required(draft.community, field: "community", label: "the community", max: 120, into: &errors)
        ContentChecks.required(
            draft.wording, field: "local_wording", label: "the sign, in the community's words", max: 300, into: &errors)
        if draft.answers.isEmpty { draft.answers = Self.defaultLocalAnswers }
        Self.checkAnswers(draft.answers, field: "local_answers", into: &errors)
        guard errors.isEmpty else {
            return try await page(req, project: project, local: draft, errors: errors).response(
                status: .unprocessableEntity)
        }
        let indicator = try await Self.create(
            kind: .local, status: .proposed, organisationID: project.$organisation.id, construct: draft.wording,
            wording: draft.wording, answers: draft.answers, community: draft.community, proposer: user.id, on: req.db)
        // Proposing a sign is also a vote for it.
        let vote = CustomIndicatorVote()
        vote.$indicator.id = try indicator.requireID()
        vote.$user.id = user.id
        try await vote.create(on: req.db)
        return req.redirect(
            to: SiteURL.projectIndicators(project.slug).with(query: ["notice": Notice.localIndicatorProposed.rawValue])
                + "#local")
    }

    /// Votes for a proposed local indicator, or takes the vote back.
    func vote(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let user = try req.requireCurrentUser()
        let indicator = try await Self.indicator(req, organisationID: project.$organisation.id, kind: .local)
        let indicatorID = try indicator.requireID()
        if let existing = try await CustomIndicatorVote.query(on: req.db).filter(\.$indicator.$id == indicatorID)
            .filter(\.$user.$id == user.id).first()
        {
            try await existing.delete(on: req.db)
        } else {
            let vote = CustomIndicatorVote()
            vote.$indicator.id = indicatorID
            vote.$user.id = user.id
            // Two presses at once: the unique key keeps one vote.
            do { try await vote.create(on: req.db) } catch {
                guard
                    try await CustomIndicatorVote.query(on: req.db).filter(\.$indicator.$id == indicatorID).filter(
                        \.$user.$id == user.id
                    ).first() != nil
                else { throw error }
            }
        }
        return req.redirect(
            to: SiteURL.projectIndicators(project.slug).path + "#local-\(indicatorID.uuidString.lowercased())")
    }

    func adopt(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        try req.authorize(.administerOrganisation, .organisation(project.$organisation.id))
        let indicator = try await Self.indicator(req, organisationID: project.$organisation.id, kind: .local)
        indicator.status = CustomIndicator.Status.adopted.rawValue
        try await indicator.save(on: req.db)
        return req.redirect(
            to: SiteURL.projectIndicators(project.slug).with(query: ["notice": Notice.localIndicatorAdopted.rawValue])
                + "#local")
    }

    // MARK: Helpers

    private func page(
        _ req: Request, project: Project, own: OwnDraft = .init(), local: LocalDraft = .init(),
        errors: FormErrors = .init()
    ) async throws -> HTML {
        let organisation = try await project.$organisation.get(on: req.db)
        let canEdit = Policy.can(req.currentUser, .administerOrganisation, .organisation(try organisation.requireID()))
        let indicators = try await CustomIndicator.query(on: req.db).filter(
            \.$organisation.$id == organisation.requireID()
        )
        .with(\.$proposedBy).sort(\.$createdAt).all()
        let votes = try await Self.voteCounts(indicators.compactMap(\.id), on: req.db)
        let mine: Set<UUID>
        if let user = req.currentUser, !indicators.isEmpty {
            mine = Set(
                try await CustomIndicatorVote.query(on: req.db).filter(\.$user.$id == user.id)
                    .filter(\.$indicator.$id ~~ indicators.compactMap(\.id)).all().map { $0.$indicator.id })
        } else {
            mine = []
        }
        let rounds = try await Self.surveyRounds(organisationID: organisation.requireID(), on: req.db)
        return IndicatorsViews.page(
            req, project: project, organisation: organisation, indicators: indicators, votes: votes, myVotes: mine,
            rounds: rounds, canEdit: canEdit, own: own, local: local, errors: errors)
    }

    static func checkAnswers(_ answers: String, field: String, into errors: inout FormErrors) {
        let lines = Project.lines(answers)
        if lines.count < 2 {
            errors.add(field, "Enter at least two answers, one on each line, best first")
        } else if lines.count > 11 {
            errors.add(field, "Enter no more than 11 answers")
        } else if lines.contains(where: { $0.count > 80 }) {
            errors.add(field, "Each answer must be 80 characters or fewer")
        } else if Set(lines).count != lines.count {
            errors.add(field, "Each answer must be different")
        }
    }

    @discardableResult
    static func create(
        kind: CustomIndicator.Kind, status: CustomIndicator.Status, organisationID: UUID, construct: String,
        wording: String,
        answers: String, community: String, proposer: UUID?, on db: Database
    ) async throws -> CustomIndicator {
        let indicator = CustomIndicator()
        indicator.$organisation.id = organisationID
        indicator.kind = kind.rawValue
        indicator.construct = construct
        indicator.wording = wording
        indicator.answers = Project.lines(answers).joined(separator: "\n")
        indicator.community = community
        indicator.$proposedBy.id = proposer
        indicator.status = status.rawValue
        let prefix = kind == .own ? "OWN-" : "LOCAL-"
        let base =
            prefix
            + Slugs.make(from: construct, fallback: "indicator").prefix(24).uppercased().trimmingCharacters(
                in: CharacterSet(charactersIn: "-"))
        let taken = Set(try await CustomIndicator.query(on: db).filter(\.$code =~ base).all().map(\.code))
        var code = base
        var number = 2
        while taken.contains(code) || IndicatorCatalogue.indicator(code) != nil {
            code = "\(base)-\(number)"
            number += 1
        }
        indicator.code = code
        try await indicator.create(on: db)
        return indicator
    }

    private static func indicator(_ req: Request, organisationID: UUID, kind: CustomIndicator.Kind) async throws
        -> CustomIndicator
    {
        guard let id = req.parameters.get("indicatorID", as: UUID.self),
            let indicator = try await CustomIndicator.find(id, on: req.db),
            indicator.$organisation.id == organisationID, indicator.kind == kind.rawValue
        else { throw Abort(.notFound) }
        return indicator
    }

    static func voteCounts(_ ids: [UUID], on db: Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.select().column("indicator_id").column(
            SQLFunction("COUNT", args: SQLLiteral.all), as: "votes"
        )
        .from(CustomIndicatorVote.schema).where("indicator_id", .in, ids).groupBy("indicator_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "indicator_id", as: UUID.self)] = try row.decode(
                column: "votes", as: Int.self)
        }
        return counts
    }

    /// The organisation's surveys that ask each indicator: the rounds in which it was tracked.
    static func surveyRounds(organisationID: UUID, on db: Database) async throws -> [String: [String]] {
        let surveys = try await Survey.query(on: db).join(Project.self, on: \Survey.$project.$id == \Project.$id)
            .filter(Project.self, \.$organisation.$id == organisationID).sort(\.$createdAt).all()
        var rounds: [String: [String]] = [:]
        for survey in surveys { for code in survey.codes { rounds[code, default: []].append(survey.title) } }
        return rounds
    }
}

enum IndicatorsViews {
    static func page(
        _ request: Request, project: Project, organisation: Organisation, indicators: [CustomIndicator],
        votes: [UUID: Int],
        myVotes: Set<UUID>, rounds: [String: [String]], canEdit: Bool,
        own: IndicatorsController.OwnDraft, local: IndicatorsController.LocalDraft, errors: FormErrors
    ) -> HTML {
        let ownIndicators = indicators.filter { $0.kind == CustomIndicator.Kind.own.rawValue }
        let localIndicators = indicators.filter { $0.kind == CustomIndicator.Kind.local.rawValue }
            .sorted {
                (votes[$0.id!] ?? 0, $1.createdAt ?? .distantPast) > (votes[$1.id!] ?? 0, $0.createdAt ?? .distantPast)
            }
        return Layout(title: "Indicators for \(project.name)", request: request, hasErrors: !errors.isEmpty).render(
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
            .if(canEdit, ownForm(request, project: project, draft: own, errors: errors)),
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
                            Forms.csrfField(request),
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
                                Forms.csrfField(request),
                                .button(
                                    .class("button"), .type(.submit), .plainText("Adopt and track it"),
                                    .attribute(
                                        named: "aria-label",
                                        value: "Adopt and track " + indicator.wording.attributeEscaped))
                            ))
                    )
                }),
            localForm(request, project: project, draft: local, errors: errors)
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

    private static func ownForm(
        _ request: Request, project: Project, draft: IndicatorsController.OwnDraft, errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.projectOwnIndicators(project.slug).path.attributeEscaped),
            Forms.csrfField(request),
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

    private static func localForm(
        _ request: Request, project: Project, draft: IndicatorsController.LocalDraft, errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        .form(
            .method(.post), .action(SiteURL.projectLocalIndicators(project.slug).path.attributeEscaped),
            Forms.csrfField(request),
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
