import Fluent
import Foundation
import SQLKit

/// The sums the analysis pages and roll-ups read, kept up to date as answers are saved, so a page
/// costs the same for twenty answers or a million:
/// - per survey, how many people gave each answer (`survey_answer_counts`);
/// - per pairing, how many people gave each combination of answers before, after and looking
///   back (`survey_pair_tallies`).
///
/// A pairing ("scope") sets the project's before surveys against either one after survey (its id
/// is the survey's) or all of the project's after surveys (its id is the project's). People are
/// matched by their code; a person who gave no code is matched only with themselves. Only each
/// person's current answers count: a later answer to the same survey replaces an earlier one.
///
/// A save changes the sums by what it changed: the person's combination in each scope is worked
/// out from their answers before and after the save, the old one counted down and the new one
/// up. Saves in one project take turns (each first updates the project's row), so two saves for
/// one person cannot both count from the same old combination. `rebuild` works every sum out
/// from the answers themselves; the tests hold the two to the same result.
enum SurveyTallies {
    /// Before surveys set against after surveys.
    struct Scope: Sendable, Equatable {
        let id: UUID
        let before: Set<UUID>
        let after: Set<UUID>

        var surveys: Set<UUID> { before.union(after) }
    }

    /// What one person answered to one question within a scope; `nil` where they gave no answer.
    struct Combination: Hashable, Sendable {
        var before: Double?
        var after: Double?
        var then: Double?
    }

    /// One current answer of one person, as the sums need it.
    struct PersonAnswer: Hashable, Sendable {
        let survey: UUID
        let item: String
        let part: SurveyAnswer.Part
        let value: Double
    }

    /// A survey of the project, as the sums need it.
    struct SurveyMode: Sendable {
        let id: UUID
        let mode: Survey.Mode
    }

    /// The project's pairing of every after survey, then one pairing per after survey.
    static func scopes(project: UUID, surveys: [SurveyMode]) -> [Scope] {
        let before = Set(surveys.filter { $0.mode == .before }.map(\.id))
        let after = surveys.filter(\.mode.pairsWithBefore).map(\.id)
        return [Scope(id: project, before: before, after: Set(after))]
            + after.map { Scope(id: $0, before: before, after: [$0]) }
    }

    /// Per question, one person's combination in `scope`: the highest answer where they answered
    /// more than one survey on the same side.
    static func combinations(_ answers: [PersonAnswer], in scope: Scope) -> [String: Combination] {
        var result: [String: Combination] = [:]
        for answer in answers {
            var combination = result[answer.item] ?? Combination()
            if scope.before.contains(answer.survey) {
                combination.before = higher(combination.before, answer.value)
            } else if scope.after.contains(answer.survey) {
                switch answer.part {
                case .now: combination.after = higher(combination.after, answer.value)
                case .then: combination.then = higher(combination.then, answer.value)
                }
            } else {
                continue
            }
            result[answer.item] = combination
        }
        return result
    }

    private static func higher(_ kept: Double?, _ value: Double) -> Double {
        kept.map { max($0, value) } ?? value
    }

    // MARK: Keeping the sums

    /// Makes saves, survey openings and rebuilds in one project take turns: on PostgreSQL the
    /// row lock is held to the end of the transaction, and on SQLite a first write takes the
    /// database's write lock before anything is read.
    static func takeTurn(project: UUID, on sql: SQLDatabase) async throws {
        try await sql.raw("UPDATE projects SET answer_saves = answer_saves + 1 WHERE id = \(bind: project)").run()
    }

    /// Changes the sums for one person's answers to `survey` as they are about to be saved, inside
    /// the saving transaction and before the answers are written. `answers` replace the person's
    /// current answers to that survey when they gave a code; without one they are a new person.
    static func recordSave(
        of answers: [PersonAnswer], code: String, survey: Survey, on db: Database
    ) async throws {
        guard let sql = db as? SQLDatabase else { return }
        let surveyID = try survey.requireID()
        let projectID = survey.$project.id
        try await takeTurn(project: projectID, on: sql)
        let surveys = try await surveyModes(project: projectID, on: sql)
        let earlier = code.isEmpty ? [] : try await currentAnswers(of: code, in: surveys.map(\.id), on: sql)
        let later = earlier.filter { $0.survey != surveyID } + answers
        var counts: [PersonAnswer: Int] = [:]
        for answer in earlier where answer.survey == surveyID {
            counts[answer, default: 0] -= 1
        }
        for answer in answers {
            counts[answer, default: 0] += 1
        }
        for (key, change) in counts where change != 0 {
            try await sql.raw(
                """
                INSERT INTO survey_answer_counts (survey_id, item, part, value, people)
                VALUES (\(bind: key.survey), \(bind: key.item), \(bind: key.part.rawValue), \(bind: key.value), \(bind: change))
                ON CONFLICT (survey_id, item, part, value) DO UPDATE SET people = survey_answer_counts.people + excluded.people
                """
            ).run()
        }
        // A "before" answer given without a code cannot be paired with anything.
        guard !(code.isEmpty && survey.mode == .before) else { return }
        for scope in scopes(project: projectID, surveys: surveys) where scope.surveys.contains(surveyID) {
            let old = combinations(earlier, in: scope)
            let new = combinations(later, in: scope)
            for item in Set(old.keys).union(new.keys) where old[item] != new[item] {
                if let combination = old[item] {
                    try await add(-1, to: combination, item: item, scope: scope.id, project: projectID, on: sql)
                }
                if let combination = new[item] {
                    try await add(1, to: combination, item: item, scope: scope.id, project: projectID, on: sql)
                }
            }
        }
    }

