import Vapor

/// The routes of the national view and the public briefing, each with the policy action it performs.
enum AllianceRoutes {
    static func register(on app: Application) {
        let alliance = AllianceController()
        app.get(SiteURL.alliance.routeComponents, use: alliance.show).requires(.coordinateAlliance)
        app.post(SiteURL.allianceWeeks.routeComponents, use: alliance.publishWeek).requires(.coordinateAlliance)
        app.get(SiteURL.alliancePublic.routeComponents, use: alliance.briefing).requires(.readPublic)
        app.get(SiteURL.alliancePublicCSV.routeComponents, use: alliance.briefingCSV).requires(.readPublic)
    }
}
