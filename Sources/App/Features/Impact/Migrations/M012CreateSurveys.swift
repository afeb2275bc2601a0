import Fluent
import SQLKit

/// Surveys, their responses and their answers, indexed for pairing.
struct M012CreateSurveys: AsyncMigration {
    var name: String { "M012CreateSurveys" }

    func prepare(on database: Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("project_id", .uuid, .required, .references(Project.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("mode", .string, .required)
            .field("token", .string, .required)
            .field("indicator_codes", .string, .required)
            .field("opens_on", .string)
            .field("closes_on", .string)
            .field("created_at", .datetime)
            .unique(on: "token")
            .create()
        try await database.schema(SurveyResponse.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("submission_key", .string, .required)
            .field("participant_code", .string, .required)
            .field("entered_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "submission_key")
            .create()
        try await database.schema(SurveyAnswer.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, .id, onDelete: .cascade))
            .field("survey_id", .uuid, .required)
            .field("participant_code", .string, .required)
            .field("indicator_code", .string, .required)
            .field("value", .double, .required)
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "survey_answers_survey_indicator").on(SurveyAnswer.schema).column("survey_id")
                .column("indicator_code").column("participant_code").run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(SurveyAnswer.schema).delete()
        try await database.schema(SurveyResponse.schema).delete()
        try await database.schema(Survey.schema).delete()
    }
}
