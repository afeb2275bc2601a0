import Fluent
import SQLKit

/// Survey modes (the part and current flags on answers), a survey's own questions, written answers
/// and translations.
struct M014AddSurveyModesQuestionsAndTranslations: AsyncMigration {
    var name: String { "M014AddSurveyModesQuestionsAndTranslations" }

    func prepare(on database: Database) async throws {
        try await database.schema(SurveyAnswer.schema).field(
            "part", .string, .required, .sql(.default(SurveyAnswer.Part.now.rawValue))
        ).update()
        try await database.schema(SurveyAnswer.schema).field("current", .bool, .required, .sql(.default(true))).update()
        try await database.schema(SurveyQuestion.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("wording", .string, .required)
            .field("options", .string, .required)
            .field("scale_from", .int)
            .field("scale_to", .int)
            .field("created_at", .datetime)
            .unique(on: "survey_id", "position")
            .create()
        try await database.schema(SurveyTextAnswer.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, .id, onDelete: .cascade))
            .field("survey_id", .uuid, .required)
            .field("item_code", .string, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema(SurveyTranslation.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, .id, onDelete: .cascade))
            .field("language", .string, .required)
            .field("item_key", .string, .required)
            .field("text", .string, .required)
            .unique(on: "survey_id", "language", "item_key")
            .create()
        if let sql = database as? SQLDatabase {
            try await sql.create(index: "survey_text_answers_survey").on(SurveyTextAnswer.schema).column("survey_id")
                .run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(SurveyTranslation.schema).delete()
        try await database.schema(SurveyTextAnswer.schema).delete()
        try await database.schema(SurveyQuestion.schema).delete()
        try await database.schema(SurveyAnswer.schema).deleteField("current").update()
        try await database.schema(SurveyAnswer.schema).deleteField("part").update()
    }
}
