import Fluent
import Plot
import SQLKit
import Vapor

/// `/impact/projects/{slug}/indicators`: the organisation's own indicators, and local indicators
/// its communities propose and vote on. Admins add their own and adopt local ones; members
/// propose and vote. Adopted indicators can then measure the organisation's outcomes.
struct IndicatorsController {
    static let defaultLocalAnswers = "Very true\nQuite true\nNot very true\nNot at all true"

    /// `/impact/indicators`: the library of indicators, for everyone.
    func library(req: Request) async throws -> Response {
        let model = IndicatorLibraryPage.Model(
            page: req.page, canReadMembersOnly: Policy.can(req.currentUser, .readMembersOnly))
        return IndicatorLibraryPage.view(model).response()
    }

    func show(req: Request) async throws -> Response {
        ProjectIndicatorsPage.view(try await pageModel(req, project: try req.subject(Project.self))).response()
    }

    func addOwn(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let draft = req.form(OwnIndicatorForm.self)
        let errors = draft.validate()
        guard errors.isEmpty else {
            return ProjectIndicatorsPage.view(try await pageModel(req, project: project, own: draft, errors: errors))
                .response(
                    status: .unprocessableEntity)
        }
        try await Self.create(
            kind: .own, status: .adopted, organisationID: project.$organisation.id, construct: draft.construct,
            wording: draft.wording, answers: draft.answers, community: "", proposer: req.currentUser?.id, on: req.db)
        return req.redirect(to: SiteURL.projectIndicators(project.slug).with(notice: ImpactNotice.indicatorSaved))
    }

    func proposeLocal(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let user = try req.requireCurrentUser()
        let draft = req.form(LocalIndicatorForm.self)
        let errors = draft.validate()
        guard errors.isEmpty else {
            return ProjectIndicatorsPage.view(try await pageModel(req, project: project, local: draft, errors: errors))
                .response(
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
            to: SiteURL.projectIndicators(project.slug).with(notice: ImpactNotice.localIndicatorProposed) + "#local")
    }

    /// Votes for a proposed local indicator, or takes the vote back.
    func vote(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
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
        let project = try req.subject(Project.self)
        let indicator = try await Self.indicator(req, organisationID: project.$organisation.id, kind: .local)
        indicator.status = .adopted
        try await indicator.save(on: req.db)
        return req.redirect(
            to: SiteURL.projectIndicators(project.slug).with(notice: ImpactNotice.localIndicatorAdopted) + "#local")
    }

    // MARK: Helpers

    private func pageModel(
        _ req: Request, project: Project, own: OwnIndicatorForm = .init(), local: LocalIndicatorForm = .init(),
        errors: FormErrors = .init()
    ) async throws -> ProjectIndicatorsPage.Model {
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
        let model = ProjectIndicatorsPage.Model(
            page: req.page, project: project, organisation: organisation, indicators: indicators, votes: votes,
            myVotes: mine, rounds: rounds, canEdit: canEdit, own: own, local: local, errors: errors)
        return model
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

    /// The words of a code made from what an indicator measures: whole words, as many as fit in
    /// 24 characters (at least the first), so a code is never a word cut short.
    static func codeWords(_ construct: String) -> String {
        let words = Slugs.make(from: construct, fallback: "indicator").uppercased().split(separator: "-")
        var kept: [Substring] = []
        for word in words {
            let length = (kept + [word]).joined(separator: "-").count
            if !kept.isEmpty && length > 24 { break }
            kept.append(word)
        }
        return kept.joined(separator: "-")
    }

    @discardableResult
    static func create(
        kind: CustomIndicator.Kind, status: CustomIndicator.Status, organisationID: UUID, construct: String,
        wording: String,
        answers: String, community: String, proposer: UUID?, on db: Database
    ) async throws -> CustomIndicator {
        let indicator = CustomIndicator()
        indicator.$organisation.id = organisationID
        indicator.kind = kind
        indicator.construct = construct
        indicator.wording = wording
        indicator.answers = Project.lines(answers).joined(separator: "\n")
        indicator.community = community
        indicator.$proposedBy.id = proposer
        indicator.status = status
        let prefix = kind == .own ? "OWN-" : "LOCAL-"
        let base = prefix + Self.codeWords(construct)
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
            indicator.$organisation.id == organisationID, indicator.kind == kind
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
