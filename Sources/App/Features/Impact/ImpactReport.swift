import Fluent
import Foundation
import Plot
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
        let before = surveys.filter { $0.surveyMode == .before }.compactMap(\.id)
        let after = surveys.filter { $0.surveyMode.pairsWithBefore }.compactMap(\.id)
        let includesThen = surveys.contains { $0.surveyMode.asksThen }
        let tallies = try await SurveyFigures.pairTallies(beforeSurveys: before, afterSurveys: after, on: db)
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
        let project = try await ProjectController.project(req)
        let isAdmin = Policy.can(req.currentUser, .administerOrganisation, .organisation(project.$organisation.id))
        let lookup = try await IndicatorLookup.forOrganisation(project.$organisation.id, on: req.db)
        let (analyses, tallies, surveys) = try await Self.projectAnalyses(
            project, lookup: lookup, isPublic: !isAdmin, on: req.db)
        let pairCounts = isAdmin ? SurveyFigures.pairCounts(tallies) : [:]
        return ImpactReportViews.analysis(
            req, project: project, lookup: lookup, analyses: analyses, pairCounts: pairCounts, surveys: surveys,
            isPublic: !isAdmin
        ).response()
    }

    /// The report for a funder or a board: it leaves the organisation, so its figures are always
    /// the published ones.
    func report(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        let lookup = try await IndicatorLookup.forOrganisation(organisation.requireID(), on: req.db)
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let (analyses, _, surveys) = try await Self.projectAnalyses(project, lookup: lookup, isPublic: true, on: req.db)
        let counts = try await SurveyFigures.counts(surveys: surveys.compactMap(\.id), on: req.db)
        let responses = try await Self.responseCounts(surveys.compactMap(\.id), on: req.db)
        let chosen = try await ChangeStory.query(on: req.db).filter(\.$project.$id == project.requireID()).with(
            \.$selections
        ).sort(\.$toldOn).all()
            // Only stories whose tellers agreed to them leaving the organisation; the report does.
            .filter { $0.selections.contains { $0.chosen } && $0.consent != ChangeStory.Consent.organisation.rawValue }
        return ImpactReportViews.report(
            req, project: project, organisation: organisation, outcomes: outcomes, lookup: lookup, analyses: analyses,
            surveys: surveys, counts: counts, responses: responses, chosenStories: chosen
        ).response()
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
            let pairs: Int?
            let counts: [Int?]
        }
        let projects: Int
        let organisations: Int
        let people: Int?
        let lines: [Line]
    }

    static func rollUp(organisations: [UUID]?, on db: Database) async throws -> RollUp {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        var projectQuery = Project.query(on: db)
        if let organisations { projectQuery = projectQuery.filter(\.$organisation.$id ~~ organisations) }
        let projects = organisations?.isEmpty == true ? [] : try await projectQuery.all()
        let projectIDs = projects.compactMap(\.id)
        // Per project and indicator, how many people improved, stayed the same or got worse, paired
        // and counted in the database: before surveys against after surveys, by participant code.
        var totals: [String: (projects: Int, improved: Int, same: Int, worse: Int)] = [:]
        var people = 0
        if !projectIDs.isEmpty {
            let beforeMode = Survey.Mode.before.rawValue
            let afterModes = Survey.Mode.allCases.filter(\.pairsWithBefore).map(\.rawValue)
            let rows = try await sql.raw(
                """
                SELECT project, item, before_value, after_value, COUNT(*) AS people FROM (
                  SELECT s.project_id AS project, a.indicator_code AS item, a.participant_code AS person,
                         MAX(CASE WHEN s.mode = \(bind: beforeMode) THEN a.value END) AS before_value,
                         MAX(CASE WHEN s.mode IN (\(binds: afterModes)) THEN a.value END) AS after_value
                  FROM survey_answers a JOIN surveys s ON s.id = a.survey_id
                  WHERE s.project_id IN (\(binds: projectIDs)) AND a.participant_code <> '' AND a.part = \(bind: SurveyAnswer.now) AND a.current = \(bind: true)
                  GROUP BY s.project_id, a.indicator_code, a.participant_code
                ) people
                WHERE before_value IS NOT NULL AND after_value IS NOT NULL
                GROUP BY project, item, before_value, after_value
                """
            ).all()
            var counted: Set<[String]> = []
            for row in rows {
                let code = try row.decode(column: "item", as: String.self)
                // Only indicators everyone shares can be added up across projects.
                guard let indicator = IndicatorCatalogue.indicator(code) else { continue }
                let project = try row.decode(column: "project", as: UUID.self)
                let before = try row.decode(column: "before_value", as: Double.self)
                let after = try row.decode(column: "after_value", as: Double.self)
                let count = try row.decode(column: "people", as: Int.self)
                var total = totals[code] ?? (0, 0, 0, 0)
                if counted.insert([project.uuidString, code]).inserted { total.projects += 1 }
                let better = indicator.lowerIsBetter ? after < before : after > before
                if after == before {
                    total.same += count
                } else if better {
                    total.improved += count
                } else {
                    total.worse += count
                }
                totals[code] = total
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
                pairs: Disclosure.publish(total.improved + total.same + total.worse),
                counts: Disclosure.publish([total.improved, total.same, total.worse]))
        }
        return RollUp(
            projects: projects.count, organisations: Set(projects.map { $0.$organisation.id }).count,
            people: Disclosure.publish(people), lines: lines)
    }

    func national(req: Request) async throws -> Response {
        let rollUp = try await Self.rollUp(organisations: nil, on: req.db)
        return ImpactReportViews.rollUp(
            req, title: "What the alliance's projects show", place: "across England", rollUp: rollUp, hubLink: nil
        ).response()
    }

    func hub(req: Request) async throws -> Response {
        guard let slug = req.parameters.get("hubSlug"),
            let hub = try await Hub.query(on: req.db).filter(\.$slug == slug).first()
        else { throw Abort(.notFound) }
        let organisations = try await OrganisationHub.query(on: req.db).filter(\.$hub.$id == hub.requireID())
            .filter(\.$status == MembershipStatus.approved.rawValue).all().map { $0.$organisation.id }
        let rollUp = try await Self.rollUp(organisations: organisations, on: req.db)
        return ImpactReportViews.rollUp(
            req, title: "What projects in \(hub.name) show", place: "in \(hub.name)", rollUp: rollUp, hubLink: hub
        ).response()
    }
}

