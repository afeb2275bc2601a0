import Foundation
import Plot
import Vapor

enum EventViews {
    struct RegistrationForm: Sendable {
        var name = ""
        var email = ""
        var answers = EventBooking.Answers()
    }

    /// "Saturday 14 March 2026, 10:00 to 16:00 (UK time)"; the zone's rules put each time on the
    /// right side of a clock change.
    static func when(_ event: Event) -> String {
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_GB")
        day.timeZone = ICalendar.zone
        day.dateFormat = "EEEE d MMMM yyyy"
        let sameDay = UKDate.string(from: event.startsAt) == UKDate.string(from: event.endsAt)
        return sameDay
            ? "\(day.string(from: event.startsAt)), \(EventForm.clock(event.startsAt)) to \(EventForm.clock(event.endsAt)) (UK time)"
            : "\(day.string(from: event.startsAt)), \(EventForm.clock(event.startsAt)) to \(day.string(from: event.endsAt)), \(EventForm.clock(event.endsAt)) (UK time)"
    }

    /// Who runs the event, as far as this reader may know: a members-only organisation is not named to others.
    static func host(_ event: Event, seesMembersOnly: Bool) -> String {
        if let hub = event.hub { return "The \(hub.name) hub" }
        guard let organisation = event.organisation else { return "Bridgework" }
        return organisation.isPublic || seesMembersOnly ? organisation.name : "An organisation in the alliance"
    }

    static func statusLabel(_ status: EventRegistration.Status) -> String {
        switch status {
        case .unconfirmed, .confirming: return "Waiting for email confirmation"
        case .confirmed: return "Has a place"
        case .waitlisted: return "On the waiting list"
        case .cancelled: return "Cancelled"
        }
    }

    private static func calendarLink(_ url: SiteURL, title: String) -> Node<HTML.HeadContext> {
        .link(
            .rel(.alternate), .type("text/calendar"), .attribute(named: "title", value: title.attributeEscaped),
            .href(url.path.attributeEscaped))
    }

    // MARK: Lists

