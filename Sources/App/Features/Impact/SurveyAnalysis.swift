import Fluent
import Foundation
import SQLKit
import Statistics
import Vapor

/// What one survey's answers show, for the organisation in full and for other members under
/// disclosure control; and the same figures as CSV.
struct SurveyAnalysisController {
    /// Everything the analysis page and the downloads need, read with a fixed number of queries.
    struct Analysis: Sendable {
        let contents: SurveyContents
        let isPublic: Bool
        let beforeSurveys: [Survey]
        let paired: [String: IndicatorAnalysis]
        let pairCounts: [String: [SVGCharts.PairCount]]
        /// Bars to draw per item: a label and the counts for it.
        let rows: [String: [(label: String, counts: [Double: Int])]]
        let headlines: [String: SurveyFigures.Headline]
        let written: [String: [String]]
        let writtenCounts: [String: Int]
        /// People who answered after the project under a code with no answers before it.
        let unpairedPeople: Int
    }

    func show(req: Request) async throws -> Response {
        let analysis = try await Self.analyse(req)
        return SurveyAnalysisPage.view(.init(page: req.page, analysis: analysis)).response()
    }

    /// The figures as published: for the organisation the true counts, for everyone else the
    /// counts under disclosure control.
    func figuresCSV(req: Request) async throws -> Response {
        let analysis = try await Self.analyse(req)
        var rows: [[String]] = []
        for item in analysis.contents.items {
            for row in analysis.rows[item.code] ?? [] {
                let choices = SurveyAnalysisViews.orderedChoices(item, counts: row.counts)
                let published = SurveyAnalysisViews.published(
                    choices.map { row.counts[$0.value] ?? 0 }, isPublic: analysis.isPublic)
                for (choice, count) in zip(choices, published) {
                    rows.append([
                        item.code, item.question, row.label, choice.label, count.text, "",
                    ])
                }
            }
            if let change = analysis.paired[item.code]?.change {
                rows.append([
                    item.code, item.question, "Paired", "People with answers before and after",
                    change.counts?.whole.text ?? SurveyAnalysisViews.number(change.nPairs), change.summary,
                ])
                if let split = change.counts {
                    for (index, label) in ["Improved", "Stayed the same", "Got worse"].enumerated() {
                        rows.append([item.code, item.question, "Paired", label, split.cell(index), ""])
                    }
                }
            }
            if case .text = item.answer {
                let count = analysis.writtenCounts[item.code] ?? 0
                rows.append([
                    item.code, item.question, "Written answers", "People who wrote an answer",
                    SurveyAnalysisViews.published(count, isPublic: analysis.isPublic).text,
                    "",
                ])
            }
        }
        if analysis.isPublic {
            rows.append(["", "", "About these figures", "", "", Disclosure.publishedNote])
        }
        let csv = CSV.document(
            header: ["question_code", "question", "group", "answer", "people", "summary"],
            rows: rows.map { $0.map(CSV.safeCell) })
        return CSV.download(csv, name: "\(analysis.contents.project.slug)-figures.csv")
    }

    /// Every answer of the survey, one row per answer, for the organisation's admins. People
    /// appear under a stand-in for their code, never the code itself.
    func answersCSV(req: Request) async throws -> Response {
        let (project, survey) = try SurveyController.projectSurvey(req)
        let surveyID = try survey.requireID()
        let projectID = try project.requireID()
        guard let sql = req.db as? SQLDatabase else { throw Abort(.internalServerError) }
        // Plain rows, a few queries in all; never a model object per answer.
        let responses = try await sql.raw(
            """
            SELECT id, participant_code AS code, entered_by IS NOT NULL AS paper FROM survey_responses
            WHERE survey_id = \(bind: surveyID) ORDER BY created_at, id
            """
        ).all()
        let answers = try await sql.raw(
            """
            SELECT response_id AS response, indicator_code AS item, part, value FROM survey_answers
            WHERE survey_id = \(bind: surveyID) ORDER BY part, indicator_code
            """
        ).all()
        let texts = try await sql.raw(
            """
            SELECT response_id AS response, item_code AS item, text FROM survey_text_answers
            WHERE survey_id = \(bind: surveyID) ORDER BY item_code
            """
        ).all()
        var cells: [UUID: [[String]]] = [:]
        for row in answers {
            cells[try row.decode(column: "response", as: UUID.self), default: []].append([
                try row.decode(column: "item", as: String.self), try row.decode(column: "part", as: String.self),
                SurveyForm.formatted(try row.decode(column: "value", as: Double.self)), "",
            ])
        }
        for row in texts {
            cells[try row.decode(column: "response", as: UUID.self), default: []].append([
                try row.decode(column: "item", as: String.self), SurveyAnswer.Part.now.rawValue, "",
                try row.decode(column: "text", as: String.self),
            ])
        }
        var standIns: [String: String] = [:]
        var rows: [[String]] = []
        for (number, response) in responses.enumerated() {
            let id = try response.decode(column: "id", as: UUID.self)
            let code = try response.decode(column: "code", as: String.self)
            if !code.isEmpty, standIns[code] == nil {
                standIns[code] = SurveyFigures.pseudonym(code: code, project: projectID, key: req.application.csrfKey)
            }
            let paper = try response.decode(column: "paper", as: Bool.self) ? "yes" : "no"
            for cell in cells[id] ?? [] {
                rows.append(
                    [String(number + 1), standIns[code] ?? "", survey.title, survey.mode.rawValue] + cell + [paper])
            }
        }
        let csv = CSV.document(
            header: [
                "response", "person", "survey", "mode", "question_code", "part", "answer", "written_answer",
                "typed_from_paper",
            ],
            rows: rows.map { $0.map(CSV.safeCell) })
        return CSV.download(csv, name: "\(project.slug)-answers.csv")
    }