    /// Gives a new after survey its sums: until it has answers, everyone who answered before
    /// stands in it with a before answer and nothing after. Call inside the transaction that
    /// creates the survey.
    static func recordOpening(of survey: Survey, on db: Database) async throws {
        guard survey.mode.pairsWithBefore, let sql = db as? SQLDatabase else { return }
        let projectID = survey.$project.id
        try await takeTurn(project: projectID, on: sql)
        try await sql.raw(
            """
            INSERT INTO survey_pair_tallies
              (scope_id, project_id, item, has_before, before_value, has_after, after_value, has_then, then_value, people)
            SELECT \(bind: try survey.requireID()), project_id, item, 1, before_value, 0, 0, 0, 0, SUM(people)
            FROM survey_pair_tallies
            WHERE scope_id = \(bind: projectID) AND has_before = 1 AND people > 0
            GROUP BY project_id, item, before_value
            """
        ).run()
    }

    /// Works every sum of the project out again from its answers: after answers were written
    /// directly (demo and synthetic data, migrations), and in tests as the measure of the rest.
    static func rebuild(project projectID: UUID, on db: Database) async throws {
        try await db.transaction { db in
            guard let sql = db as? SQLDatabase else { return }
            try await takeTurn(project: projectID, on: sql)
            let surveys = try await surveyModes(project: projectID, on: sql)
            let surveyIDs = surveys.map(\.id)
            try await sql.raw("DELETE FROM survey_pair_tallies WHERE project_id = \(bind: projectID)").run()
            guard !surveyIDs.isEmpty else { return }
            try await sql.raw("DELETE FROM survey_answer_counts WHERE survey_id IN (\(binds: surveyIDs))").run()
            try await sql.raw(
                """
                INSERT INTO survey_answer_counts (survey_id, item, part, value, people)
                SELECT survey_id, indicator_code, part, value, COUNT(*) FROM survey_answers
                WHERE survey_id IN (\(binds: surveyIDs)) AND current = \(bind: true)
                GROUP BY survey_id, indicator_code, part, value
                """
            ).run()
            for scope in scopes(project: projectID, surveys: surveys) {
                try await insertFromAnswers(scope: scope, project: projectID, on: sql)
            }
        }
    }

    /// Every project's sums, worked out again. Plain SQL, as a migration calls it before later
    /// migrations have added the models' newer columns.
    static func rebuildAll(on db: Database) async throws {
        guard let sql = db as? SQLDatabase else { return }
        for row in try await sql.raw("SELECT id FROM projects").all() {
            try await rebuild(project: row.decode(column: "id", as: UUID.self), on: db)
        }
    }

    // MARK: Reading the sums

