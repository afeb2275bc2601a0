import Crypto
import Fluent
import Foundation
import SQLKit
import Statistics
import Vapor

/// Reads survey answers for analysis as plain rows and sums, never as model objects, so a survey
/// with a million answers stays quick; the sums themselves are kept by ``SurveyTallies``.
enum SurveyFigures {
    /// item → part (now, or looking back) → answer value → people.
    typealias Counts = [String: [SurveyAnswer.Part: [Double: Int]]]

    /// How many people gave one combination of answers: before, after and looking back.
    struct PairTally: Sendable, Equatable {
        let before: Double?
        let after: Double?
        let then: Double?
        let people: Int
    }

    /// How many people answered the after surveys under a code that no "before" answer of these
    /// surveys has: their answers count, but cannot be compared with before. One query.
    static func unpairedPeople(beforeSurveys: [UUID], afterSurveys: [UUID], on db: Database) async throws -> Int {
        guard !afterSurveys.isEmpty, !beforeSurveys.isEmpty, let sql = db as? SQLDatabase else { return 0 }
        let row = try await sql.raw(
            """
            SELECT COUNT(DISTINCT r.participant_code) AS people FROM survey_responses r
            WHERE r.survey_id IN (\(binds: afterSurveys)) AND r.participant_code <> ''
              AND NOT EXISTS (
                SELECT 1 FROM survey_responses b
                WHERE b.survey_id IN (\(binds: beforeSurveys)) AND b.participant_code = r.participant_code)
            """
        ).first()
        return try row?.decode(column: "people", as: Int.self) ?? 0
    }

    /// Whether any "before" survey of these has an answer under this code.
    static func hasAnswerBefore(code: String, beforeSurveys: [UUID], on db: Database) async throws -> Bool {
        guard !beforeSurveys.isEmpty else { return false }
        return try await SurveyResponse.query(on: db).filter(\.$survey.$id ~~ beforeSurveys)
            .filter(\.$participantCode == code).first() != nil
    }

    /// One observation per person, as the statistics expect them.
    static func observations(_ tallies: [PairTally]) -> [PairedAnalysis.Observation] {
        tallies.flatMap { tally in
            Array(
                repeating: PairedAnalysis.Observation(before: tally.before, after: tally.after, then: tally.then),
                count: tally.people)
        }
    }

    static func merge(_ counts: [Counts]) -> Counts {
        var merged: Counts = [:]
        for set in counts {
            for (item, parts) in set {
                for (part, values) in parts {
                    for (value, people) in values {
                        merged[item, default: [:]][part, default: [:]][value, default: 0] += people
                    }
                }
            }
        }
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
        let rows = try await sql.raw(
            "SELECT item_code AS item, COUNT(*) AS people FROM survey_text_answers WHERE survey_id = \(bind: survey) GROUP BY item_code"
        ).all()
        var counts: [String: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "item", as: String.self)] = try row.decode(column: "people", as: Int.self)
        }
        return counts
    }

    /// How many people moved from each answer to each other answer, per item; from their answer
    /// before, or, with `fromThen`, from their look back.
    static func pairCounts(_ tallies: [String: [PairTally]], fromThen: Bool = false) -> [String: [SVGCharts.PairCount]]
    {
        tallies.mapValues { rows in
            var counts: [[Double]: Int] = [:]
            for row in rows {
                guard let first = fromThen ? row.then : row.before, let after = row.after else { continue }
                counts[[first, after], default: 0] += row.people
            }
            return counts.map { SVGCharts.PairCount(before: $0.key[0], after: $0.key[1], count: $0.value) }
                .sorted { ($0.before, $0.after) < ($1.before, $1.after) }
        }
    }

    /// The share giving one of the top two answers, with its Wilson interval, for items that
    /// have a national figure to set it beside.
    struct Headline: Sendable {
        let people: Int
        /// How many gave one of the top two answers.
        let top: Int
        let share: ProportionInterval
    }

    static func headline(_ item: SurveyItem, counts: [Double: Int]) -> Headline? {
        guard let indicator = item.indicator, indicator.nationalFigures.contains(where: { $0.percent != nil }),
            case .choices(let choices, _) = item.answer, choices.count >= 2
        else { return nil }
        let best = Set(choices.map(\.value).sorted(by: item.lowerIsBetter ? (<) : (>)).prefix(2))
        let total = counts.values.reduce(0, +)
        let top = counts.filter { best.contains($0.key) }.values.reduce(0, +)
        guard let interval = Wilson.interval(successes: top, total: total) else { return nil }
        return Headline(people: total, top: top, share: interval)
    }

    /// A stand-in for a participant's code in downloads: stable within the project, so before and
    /// after rows still match, but not the code itself, which a person may have made from their name.
    static func pseudonym(code: String, project: UUID, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("survey-person:\(project.uuidString):\(code)".utf8), using: key)
        return "P-" + mac.prefix(5).map { String(format: "%02x", $0) }.joined()
    }
}
