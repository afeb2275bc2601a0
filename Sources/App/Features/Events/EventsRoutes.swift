import Vapor

/// The routes of this feature, each with the policy action it performs.
enum EventsRoutes {
    static func register(on app: Application) {
        let events = EventController()
        app.get(SiteURL.events.routeComponents, use: events.list).requires(.readPublic)
        app.get(SiteURL.eventsCalendar.routeComponents, use: events.calendar).requires(.readPublic)
        app.get(SiteURL.hubEvents.routeComponents, use: events.hubList).requires(.readPublic)
        app.get(SiteURL.hubEventsCalendar.routeComponents, use: events.hubCalendar).requires(.readPublic)
        // Also answers /events/{slug}.ics, the event's own calendar file.
        app.get(SiteURL.event.routeComponents, use: events.show).requires(.readPublic)
        app.post(SiteURL.registerForEvent.routeComponents, use: events.register).requires(.readPublic)
        app.post(SiteURL.cancelOwnRegistration.routeComponents, use: events.cancelOwn).requires(.manageOwnAccount)
        // Anyone with the link from their email may confirm, cancel or give feedback: the token is the only key.
        app.get(SiteURL.confirmRegistration.routeComponents, use: events.confirmForm).requires(.readPublic)
        app.post(SiteURL.confirmRegistration.routeComponents, use: events.confirm).requires(.readPublic)
        app.get(SiteURL.cancelRegistration.routeComponents, use: events.cancelForm).requires(.readPublic)
        app.post(SiteURL.cancelRegistration.routeComponents, use: events.cancel).requires(.readPublic)
        app.get(SiteURL.eventFeedback.routeComponents, use: events.feedbackForm).requires(.readPublic)
        app.post(SiteURL.eventFeedback.routeComponents, use: events.saveFeedback).requires(.readPublic)
        let organisers = EventOrganiserController()
        // Adding an event is for anyone who runs a hub or an organisation: the handler offers the hosts
        // this person runs and refuses someone who runs none, so there is no one record to check here.
        app.get(SiteURL.newEvent.routeComponents, use: organisers.newForm).requires(.addOrganisation)
        app.post(SiteURL.newEvent.routeComponents, use: organisers.create).requires(.addOrganisation)
        app.get(SiteURL.editEvent.routeComponents, use: organisers.editForm)
            .requires(.organiseEvent, on: .eventBySlug)
        app.post(SiteURL.editEvent.routeComponents, use: organisers.update)
            .requires(.organiseEvent, on: .eventBySlug)
        app.get(SiteURL.eventRegistrations.routeComponents, use: organisers.registrations)
            .requires(.organiseEvent, on: .eventBySlug)
        app.get(SiteURL.eventRegistrationsCSV.routeComponents, use: organisers.csv)
            .requires(.organiseEvent, on: .eventBySlug)
        app.post(SiteURL.eventAttendance.routeComponents, use: organisers.attendance)
            .requires(.organiseEvent, on: .eventBySlug)
        app.post(SiteURL.eventMessage.routeComponents, use: organisers.message)
            .requires(.organiseEvent, on: .eventBySlug)
        app.post(SiteURL.eventFeedbackRequests.routeComponents, use: organisers.requestFeedback)
            .requires(.organiseEvent, on: .eventBySlug)
    }
}
