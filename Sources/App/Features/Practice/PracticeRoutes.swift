import Vapor

/// The routes of this feature, each with the policy action it performs.
enum PracticeRoutes {
    static func register(on app: Application) {
        let practice = PracticeController()
        app.get(SiteURL.practice.routeComponents, use: practice.list).requires(.readPublic)
        app.get(SiteURL.newCaseStudy.routeComponents, use: practice.newForm).requires(.curateContent)
        app.post(SiteURL.newCaseStudy.routeComponents, use: practice.create).requires(.curateContent)
        app.get(SiteURL.caseStudy.routeComponents, use: practice.show).requires(.readPublic)
        app.get(SiteURL.editCaseStudy.routeComponents, use: practice.editForm).requires(.curateContent)
        app.post(SiteURL.editCaseStudy.routeComponents, use: practice.update).requires(.curateContent)
        app.post(SiteURL.saveCaseStudy.routeComponents, use: practice.toggleSave).requires(.manageOwnAccount)
        app.get(SiteURL.savedCaseStudies.routeComponents, use: practice.saved).requires(.manageOwnAccount)
    }
}
