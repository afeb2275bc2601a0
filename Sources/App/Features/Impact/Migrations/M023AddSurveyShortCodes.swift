import Fluent
import SQLKit

/// A short code for each survey (K7P3-QX9M), for a poster or a card: an address a person can type
/// from paper. Surveys made before it get one each.
struct M023AddSurveyShortCodes: AsyncMigration {
    var name: String { "M023AddSurveyShortCodes" }

    func prepare(on database: Database) async throws {
        try await database.schema(Survey.schema).field("short_code", .string, .required, .sql(.default(""))).update()
        let surveys = try await Survey.query(on: database).all()
        var used: Set<String> = []
        for survey in surveys {
            var code = SurveyShortCode.random()
            while used.contains(code) { code = SurveyShortCode.random() }
            used.insert(code)
            survey.shortCode = code
            try await survey.update(on: database)
        }
        guard let sql = database as? SQLDatabase else { return }
        try await sql.create(index: "surveys_short_code").on(Survey.schema).column("short_code").unique().run()
    }

    func revert(on database: Database) async throws {
        if let sql = database as? SQLDatabase {
            try await sql.drop(index: "surveys_short_code").run()
        }
        try await database.schema(Survey.schema).deleteField("short_code").update()
    }
}