    // MARK: Reading

    static func analyse(_ req: Request) async throws -> Analysis {
        let (project, survey) = try SurveyController.projectSurvey(req)
        let organisationID = project.$organisation.id
        let isPublic = !Policy.can(req.currentUser, .administerOrganisation, .organisation(organisationID))
        let contents = try await survey.contents(on: req.db)
        let surveyID = try survey.requireID()
        let mode = survey.mode
        let beforeSurveys =
            mode.pairsWithBefore
            ? try await project.surveys(on: req.db).filter { $0.mode == .before }
            : []
        let beforeIDs = beforeSurveys.compactMap(\.id)
        let tallies =
            mode.pairsWithBefore
            ? try await SurveyTallies.pairTallies(scope: surveyID, on: req.db)
            : [:]
        let unpairedPeople =
            mode.pairsWithBefore
            ? try await SurveyFigures.unpairedPeople(beforeSurveys: beforeIDs, afterSurveys: [surveyID], on: req.db)
            : 0
        var paired: [String: IndicatorAnalysis] = [:]
        // A choice from an unordered list has no better or worse, so it has no change to report.
        for item in contents.items where item.isMeasured && item.isOrdered {
            guard let rows = tallies[item.code] else { continue }
            paired[item.code] = PairedAnalysis.analyse(
                indicator: item.code, observations: SurveyFigures.observations(rows), includesThen: mode.asksThen,
                lowerIsBetter: item.lowerIsBetter, public: isPublic)
        }
        // Each person's move is shown only inside the organisation: small groups could be recognised.
        let hasRealBefore = tallies.values.joined().contains { $0.before != nil && $0.after != nil }
        let pairCounts = isPublic ? [:] : SurveyFigures.pairCounts(tallies, fromThen: mode.asksThen && !hasRealBefore)
        let counts = try await SurveyTallies.counts(surveys: [surveyID] + beforeIDs, on: req.db)
        let here = counts[surveyID] ?? [:]
        let before = SurveyFigures.merge(beforeIDs.map { counts[$0] ?? [:] })
        var rows: [String: [(String, [Double: Int])]] = [:]
        var headlines: [String: SurveyFigures.Headline] = [:]
        for item in contents.items where item.isMeasured {
            var itemRows: [(String, [Double: Int])] = []
            switch mode {
            case .after:
                if let counts = before[item.code]?[.now] { itemRows.append(("Before", counts)) }
                itemRows.append(("After", here[item.code]?[.now] ?? [:]))
            case .afterWithThen:
                if let counts = before[item.code]?[.now] { itemRows.append(("Before, asked then", counts)) }
                itemRows.append(("Before, looking back", here[item.code]?[.then] ?? [:]))
                itemRows.append(("Now", here[item.code]?[.now] ?? [:]))
            default:
                itemRows.append(("Answers", here[item.code]?[.now] ?? [:]))
            }
            rows[item.code] = itemRows
            if let headline = SurveyFigures.headline(item, counts: here[item.code]?[.now] ?? [:]) {
                headlines[item.code] = headline
            }
        }
        let written = isPublic ? [:] : try await SurveyFigures.writtenAnswers(survey: surveyID, limit: 300, on: req.db)
        let writtenCounts = try await SurveyFigures.writtenAnswerCounts(survey: surveyID, on: req.db)
        return Analysis(
            contents: contents, isPublic: isPublic, beforeSurveys: beforeSurveys, paired: paired,
            pairCounts: pairCounts,
            rows: rows.mapValues { $0.map { (label: $0.0, counts: $0.1) } }, headlines: headlines, written: written,
            writtenCounts: writtenCounts, unpairedPeople: unpairedPeople)
    }

}
