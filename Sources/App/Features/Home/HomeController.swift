import Fluent
import Vapor

/// `/`: the front page.
struct HomeController {
    func show(req: Request) async throws -> Response {
        let hubs = try await Hub.query(on: req.db).sort(\.$region).sort(\.$name).all()
        let model = HomePage.Model(page: req.page, hubs: hubs, offersSignUp: req.currentUser == nil)
        return HomePage.view(model).response()
    }
}
