import Foundation

/// The addresses of this feature, for links and routes alike.
extension SiteURL {
    static let events = SiteURL("/events")
    static let newEvent = SiteURL("/events/new")
    static let event = SiteURLPattern1<String>("events", .parameter("eventSlug"))
    static let editEvent = SiteURLPattern1<String>("events", .parameter("eventSlug"), "edit")
    static let eventCalendar = SiteURLPattern1<String>("events", .parameter("eventSlug", suffix: ".ics"))
    static let eventsCalendar = SiteURL("/events.ics")
    static let hubEvents = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "events")
    static let hubEventsCalendar = SiteURLPattern1<String>("hubs", .parameter("hubSlug"), "events.ics")
    static let registerForEvent = SiteURLPattern1<String>("events", .parameter("eventSlug"), "register")
    static let cancelOwnRegistration = SiteURLPattern1<String>("events", .parameter("eventSlug"), "cancel")
    static let confirmRegistration = SiteURL("/events/registrations/confirm")
    static let cancelRegistration = SiteURL("/events/registrations/cancel")
    static let eventFeedback = SiteURL("/events/feedback")
    static let eventRegistrations = SiteURLPattern1<String>("events", .parameter("eventSlug"), "registrations")
    static let eventRegistrationsCSV = SiteURLPattern1<String>("events", .parameter("eventSlug"), "registrations.csv")
    static let eventAttendance = SiteURLPattern1<String>("events", .parameter("eventSlug"), "attendance")
    static let eventMessage = SiteURLPattern1<String>("events", .parameter("eventSlug"), "message")
    static let eventFeedbackRequests = SiteURLPattern1<String>("events", .parameter("eventSlug"), "feedback-requests")
}
