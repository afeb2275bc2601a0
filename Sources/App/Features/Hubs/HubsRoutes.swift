import Vapor

/// The routes of this feature, each with the policy action it performs.
enum HubsRoutes {
    static func register(on app: Application) {
        let hubs = HubController()
        app.get(SiteURL.hubs.routeComponents, use: hubs.list).requires(.readPublic)
        app.get(SiteURL.hub.routeComponents, use: hubs.show).requires(.readPublic)
        let admin = HubAdminController()
        app.get(SiteURL.newHub.routeComponents, use: admin.newForm).requires(.manageHubs)
        app.post(SiteURL.newHub.routeComponents, use: admin.create).requires(.manageHubs)
        app.get(SiteURL.editHub.routeComponents, use: admin.editForm).requires(.manageHubs, on: .hubBySlug)
        app.post(SiteURL.editHub.routeComponents, use: admin.update).requires(.manageHubs, on: .hubBySlug)
        let hubMembership = HubMembershipController()
        app.post(SiteURL.joinHub.routeComponents, use: hubMembership.join).requires(.manageOwnAccount)
        app.post(SiteURL.leaveHub.routeComponents, use: hubMembership.leave).requires(.manageOwnAccount)
        app.get(SiteURL.hubRequests.routeComponents, use: hubMembership.requests).requires(
            .stewardHub, on: .hubBySlug)
        app.post(SiteURL.hubPersonDecision.routeComponents, use: hubMembership.decidePerson).requires(
            .stewardHub, on: .hubBySlug)
        app.post(SiteURL.hubOrganisationDecision.routeComponents, use: hubMembership.decideOrganisation).requires(
            .stewardHub, on: .hubBySlug)
        app.post(SiteURL.hubStewards.routeComponents, use: hubMembership.addSteward).requires(
            .stewardHub, on: .hubBySlug)
    }
}
