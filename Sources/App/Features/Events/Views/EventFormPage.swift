import Plot

/// `/events/new` and `/events/{slug}/edit`: what an organiser types for an event.
enum EventFormPage {
    struct Model: Sendable {
        let page: PageContext
        var form: EventForm
        /// The event being edited, or nil for a new one.
        let event: Event?
        /// The hubs and organisations this person may run events for, as choices.
        let hosts: [(value: String, label: String)]
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let event = model.event
        let errors = model.errors
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
        return Layout(title: title, page: model.page, hasErrors: !errors.isEmpty).render(
            Forms.errorSummary(errors),
            .h1(.plainText(title)),
            .form(
                .method(.post), .action(action.path.attributeEscaped),
                Forms.csrfField(model.page),
                Forms.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Forms.select(
                    name: "host", label: "Run by", empty: "Choose a hub or organisation", options: model.hosts,
                    selected: form.host.isEmpty ? nil : form.host, error: errors["host"]),
                Forms.textarea(
                    name: "description", label: "Description", value: form.description,
                    hint: "What will happen, who it is for, and what people should bring. Markdown works.", rows: 6,
                    errors: errors),
                .fieldset(
                    .class("fieldset"),
                    .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText("When (UK time)")]),
                    Forms.dateInput(name: "date", legend: "Date", value: form.date, errors: errors),
                    Forms.input(
                        .init(
                            name: "start_time", label: "Starts at", value: form.startTime,
                            hint: "For example 10:00 or 18:30", width: "input--width-5"), errors: errors),
                    Forms.dateInput(
                        name: "end_date", legend: "Ends on (if not the same day)", value: form.endDate,
                        hint: "Leave it empty for an event that ends on the day it starts.", errors: errors),
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
}
