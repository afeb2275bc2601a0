import Plot

/// `/hubs/{slug}/tension/settings`: the stewards word the hub's five levels and choose how long
/// observations are kept.
enum TensionSettingsPage {
    struct Model: Sendable {
        let page: PageContext
        let hub: Hub
        let form: TensionSettingsForm
        var errors = FormErrors()
    }

    static func view(_ model: Model) -> HTML {
        let title = "The hub's scale and how long it keeps observations"
        return Layout(title: title, page: model.page, hasErrors: !model.errors.isEmpty).render(
            Forms.errorSummary(model.errors),
            TensionViews.backToPicture(model.hub),
            .span(.class("caption"), .plainText(model.hub.name)),
            .h1(.plainText(title)),
            .p(
                .plainText(
                    "The scale always has five levels, 1 the calmest and 5 the most serious, so the alliance can add up levels across hubs. Word each level the way your members talk about it."
                )),
            .form(
                .method(.post), .action(SiteURL.hubTensionSettings(model.hub.slug).path.attributeEscaped),
                .attribute(named: "novalidate", value: "novalidate"),
                Forms.csrfField(model.page),
                .forEach(Array(1...TensionScale.levelCount)) { number in
                    .fieldset(
                        .class("fieldset"),
                        .element(
                            named: "legend", nodes: [.class("fieldset__legend"), .plainText("Level \(number)")]),
                        Forms.input(
                            .init(
                                name: "level_\(number)_name", label: "Name of level \(number)",
                                value: model.form.names[number - 1], width: "input--width-20"), errors: model.errors),
                        Forms.textarea(
                            name: "level_\(number)_description", label: "What level \(number) means",
                            value: model.form.descriptions[number - 1], rows: 2, errors: model.errors)
                    )
                },
                Forms.radios(
                    name: "retention_months", legend: "How long should the hub keep observations?",
                    options: TensionScale.retentionChoices.map { months in
                        (
                            String(months), "\(months) months",
                            months == TensionScale.defaultRetentionMonths ? "The alliance's usual period." : nil
                        )
                    }, selected: model.form.retentionMonths, errors: model.errors),
                .p(
                    .plainText(
                        "Each night, observations older than this are deleted for good, and older notes on the hub's weekly level are cleared. The level numbers stay, so the hub's trend does too."
                    )),
                Forms.submit("Save")
            )
        )
    }
}
