import Vapor

/// The routes of this feature, each with the policy action it performs.
enum NarrativesRoutes {
    static func register(on app: Application) {
        let narratives = NarrativeController()
        app.get(SiteURL.narratives.routeComponents, use: narratives.list).requires(.readPublic)
        app.get(SiteURL.newNarrative.routeComponents, use: narratives.newForm).requires(.curateContent)
        app.post(SiteURL.newNarrative.routeComponents, use: narratives.create).requires(.curateContent)
        app.get(SiteURL.narrative.routeComponents, use: narratives.show).requires(.readPublic)
        app.get(SiteURL.editNarrative.routeComponents, use: narratives.editForm).requires(.curateContent)
        app.post(SiteURL.editNarrative.routeComponents, use: narratives.update).requires(.curateContent)
        // Members reach the handler, which accepts sightings only in their own hubs.
        app.post(SiteURL.narrativeSightings.routeComponents, use: narratives.addSighting).requires(.workAsMember)
    }
}
