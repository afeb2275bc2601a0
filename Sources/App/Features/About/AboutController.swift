import Fluent
import Vapor

/// `/about`.
struct AboutController {
    func show(req: Request) async throws -> Response {
        let pastRound = try await Event.query(on: req.db).filter(\.$slug ~~ DemoEvents.roundOf2013.map(\.slug)).count()
        let model = AboutPage.Model(page: req.page, listsThePastRound: pastRound > 0)
        return AboutPage.view(model).response()
    }
}
