import Vapor

/// The routes of this feature, each with the policy action it performs.
enum HomeRoutes {
    static func register(on app: Application) {
        let home = HomeController()
        app.get(SiteURL.home.routeComponents, use: home.show).requires(.readPublic)
        app.get(SiteURL.personalHome.routeComponents, use: PersonalHomeController().show).requires(.manageOwnAccount)
    }
}
