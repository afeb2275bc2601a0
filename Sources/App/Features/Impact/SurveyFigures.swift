import Crypto
import Fluent
import Foundation
import SQLKit
import Statistics
import Vapor

/// Reads survey answers for analysis as plain rows and sums, never as model objects, so a survey
/// with a hundred thousand answers stays quick.
enum SurveyFigures {
    typealias Observations = [String: [String: PairedAnalysis.Observation]]
    /// item → part ("now" / "then") → answer value → people.
    typealias Counts = [String: [String: [Double: Int]]]

    /// Each person's answers per item: "before" from `beforeSurveys`, "after" and "then" from
    /// `afterSurveys`. People are matched by their code; a person who gave no code is matched only
    /// with themselves (their own "then" and "now" answers). A later answer replaces an earlier one.
    static func observations(beforeSurveys: [UUID], afterSurveys: [UUID], on db: Database) async throws -> Observations {
        let all = beforeSurveys + afterSurveys
        guard !afterSurveys.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        let before = Set(beforeSurveys)
        let rows = try await sql.raw("""
            SELECT a.indicator_code AS item, a.participant_code AS code, a.response_id AS response, a.survey_id AS survey, a.part AS part, a.value AS value
            FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
            WHERE a.survey_id IN (\(binds: all))
            ORDER BY r.created_at
            """).all()
        var result: Observations = [:]
        for row in rows {
            let item = try row.decode(column: "item", as: String.self)
            let code = try row.decode(column: "code", as: String.self)
            let surveyID = try row.decode(column: "survey", as: UUID.self)
            let isBefore = before.contains(surveyID)
            let key: String
            if code.isEmpty {
                if isBefore { continue }
                key = "response:" + (try row.decode(column: "response", as: UUID.self)).uuidString
            } else {
                key = code
            }
            let value = try row.decode(column: "value", as: Double.self)
            var observation = result[item]?[key] ?? .init(before: nil, after: nil)
            if isBefore { observation.before = value }
            else if try row.decode(column: "part", as: String.self) == SurveyAnswer.then { observation.then = value }
            else { observation.after = value }
            result[item, default: [:]][key] = observation
        }
        return result
    }

    /// How many gave each answer, per survey, summed in the database.
    static func counts(surveys: [UUID], on db: Database) async throws -> [UUID: Counts] {
        guard !surveys.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.raw("""
            SELECT survey_id AS survey, indicator_code AS item, part, value, COUNT(*) AS people
            FROM survey_answers WHERE survey_id IN (\(binds: surveys))
            GROUP BY survey_id, indicator_code, part, value
            """).all()
        var result: [UUID: Counts] = [:]
        for row in rows {
            let survey = try row.decode(column: "survey", as: UUID.self)
            let item = try row.decode(column: "item", as: String.self)
            let part = try row.decode(column: "part", as: String.self)
            result[survey, default: [:]][item, default: [:]][part, default: [:]][try row.decode(column: "value", as: Double.self)] = try row.decode(column: "people", as: Int.self)
        }
        return result
    }

    static func merge(_ counts: [Counts]) -> Counts {
        var merged: Counts = [:]
        for set in counts { for (item, parts) in set { for (part, values) in parts { for (value, people) in values {
            merged[item, default: [:]][part, default: [:]][value, default: 0] += people
        } } } }
        return merged
    }

    /// Written answers, newest first, for the organisation's own eyes.
    static func writtenAnswers(survey: UUID, limit: Int, on db: Database) async throws -> [String: [String]] {
        let rows = try await SurveyTextAnswer.query(on: db).filter(\.$surveyID == survey)
            .join(SurveyResponse.self, on: \SurveyTextAnswer.$response.$id == \SurveyResponse.$id)
            .sort(SurveyResponse.self, \.$createdAt, .descending).limit(limit).all()
        return Dictionary(grouping: rows, by: \.itemCode).mapValues { $0.map(\.text) }
    }

    static func writtenAnswerCounts(survey: UUID, on db: Database) async throws -> [String: Int] {
        guard let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.raw("SELECT item_code AS item, COUNT(*) AS people FROM survey_text_answers WHERE survey_id = \(bind: survey) GROUP BY item_code").all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.decode(column: "item", as: String.self)] = try row.decode(column: "people", as: Int.self) }
        return counts
    }

    /// How many people moved from each answer to each other answer, per item.
    static func pairCounts(_ observations: Observations, from start: KeyPath<PairedAnalysis.Observation, Double?> = \.before) -> [String: [SVGCharts.PairCount]] {
        observations.mapValues { people in
            var counts: [[Double]: Int] = [:]
            for person in people.values {
                guard let first = person[keyPath: start], let after = person.after else { continue }
                counts[[first, after], default: 0] += 1
            }
            return counts.map { SVGCharts.PairCount(before: $0.key[0], after: $0.key[1], count: $0.value) }
                .sorted { ($0.before, $0.after) < ($1.before, $1.after) }
        }
    }

    /// The share giving one of the top two answers, with its Wilson interval, for items that
    /// have a national figure to set it beside.
    struct Headline: Sendable {
        let people: Int
        let share: ProportionInterval
    }

    static func headline(_ item: SurveyItem, counts: [Double: Int]) -> Headline? {
        guard let indicator = item.indicator, indicator.nationalFigures.contains(where: { $0.percent != nil }),
              case .choices(let choices, _) = item.answer, choices.count >= 2 else { return nil }
        let best = Set(choices.map(\.value).sorted(by: item.lowerIsBetter ? (<) : (>)).prefix(2))
        let total = counts.values.reduce(0, +)
        let top = counts.filter { best.contains($0.key) }.values.reduce(0, +)
        guard let interval = Wilson.interval(successes: top, total: total) else { return nil }
        return Headline(people: total, share: interval)
    }

    /// A stand-in for a participant's code in downloads: stable within the project, so before and
    /// after rows still match, but not the code itself, which a person may have made from their name.
    static func pseudonym(code: String, project: UUID, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("survey-person:\(project.uuidString):\(code)".utf8), using: key)
        return "P-" + mac.prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
