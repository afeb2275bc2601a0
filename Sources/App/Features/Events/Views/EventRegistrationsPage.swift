import Plot

/// `/events/{slug}/registrations`: who is coming, attendance, messages and feedback, for the
/// event's organisers.
enum EventRegistrationsPage {
    struct Model: Sendable {
        let page: PageContext
        let event: Event
        /// Every live registration, in the order they came.
        let registrations: [EventRegistration]
        let feedback: [EventFeedback]
        var message = EventMessageForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        let registrations = model.registrations
        let feedback = model.feedback
        let message = model.message
        let errors = model.errors
        let confirmed = registrations.filter { $0.status == .confirmed }
        let waiting = registrations.filter { $0.status == .waitlisted }
        let unconfirmed = registrations.filter { $0.status == .unconfirmed }
        return Layout(title: "Who is coming: \(event.title)", page: model.page, hasErrors: !errors.isEmpty).render(
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
                Forms.csrfField(model.page),
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
                                .td(.plainText(EventViews.statusLabel(registration.status))),
                                .td(
                                    .plainText(
                                        [
                                            registration.organisationName, registration.accessNeeds,
                                            registration.dietaryNeeds,
                                        ].filter { !$0.isEmpty }.joined(separator: "; "))),
                                .td(
                                    .if(
                                        registration.status == .confirmed,
                                        .group(
                                            .input(
                                                .type(.checkbox), .name("attended[]"), .value(id.attributeEscaped),
                                                .id("attended-\(id)".attributeEscaped),
                                                .unwrap(registration.attended ? true : nil) { _ in .checked(true) }),
                                            // "Came" stays visible when the table stacks on a phone; the name
                                            // is there for screen readers.
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
                Forms.csrfField(model.page),
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
                    Forms.csrfField(model.page),
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
