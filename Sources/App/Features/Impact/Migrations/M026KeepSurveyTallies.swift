import Fluent
import SQLKit

/// The sums the analysis pages read, kept as answers are saved (see ``SurveyTallies``): counts per
/// answer, counts per pairing, the project's turn-taking counter, and an index for finding one
/// person's answers to a survey. Existing answers are summed once here.
struct M026KeepSurveyTallies: AsyncMigration {
    var name: String { "M026KeepSurveyTallies" }

    func prepare(on database: Database) async throws {
        try await database.schema("survey_answer_counts")
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("item", .string, .required)
            .field("part", .string, .required)
            .field("value", .double, .required)
            .field("people", .int, .required)
            .unique(on: "survey_id", "item", "part", "value")
            .create()
        // "has_…" says whether the person gave that answer; the value beside it is 0 when not, so
        // that every combination has one row under the unique key (NULLs would never clash).
        try await database.schema("survey_pair_tallies")
            .field("scope_id", .uuid, .required)
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("item", .string, .required)
            .field("has_before", .int, .required)
            .field("before_value", .double, .required)
            .field("has_after", .int, .required)
            .field("after_value", .double, .required)
            .field("has_then", .int, .required)
            .field("then_value", .double, .required)
            .field("people", .int, .required)
            .unique(
                on: "scope_id", "item", "has_before", "before_value", "has_after", "after_value", "has_then",
                "then_value"
            )
            .create()
        try await database.schema(Project.schema)
            .field("answer_saves", .int, .required, .sql(.default(0))).update()
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "survey_pair_tallies_project").on("survey_pair_tallies").column("project_id").run()
        try await sql.create(index: "survey_answers_survey_person").on(SurveyAnswer.schema)
            .column("survey_id").column("participant_code").run()
        try await SurveyTallies.rebuildAll(on: database)
    }

    func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase {
            try await sql.drop(index: "survey_answers_survey_person").run()
            try await sql.raw("ALTER TABLE projects DROP COLUMN answer_saves").run()
        }
        try await database.schema("survey_pair_tallies").delete()
        try await database.schema("survey_answer_counts").delete()
    }
}
