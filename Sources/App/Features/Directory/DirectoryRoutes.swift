import Vapor

/// The routes of this feature, each with the policy action it performs.
enum DirectoryRoutes {
    static func register(on app: Application) {
        app.get(SiteURL.search.routeComponents, use: DirectorySearchController().search).requires(.readPublic)
    }
}
