import Fluent
import Plot
import SQLKit
import Statistics
import Vapor

/// Surveys: opened by an organisation's admins for a project, answered by anyone with the link,
/// analysed by pairing before and after answers by participant code.
struct SurveyController {
    // MARK: Opening a survey

    func create(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        try req.authorize(.administerOrganisation, .organisation(try organisation.requireID()))
        let outcomes = try await project.$outcomes.query(on: req.db).sort(\.$position).all()
        let available = Set(outcomes.flatMap { $0.indicators.map(\.code) })
        let title = req.formText("survey_title")
        let mode = req.formText("mode")
        let codes = ContentChecks.list(req, "survey_indicators")
        let opensOn = req.formText("opens_on")
        let closesOn = req.formText("closes_on")
        var errors = FormErrors()
        ContentChecks.required(title, field: "survey_title", label: "a title", max: 150, into: &errors)
        if Survey.Mode(rawValue: mode) == nil { errors.add("mode-before", "Choose when the survey is answered") }
        if codes.isEmpty { errors.add("survey_indicators", "Choose at least one of the project's indicators") }
        if !codes.isSubset(of: available) { errors.add("survey_indicators", "Choose indicators from the project's outcomes") }
        if !opensOn.isEmpty, UKDate.validated(opensOn) == nil { errors.add("opens_on", "Enter the date as year-month-day, for example 2026-03-27") }
        if !closesOn.isEmpty, UKDate.validated(closesOn) == nil { errors.add("closes_on", "Enter the date as year-month-day, for example 2026-03-27") }
        if let open = UKDate.validated(opensOn), let close = UKDate.validated(closesOn), close < open { errors.add("closes_on", "The closing date must be on or after the opening date") }
        guard errors.isEmpty else {
            return ProjectViews.show(req, project: project, organisation: organisation, outcomes: outcomes, canEdit: true,
                                     surveys: try await project.surveys(on: req.db),
                                     surveyDraft: .init(title: title, mode: mode, codes: codes, opensOn: opensOn, closesOn: closesOn), errors: errors)
                .response(status: .unprocessableEntity)
        }
        let survey = Survey()
        survey.$project.id = try project.requireID()
        survey.title = title
        survey.mode = mode
        survey.token = Tokens.random()
        survey.indicatorCodes = IndicatorCatalogue.all.map(\.code).filter { codes.contains($0) }.joined(separator: ",")
        survey.opensOn = UKDate.validated(opensOn)
        survey.closesOn = UKDate.validated(closesOn)
        try await survey.create(on: req.db)
        return req.redirect(to: SiteURL.project(project.slug).with(query: ["notice": Notice.surveyOpened.rawValue]) + "#surveys")
    }

    // MARK: Answering

    func answerForm(req: Request) async throws -> Response {
        let survey = try await survey(req)
        guard survey.isOpen() else { return SurveyViews.closed(req, survey: survey).response() }
        return SurveyViews.form(req, survey: survey, submissionKey: Tokens.random()).response()
    }

    func submit(req: Request) async throws -> Response {
        let survey = try await survey(req)
        guard survey.isOpen() else { return SurveyViews.closed(req, survey: survey).response(status: .gone) }
        let key = req.formText("submission_key")
        let code = req.formText("participant_code")
        let consented = ContentChecks.list(req, "consent_box").contains("yes")
        var values: [String: Double] = [:]
        var typed: [String: String] = [:]
        var errors = FormErrors()
        if key.count < 16 || key.count > 100 { errors.add("participant_code", "This form has expired. Open the survey link again") }
        if !consented { errors.add("consent", "Tick the box to say you agree, or close this page if you would rather not answer") }
        if code.range(of: #"^[A-Za-z0-9-]{3,20}$"#, options: .regularExpression) == nil {
            errors.add("participant_code", "Enter a code of 3 to 20 letters, numbers or dashes, for example river-42")
        }
        for indicator in survey.indicators {
            let raw = req.formText("answer_\(indicator.code)")
            typed[indicator.code] = raw
            guard !raw.isEmpty else { continue }
            if indicator.isScaleFrom0To100 {
                if let number = Double(raw), number.isFinite, (0...100).contains(number) { values[indicator.code] = number }
                else { errors.add("answer_\(indicator.code)", "Enter a number from 0 to 100, or leave it empty") }
            } else if let number = Double(raw), indicator.choices.contains(where: { $0.value == number }) {
                values[indicator.code] = number
            } else {
                errors.add("answer_\(indicator.code)", "Choose one of the answers")
            }
        }
        if errors.isEmpty && values.isEmpty { errors.add("participant_code", "Answer at least one question") }
        guard errors.isEmpty else {
            return SurveyViews.form(req, survey: survey, submissionKey: key.isEmpty ? Tokens.random() : key, participantCode: code,
                                    consented: consented, typed: typed, errors: errors).response(status: .unprocessableEntity)
        }
        // A second press of submit sends the same key: the first response stands.
        if try await SurveyResponse.query(on: req.db).filter(\.$submissionKey == key).first() == nil {
            let values = values
            do {
                try await req.db.transaction { db in
                    let response = SurveyResponse()
                    response.$survey.id = try survey.requireID()
                    response.submissionKey = key
                    response.participantCode = code.lowercased()
                    response.$enteredBy.id = req.currentUser?.id
                    try await response.create(on: db)
                    for (indicator, value) in values {
                        let answer = SurveyAnswer()
                        answer.$response.id = try response.requireID()
                        answer.surveyID = try survey.requireID()
                        answer.participantCode = code.lowercased()
                        answer.indicatorCode = indicator
                        answer.value = value
                        try await answer.create(on: db)
                    }
                }
            } catch {
                // Two presses at once: the unique key lets one through; the other lands here.
                guard try await SurveyResponse.query(on: req.db).filter(\.$submissionKey == key).first() != nil else { throw error }
            }
        }
        return SurveyViews.thanks(req, survey: survey).response()
    }

