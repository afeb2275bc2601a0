import Foundation
import Plot
import XCTest

@testable import App

/// A narrative's page, rendered from its model alone: no server, no database.
final class NarrativesPageTests: XCTestCase {
    private func narrative() -> Narrative {
        let narrative = Narrative()
        narrative.id = UUID()
        narrative.slug = "they-take-the-houses"
        narrative.title = "They take the houses"
        narrative.hotTopic = .jobsAndHousing
        narrative.claim = "Newcomers are given the council houses."
        narrative.setsAgainst = "Long-standing residents against newcomers."
        narrative.facts = "Allocation follows need."
        narrative.answers = "Talk about the waiting list."
        narrative.resourceSlugs = ""
        return narrative
    }

    private func sighting(hubName: String) -> NarrativeSighting {
        let hub = Hub()
        hub.id = UUID()
        hub.slug = "riverside"
        hub.name = hubName
        let sighting = NarrativeSighting(
            narrativeID: UUID(), hubID: hub.id!, userID: nil, seenOn: "2026-03-01", place: "A leaflet drop",
            note: "Leaflets on the estate.")
        sighting.$hub.value = hub
        return sighting
    }

    private func render(canReadSightings: Bool, canCurate: Bool = false, hubs: [Hub] = []) -> String {
        let model = NarrativePage.Model(
            page: .preview(path: "/narratives/they-take-the-houses"), narrative: narrative(), stories: [],
            resources: [], sightings: [sighting(hubName: "Riverside")], sightingHubs: hubs,
            canReadSightings: canReadSightings, canCurate: canCurate)
        return NarrativePage.view(model).render()
    }

    func testTheNarrativeIsSetOutUnderItsHotTopic() {
        let html = render(canReadSightings: false)
        XCTAssertTrue(html.contains("<h1>They take the houses</h1>"))
        XCTAssertTrue(html.contains("Jobs and housing"))
        XCTAssertTrue(html.contains("Newcomers are given the council houses."))
    }

    func testAVisitorLearnsOnlyWhichHubsMetItNotWhatWasSeen() {
        let html = render(canReadSightings: false)
        XCTAssertTrue(html.contains("Members of these hubs have reported meeting it locally: Riverside."))
        XCTAssertFalse(html.contains("Leaflets on the estate."))
        XCTAssertFalse(html.contains("Report a sighting"))
    }

    func testAMemberReadsTheSightingsAndReportsInTheirOwnHub() {
        let hub = Hub()
        hub.slug = "riverside"
        hub.name = "Riverside"
        let html = render(canReadSightings: true, hubs: [hub])
        XCTAssertTrue(html.contains("Leaflets on the estate."))
        XCTAssertTrue(html.contains("Report a sighting"))
        XCTAssertFalse(html.contains("Join a hub to report"))
    }

    func testOnlyACuratorIsOfferedToEditIt() {
        XCTAssertTrue(render(canReadSightings: false, canCurate: true).contains("Edit this narrative"))
        XCTAssertFalse(render(canReadSightings: true, canCurate: false).contains("Edit this narrative"))
    }
}
