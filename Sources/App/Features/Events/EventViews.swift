import Foundation
import Plot

/// What the events pages and emails share: how an event's time, host and registrations are put
/// into words. The pages themselves are in `Views/` and below.
enum EventViews {
    /// "Saturday 14 March 2026, 10am to 4pm (UK time)"; the zone's rules put each time on the
    /// right side of a clock change.
    static func when(_ event: Event) -> String {
        when(startsAt: event.startsAt, endsAt: event.endsAt)
    }

    static func when(_ event: EventListing) -> String {
        when(startsAt: event.startsAt, endsAt: event.endsAt)
    }

    private static func when(startsAt: Date, endsAt: Date) -> String {
        let starts = "\(DisplayDate.weekdayDay(startsAt)), \(DisplayDate.time(startsAt))"
        let sameDay = UKDate.string(from: startsAt) == UKDate.string(from: endsAt)
        return sameDay
            ? "\(starts) to \(DisplayDate.time(endsAt)) (UK time)"
            : "\(starts) to \(DisplayDate.weekdayDay(endsAt)), \(DisplayDate.time(endsAt)) (UK time)"
    }

    /// Who runs the event, as far as this reader may know: a members-only organisation is not named to others.
    static func host(_ event: Event, seesMembersOnly: Bool) -> String {
        host(
            hubName: event.hub?.name, organisationName: event.organisation?.name,
            organisationIsPublic: event.organisation?.isPublic ?? false, seesMembersOnly: seesMembersOnly)
    }

    static func host(_ event: EventListing, seesMembersOnly: Bool) -> String {
        host(
            hubName: event.hubName, organisationName: event.organisationName,
            organisationIsPublic: event.organisationIsPublic, seesMembersOnly: seesMembersOnly)
    }

    private static func host(
        hubName: String?, organisationName: String?, organisationIsPublic: Bool, seesMembersOnly: Bool
    ) -> String {
        if let hubName { return "The \(hubName) hub" }
        guard let organisationName else { return "Bridgework" }
        return organisationIsPublic || seesMembersOnly ? organisationName : "An organisation in the alliance"
    }

    static func statusLabel(_ status: EventRegistration.Status) -> String {
        switch status {
        case .unconfirmed, .confirming: return "Waiting for email confirmation"
        case .confirmed: return "Has a place"
        case .waitlisted: return "On the waiting list"
        case .cancelled: return "Cancelled"
        }
    }

    static func calendarLink(_ url: SiteURL, title: String) -> Node<HTML.HeadContext> {
        .link(
            .rel(.alternate), .type("text/calendar"), .attribute(named: "title", value: title.attributeEscaped),
            .href(url.path.attributeEscaped))
    }

    /// A confirmation panel with a heading, a sentence and a way back to the event.
    fileprivate static func confirmation(
        page: PageContext, heading: String, text: String, back: (text: String, event: Event)
    ) -> HTML {
        Layout(title: heading, page: page).render(
            .div(.class("panel-confirmation"), .h1(.plainText(heading)), .p(.plainText(text))),
            .p(.a(.href(SiteURL.event(back.event.slug).path.attributeEscaped), .plainText(back.text)))
        )
    }
}

/// After someone registered or confirmed: where they stand.
enum EventRegisteredPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
        let outcome: EventBooking.Outcome
        /// The address the details went to.
        let email: String
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        let email = model.email
        let (heading, text): (String, String) =
            switch model.outcome {
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
                ("You are already registered", "\(EventViews.statusLabel(status)) at \(event.title).")
            }
        return EventViews.confirmation(
            page: model.page, heading: heading, text: text, back: ("Back to the event", event))
    }
}

/// The page a link in an email opens: a button to confirm or cancel, so a mail scanner opening
/// the link does nothing on the person's behalf.
enum EventTokenPage {
    enum Action: Sendable { case confirm, cancel }

    struct Model: Sendable {
        let page: PageContext
        let event: Event
        let registrationStatus: EventRegistration.Status
        let action: Action
        /// The secret from the link, carried in the form.
        let token: String
    }

    static func view(_ model: Model) -> HTML {
        let confirming = model.action == .confirm
        let alreadyCancelled = !confirming && model.registrationStatus == .cancelled
        let title = confirming ? "Confirm your place" : "Cancel your place"
        let explanation =
            confirming
            ? "Press the button to confirm you are coming. If the event is full you will join the waiting list."
            : alreadyCancelled
                ? "This registration is already cancelled."
                : "Press the button to give up your place. If someone is waiting, it goes to them."
        let target = confirming ? SiteURL.confirmRegistration : SiteURL.cancelRegistration
        return Layout(title: title, page: model.page).render(
            .h1(.plainText(title)),
            .p(.plainText("\(model.event.title): \(EventViews.when(model.event)).")),
            .p(.plainText(explanation)),
            .if(
                !alreadyCancelled,
                .form(
                    .method(.post),
                    .action(target.path.attributeEscaped),
                    Forms.csrfField(model.page), Forms.hidden("token", model.token),
                    Forms.submit(confirming ? "Confirm my place" : "Cancel my place", secondary: !confirming)
                ))
        )
    }
}

/// After a place was given up.
enum EventCancelledPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
    }

    static func view(_ model: Model) -> HTML {
        EventViews.confirmation(
            page: model.page, heading: "Your place is cancelled",
            text: "Thank you for letting us know. If someone was waiting, the place is now theirs.",
            back: ("Back to \(model.event.title)", model.event))
    }
}

/// `/events/feedback`: the short form someone who came fills in afterwards.
enum EventFeedbackPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
        let alreadyGiven: Bool
        var form = EventFeedbackForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        let form = model.form
        let errors = model.errors
        return Layout(title: "Feedback: \(event.title)", page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText("How was \(event.title)?")),
            .if(model.alreadyGiven, .p(.plainText("Thank you: your feedback is already in."))),
            .if(
                !model.alreadyGiven,
                .form(
                    .method(.post), .action(SiteURL.eventFeedback.path.attributeEscaped),
                    Forms.csrfField(model.page), Forms.hidden("token", form.token),
                    .p(.class("hint"), .plainText("The organisers see your answers without your name.")),
                    Forms.radios(
                        name: "rating", legend: "How useful was it for your work?",
                        options: EventFeedback.ratings.map { (String($0.value), $0.label, nil) },
                        selected: form.rating, errors: errors),
                    Forms.textarea(
                        name: "worked_well", label: "What worked well? (optional)", value: form.workedWell, rows: 3,
                        errors: errors),
                    Forms.textarea(
                        name: "to_change", label: "What would you change? (optional)", value: form.toChange, rows: 3,
                        errors: errors),
                    Forms.submit("Send my feedback")
                ))
        )
    }
}

/// After feedback was sent.
enum EventFeedbackThanksPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
    }

    static func view(_ model: Model) -> HTML {
        Layout(title: "Thank you", page: model.page).render(
            .div(
                .class("panel-confirmation"), .h1(.plainText("Thank you")),
                .p(.plainText("Your feedback on \(model.event.title) has been sent to the organisers.")))
        )
    }
}
