import Foundation
import Plot

/// `/events/{slug}`: one event, how to add it to a calendar, and how to take a place.
enum EventShowPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
        /// The site's public address, for calendar links and structured data.
        let baseURL: String
        let canOrganise: Bool
        let canReadMembersOnly: Bool
        let isSignedIn: Bool
        /// The signed-in person's own live registration, if they have one.
        let mine: EventRegistration?
        /// How many people are on the waiting list.
        let waiting: Int
        var form = EventRegistrationForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        let errors = model.errors
        let base = model.baseURL
        let ended = event.hasEnded()
        let host = EventViews.host(event, seesMembersOnly: model.canReadMembersOnly)
        return Layout(
            title: event.title, page: model.page, hasErrors: !errors.isEmpty,
            description: "\(EventViews.when(event)). \(host).",
            head: [
                EventViews.calendarLink(.eventCalendar(event.slug), title: "This event in your calendar"),
                EventViews.calendarLink(.eventsCalendar, title: "All Bridgework events"),
            ]
        ).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.events.path), .plainText("All events"))),
            .span(.class("caption"), .plainText(host)),
            .h1(.plainText(event.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("When")), .dd(.plainText(EventViews.when(event)))),
                .if(!event.place.isEmpty, .div(.dt(.plainText("Where")), .dd(.plainText(event.place)))),
                .if(
                    !event.onlineURL.isEmpty,
                    .div(
                        .dt(.plainText("Online")),
                        .dd(.a(.href(event.onlineURL.attributeEscaped), .plainText(event.onlineURL))))),
                .div(.dt(.plainText("Access")), .dd(.plainText(accessText(event)))),
                .div(.dt(.plainText("Who can come")), .dd(.plainText(event.isPublic ? "Anyone" : "Alliance members"))),
                .div(.dt(.plainText("Places")), .dd(.plainText(placesText(event, waiting: model.waiting))))),
            .div(.class("prose"), Markdown.node(event.description)),
            .if(
                !ended,
                .group(
                    .h2(.plainText("Add it to your calendar")),
                    .ul(
                        .class("inline-list"),
                        .li(
                            .a(
                                .href(SiteURL.eventCalendar(event.slug).path.attributeEscaped),
                                .plainText("Calendar file (Apple, Outlook)"))),
                        .li(.a(.href(googleLink(event, base: base).attributeEscaped), .plainText("Google Calendar"))),
                        .li(
                            .a(.href(outlookLink(event, base: base).attributeEscaped), .plainText("Outlook on the web"))
                        ))
                )),
            .if(
                model.canOrganise,
                .p(
                    .a(
                        .class("button button--secondary"),
                        .href(SiteURL.eventRegistrations(event.slug).path.attributeEscaped), .plainText("Who is coming")
                    ),
                    .plainText(" "),
                    .a(.href(SiteURL.editEvent(event.slug).path.attributeEscaped), .plainText("Edit the event")))),
            .if(!ended && event.recordedAttendance == nil, registration(model)),
            .if(event.isPublic, .raw(jsonLD(event, base: base, host: host)))
        )
    }

    /// What the venue offers, or a word to ask when nothing is said.
    private static func accessText(_ event: Event) -> String {
        let access = [
            event.stepFree ? "Step-free access" : nil, event.hearingLoop ? "Hearing loop" : nil,
            event.interpreters.isEmpty ? nil : "Interpreters: \(event.interpreters)",
            event.quietRoom ? "A quiet room" : nil,
        ].compactMap { $0 }
        if access.isEmpty && event.accessNotes.isEmpty {
            return "Ask the organisers about access."
        }
        return (access + [event.accessNotes].filter { !$0.isEmpty }).joined(separator: ". ") + "."
    }

    private static func placesText(_ event: Event, waiting: Int) -> String {
        if let came = event.recordedAttendance { return "\(came) people came" }
        if event.hasEnded() { return "This event has finished" }
        if event.placesLeft > 0 { return "\(event.placesLeft) of \(event.capacity) left" }
        return "Full: \(waiting) on the waiting list"
    }

    private static func registration(_ model: Model) -> Node<HTML.BodyContext> {
        let event = model.event
        let form = model.form
        let errors = model.errors
        if let mine = model.mine {
            return yourPlace(mine, event: event, page: model.page)
        }
        if !event.isPublic && !model.canReadMembersOnly {
            return .p(
                .id("register"), .plainText("This event is for alliance members. "),
                .a(.href(SiteURL.signIn.path), .plainText("Sign in")), .plainText(" to register."))
        }
        let full = event.placesLeft == 0
        return .form(
            .id("register"), .method(.post), .action(SiteURL.registerForEvent(event.slug).path.attributeEscaped),
            Forms.csrfField(model.page),
            .h2(.plainText(full ? "Join the waiting list" : "Register")),
            .if(
                full,
                .p(
                    .plainText(
                        "The event is full. Join the waiting list: if someone cancels, the first person on the list gets the place automatically and an email at once."
                    ))),
            .if(
                !model.isSignedIn,
                .group(
                    .p(.plainText("No account needed: we will email you a link to confirm.")),
                    Forms.input(
                        .init(name: "name", label: "Your name", value: form.name, autocomplete: "name"), errors: errors),
                    Forms.input(
                        .init(
                            name: "email", label: "Email address", type: .email, value: form.email,
                            autocomplete: "email", spellcheck: false), errors: errors)
                )),
            .if(
                event.askOrganisation,
                Forms.input(
                    .init(
                        name: "organisation_name", label: "Your organisation (optional)",
                        value: form.answers.organisation, autocomplete: "organization"), errors: errors)),
            .if(
                event.askAccessNeeds,
                Forms.textarea(
                    name: "access_needs",
                    label: "Anything we should know to make the event accessible for you? (optional)",
                    value: form.answers.accessNeeds, rows: 3, errors: errors)),
            .if(
                event.askDietaryNeeds,
                Forms.input(
                    .init(name: "dietary_needs", label: "Dietary needs (optional)", value: form.answers.dietaryNeeds),
                    errors: errors)),
            .if(
                errors["register"] != nil,
                .p(.id("register-error"), .class("error-message"), .plainText(errors["register"] ?? ""))),
            Forms.submit(full ? "Join the waiting list" : "Register")
        )
    }

    /// The signed-in person's own place, with the button to give it up.
    private static func yourPlace(_ mine: EventRegistration, event: Event, page: PageContext) -> Node<
        HTML.BodyContext
    > {
        let standing: String =
            switch mine.status {
            case .confirmed: "You have a place."
            case .waitlisted:
                "You are on the waiting list. If a place comes free, it is yours and we will email you."
            default: "Check your email to confirm your place."
            }
        return .div(
            .id("register"), .class("inset"),
            .h2(.plainText("Your place")),
            .p(.plainText(standing)),
            .form(
                .method(.post), .action(SiteURL.cancelOwnRegistration(event.slug).path.attributeEscaped),
                Forms.csrfField(page),
                Forms.submit(mine.status == .confirmed ? "Cancel my place" : "Leave the waiting list", secondary: true))
        )
    }

    static func googleLink(_ event: Event, base: String) -> String {
        var components = URLComponents(string: "https://calendar.google.com/calendar/render")!
        components.queryItems = [
            URLQueryItem(name: "action", value: "TEMPLATE"), URLQueryItem(name: "text", value: event.title),
            URLQueryItem(name: "dates", value: "\(ICalendar.utc(event.startsAt))/\(ICalendar.utc(event.endsAt))"),
            URLQueryItem(name: "details", value: SiteURL.event(event.slug).absolute(base: base)),
            URLQueryItem(name: "location", value: event.place.isEmpty ? event.onlineURL : event.place),
        ]
        return components.string ?? ""
    }

    static func outlookLink(_ event: Event, base: String) -> String {
        var components = URLComponents(string: "https://outlook.live.com/calendar/0/deeplink/compose")!
        components.queryItems = [
            URLQueryItem(name: "subject", value: event.title),
            URLQueryItem(name: "startdt", value: DisplayDate.iso8601(event.startsAt)),
            URLQueryItem(name: "enddt", value: DisplayDate.iso8601(event.endsAt)),
            URLQueryItem(name: "body", value: SiteURL.event(event.slug).absolute(base: base)),
            URLQueryItem(name: "location", value: event.place.isEmpty ? event.onlineURL : event.place),
        ]
        return components.string ?? ""
    }

    /// schema.org Event data; `host` is the organiser as this reader may know it.
    static func jsonLD(_ event: Event, base: String, host: String) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "Event", "name": event.title,
            "startDate": DisplayDate.iso8601InUK(event.startsAt), "endDate": DisplayDate.iso8601InUK(event.endsAt),
            "url": SiteURL.event(event.slug).absolute(base: base), "description": String(event.description.prefix(500)),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": ["@type": "Organization", "name": host],
        ]
        var locations: [[String: Any]] = []
        if !event.place.isEmpty { locations.append(["@type": "Place", "name": event.place, "address": event.place]) }
        if !event.onlineURL.isEmpty { locations.append(["@type": "VirtualLocation", "url": event.onlineURL]) }
        object["location"] = locations.count == 1 ? locations[0] : locations
        object["eventAttendanceMode"] = attendanceMode(event)
        if event.recordedAttendance == nil {
            object["maximumAttendeeCapacity"] = event.capacity
            object["remainingAttendeeCapacity"] = event.placesLeft
        }
        return JSONLD.script(object)
    }

    private static func attendanceMode(_ event: Event) -> String {
        if event.place.isEmpty { return "https://schema.org/OnlineEventAttendanceMode" }
        if event.onlineURL.isEmpty { return "https://schema.org/OfflineEventAttendanceMode" }
        return "https://schema.org/MixedEventAttendanceMode"
    }
}
