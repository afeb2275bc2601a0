import Plot

/// Parts the tension watch's pages share.
enum TensionViews {
    /// "Level 4, High", marked out at the levels a steward must acknowledge.
    static func levelTag(_ level: Int, scale: TensionScale) -> Node<HTML.BodyContext> {
        .span(
            .class(TensionScale.needsAcknowledging(level) ? "level-tag level-tag--high" : "level-tag"),
            .plainText("Level " + scale.describe(level)))
    }

    /// The line every tension page carries, so nobody forgets who reads it.
    static func privacyLine(_ hub: Hub) -> Node<HTML.BodyContext> {
        .p(
            .class("private-note"),
            .plainText(
                "Only members of \(hub.name) can see this. The national team sees the hub's level and how many observations it logged each week, and, by month, which narratives hubs met; never what was written, where, or by whom."
            ))
    }

    static func scaleOptions(_ scale: TensionScale) -> [(value: String, label: String, hint: String?)] {
        scale.levels.map { (String($0.number), "\($0.number): \($0.name)", $0.description) }
    }

    static func backToPicture(_ hub: Hub) -> Node<HTML.BodyContext> {
        .p(.a(.href(SiteURL.hubTension(hub.slug).path.attributeEscaped), .plainText("Back to the tension watch")))
    }

    /// A list of observations, each a link with its day, area, kind and level.
    static func lines(_ lines: [TensionLine], hub: Hub, scale: TensionScale, empty: String) -> Node<HTML.BodyContext> {
        lines.isEmpty
            ? .p(.plainText(empty))
            : .ul(
                .class("plain-list results"),
                .forEach(lines) { line in
                    .li(
                        .class("result"),
                        .h3(
                            .class("result__title"),
                            .a(
                                .href(SiteURL.observation(hub.slug, line.id).path.attributeEscaped),
                                .plainText("\(line.kind) in \(line.areaName), \(DisplayDate.day(iso: line.observedOn))")
                            )
                        ),
                        .p(
                            levelTag(line.level, scale: scale),
                            .if(line.needsAcknowledging, .plainText(" Waiting for a steward to acknowledge it.")),
                            .if(line.followUpOpen, .plainText(" Follow-up open."))),
                        .p(.plainText(line.excerpt))
                    )
                })
    }
}
