import Vapor

/// The routes of this feature, each with the policy action it performs.
enum AboutRoutes {
    static func register(on app: Application) {
        let about = AboutController()
        app.get(SiteURL.about.routeComponents, use: about.show).requires(.readPublic)
        app.get(SiteURL.privacy.routeComponents, use: about.privacy).requires(.readPublic)
        app.get(SiteURL.accessibility.routeComponents, use: about.accessibility).requires(.readPublic)
    }
}
