import Fluent
import SQLKit

/// Social distance was once one yes-or-no answer (0 or 1) for three questions at once; it is now
/// three questions scored 0 to 3. Answers on the old scale are kept under a code of their own, so
/// they are never paired with, or counted as, answers on the new one.
struct M024SeparateOneAnswerSocialDistance: AsyncMigration {
    var name: String { "M024SeparateOneAnswerSocialDistance" }

    static let oldCode = "DISTANCE-ONE-ANSWER"

    func prepare(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw(
            "UPDATE survey_answers SET indicator_code = \(bind: Self.oldCode) WHERE indicator_code = 'DISTANCE'"
        ).run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? SQLDatabase else { return }
        try await sql.raw(
            "UPDATE survey_answers SET indicator_code = 'DISTANCE' WHERE indicator_code = \(bind: Self.oldCode)"
        ).run()
    }
}
