import Foundation
import Plot

/// The playbook as every trigger page shows it: the first day, week and month, and what it links to.
enum TriggerPlaybookView {
    static func render(_ event: TriggerEvent, _ links: TriggerPlaybook) -> Node<HTML.BodyContext> {
        .group(
            .h2(.plainText("The playbook")),
            .h3(.plainText("In the first 24 hours")),
            .div(.class("prose"), Markdown.node(event.firstDay)),
            .h3(.plainText("In the first 7 days")),
            .div(.class("prose"), Markdown.node(event.firstWeek)),
            .h3(.plainText("In the first 30 days")),
            .div(.class("prose"), Markdown.node(event.firstMonth)),
            linkList("From the library", links.resources),
            linkList("Narratives to answer", links.narratives),
            linkList("From the practice bank", links.caseStudies)
        )
    }

    private static func linkList(_ heading: String, _ links: [(title: String, link: String)]) -> Node<HTML.BodyContext>
    {
        .if(
            !links.isEmpty,
            .group(
                .h3(.plainText(heading)),
                .ul(
                    .class("bullet-list"),
                    .forEach(links) { link in .li(.a(.href(link.link.attributeEscaped), .plainText(link.title))) })))
    }

    static func themes(_ event: TriggerEvent) -> String {
        let labels = event.themeCodes.compactMap { Vocabulary.theme.label(for: $0) }
        return labels.isEmpty ? "None given" : Wording.list(labels)
    }
}

/// `/alliance/trigger-events/new` and `/edit`: what happened, and the playbook.
enum TriggerEventFormPage {
    struct Model: Sendable {
        let page: PageContext
        let event: TriggerEvent?
        let form: TriggerEventForm
        let resources: [(slug: String, title: String)]
        let narratives: [(slug: String, title: String)]
        let caseStudies: [(slug: String, title: String)]
        var errors = FormErrors()

        var known: TriggerEventForm.Known {
            .init(
                resources: Set(resources.map(\.slug)), narratives: Set(narratives.map(\.slug)),
                caseStudies: Set(caseStudies.map(\.slug)))
        }
    }

    static func view(_ model: Model) -> HTML {
        let form = model.form
        let title = model.event == nil ? "Declare a trigger event" : "Change the trigger event"
        let action = model.event?.id.map { SiteURL.editTriggerEvent($0).path } ?? SiteURL.newTriggerEvent.path
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            .p(.a(.href(SiteURL.alliance.path), .plainText("Back to the alliance view"))),
            .h1(.plainText(title)),
            .if(
                model.event == nil,
                .p(
                    .plainText(
                        "Declare one when a single incident could undo good relations across the country. Every hub's stewards are emailed at once and asked to check in; a day later, those who have not are reminded."
                    ))),
            .form(
                .method(.post), .action(action.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                Forms.input(
                    .init(name: "title", label: "A short name for it", value: form.title), errors: model.errors),
                Forms.textarea(
                    name: "what_happened", label: "What happened", value: form.whatHappened,
                    hint: "What is known for certain, and what is not yet known. Stewards read this.", rows: 4,
                    errors: model.errors),
                Forms.dateInput(
                    name: "happened_on", legend: "When did it happen?", value: form.happenedOn, errors: model.errors),
                Forms.checkboxes(
                    name: "themes", legend: "Themes (optional)",
                    options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes,
                    errors: model.errors, groupID: "themes"),
                .h2(.plainText("The playbook")),
                .p(
                    .plainText(
                        "What hubs should do, in Markdown. It starts from the alliance's usual steps; make it fit this event."
                    )),
                Forms.textarea(
                    name: "first_day", label: "In the first 24 hours", value: form.firstDay, rows: 5,
                    errors: model.errors),
                Forms.textarea(
                    name: "first_week", label: "In the first 7 days", value: form.firstWeek, rows: 5,
                    errors: model.errors),
                Forms.textarea(
                    name: "first_month", label: "In the first 30 days", value: form.firstMonth, rows: 5,
                    errors: model.errors),
                links("resources", "Library resources to point hubs to", model.resources, form.resources, model),
                links("narratives", "Narratives hubs may meet", model.narratives, form.narratives, model),
                links(
                    "case_studies", "Case studies from the practice bank", model.caseStudies, form.caseStudies, model),
                Forms.submit(model.event == nil ? "Declare it and ask hubs to check in" : "Save")
            )
        )
    }

    private static func links(
        _ name: String, _ legend: String, _ options: [(slug: String, title: String)], _ checked: Set<String>,
        _ model: Model
    ) -> Node<HTML.FormContext> {
        options.isEmpty
            ? .p(.plainText("\(legend): there are none yet."))
            : Forms.checkboxes(
                name: name, legend: legend + " (optional)", options: options.map { ($0.slug, $0.title) },
                checked: checked, errors: model.errors, groupID: name)
    }
}

/// `/alliance/trigger-events/{id}`: for the national team, which hubs have answered and how; a
/// hub with no answer is shown as missing.
enum TriggerEventPage {
    struct Return: Sendable {
        let hubName: String
        let checkIn: TriggerCheckIn?
        let stewards: Int
    }

