import Vapor

/// The routes of the tension watch and of trigger events, each with the policy action it performs.
/// A hub's watch is for that hub's members and stewards only: the national team's own role does
/// not open it.
enum TensionRoutes {
    static func register(on app: Application) {
        let tension = TensionController()
        app.get(SiteURL.hubTension.routeComponents, use: tension.picture).requires(.watchHubTension, on: .hubBySlug)
        app.post(SiteURL.hubTensionLevel.routeComponents, use: tension.setLevel).requires(
            .stewardHubTension, on: .hubBySlug)
        app.get(SiteURL.newObservation.routeComponents, use: tension.newForm).requires(
            .watchHubTension, on: .hubBySlug)
        app.post(SiteURL.newObservation.routeComponents, use: tension.create).requires(
            .watchHubTension, on: .hubBySlug)
        app.get(SiteURL.observation.routeComponents, use: tension.show).requires(.watchHubTension, on: .hubBySlug)
        app.post(SiteURL.observationFollowUp.routeComponents, use: tension.followUp).requires(
            .stewardHubTension, on: .hubBySlug)
        app.get(SiteURL.hubTensionSettings.routeComponents, use: tension.settingsForm).requires(
            .stewardHubTension, on: .hubBySlug)
        app.post(SiteURL.hubTensionSettings.routeComponents, use: tension.saveSettings).requires(
            .stewardHubTension, on: .hubBySlug)

        let triggers = TriggerEventController()
        app.get(SiteURL.hubCheckIn.routeComponents, use: triggers.hubView).requires(.watchHubTension, on: .hubBySlug)
        app.post(SiteURL.hubCheckIn.routeComponents, use: triggers.checkIn).requires(
            .stewardHubTension, on: .hubBySlug)
        app.get(SiteURL.newTriggerEvent.routeComponents, use: triggers.newForm).requires(.coordinateAlliance)
        app.post(SiteURL.newTriggerEvent.routeComponents, use: triggers.create).requires(.coordinateAlliance)
        app.get(SiteURL.triggerEvent.routeComponents, use: triggers.show).requires(.coordinateAlliance)
        app.get(SiteURL.editTriggerEvent.routeComponents, use: triggers.editForm).requires(.coordinateAlliance)
        app.post(SiteURL.editTriggerEvent.routeComponents, use: triggers.update).requires(.coordinateAlliance)
        app.post(SiteURL.closeTriggerEvent.routeComponents, use: triggers.close).requires(.coordinateAlliance)
    }
}
