import Fluent
import Vapor

/// `/about`, `/privacy` and `/accessibility`.
struct AboutController {
    func privacy(req: Request) async throws -> Response {
        PrivacyPage.view(PrivacyPage.Model(page: req.page)).response()
    }

    func accessibility(req: Request) async throws -> Response {
        AccessibilityPage.view(AccessibilityPage.Model(page: req.page)).response()
    }

    func show(req: Request) async throws -> Response {
        let pastRound = try await Event.query(on: req.db).filter(\.$slug ~~ DemoEvents.roundOf2013.map(\.slug)).count()
        let model = AboutPage.Model(page: req.page, listsThePastRound: pastRound > 0)
        return AboutPage.view(model).response()
    }
}
