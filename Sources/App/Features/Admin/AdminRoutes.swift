import Vapor

/// The routes of this feature, each with the policy action it performs.
enum AdminRoutes {
    static func register(on app: Application) {
        let outbox = OutboxController()
        app.get(SiteURL.adminOutbox.routeComponents, use: outbox.list).requires(.readOutbox)
        let peopleAdmin = PeopleAdminController()
        app.get(SiteURL.adminPeople.routeComponents, use: peopleAdmin.list).requires(.manageRoles)
        app.get(SiteURL.adminPerson.routeComponents, use: peopleAdmin.person).requires(.manageRoles)
        app.post(SiteURL.adminPersonRoles.routeComponents, use: peopleAdmin.changeRoles).requires(.manageRoles)
        app.post(SiteURL.adminDeletePerson.routeComponents, use: peopleAdmin.deletePerson).requires(.manageRoles)
    }
}
