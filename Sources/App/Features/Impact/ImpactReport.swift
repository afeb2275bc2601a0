import Fluent
import Foundation
import SQLKit
import Statistics
import Vapor

/// A project's evidence across all its surveys: the analysis page, the printable report that
/// follows the theory of change, and the hub and national roll-ups built from aggregates only.
struct ImpactReportController {
    /// Every before survey of the project paired with every after survey, per indicator.
    static func projectAnalyses(_ project: Project, lookup: IndicatorLookup, isPublic: Bool, on db: Database)
        async throws
        -> (analyses: [String: IndicatorAnalysis], tallies: [String: [SurveyFigures.PairTally]], surveys: [Survey])
    {
        let surveys = try await project.surveys(on: db)
        let includesThen = surveys.contains { $0.mode.asksThen }
        // Without an after survey there is nothing to pair.
        let tallies =
            surveys.contains(where: \.mode.pairsWithBefore)
            ? try await SurveyTallies.pairTallies(scope: project.requireID(), on: db) : [:]
        var analyses: [String: IndicatorAnalysis] = [:]
        // Own questions ("Q1") belong to one survey each and are not paired across surveys.
        for (code, rows) in tallies where lookup.indicator(code) != nil {
            analyses[code] = PairedAnalysis.analyse(
                indicator: code, observations: SurveyFigures.observations(rows), includesThen: includesThen,
                lowerIsBetter: lookup.isLowerBetter(code), public: isPublic)
        }
        return (analyses, tallies, surveys)
    }

    func analysis(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let isAdmin = Policy.can(req.currentUser, .administerOrganisation, .organisation(project.$organisation.id))
        let lookup = try await IndicatorLookup.forOrganisation(project.$organisation.id, on: req.db)
        let (analyses, tallies, surveys) = try await Self.projectAnalyses(
            project, lookup: lookup, isPublic: !isAdmin, on: req.db)
        let pairCounts = isAdmin ? SurveyFigures.pairCounts(tallies) : [:]
        let model = ProjectAnalysisPage.Model(
            page: req.page, project: project, lookup: lookup, analyses: analyses, pairCounts: pairCounts,
            surveys: surveys, isPublic: !isAdmin)
        return ProjectAnalysisPage.view(model).response()
    }

    /// The organisation's own report: exact counts for its admins, the published figures for
    /// anyone else who may read the project.
    func report(req: Request) async throws -> Response {
        let project = try req.subject(Project.self)
        let organisation = try await project.$organisation.get(on: req.db)
        let isOwn = Policy.can(req.currentUser, .administerOrganisation, .organisation(project.$organisation.id))
        return try await Self.report(req, project: project, organisation: organisation, isPublic: !isOwn)
    }

    /// The public version, for a funder or anyone who may see the organisation: it has left the
    /// organisation, so its figures are always under disclosure control.
    func publicReport(req: Request) async throws -> Response {
        let subject = try req.subject(PublishedProject.self)
        return try await Self.report(req, project: subject.project, organisation: subject.organisation, isPublic: true)
    }

    static func report(_ req: Request, project: Project, organisation: Organisation, isPublic: Bool) async throws
        -> Response
    {
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let (analyses, _, surveys) = try await Self.projectAnalyses(
            project, lookup: lookup, isPublic: isPublic, on: req.db)
        let counts = try await SurveyTallies.counts(surveys: surveys.compactMap(\.id), on: req.db)
        let responses = try await Self.responseCounts(surveys.compactMap(\.id), on: req.db)
        let chosen = try await ChangeStory.query(on: req.db).filter(\.$project.$id == project.requireID()).with(
            \.$selections
        ).sort(\.$toldOn).all()
            // Only stories whose tellers agreed to them leaving the organisation; the report does.
            .filter { $0.selections.contains { $0.chosen } && $0.consent != .organisation }
        let model = ProjectReportPage.Model(
            page: req.page, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup,
            analyses: analyses, surveys: surveys, counts: counts, responses: responses, chosenStories: chosen,
            isPublic: isPublic,
            canReadProject: Policy.can(req.currentUser, .readProject, .organisation(project.$organisation.id)))
        return ProjectReportPage.view(model).response()
    }

