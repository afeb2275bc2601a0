import Plot

/// The council areas of England as checkboxes (`area[]`), a region to each disclosure, open where
/// something in it is chosen. Organisations and hubs both say where they work with it.
enum AreaPicker {
    static func fieldset(
        legend: String, hint: String = "Open a region to choose its council areas.", chosen: Set<String>,
        error: String?
    ) -> Node<HTML.FormContext> {
        .div(
            .class(error == nil ? "form-group" : "form-group form-group--error"), .id("areas"),
            .fieldset(
                .class("fieldset"),
                .element(named: "legend", nodes: [.class("fieldset__legend"), .plainText(legend)]),
                .div(.class("hint"), .plainText(hint)),
                .unwrap(error) {
                    .p(.class("error-message"), .span(.class("visually-hidden"), .plainText("Error: ")), .plainText($0))
                },
                .forEach(LocalAuthorities.regions) { region in
                    regionGroup(region, chosen: chosen)
                }
            )
        )
    }

    private static func regionGroup(_ region: String, chosen: Set<String>) -> Node<HTML.FormContext> {
        let areas = LocalAuthorities.all.filter { $0.region == region }
        let chosenHere = areas.filter { chosen.contains($0.code) }.count
        return .details(
            .class("details"),
            .if(chosenHere > 0, .attribute(named: "open", value: "open")),
            .summary(
                .class("details__summary"),
                .plainText(chosenHere > 0 ? "\(region) (\(chosenHere) chosen)" : region)),
            .div(
                .class("checkboxes checkboxes--small"),
                .forEach(areas) { area in
                    .div(
                        .class("checkboxes__item"),
                        .input(
                            .class("checkboxes__input"), .type(.checkbox),
                            .id("area-\(area.code)".attributeEscaped), .name("area[]"),
                            .value(area.code.attributeEscaped),
                            .unwrap(chosen.contains(area.code) ? true : nil) { _ in .checked(true) }),
                        .label(
                            .class("checkboxes__label"), .for("area-\(area.code)".attributeEscaped),
                            .plainText(area.name))
                    )
                })
        )
    }
}