enum ImpactReportViews {
    static func analysis(
        _ request: Request, project: Project, lookup: IndicatorLookup, analyses: [String: IndicatorAnalysis],
        pairCounts: [String: [SVGCharts.PairCount]], surveys: [Survey], isPublic: Bool
    ) -> HTML {
        let codes = lookup.all.map(\.code).filter { analyses[$0] != nil }
        return Layout(title: "What the answers show: \(project.name)", request: request).render(
            .p(.a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText(project.name))),
            .h1(.plainText("What the answers show")),
            .p(
                .class("lead"),
                .plainText(
                    "Every survey before the project paired with every survey after it, by each person's code. Each survey's own page shows how people answered, and comparisons with England."
                )),
            .if(
                isPublic,
                .p(
                    .class("inset"),
                    .plainText(
                        "You are seeing the figures as published beyond the organisation: counts are rounded to the nearest 5, counts under 8 are hidden, and averages need at least 10 people."
                    ))),
            .if(
                !surveys.isEmpty,
                .ul(
                    .class("bullet-list"),
                    .forEach(surveys) { survey in
                        .li(
                            .a(
                                .href(SiteURL.surveyAnalysis(project.slug, survey.id!).path.attributeEscaped),
                                .plainText(survey.title)), .plainText(" – " + survey.surveyMode.label))
                    })),
            .if(codes.isEmpty, .p(.plainText("No paired answers yet."))),
            .forEach(codes) { code in
                let indicator = lookup.indicator(code)!
                let name = "\(code): \(indicator.construct)"
                let analysis = analyses[code]!
                return .section(
                    .class("analysis"),
                    .h2(.plainText(name)),
                    SurveyAnalysisViews.changeTable(analysis.change, heading: nil, name: name),
                    .unwrap(pairCounts[code].flatMap { $0.isEmpty ? nil : $0 }) { pairs in
                        SurveyAnalysisViews.pairedChart(
                            SurveyItem(indicator), name: name, pairs: pairs, startLabel: "Before")
                    }
                )
            }
        )
    }

    static func report(
        _ request: Request, project: Project, organisation: Organisation, outcomes: [Outcome], lookup: IndicatorLookup,
        analyses: [String: IndicatorAnalysis], surveys: [Survey], counts: [UUID: SurveyFigures.Counts],
        responses: [UUID: Int],
        chosenStories: [ChangeStory]
    ) -> HTML {
        Layout(title: "Report: \(project.name)", request: request).render(
            .p(
                .class("no-print"),
                .a(.href(SiteURL.project(project.slug).path.attributeEscaped), .plainText("Back to the project")),
                .plainText(". This report is ready to print or save as PDF from your browser.")),
            .span(.class("caption"), .plainText(organisation.name)),
            .h1(.plainText("\(project.name): what changed")),
            .p(.class("lead"), .plainText(project.summary)),
            .p(
                .class("hint"),
                .plainText(
                    "Figures are as published beyond the organisation: counts rounded to the nearest 5, counts under 8 hidden, averages only with 10 or more people. Written \(DisplayDate.day(Date()))."
                )),
            .h2(.plainText("What went in and what we did")),
            list("What goes in", Project.lines(project.inputs)),
            list("What we do", Project.lines(project.activities)),
            list("What we count", Project.lines(project.outputs)),
            .h2(.plainText("Surveys")),
            .if(surveys.isEmpty, .p(.plainText("No surveys yet."))),
            .ul(
                .class("bullet-list"),
                .forEach(surveys) { survey in
                    .li(
                        .plainText(
                            "\(survey.title) (\(survey.surveyMode.label.lowercased())): "
                                + (Disclosure.publish(responses[survey.id!] ?? 0).map { "about \($0) people answered" }
                                    ?? "fewer than 8 people answered")))
                }),
            .h2(.plainText("The changes we hoped for, and the evidence")),
            .if(outcomes.isEmpty, .p(.plainText("No outcomes set yet."))),
            .forEach(outcomes) { outcome in
                .section(
                    .class("report-outcome"),
                    .h3(.plainText(outcome.description)),
                    .ul(
                        .class("bullet-list"),
                        .forEach(outcome.indicators(lookup)) { indicator in
                            .li(
                                .strong(.plainText("\(indicator.construct) (\(indicator.code)). ")),
                                .plainText(analyses[indicator.code]?.change.summary ?? "No paired answers yet."),
                                .unwrap(analyses[indicator.code]?.perceivedChange) { .plainText(" " + $0.summary) },
                                .unwrap(nationalLine(indicator, surveys: surveys, counts: counts)) {
                                    .plainText(" " + $0)
                                }
                            )
                        })
                )
            },
            .h2(.plainText("Stories of change")),
            .if(
                chosenStories.isEmpty,
                .p(.plainText("No stories of change chosen yet that their tellers agreed may leave the organisation."))),
            .forEach(chosenStories) { story in
                .section(
                    .class("report-story"),
                    .h3(
                        .plainText(
                            "\(ChangeStory.Domain(rawValue: story.domain)?.label ?? story.domain): told by \(story.teller)"
                        )),
                    .p(.plainText(story.whatHappened)),
                    .p(.em(.plainText("Why it matters to them: " + story.whyItMatters))),
                    .forEach(story.selections.filter(\.chosen)) { selection in
                        .p(
                            .class("hint"),
                            .plainText("Chosen by \(selection.panel) (\(selection.level)): \(selection.reasons)"))
                    }
                )
            },
            .h2(.plainText("The difference in the long run")),
            list(nil, Project.lines(project.impact))
        )
    }

    /// The share giving the top two answers in the latest survey, beside England's figure.
    private static func nationalLine(
        _ indicator: LibraryIndicator, surveys: [Survey], counts: [UUID: SurveyFigures.Counts]
    ) -> String? {
        guard let figure = indicator.nationalFigures.last(where: { $0.percent != nil }), let national = figure.percent
        else { return nil }
        for survey in surveys.reversed() {
            guard let answers = counts[survey.id!]?[indicator.code]?[SurveyAnswer.now],
                let headline = SurveyFigures.headline(SurveyItem(indicator), counts: answers)
            else { continue }
            guard Disclosure.allowsMeans(base: headline.people) else {
                return "Too few answers in \(survey.title) to set beside England's \(national)%."
            }
            return String(
                format:
                    "In %@, %.0f%% gave one of the top two answers (95%% interval %.0f%% to %.0f%%); England: %d%% (%@).",
                survey.title, headline.share.estimate * 100, headline.share.low * 100, headline.share.high * 100,
                national, figure.year)
        }
        return nil
    }

    static func rollUp(
        _ request: Request, title: String, place: String, rollUp: ImpactReportController.RollUp, hubLink: Hub?
    ) -> HTML {
        Layout(
            title: title, request: request,
            description: "Changes measured by good relations projects \(place), added up under disclosure control."
        ).render(
            .unwrap(hubLink) { .p(.a(.href(SiteURL.hub($0.slug).path.attributeEscaped), .plainText($0.name))) },
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    "What people told projects \(place), before and after taking part, added up across projects. Only totals are shown: counts are rounded to the nearest 5 and counts under 8 are hidden, so no one project or person can be picked out."
                )),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Projects")), .dd(.plainText(String(rollUp.projects)))),
                .div(.dt(.plainText("Organisations")), .dd(.plainText(String(rollUp.organisations)))),
                .div(
                    .dt(.plainText("Survey answers")),
                    .dd(.plainText(rollUp.people.map { "about \($0)" } ?? "fewer than 8")))),
            .if(rollUp.lines.isEmpty, .p(.plainText("No paired answers yet."))),
            .if(
                !rollUp.lines.isEmpty,
                .table(
                    .class("table"),
                    .caption(.plainText("People who answered before and after, by indicator")),
                    .thead(
                        .tr(
                            .columnHeader("Indicator"), .columnHeader("Projects"), .columnHeader("People"),
                            .columnHeader("Improved"), .columnHeader("Stayed the same"), .columnHeader("Got worse"))),
                    .tbody(
                        .forEach(rollUp.lines) { line in
                            .tr(
                                .th(
                                    .attribute(named: "scope", value: "row"), .plainText("\(line.name) (\(line.code))")),
                                .td(.plainText(String(line.projects))),
                                .td(.plainText(line.pairs.map(String.init) ?? "fewer than 8")),
                                .forEach(line.counts) { .td(.plainText($0.map(String.init) ?? "hidden")) })
                        })
                )),
            .p(
                .class("hint"),
                .plainText(
                    "Only indicators from the shared library are added up: an organisation's own and local indicators ask different things in different places."
                )),
            .p(.a(.href(SiteURL.indicators.path), .plainText("About the indicators")))
        )
    }

    private static func list(_ heading: String?, _ lines: [String]) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(heading) { .h3(.plainText($0)) },
            .if(lines.isEmpty, .p(.plainText("Not described."))),
            .ul(.class("bullet-list"), .forEach(lines) { .li(.plainText($0)) })
        )
    }

}
