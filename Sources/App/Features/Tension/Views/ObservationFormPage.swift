import Foundation
import Plot

/// `/hubs/{slug}/tension/new`: logging an observation, with a warning before saving words that
/// look like they could identify someone.
enum ObservationFormPage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let scale: TensionScale
        let areas: [(code: String, name: String)]
        let narratives: [(id: UUID, slug: String, title: String)]
        let form: ObservationForm
        let retentionMonths: Int
        let earliestKept: String
        var errors = FormErrors()
        /// Set when the form stopped to warn about personal data.
        var personalData: [(field: String, findings: [PersonalDataCheck.Finding])] = []
    }

    static let fieldNames = ["what_seen": "What was seen or heard", "response": "The response"]

    static func view(_ model: Model) -> HTML {
        let hub = model.hub
        let title = "Log an observation"
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            warning(model),
            TensionViews.backToPicture(hub),
            .span(.class("caption"), .plainText(hub.name)),
            .h1(.plainText(title)),
            TensionViews.privacyLine(hub),
            .p(
                .plainText(
                    "Describe what happened and where in general terms, never who: no names, phone numbers, email addresses, street addresses or number plates. The hub keeps it for \(model.retentionMonths) months."
                )),
            model.areas.isEmpty
                ? .p(
                    .plainText(
                        "This hub has no council areas set yet, so there is nowhere to log an observation against. The national team sets a hub's areas; ask them at \(model.page.contactEmail)."
                    ))
                : form(model)
        )
    }

    private static func form(_ model: Model) -> Node<HTML.BodyContext> {
        let hub = model.hub
        let form = model.form
        return .form(
            .method(.post), .action(SiteURL.newObservation(hub.slug).path.attributeEscaped),
            .attribute(named: "novalidate", value: "novalidate"),
            Forms.csrfField(model.page),
            Forms.dateInput(
                name: "observed_on", legend: "When was it seen?", value: form.observedOn, errors: model.errors),
            Forms.select(
                name: "area", label: "Council area", empty: "Choose an area",
                options: model.areas.map { ($0.code, $0.name) }, selected: form.area, error: model.errors["area"]),
            Forms.radios(
                name: "kind", legend: "What was it?",
                options: TensionObservation.Kind.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: form.kind, errors: model.errors),
            Forms.checkboxes(
                name: "themes", legend: "Themes (optional)",
                options: Vocabulary.theme.terms.map { ($0.code, $0.label) }, checked: form.themes,
                errors: model.errors, groupID: "themes"),
            Forms.radios(
                name: "level", legend: "How serious is it, on the hub's scale?",
                options: TensionViews.scaleOptions(model.scale), selected: form.level, errors: model.errors),
            Forms.textarea(
                name: "what_seen", label: "What was seen or heard",
                value: form.whatSeen,
                hint:
                    "What happened or what is being said, and how widely. Name places in general terms: a park, a high street, a school gate.",
                rows: 6, errors: model.errors),
            Forms.radios(
                name: "grading", legend: "How is it known?",
                options: TensionObservation.Grading.allCases.map { ($0.rawValue, $0.label, $0.hint) },
                selected: form.grading, errors: model.errors),
            Forms.radios(
                name: "source_type", legend: "Where did it come from?",
                options: TensionObservation.SourceType.allCases.map { ($0.rawValue, $0.label, nil) },
                selected: form.sourceType, errors: model.errors),
            Forms.textarea(
                name: "response", label: "What has been done about it (optional)", value: form.response,
                hint: "Who was told, what was said back, what is planned.", rows: 4, errors: model.errors),
            Forms.select(
                name: "narrative",
                label: "Does a rumour or online narrative echo one in the narrative bank? (optional)",
                empty: "No, or not sure", options: model.narratives.map { ($0.slug, $0.title) },
                selected: form.narrative, error: model.errors["narrative"]),
            .if(
                !model.personalData.isEmpty || form.confirmedNoPersonalData,
                Forms.checkbox(
                    name: "confirm_no_personal_data",
                    label: "I have checked: nothing here identifies anyone, so save it as it is",
                    checked: form.confirmedNoPersonalData)),
            Forms.submit("Save the observation")
        )
    }

    private static func warning(_ model: Model) -> Node<HTML.BodyContext> {
        .if(
            !model.personalData.isEmpty,
            .div(
                .class("warning-panel"), .id("personal-data-warning"),
                .attribute(named: "role", value: "alert"),
                .attribute(named: "tabindex", value: "-1"), .attribute(named: "data-focus-first", value: "true"),
                .h2(.plainText("Check this does not identify anyone")),
                .p(.plainText("Nothing is saved yet. Some words look like they could identify a person:")),
                .ul(
                    .class("bullet-list"),
                    .forEach(model.personalData) { field, findings in
                        .li(
                            .a(
                                .href("#\(field)".attributeEscaped),
                                .plainText(fieldNames[field] ?? field)),
                            .plainText(
                                ": "
                                    + findings.map { "\($0.kind.label) (“\($0.text)”)" }.joined(separator: "; ")))
                    }),
                .p(
                    .plainText(
                        "Change those words below, or, if they are a place or an organisation and not a person, tick the box at the end of the form and save."
                    ))
            ))
    }
}
