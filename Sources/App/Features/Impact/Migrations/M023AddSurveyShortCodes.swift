import Fluent
import Foundation
import SQLKit

/// A short code for each survey (K7P3-QX9M), for a poster or a card: an address a person can type
/// from paper. Surveys made before it get one each.
struct M023AddSurveyShortCodes: AsyncMigration {
    var name: String { "M023AddSurveyShortCodes" }

    func prepare(on database: Database) async throws {
        try await database.schema(Survey.schema).field("short_code", .string, .required, .sql(.default(""))).update()
        guard let sql = database as? SQLDatabase else { return }
        try await Self.giveCodes(on: sql)
        try await sql.create(index: "surveys_short_code").on(Survey.schema).column("short_code").unique().run()
    }

    /// Gives every survey without a short code one of its own. Plain SQL, so this step does not
    /// change when the model gains fields later.
    static func giveCodes(on sql: SQLDatabase) async throws {
        let taken = try await sql.raw("SELECT short_code FROM surveys WHERE short_code <> ''").all()
        var used = Set(try taken.map { try $0.decode(column: "short_code", as: String.self) })
        let rows = try await sql.raw("SELECT id FROM surveys WHERE short_code = ''").all()
        for row in rows {
            var code = SurveyShortCode.random()
            while used.contains(code) { code = SurveyShortCode.random() }
            used.insert(code)
            let id = try row.decode(column: "id", as: UUID.self)
            try await sql.raw("UPDATE surveys SET short_code = \(bind: code) WHERE id = \(bind: id)").run()
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.drop(index: "surveys_short_code").run()
        // Fluent's deleteField does nothing on SQLite; both databases drop a column in SQL.
        try await sql.raw("ALTER TABLE surveys DROP COLUMN short_code").run()
    }
}
