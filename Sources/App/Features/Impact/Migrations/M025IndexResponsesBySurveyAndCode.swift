import Fluent
import SQLKit

/// Responses looked up by survey and participant code: whether an after survey's code matches an
/// answer from before, and how many after-answers match none. Without it each lookup reads every
/// response, and at a million answers the analysis page took minutes and held a connection.
struct M025IndexResponsesBySurveyAndCode: AsyncMigration {
    var name: String { "M025IndexResponsesBySurveyAndCode" }

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "survey_responses_survey_code").on(SurveyResponse.schema)
            .column("survey_id").column("participant_code").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.drop(index: "survey_responses_survey_code").run()
    }
}