    // MARK: Analysis

    func analysis(req: Request) async throws -> Response {
        let project = try await ProjectController.project(req)
        let organisation = try await project.$organisation.get(on: req.db)
        let isAdmin = Policy.can(req.currentUser, .administerOrganisation, .organisation(try organisation.requireID()))
        let paired = try await Self.pairedAnswers(for: project, on: req.db)
        let report = Self.report(paired, public: !isAdmin)
        // Each person's move is shown only inside the organisation: small groups could be recognised.
        let pairCounts = isAdmin ? Self.pairCounts(paired) : [:]
        return SurveyViews.analysis(req, project: project, report: report, isPublic: !isAdmin, pairCounts: pairCounts).response()
    }

    /// Each participant's latest before and after answers, per indicator. The answers are read as
    /// plain rows, never as model objects, so large surveys stay quick.
    static func pairedAnswers(for project: Project, on db: Database) async throws -> [String: [String: PairedAnalysis.Observation]] {
        guard let sql = db as? SQLDatabase else { throw Abort(.internalServerError) }
        let rows = try await sql.raw("""
            SELECT a.indicator_code AS indicator, a.participant_code AS participant, s.mode AS mode, a.value AS value
            FROM survey_answers a JOIN surveys s ON s.id = a.survey_id JOIN survey_responses r ON r.id = a.response_id
            WHERE s.project_id = \(bind: try project.requireID())
            ORDER BY r.created_at
            """).all()
        var byIndicator: [String: [String: PairedAnalysis.Observation]] = [:]
        for row in rows {
            let indicator = try row.decode(column: "indicator", as: String.self)
            let participant = try row.decode(column: "participant", as: String.self)
            let value = try row.decode(column: "value", as: Double.self)
            var observation = byIndicator[indicator]?[participant] ?? .init(before: nil, after: nil)
            if try row.decode(column: "mode", as: String.self) == Survey.Mode.before.rawValue { observation.before = value } else { observation.after = value }
            byIndicator[indicator, default: [:]][participant] = observation
        }
        return byIndicator
    }

    static func report(_ paired: [String: [String: PairedAnalysis.Observation]], public isPublic: Bool) -> AnalysisReport {
        AnalysisReport(indicators: paired.map { code, observations in
            PairedAnalysis.analyse(indicator: code, observations: Array(observations.values), includesThen: false,
                                   lowerIsBetter: IndicatorLibrary.isLowerBetter(code), public: isPublic)
        })
    }

    /// How many people moved from each answer to each other answer, per indicator.
    static func pairCounts(_ paired: [String: [String: PairedAnalysis.Observation]]) -> [String: [SVGCharts.PairCount]] {
        paired.mapValues { observations in
            var counts: [[Double]: Int] = [:]
            for observation in observations.values {
                guard let before = observation.before, let after = observation.after else { continue }
                counts[[before, after], default: 0] += 1
            }
            return counts.map { SVGCharts.PairCount(before: $0.key[0], after: $0.key[1], count: $0.value) }
                .sorted { ($0.before, $0.after) < ($1.before, $1.after) }
        }
    }

    private func survey(_ req: Request) async throws -> Survey {
        guard let token = req.parameters.get("surveyToken"), token.count <= 100,
              let survey = try await Survey.query(on: req.db).filter(\.$token == token).first()
        else { throw Abort(.notFound) }
        return survey
    }
}

extension Project {
    func surveys(on db: Database) async throws -> [Survey] {
        try await $surveys.query(on: db).sort(\.$createdAt).all()
    }
}
