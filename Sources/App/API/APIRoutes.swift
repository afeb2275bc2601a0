import Vapor

/// The routes of the JSON API, each with the policy action it performs.
enum APIRoutes {
    static func register(on app: Application) {
        app.get(SiteURL.apiMe.routeComponents, use: MeAPI.handler).requires(.useAPIAsSelf)
        let directoryAPI = DirectoryAPI()
        app.get(SiteURL.apiHubs.routeComponents, use: directoryAPI.hubs).requires(.readPublic)
        app.get(SiteURL.apiHub.routeComponents, use: directoryAPI.hub).requires(.readPublic)
        app.get(SiteURL.apiOrganisations.routeComponents, use: directoryAPI.organisations).requires(.readPublic)
        app.get(SiteURL.apiOrganisation.routeComponents, use: directoryAPI.organisation).requires(.readPublic)
        app.post(SiteURL.apiOrganisations.routeComponents, use: directoryAPI.create).requires(.addOrganisation)
        app.patch(SiteURL.apiOrganisation.routeComponents, use: directoryAPI.update).requires(
            .administerOrganisation, on: .apiOrganisationBySlug)
        app.get(SiteURL.apiOpenAPI.routeComponents, use: OpenAPIDocument.handler).requires(.readPublic)
        let storiesAPI = StoriesAPI()
        app.get(SiteURL.apiStories.routeComponents, use: storiesAPI.list).requires(.readPublic)
        app.get(SiteURL.apiStory.routeComponents, use: storiesAPI.story).requires(.readPublic)
        app.post(SiteURL.apiStories.routeComponents, use: storiesAPI.create).requires(.draftStory)
        let curatedAPI = CuratedAPI()
        app.get(SiteURL.apiCaseStudies.routeComponents, use: curatedAPI.caseStudies).requires(.readPublic)
        app.get(SiteURL.apiCaseStudy.routeComponents, use: curatedAPI.caseStudy).requires(.readPublic)
        app.get(SiteURL.apiNarratives.routeComponents, use: curatedAPI.narratives).requires(.readPublic)
        app.get(SiteURL.apiNarrative.routeComponents, use: curatedAPI.narrative).requires(.readPublic)
        app.get(SiteURL.apiResources.routeComponents, use: curatedAPI.resources).requires(.readPublic)
        app.get(SiteURL.apiResource.routeComponents, use: curatedAPI.resource).requires(.readPublic)
        let hsds = HSDSAPI()
        app.get(SiteURL.hsdsOrganizations.routeComponents, use: hsds.organizations).requires(.readPublic)
        app.get(SiteURL.hsdsOrganization.routeComponents, use: hsds.organization).requires(.readPublic)
        app.get(SiteURL.openData.routeComponents, use: OpenDataPage.handler).requires(.readPublic)
    }
}