    /// Per question, how many people gave each combination of answers in the scope.
    static func pairTallies(scope: UUID, on db: Database) async throws -> [String: [SurveyFigures.PairTally]] {
        guard let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT item, has_before, before_value, has_after, after_value, has_then, then_value, people
            FROM survey_pair_tallies WHERE scope_id = \(bind: scope) AND people > 0
            """
        ).all()
        var result: [String: [SurveyFigures.PairTally]] = [:]
        for row in rows {
            func value(_ name: String) throws -> Double? {
                try row.decode(column: "has_" + name, as: Int.self) == 1
                    ? try row.decode(column: name + "_value", as: Double.self) : nil
            }
            result[try row.decode(column: "item", as: String.self), default: []].append(
                SurveyFigures.PairTally(
                    before: try value("before"), after: try value("after"), then: try value("then"),
                    people: try row.decode(column: "people", as: Int.self)))
        }
        return result
    }

    /// How many gave each answer, per survey.
    static func counts(surveys: [UUID], on db: Database) async throws -> [UUID: SurveyFigures.Counts] {
        guard !surveys.isEmpty, let sql = db as? SQLDatabase else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT survey_id, item, part, value, people FROM survey_answer_counts
            WHERE survey_id IN (\(binds: surveys)) AND people > 0
            """
        ).all()
        var result: [UUID: SurveyFigures.Counts] = [:]
        for row in rows {
            let survey = try row.decode(column: "survey_id", as: UUID.self)
            let item = try row.decode(column: "item", as: String.self)
            let part = try row.decode(column: "part", as: SurveyAnswer.Part.self)
            result[survey, default: [:]][item, default: [:]][part, default: [:]][
                try row.decode(column: "value", as: Double.self)] = try row.decode(column: "people", as: Int.self)
        }
        return result
    }

    /// Per project and question, how many people with an answer both before and after gave each
    /// pair of answers, across all of the project's after surveys.
    static func beforeAndAfter(projects: [UUID], on db: Database) async throws -> [(
        project: UUID, item: String, before: Double, after: Double, people: Int
    )] {
        guard !projects.isEmpty, let sql = db as? SQLDatabase else { return [] }
        let rows = try await sql.raw(
            """
            SELECT project_id, item, before_value, after_value, CAST(SUM(people) AS BIGINT) AS people FROM survey_pair_tallies
            WHERE scope_id = project_id AND project_id IN (\(binds: projects))
              AND has_before = 1 AND has_after = 1 AND people > 0
            GROUP BY project_id, item, before_value, after_value
            """
        ).all()
        return try rows.map { row in
            (
                project: try row.decode(column: "project_id", as: UUID.self),
                item: try row.decode(column: "item", as: String.self),
                before: try row.decode(column: "before_value", as: Double.self),
                after: try row.decode(column: "after_value", as: Double.self),
                people: try row.decode(column: "people", as: Int.self)
            )
        }
    }

    // MARK: Inside

    private static func surveyModes(project: UUID, on sql: SQLDatabase) async throws -> [SurveyMode] {
        try await sql.raw("SELECT id, mode FROM surveys WHERE project_id = \(bind: project)").all().map { row in
            SurveyMode(
                id: try row.decode(column: "id", as: UUID.self),
                mode: try row.decode(column: "mode", as: Survey.Mode.self))
        }
    }

    private static func currentAnswers(of code: String, in surveys: [UUID], on sql: SQLDatabase) async throws
        -> [PersonAnswer]
    {
        guard !surveys.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT survey_id, indicator_code, part, value FROM survey_answers
            WHERE survey_id IN (\(binds: surveys)) AND participant_code = \(bind: code) AND current = \(bind: true)
            """
        ).all()
        return try rows.map { row in
            PersonAnswer(
                survey: try row.decode(column: "survey_id", as: UUID.self),
                item: try row.decode(column: "indicator_code", as: String.self),
                part: try row.decode(column: "part", as: SurveyAnswer.Part.self),
                value: try row.decode(column: "value", as: Double.self))
        }
    }

    /// Adds `people` (which may be negative) to one combination's count. A count that reaches
    /// nothing stays as a row of 0, which every reader skips.
    private static func add(
        _ people: Int, to combination: Combination, item: String, scope: UUID, project: UUID, on sql: SQLDatabase
    ) async throws {
        func flag(_ value: Double?) -> Int { value == nil ? 0 : 1 }
        try await sql.raw(
            """
            INSERT INTO survey_pair_tallies
              (scope_id, project_id, item, has_before, before_value, has_after, after_value, has_then, then_value, people)
            VALUES (\(bind: scope), \(bind: project), \(bind: item),
              \(bind: flag(combination.before)), \(bind: combination.before ?? 0),
              \(bind: flag(combination.after)), \(bind: combination.after ?? 0),
              \(bind: flag(combination.then)), \(bind: combination.then ?? 0), \(bind: people))
            ON CONFLICT (scope_id, item, has_before, before_value, has_after, after_value, has_then, then_value)
            DO UPDATE SET people = survey_pair_tallies.people + excluded.people
            """
        ).run()
    }

    /// The scope's sums from the answers themselves: per question and person their combination,
    /// then how many people share each.
    private static func insertFromAnswers(scope: Scope, project: UUID, on sql: SQLDatabase) async throws {
        let before = Array(scope.before)
        let surveys = Array(scope.surveys)
        guard !surveys.isEmpty else { return }
        let isBefore: SQLQueryString = before.isEmpty ? "1 = 0" : "a.survey_id IN (\(binds: before))"
        try await sql.raw(
            """
            INSERT INTO survey_pair_tallies
              (scope_id, project_id, item, has_before, before_value, has_after, after_value, has_then, then_value, people)
            SELECT \(bind: scope.id), \(bind: project), item,
              CASE WHEN before_value IS NULL THEN 0 ELSE 1 END, COALESCE(before_value, 0),
              CASE WHEN after_value IS NULL THEN 0 ELSE 1 END, COALESCE(after_value, 0),
              CASE WHEN then_value IS NULL THEN 0 ELSE 1 END, COALESCE(then_value, 0),
              COUNT(*)
            FROM (
              SELECT a.indicator_code AS item,
                     CASE WHEN a.participant_code = '' THEN 'response:' || a.response_id ELSE a.participant_code END AS person,
                     MAX(CASE WHEN \(isBefore) THEN a.value END) AS before_value,
                     MAX(CASE WHEN NOT (\(isBefore)) AND a.part = \(bind: SurveyAnswer.Part.now.rawValue) THEN a.value END) AS after_value,
                     MAX(CASE WHEN NOT (\(isBefore)) AND a.part = \(bind: SurveyAnswer.Part.then.rawValue) THEN a.value END) AS then_value
              FROM survey_answers a
              WHERE a.survey_id IN (\(binds: surveys)) AND a.current = \(bind: true)
                AND NOT (a.participant_code = '' AND \(isBefore))
              GROUP BY 1, 2
            ) people
            GROUP BY item, before_value, after_value, then_value
            """
        ).run()
    }
}