    static func responseCounts(_ surveys: [UUID], on db: Database) async throws -> [UUID: Int] {
        guard !surveys.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.raw(
            "SELECT survey_id AS survey, COUNT(*) AS people FROM survey_responses WHERE survey_id IN (\(binds: surveys)) GROUP BY survey_id"
        ).all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "survey", as: UUID.self)] = try row.decode(column: "people", as: Int.self)
        }
        return counts
    }

    // MARK: Roll-ups

    /// Per indicator, across projects: how many projects measured it and how many people
    /// improved, stayed the same or got worse, summed first and only then put under disclosure
    /// control, so no single project's small numbers can be read off.
    struct RollUp: Sendable {
        struct Line: Sendable {
            let code: String
            let name: String
            let projects: Int
            /// Improved, stayed the same and got worse, under disclosure control.
            let counts: PublishedSplit
        }
        let projects: Int
        let organisations: Int
        let people: ShownCount
        let lines: [Line]
    }

    static func rollUp(organisations: [UUID]?, on db: Database) async throws -> RollUp {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        // Only their ids and organisations: whole projects, with their relations, were most of the time.
        var projectQuery = sql.select().columns("id", "organisation_id").from(Project.schema)
        if let organisations { projectQuery = projectQuery.where("organisation_id", .in, organisations) }
        let projects = try await (organisations?.isEmpty == true ? [] : projectQuery.all()).map { row in
            (
                id: try row.decode(column: "id", as: UUID.self),
                organisation: try row.decode(column: "organisation_id", as: UUID.self)
            )
        }
        let projectIDs = projects.map(\.id)
        // Per project and indicator, how many people improved, stayed the same or got worse, from
        // the sums kept as answers arrive: before surveys against after surveys, by participant code.
        var totals: [String: (projects: Int, improved: Int, same: Int, worse: Int)] = [:]
        var people = 0
        if !projectIDs.isEmpty {
            let rows = try await SurveyTallies.beforeAndAfter(projects: projectIDs, on: db)
            var counted: Set<[String]> = []
            for row in rows {
                // Only indicators everyone shares can be added up across projects.
                guard let indicator = IndicatorCatalogue.indicator(row.item) else { continue }
                var total = totals[row.item] ?? (0, 0, 0, 0)
                if counted.insert([row.project.uuidString, row.item]).inserted { total.projects += 1 }
                let better = indicator.lowerIsBetter ? row.after < row.before : row.after > row.before
                if row.after == row.before {
                    total.same += row.people
                } else if better {
                    total.improved += row.people
                } else {
                    total.worse += row.people
                }
                totals[row.item] = total
            }
            let responseRows = try await sql.raw(
                "SELECT COUNT(*) AS people FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.project_id IN (\(binds: projectIDs))"
            ).all()
            people = try responseRows.first?.decode(column: "people", as: Int.self) ?? 0
        }
        let lines = IndicatorCatalogue.all.compactMap { indicator -> RollUp.Line? in
            guard let total = totals[indicator.code], total.projects > 0 else { return nil }
            return RollUp.Line(
                code: indicator.code, name: indicator.construct, projects: total.projects,
                counts: Disclosure.split([total.improved, total.same, total.worse], exact: false))
        }
        return RollUp(
            projects: projects.count, organisations: Set(projects.map(\.organisation)).count,
            people: Disclosure.shown(people), lines: lines)
    }

    func national(req: Request) async throws -> Response {
        let rollUp = try await Self.rollUp(organisations: nil, on: req.db)
        let model = ImpactRollUpPage.Model(
            page: req.page, title: "What the alliance's projects show", place: "across England", rollUp: rollUp,
            hub: nil)
        return ImpactRollUpPage.view(model).response()
    }

    func hub(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.find(slug: slug, on: req.db)
        else { throw Abort(.notFound) }
        let organisations = try await OrganisationHub.query(on: req.db).filter(\.$hub.$id == hub.requireID())
            .filter(\.$status == .approved).all().map { $0.$organisation.id }
        let rollUp = try await Self.rollUp(organisations: organisations, on: req.db)
        let model = ImpactRollUpPage.Model(
            page: req.page, title: "What projects in \(hub.name) show", place: "in \(hub.name)", rollUp: rollUp,
            hub: hub)
        return ImpactRollUpPage.view(model).response()
    }
}
