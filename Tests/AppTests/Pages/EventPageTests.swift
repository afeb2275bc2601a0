import Foundation
import Plot
import XCTest

@testable import App

/// The event pages, rendered from their models alone: no server, no database.
final class EventPageTests: XCTestCase {
    private let hub = Hub(id: UUID(), slug: "tyneside", name: "Tyneside", region: "North East", summary: "")

    private func event(
        title: String = "Bridges & <Breakfast>", audience: Event.Audience = .public, placesTaken: Int = 0
    ) -> Event {
        let event = Event(
            slug: "bridges-breakfast", title: title, hubID: hub.id, startsAt: Date().addingTimeInterval(86_400),
            endsAt: Date().addingTimeInterval(90_000))
        event.id = UUID()
        event.description = "Tea and talk."
        event.place = "The Hall"
        event.capacity = 10
        event.placesTaken = placesTaken
        event.audience = audience
        event.$hub.value = hub
        return event
    }

    private func showModel(
        _ event: Event, signedIn: Bool = false, canOrganise: Bool = false, canReadMembersOnly: Bool = false,
        mine: EventRegistration? = nil
    ) -> EventShowPage.Model {
        EventShowPage.Model(
            page: .preview(path: "/events/bridges-breakfast", signedInName: signedIn ? "Amira" : nil), event: event,
            baseURL: "https://bridgework.example", canOrganise: canOrganise, canReadMembersOnly: canReadMembersOnly,
            isSignedIn: signedIn, mine: mine, waiting: 0)
    }

    private func listModel(events: [Event], total: Int? = nil, page: Int = 1, canAddEvents: Bool = false)
        -> EventListPage.Model
    {
        EventListPage.Model(
            page: .preview(path: "/events"),
            events: Paged(
                items: events.map(listing), page: page, size: EventController.pageSize, total: total ?? events.count),
            past: false, hub: nil, canReadMembersOnly: false, canAddEvents: canAddEvents)
    }

    /// The event as the list reads it from the database.
    private func listing(_ event: Event) -> EventListing {
        EventListing(
            slug: event.slug, title: event.title, startsAt: event.startsAt, endsAt: event.endsAt, place: event.place,
            isPublic: event.isPublic, hubName: event.hub?.name, organisationName: event.organisation?.name,
            organisationIsPublic: event.organisation?.isPublic ?? false)
    }

    private func person(
        coordinator: Bool = false, stewardOf hubs: Set<UUID> = [], adminOf organisations: Set<UUID> = []
    ) -> CurrentUser {
        CurrentUser(
            id: UUID(), name: "Amira", email: "amira@example.org", isCoordinator: coordinator, stewardOfHubs: hubs,
            memberOfHubs: hubs, adminOfOrganisations: organisations, memberOfOrganisations: organisations,
            hubsThroughOrganisations: [])
    }

    func testTheEventsTitleIsEscaped() {
        let html = EventShowPage.view(showModel(event())).render()
        XCTAssertTrue(html.contains("<h1>Bridges &amp; &lt;Breakfast&gt;</h1>"))
        XCTAssertTrue(html.contains("The Tyneside hub"))
        XCTAssertFalse(html.contains("<Breakfast>"))
    }

    func testAnOrganiserSeesWhoIsComingAndHowToEditTheEvent() {
        let html = EventShowPage.view(showModel(event(), signedIn: true, canOrganise: true)).render()
        XCTAssertTrue(html.contains("Who is coming"))
        XCTAssertTrue(html.contains("href=\"/events/bridges-breakfast/edit\""))
    }

    func testSomeoneWhoDoesNotRunTheEventSeesNoOrganisersLinks() {
        let html = EventShowPage.view(showModel(event(), signedIn: true, canOrganise: false)).render()
        XCTAssertFalse(html.contains("Who is coming"))
        XCTAssertFalse(html.contains("/events/bridges-breakfast/edit"))
    }

    func testAVisitorGivesANameAndAnEmailAddressToRegister() {
        let html = EventShowPage.view(showModel(event())).render()
        XCTAssertTrue(html.contains("No account needed: we will email you a link to confirm."))
        XCTAssertTrue(html.contains("name=\"email\""))
        XCTAssertTrue(html.contains("value=\"preview-form-token\""))
    }