    struct Model: Sendable {
        let page: PageContext
        let event: TriggerEvent
        let returns: [Return]
        let playbook: TriggerPlaybook
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        let answered = model.returns.filter { $0.checkIn != nil }.count
        return Layout(title: event.title, page: model.page).render(
            .p(.a(.href(SiteURL.alliance.path), .plainText("Back to the alliance view"))),
            .span(.class("caption"), .plainText("Trigger event")),
            .h1(.plainText(event.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Happened on")), .dd(.plainText(DisplayDate.day(iso: event.happenedOn)))),
                .div(.dt(.plainText("Declared")), .dd(.plainText(DisplayDate.dateTime(event.declaredAt)))),
                .div(.dt(.plainText("Themes")), .dd(.plainText(TriggerPlaybookView.themes(event)))),
                .div(
                    .dt(.plainText("Reminder")),
                    .dd(
                        .plainText(
                            event.remindedAt.map { "Sent on \(DisplayDate.dateTime($0)) to hubs that had not answered" }
                                ?? (event.isOpen
                                    ? "Goes 24 hours after it was declared to hubs that have not answered"
                                    : "None was sent: check-ins closed first")))),
                .div(
                    .dt(.plainText("Check-ins")),
                    .dd(.plainText(event.isOpen ? "Open" : "Closed on \(DisplayDate.dateTime(event.closedAt))")))
            ),
            .p(.class("preserve-lines"), .plainText(event.whatHappened)),
            .h2(.plainText("Hubs' returns")),
            .p(
                .plainText(
                    "\(answered) of \(Wording.count(model.returns.count, "hub has", "hubs have")) checked in. A hub that has not answered is shown as missing: no answer is not a calm answer."
                )),
            .scrollingTable(
                label: "Hubs' returns",
                .table(
                    .class("table"),
                    .caption(.class("visually-hidden"), .plainText("Each hub's check-in")),
                    .thead(
                        .tr(.columnHeader("Hub"), .columnHeader("Answer"), .columnHeader("Note"), .columnHeader("When"))
                    ),
                    .tbody(
                        .forEach(model.returns) { row in
                            .tr(
                                .rowHeader(row.hubName),
                                .td(answer(row)),
                                .td(.class("preserve-lines"), .plainText(row.checkIn?.note ?? "")),
                                .td(
                                    .plainText(
                                        row.checkIn.map { DisplayDate.dateTime($0.updatedAt ?? $0.createdAt) } ?? "")))
                        })
                )),
            TriggerPlaybookView.render(event, model.playbook),
            .p(
                .a(
                    .href(SiteURL.editTriggerEvent(event.id!).path.attributeEscaped),
                    .plainText("Change what happened or the playbook"))),
            .if(
                event.isOpen,
                .form(
                    .method(.post), .action(SiteURL.closeTriggerEvent(event.id!).path.attributeEscaped),
                    Forms.csrfField(model.page),
                    .p(.plainText("Close it when hubs no longer need to check in. Their answers stay.")),
                    Forms.submit("Close check-ins", secondary: true)))
        )
    }

    private static func answer(_ row: Return) -> Node<HTML.BodyContext> {
        guard let checkIn = row.checkIn else {
            return .strong(
                .plainText(row.stewards == 0 ? "Missing: the hub has no steward to answer" : "Missing: no answer yet"))
        }
        return .plainText(checkIn.level.map { "Level \($0)" } ?? "No change")
    }
}

/// `/hubs/{slug}/trigger-events/{id}`: the event and its playbook for the hub's members, and the
/// check-in for its stewards.
enum CheckInPage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let event: TriggerEvent
        let scale: TensionScale
        let existing: TriggerCheckIn?
        let playbook: TriggerPlaybook
        let canCheckIn: Bool
        var form = CheckInForm()
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let event = model.event
        return Layout(title: event.title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            TensionViews.backToPicture(model.hub),
            .span(.class("caption"), .plainText("Trigger event, declared by the national team")),
            .h1(.plainText(event.title)),
            .dl(
                .class("summary-list"),
                .div(.dt(.plainText("Happened on")), .dd(.plainText(DisplayDate.day(iso: event.happenedOn)))),
                .div(.dt(.plainText("Themes")), .dd(.plainText(TriggerPlaybookView.themes(event)))),
                .div(
                    .dt(.plainText("Your hub's answer")),
                    .dd(
                        .plainText(
                            model.existing.map { checkIn in
                                (checkIn.level.map { "Level " + model.scale.describe($0) } ?? "No change")
                                    + ", sent \(DisplayDate.dateTime(checkIn.updatedAt ?? checkIn.createdAt))"
                            } ?? "Not sent yet")))
            ),
            .p(.class("preserve-lines"), .plainText(event.whatHappened)),
            .if(model.canCheckIn && event.isOpen, form(model)),
            .if(!event.isOpen, .p(.id("closed"), .plainText("The national team has closed this event's check-ins."))),
            TriggerPlaybookView.render(event, model.playbook)
        )
    }

    private static func form(_ model: Model) -> Node<HTML.BodyContext> {
        .form(
            .method(.post),
            .action(SiteURL.hubCheckIn(model.hub.slug, model.event.id!).path.attributeEscaped),
            .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrfField(model.page),
            .h2(.plainText(model.existing == nil ? "Check in" : "Change your hub's answer")),
            .p(
                .plainText(
                    "The national team reads this answer and its note, beside every other hub's. A level you give also becomes the hub's level for this week."
                )),
            Forms.radios(
                name: "answer", legend: "How are things in \(model.hub.name) now?",
                options: TensionViews.scaleOptions(model.scale) + [
                    (CheckInForm.noChange, "No change", "Nothing has changed here since the event.")
                ],
                selected: model.form.answer, errors: model.errors),
            Forms.textarea(
                name: "note", label: "A note for the national team (optional)", value: model.form.note,
                hint: "What you are hearing and doing, in general terms. No names, addresses or contact details.",
                rows: 4, errors: model.errors),
            Forms.submit("Send the check-in")
        )
    }
}