    static func list(_ request: Request, events: [Event], page: PageRequest, total: Int, past: Bool, hub: Hub?) -> HTML
    {
        let title = (past ? "Past events" : "Events") + (hub.map { ": \($0.name)" } ?? "")
        let path = hub.map { SiteURL.hubEvents($0.slug).path } ?? SiteURL.events.path
        let feed = hub.map { SiteURL.hubEventsCalendar($0.slug) } ?? .eventsCalendar
        let pageCount = max(1, (total + page.size - 1) / page.size)
        let canAdd =
            request.currentUser.map {
                $0.isCoordinator || !$0.stewardOfHubs.isEmpty || !$0.adminOfOrganisations.isEmpty
            } ?? false
        return Layout(
            title: title, request: request,
            description: "Gatherings for people building good relations between communities.",
            head: [calendarLink(feed, title: hub.map { "Events of the \($0.name) hub" } ?? "All Bridgework events")]
        ).render(
            .unwrap(hub) { .p(.a(.href(SiteURL.hub($0.slug).path.attributeEscaped), .plainText($0.name))) },
            .h1(.plainText(title)),
            .p(
                .class("lead"),
                .plainText(
                    past
                        ? "Gatherings that have already happened, latest first."
                        : "Chances to meet others doing good relations work: workshops, dialogues, training and celebrations run by hubs and organisations."
                )),
            .p(
                .a(
                    .href((past ? path : path + "?when=past").attributeEscaped),
                    .plainText(past ? "Upcoming events" : "Past events")),
                .plainText(" · "),
                .a(.href(feed.path.attributeEscaped), .plainText("Subscribe in your calendar (iCalendar)")),
                .if(canAdd, .group(.plainText(" · "), .a(.href(SiteURL.newEvent.path), .plainText("Add an event"))))),
            .if(
                events.isEmpty,
                .p(
                    .plainText(
                        past
                            ? "No past events yet."
                            : "No upcoming events yet. Past events are still listed under past events."))),
            .ol(
                .class("result-list"),
                .forEach(events) { event in
                    .li(
                        .class("result"),
                        .h2(
                            .class("result__title"),
                            .a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText(event.title))),
                        .p(.class("result__meta"), .plainText(when(event))),
                        .p(
                            .class("result__meta"),
                            .plainText(
                                host(event, seesMembersOnly: request.seesMembersOnly) + " · "
                                    + (event.place.isEmpty ? "Online" : event.place)
                                    + (event.isPublic ? "" : " · members only"))))
                }),
            .if(
                pageCount > 1,
                Pagination.links(page: page.number, pageCount: pageCount, label: "Pages of events") { number in
                    var query = ["page": String(number)]
                    if past { query["when"] = "past" }
                    return path + "?"
                        + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
                })
        )
    }

    // MARK: One event

    static func show(
        _ request: Request, event: Event, canOrganise: Bool, mine: EventRegistration?, waiting: Int,
        form: RegistrationForm, errors: FormErrors
    ) -> HTML {
        let base = request.application.publicBaseURL
        let ended = event.hasEnded()
        let access = [
            event.stepFree ? "Step-free access" : nil, event.hearingLoop ? "Hearing loop" : nil,
            event.interpreters.isEmpty ? nil : "Interpreters: \(event.interpreters)",
            event.quietRoom ? "A quiet room" : nil,
        ].compactMap { $0 }
        return Layout(
            title: event.title, request: request, hasErrors: !errors.isEmpty,
            description: "\(when(event)). \(host(event, seesMembersOnly: request.seesMembersOnly)).",
            head: [
                calendarLink(.eventCalendar(event.slug), title: "This event in your calendar"),
                calendarLink(.eventsCalendar, title: "All Bridgework events"),
            ]
        ).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.events.path), .plainText("All events"))),
            .span(.class("caption"), .plainText(host(event, seesMembersOnly: request.seesMembersOnly))),
            .h1(.plainText(event.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("When")), .dd(.plainText(when(event)))),
                .if(!event.place.isEmpty, .div(.dt(.plainText("Where")), .dd(.plainText(event.place)))),
                .if(
                    !event.onlineURL.isEmpty,
                    .div(
                        .dt(.plainText("Online")),
                        .dd(.a(.href(event.onlineURL.attributeEscaped), .plainText(event.onlineURL))))),
                .div(
                    .dt(.plainText("Access")),
                    .dd(
                        .plainText(
                            access.isEmpty && event.accessNotes.isEmpty
                                ? "Ask the organisers about access."
                                : (access + [event.accessNotes].filter { !$0.isEmpty }).joined(separator: ". ") + "."))),
                .div(.dt(.plainText("Who can come")), .dd(.plainText(event.isPublic ? "Anyone" : "Alliance members"))),
                .div(
                    .dt(.plainText("Places")),
                    .dd(
                        .plainText(
                            event.recordedAttendance.map { "\($0) people came" }
                                ?? (ended
                                    ? "This event has finished"
                                    : event.placesLeft > 0
                                        ? "\(event.placesLeft) of \(event.capacity) left"
                                        : "Full: \(waiting) on the waiting list"))))),
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
                canOrganise,
                .p(
                    .a(
                        .class("button button--secondary"),
                        .href(SiteURL.eventRegistrations(event.slug).path.attributeEscaped), .plainText("Who is coming")
                    ),
                    .plainText(" "),
                    .a(.href(SiteURL.editEvent(event.slug).path.attributeEscaped), .plainText("Edit the event")))),
            .if(
                !ended && event.recordedAttendance == nil,
                registration(request, event: event, mine: mine, form: form, errors: errors)),
            .if(event.isPublic, .raw(jsonLD(event, base: base, seesMembersOnly: request.seesMembersOnly)))
        )
    }

    private static func registration(
        _ request: Request, event: Event, mine: EventRegistration?, form: RegistrationForm, errors: FormErrors
    ) -> Node<HTML.BodyContext> {
        if let mine {
            return .div(
                .id("register"), .class("inset"),
                .h2(.plainText("Your place")),
                .p(
                    .plainText(
                        mine.registrationStatus == .confirmed
                            ? "You have a place."
                            : mine.registrationStatus == .waitlisted
                                ? "You are on the waiting list. If a place comes free, it is yours and we will email you."
                                : "Check your email to confirm your place.")),
                .form(
                    .method(.post), .action(SiteURL.cancelOwnRegistration(event.slug).path.attributeEscaped),
                    Forms.csrfField(request),
                    Forms.submit(
                        mine.registrationStatus == .confirmed ? "Cancel my place" : "Leave the waiting list",
                        secondary: true)))
        }
        if !event.isPublic && !request.seesMembersOnly {
            return .p(
                .id("register"), .plainText("This event is for alliance members. "),
                .a(.href(SiteURL.signIn.path), .plainText("Sign in")), .plainText(" to register."))
        }
        let full = event.placesLeft == 0
        return .form(
            .id("register"), .method(.post), .action(SiteURL.registerForEvent(event.slug).path.attributeEscaped),
            Forms.csrfField(request),
            .h2(.plainText(full ? "Join the waiting list" : "Register")),
            .if(
                full,
                .p(
                    .plainText(
                        "The event is full. Join the waiting list: if someone cancels, the first person on the list gets the place automatically and an email at once."
                    ))),
            .if(
                request.currentUser == nil,
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
        let iso = ISO8601DateFormatter()
        var components = URLComponents(string: "https://outlook.live.com/calendar/0/deeplink/compose")!
        components.queryItems = [
            URLQueryItem(name: "subject", value: event.title),
            URLQueryItem(name: "startdt", value: iso.string(from: event.startsAt)),
            URLQueryItem(name: "enddt", value: iso.string(from: event.endsAt)),
            URLQueryItem(name: "body", value: SiteURL.event(event.slug).absolute(base: base)),
            URLQueryItem(name: "location", value: event.place.isEmpty ? event.onlineURL : event.place),
        ]
        return components.string ?? ""
    }

    static func jsonLD(_ event: Event, base: String, seesMembersOnly: Bool) -> String {
        let iso = ISO8601DateFormatter()
        iso.timeZone = ICalendar.zone
        iso.formatOptions = [.withInternetDateTime]
        var object: [String: Any] = [
            "@context": "https://schema.org", "@type": "Event", "name": event.title,
            "startDate": iso.string(from: event.startsAt), "endDate": iso.string(from: event.endsAt),
            "url": SiteURL.event(event.slug).absolute(base: base), "description": String(event.description.prefix(500)),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": ["@type": "Organization", "name": host(event, seesMembersOnly: seesMembersOnly)],
        ]
        var locations: [[String: Any]] = []
        if !event.place.isEmpty { locations.append(["@type": "Place", "name": event.place, "address": event.place]) }
        if !event.onlineURL.isEmpty { locations.append(["@type": "VirtualLocation", "url": event.onlineURL]) }
        object["location"] = locations.count == 1 ? locations[0] : locations
        object["eventAttendanceMode"] =
            event.place.isEmpty
            ? "https://schema.org/OnlineEventAttendanceMode"
            : event.onlineURL.isEmpty
                ? "https://schema.org/OfflineEventAttendanceMode" : "https://schema.org/MixedEventAttendanceMode"
        if event.recordedAttendance == nil {
            object["maximumAttendeeCapacity"] = event.capacity
            object["remainingAttendeeCapacity"] = event.placesLeft
        }
        return JSONLD.script(object)
    }

    // MARK: After registering

    static func registered(_ request: Request, event: Event, outcome: EventBooking.Outcome, email: String) -> HTML {
        let (heading, text): (String, String) =
            switch outcome {
            case .confirmed:
                (
                    "You have a place",
                    "Your place at \(event.title) is confirmed. We have emailed the details to \(email)."
                )
            case .waitlisted:
                (
                    "You are on the waiting list",
                    "\(event.title) is full. If someone cancels, the place is yours and we will email \(email) at once."
                )
            case .awaitingEmail:
                (
                    "Check your email",
                    "We have sent a link to \(email). Open it to confirm your place at \(event.title). Until then no place is held."
                )
            case .alreadyRegistered(let status):
                ("You are already registered", "\(statusLabel(status)) at \(event.title).")
            }
        return Layout(title: heading, request: request).render(
            .div(.class("panel-confirmation"), .h1(.plainText(heading)), .p(.plainText(text))),
            .p(.a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText("Back to the event")))
        )
    }

    enum TokenAction { case confirm, cancel }

    static func tokenAction(
        _ request: Request, event: Event, registration: EventRegistration, action: TokenAction, token: String
    ) -> HTML {
        let title = action == .confirm ? "Confirm your place" : "Cancel your place"
        return Layout(title: title, request: request).render(
            .h1(.plainText(title)),
            .p(.plainText("\(event.title): \(when(event)).")),
            .p(
                .plainText(
                    action == .confirm
                        ? "Press the button to confirm you are coming. If the event is full you will join the waiting list."
                        : registration.registrationStatus == .cancelled
                            ? "This registration is already cancelled."
                            : "Press the button to give up your place. If someone is waiting, it goes to them.")),
            .if(
                !(action == .cancel && registration.registrationStatus == .cancelled),
                .form(
                    .method(.post),
                    .action(
                        (action == .confirm ? SiteURL.confirmRegistration : SiteURL.cancelRegistration).path
                            .attributeEscaped),
                    Forms.csrfField(request), Forms.hidden("token", token),
                    Forms.submit(
                        action == .confirm ? "Confirm my place" : "Cancel my place", secondary: action == .cancel)
                ))
        )
    }

    static func cancelled(_ request: Request, event: Event) -> HTML {
        Layout(title: "Your place is cancelled", request: request).render(
            .div(
                .class("panel-confirmation"), .h1(.plainText("Your place is cancelled")),
                .p(.plainText("Thank you for letting us know. If someone was waiting, the place is now theirs."))),
            .p(.a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText("Back to \(event.title)")))
        )
    }

    // MARK: Feedback

    static func feedback(
        _ request: Request, event: Event, token: String, alreadyGiven: Bool, rating: String = "",
        workedWell: String = "", toChange: String = "", errors: FormErrors = .init()
    ) -> HTML {
        Layout(title: "Feedback: \(event.title)", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("How was \(event.title)?")),
            .if(alreadyGiven, .p(.plainText("Thank you: your feedback is already in."))),
            .if(
                !alreadyGiven,
                .form(
                    .method(.post), .action(SiteURL.eventFeedback.path.attributeEscaped),
                    Forms.csrfField(request), Forms.hidden("token", token),
                    .p(.class("hint"), .plainText("The organisers see your answers without your name.")),
                    Forms.radios(
                        name: "rating", legend: "How useful was it for your work?",
                        options: EventFeedback.ratings.map { (String($0.value), $0.label, nil) }, selected: rating,
                        errors: errors),
                    Forms.textarea(
                        name: "worked_well", label: "What worked well? (optional)", value: workedWell, rows: 3,
                        errors: errors),
                    Forms.textarea(
                        name: "to_change", label: "What would you change? (optional)", value: toChange, rows: 3,
                        errors: errors),
                    Forms.submit("Send my feedback")
                ))
        )
    }

    static func feedbackThanks(_ request: Request, event: Event) -> HTML {
        Layout(title: "Thank you", request: request).render(
            .div(
                .class("panel-confirmation"), .h1(.plainText("Thank you")),
                .p(.plainText("Your feedback on \(event.title) has been sent to the organisers.")))
        )
    }

    // MARK: Organisers

    static func form(
        _ request: Request, form: EventForm, event: Event?, hosts: [(value: String, label: String)],
        errors: FormErrors = .init()
    ) -> HTML {
        let title = event == nil ? "Add an event" : "Edit the event"
        let action = event.map { SiteURL.editEvent($0.slug) } ?? .newEvent
        var access: Set<String> = []
        if form.stepFree { access.insert("step_free") }
        if form.hearingLoop { access.insert("hearing_loop") }
        if form.quietRoom { access.insert("quiet_room") }
        var questions: Set<String> = []
        if form.askAccessNeeds { questions.insert("access_needs") }
        if form.askDietaryNeeds { questions.insert("dietary_needs") }
        if form.askOrganisation { questions.insert("organisation") }
        return Layout(title: title, request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(request),
                Forms.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Forms.select(
                    name: "host", label: "Run by", empty: "Choose a hub or organisation", options: hosts,
                    selected: form.host.isEmpty ? nil : form.host, error: errors["host"]),
                Forms.textarea(
                    name: "description", label: "Description", value: form.description,
                    hint: "What will happen, who it is for, and what people should bring. Markdown works.", rows: 6,
                    errors: errors),
                .fieldset(
                    .class("fieldset"),
                    .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText("When (UK time)")]),
                    Forms.input(
                        .init(
                            name: "date", label: "Date", value: form.date,
                            hint: "Year-month-day, for example 2026-03-27", width: "input--width-10"), errors: errors),
                    Forms.input(
                        .init(
                            name: "start_time", label: "Starts at", value: form.startTime,
                            hint: "For example 10:00 or 18:30", width: "input--width-5"), errors: errors),
                    Forms.input(
                        .init(
                            name: "end_date", label: "Ends on (if not the same day)", value: form.endDate,
                            width: "input--width-10"), errors: errors),
                    Forms.input(
                        .init(name: "end_time", label: "Ends at", value: form.endTime, width: "input--width-5"),
                        errors: errors)),
                Forms.input(
                    .init(
                        name: "place", label: "Place", value: form.place,
                        hint: "The venue and its address. Leave empty for an online-only event."), errors: errors),
                Forms.input(
                    .init(
                        name: "online_url", label: "Online link (optional)", type: .url, value: form.onlineURL,
                        spellcheck: false), errors: errors),
                Forms.checkboxes(
                    name: "access", legend: "Access",
                    options: [
                        ("step_free", "Step-free access"), ("hearing_loop", "Hearing loop"),
                        ("quiet_room", "A quiet room"),
                    ], checked: access, errors: errors),
                Forms.input(
                    .init(
                        name: "interpreters", label: "Interpreters (optional)", value: form.interpreters,
                        hint: "For example: BSL interpreter; Urdu and Polish on request"), errors: errors),
                Forms.textarea(
                    name: "access_notes", label: "More about access (optional)", value: form.accessNotes, rows: 2,
                    errors: errors),
                Forms.input(
                    .init(
                        name: "capacity", label: "Number of places", type: .number, value: form.capacity,
                        width: "input--width-5"), errors: errors),
                Forms.radios(
                    name: "audience", legend: "Who may register",
                    options: Event.Audience.allCases.map { ($0.rawValue, $0.label, nil) }, selected: form.audience,
                    errors: errors),
                Forms.checkboxes(
                    name: "questions", legend: "Questions to ask when people register",
                    options: [
                        ("access_needs", "Access needs"), ("dietary_needs", "Dietary needs"),
                        ("organisation", "Their organisation"),
                    ], checked: questions, errors: errors),
                Forms.checkbox(
                    name: "feedback[]", label: "Ask the people who came for feedback afterwards",
                    checked: form.askFeedback),
                Forms.submit("Save the event")
            )
        )
    }

    static func registrations(
        _ request: Request, event: Event, registrations: [EventRegistration], feedback: [EventFeedback],
        message: (subject: String, body: String), errors: FormErrors
    ) -> HTML {
        let confirmed = registrations.filter { $0.registrationStatus == .confirmed }
        let waiting = registrations.filter { $0.registrationStatus == .waitlisted }
        let unconfirmed = registrations.filter { $0.registrationStatus == .unconfirmed }
        return Layout(title: "Who is coming: \(event.title)", request: request, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .p(.a(.href(SiteURL.event(event.slug).path.attributeEscaped), .plainText(event.title))),
            .h1(.plainText("Who is coming")),
            .p(
                .class("lead"),
                .plainText(
                    "\(confirmed.count) of \(event.capacity) places taken, \(waiting.count) on the waiting list, \(unconfirmed.count) waiting to confirm by email."
                )),
            .p(
                .a(
                    .href(SiteURL.eventRegistrationsCSV(event.slug).path.attributeEscaped),
                    .plainText("Download the list (CSV)"))),
            .form(
                .method(.post), .action(SiteURL.eventAttendance(event.slug).path.attributeEscaped),
                Forms.csrfField(request),
                .table(
                    .class("table"),
                    .caption(.plainText("Registrations, in the order they came")),
                    .thead(
                        .tr(
                            .columnHeader("Name"), .columnHeader("Email"), .columnHeader("Status"),
                            .columnHeader("Needs and organisation"), .columnHeader("Came"))),
                    .tbody(
                        .forEach(registrations) { registration in
                            let id = registration.id!.uuidString
                            return .tr(
                                .td(.plainText(registration.name)), .td(.plainText(registration.email)),
                                .td(.plainText(statusLabel(registration.registrationStatus))),
                                .td(
                                    .plainText(
                                        [
                                            registration.organisationName, registration.accessNeeds,
                                            registration.dietaryNeeds,
                                        ].filter { !$0.isEmpty }.joined(separator: "; "))),
                                .td(
                                    .if(
                                        registration.registrationStatus == .confirmed,
                                        .group(
                                            .input(
                                                .type(.checkbox), .name("attended[]"), .value(id.attributeEscaped),
                                                .id("attended-\(id)".attributeEscaped),
                                                .unwrap(registration.attended ? true : nil) { _ in .checked(true) }),
                                            // "Came" stays visible when the table stacks on a phone; the name is there for screen readers.
                                            .label(
                                                .for("attended-\(id)".attributeEscaped), .class("attendance-label"),
                                                .span(.class("visually-hidden"), .plainText(registration.name + " ")),
                                                .plainText("came"))
                                        )))
                            )
                        })),
                .if(!confirmed.isEmpty, Forms.submit("Save attendance", secondary: true))
            ),
            .form(
                .method(.post), .action(SiteURL.eventMessage(event.slug).path.attributeEscaped),
                Forms.csrfField(request),
                .h2(.plainText("Message the people coming")),
                Forms.input(.init(name: "subject", label: "Subject", value: message.subject), errors: errors),
                Forms.textarea(name: "body", label: "Message", value: message.body, rows: 5, errors: errors),
                Forms.checkboxes(
                    name: "include", legend: "Also send to", options: [("waitlisted", "People on the waiting list")],
                    checked: [], errors: errors),
                Forms.submit("Send the message", secondary: true)
            ),
            .h2(.id("feedback-requests"), .plainText("Feedback")),
            .if(!event.askFeedback, .p(.plainText("This event does not ask for feedback."))),
            .if(
                event.askFeedback && event.feedbackRequestedAt == nil,
                .form(
                    .method(.post), .action(SiteURL.eventFeedbackRequests(event.slug).path.attributeEscaped),
                    Forms.csrfField(request),
                    .p(
                        .plainText(
                            event.hasEnded()
                                ? "Send each person who came (everyone with a place, if you have not marked who came) a link to a short feedback form."
                                : "Once the event has finished you can send the people who came a link to a short feedback form."
                        )),
                    .if(event.hasEnded(), Forms.submit("Send feedback requests", secondary: true))
                )),
            .unwrap(event.feedbackRequestedAt) {
                .p(
                    .plainText(
                        "Feedback requests were sent on \(DisplayDate.dateTime($0)). \(feedback.count) \(feedback.count == 1 ? "person has" : "people have") answered."
                    ))
            },
            .if(
                !feedback.isEmpty,
                .group(
                    .table(
                        .class("table"),
                        .caption(.plainText("How useful people found it")),
                        .thead(.tr(.columnHeader("Answer"), .columnHeader("People"))),
                        .tbody(
                            .forEach(EventFeedback.ratings) { rating in
                                .tr(
                                    .th(.attribute(named: "scope", value: "row"), .plainText(rating.label)),
                                    .td(.plainText(String(feedback.filter { $0.rating == rating.value }.count))))
                            })),
                    .h3(.plainText("What worked well")),
                    .ul(
                        .class("bullet-list"),
                        .forEach(feedback.filter { !$0.workedWell.isEmpty }) { .li(.plainText($0.workedWell)) }),
                    .h3(.plainText("What people would change")),
                    .ul(
                        .class("bullet-list"),
                        .forEach(feedback.filter { !$0.toChange.isEmpty }) { .li(.plainText($0.toChange)) })
                ))
        )
    }

}