    func testASignedInMemberRegistersWithoutTypingTheirDetails() {
        let html = EventShowPage.view(showModel(event(), signedIn: true, canReadMembersOnly: true)).render()
        XCTAssertTrue(html.contains(">Register</button>"))
        XCTAssertFalse(html.contains("name=\"email\""))
    }

    func testAMembersOnlyEventAsksEveryoneElseToSignIn() {
        let html = EventShowPage.view(showModel(event(audience: .members))).render()
        XCTAssertTrue(html.contains("This event is for alliance members."))
        XCTAssertFalse(html.contains("action=\"/events/bridges-breakfast/register\""))
    }

    func testAFullEventOffersTheWaitingList() {
        let html = EventShowPage.view(showModel(event(placesTaken: 10))).render()
        XCTAssertTrue(html.contains("Join the waiting list"))
        XCTAssertTrue(html.contains("Full: 0 on the waiting list"))
    }

    func testSomeoneWithAPlaceCanGiveItUp() {
        let registration = EventRegistration()
        registration.status = .confirmed
        let html = EventShowPage.view(showModel(event(), signedIn: true, mine: registration)).render()
        XCTAssertTrue(html.contains("You have a place."))
        XCTAssertTrue(html.contains("Cancel my place"))
    }

    func testWhatAVisitorTypedIsKeptAndTheProblemNamed() {
        var model = showModel(event())
        model.form.name = "Ben <the builder>"
        model.errors.add("email", "Enter your email address, so we can confirm your place")
        let html = EventShowPage.view(model).render()
        XCTAssertTrue(html.contains("Error: Bridges"))
        XCTAssertTrue(html.contains("value=\"Ben &lt;the builder&gt;\""))
        XCTAssertTrue(html.contains("Enter your email address, so we can confirm your place"))
    }

    func testTheAddAnEventLinkShowsOnlyToThoseWhoMayRunEvents() {
        let shown = EventListPage.view(listModel(events: [event()], canAddEvents: true)).render()
        XCTAssertTrue(shown.contains("Add an event"))
        let hidden = EventListPage.view(listModel(events: [event()], canAddEvents: false)).render()
        XCTAssertFalse(hidden.contains("Add an event"))
        XCTAssertTrue(hidden.contains("Bridges &amp; &lt;Breakfast&gt;"))
    }

    func testALongListIsSplitIntoPages() {
        let html = EventListPage.view(listModel(events: [event()], total: 45, page: 2)).render()
        XCTAssertTrue(html.contains("Page 2 of 3"))
        XCTAssertTrue(html.contains("href=\"/events?page=1\""))
        XCTAssertTrue(html.contains("href=\"/events?page=3\""))
        let short = EventListPage.view(listModel(events: [event()])).render()
        XCTAssertFalse(short.contains("Page 1 of 1"))
    }

    func testStewardsAdminsAndTheNationalTeamMayAddEventsButOthersMayNot() {
        XCTAssertTrue(EventController.canAddEvents(person(coordinator: true)))
        XCTAssertTrue(EventController.canAddEvents(person(stewardOf: [UUID()])))
        XCTAssertTrue(EventController.canAddEvents(person(adminOf: [UUID()])))
        XCTAssertFalse(EventController.canAddEvents(person()))
        XCTAssertFalse(EventController.canAddEvents(nil))
    }

    func testAnOrganiserWhoLeftAProblemSeesWhatTheyTyped() {
        var form = EventForm()
        form.title = "Walk & talk"
        var model = EventFormPage.Model(
            page: .preview(path: "/events/new"), form: form, event: nil,
            hosts: [("hub:tyneside", "The Tyneside hub")])
        model.errors.add("date", "Enter a real date with its day, month and year, for example 27 3 2026")
        let html = EventFormPage.view(model).render()
        XCTAssertTrue(html.contains("<h1>Add an event</h1>"))
        XCTAssertTrue(html.contains("value=\"Walk &amp; talk\""))
        XCTAssertTrue(html.contains("href=\"#date\""))
    }
}
