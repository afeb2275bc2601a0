import Vapor

/// The routes of this feature, each with the policy action it performs.
enum LibraryRoutes {
    static func register(on app: Application) {
        let library = LibraryController()
        app.get(SiteURL.library.routeComponents, use: library.list).requires(.readPublic)
        app.get(SiteURL.newResource.routeComponents, use: library.newForm).requires(.curateContent)
        app.post(SiteURL.newResource.routeComponents, use: library.create).requires(.curateContent)
        app.get(SiteURL.resource.routeComponents, use: library.show).requires(.readPublic)
        app.get(SiteURL.editResource.routeComponents, use: library.editForm).requires(.curateContent)
        app.post(SiteURL.editResource.routeComponents, use: library.update).requires(.curateContent)
    }
}
