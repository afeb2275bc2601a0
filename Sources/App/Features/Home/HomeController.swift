import Fluent
import Vapor

/// `/`: the front page.
struct HomeController {
    func show(req: Request) async throws -> Response {
        let seesMembersOnly = req.seesMembersOnly
        let hubs = try await HubStore.reach(on: req.db)
        let index = try await req.application.directoryIndex.index(on: req.db)
        let reach = HomePage.Reach(
            hubs: hubs.hubCount, people: hubs.peopleInAnyHub,
            organisations: index.organisationCount(publicOnly: !seesMembersOnly),
            areasServed: hubs.areasServed, areasInEngland: LocalAuthorities.all.count)
        let stories = try await StoryFinder.page(
            StoryQuery(), scope: StoryAudience.requiredScope(seesMembersOnly: seesMembersOnly), limit: 3, on: req.db)
        let events = try await EventListing.upcoming(
            inHubs: nil, seesMembersOnly: seesMembersOnly, limit: 3, on: req.db)
        let model = HomePage.Model(
            page: req.page, reach: reach, stories: stories, events: events,
            map: CoverageMap.drawing(names: hubs.names, areaCodesByHub: hubs.areaCodesByHub, width: 320).svg,
            offersSignUp: req.currentUser == nil)
        return HomePage.view(model).response()
    }
}
