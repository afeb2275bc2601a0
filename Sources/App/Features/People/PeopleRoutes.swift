import Vapor

/// The routes of this feature, each with the policy action it performs.
enum PeopleRoutes {
    static func register(on app: Application) {
        let people = PeopleController()
        app.get(SiteURL.people.routeComponents, use: people.search).requires(.findPractitioners)
        // Anyone may ask; the handler shows a profile only as far as its owner chose.
        app.get(SiteURL.person.routeComponents, use: people.show).requires(.readPublic)
        app.get(SiteURL.profile.routeComponents, use: people.editForm).requires(.manageOwnAccount)
        app.post(SiteURL.profile.routeComponents, use: people.update).requires(.manageOwnAccount)
    }
}
